/** Line diffs for `--fix-dry-run`: what a fix would change, in the cable's own lines. */

export interface DiffHunk {
  /** 1-based line in the old text where the hunk starts. */
  line: number;
  removed: string[];
  added: string[];
}

/** Beyond this many cells the middle is shown as one replaced block rather than aligned. */
const MAX_CELLS = 4_000_000;

/**
 * The changed lines between two texts as hunks (common lines left out). Fixes change few lines,
 * so the common head and tail are stripped first and the rest aligned by longest common
 * subsequence.
 */
export function lineDiff(before: string, after: string): DiffHunk[] {
  // Lines end as the cable's do (LF, CRLF or a lone CR), so line numbers match the diagnostics'.
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length === 0 && y.length === 0) return [];
  if (x.length * y.length > MAX_CELLS) return [{ line: head + 1, removed: x, added: y }];
  // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..].
  const w = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const hunks: DiffHunk[] = [];
  let current: DiffHunk | undefined;
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      current = undefined;
      i++;
      j++;
      continue;
    }
    if (!current) hunks.push((current = { line: head + i + 1, removed: [], added: [] }));
    if (j < y.length && (i >= x.length || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) current.added.push(y[j++]!);
    else current.removed.push(x[i++]!);
  }
  return hunks;
}
