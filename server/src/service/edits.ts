/**
 * Applying text edits, for tests and for the CLI's `--fix`, and the rule every edit the server
 * sends obeys (`disjointEdits`). Edits are located by line and UTF-16 character (LSP's
 * coordinates, which the tree's ranges share), so edits from any source apply the same way.
 */
import { offsetAt, splitLines } from '../../../grammar/src/positions';
import type { PositionLike } from './ranges';

/** Document order of two positions: negative, zero or positive. */
const cmp = (a: PositionLike, b: PositionLike) => a.line - b.line || a.character - b.character;

export interface EditLike {
  range: { start: PositionLike; end: PositionLike };
  newText: string;
}

/**
 * Applies edits to `text`. They are sorted by position (edits at one position keep their order);
 * an edit overlapping one before it is skipped. Never throws: malformed edits are ignored.
 */
export function applyEdits(text: string, edits: readonly EditLike[]): string {
  try {
    const lines = splitLines(text);
    const located: { start: number; end: number; newText: string; i: number }[] = [];
    edits.forEach((e, i) => {
      if (!e || !e.range || typeof e.newText !== 'string') return;
      const { start, end } = e.range;
      if (![start?.line, start?.character, end?.line, end?.character].every(Number.isInteger)) return;
      const a = offsetAt(lines, start.line, start.character);
      const b = offsetAt(lines, end.line, end.character);
      if (b < a) return;
      located.push({ start: a, end: b, newText: e.newText, i });
    });
    located.sort((x, y) => x.start - y.start || x.end - y.end || x.i - y.i);
    let out = '';
    let at = 0;
    for (const e of located) {
      if (e.start < at) continue;
      out += text.slice(at, e.start) + e.newText;
      at = e.end;
    }
    return out + text.slice(at);
  } catch {
    return text;
  }
}

/**
 * The edits of one workspace edit as LSP requires them: in document order, never overlapping (VS
 * Code refuses the whole edit otherwise: "Overlapping ranges are not allowed!"). An edit repeated
 * exactly is kept once; two that really overlap cannot both be meant, and the answer is undefined,
 * so that the caller offers nothing rather than a guess. Edits starting at one point keep their
 * order, and an insertion there does not overlap a replacement that starts there too.
 */
export function disjointEdits<E extends EditLike>(edits: readonly E[]): E[] | undefined {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((x, y) => cmp(x.e.range.start, y.e.range.start) || x.i - y.i)
    .map((x) => x.e);
  const out: E[] = [];
  // The furthest end of the edits starting before the current point, and of those starting at it.
  let endBefore: PositionLike | undefined;
  let endHere: PositionLike | undefined;
  const later = (a: PositionLike | undefined, b: PositionLike) => (a && cmp(a, b) >= 0 ? a : b);
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && cmp(last.range.start, e.range.start) === 0 && cmp(last.range.end, e.range.end) === 0 && last.newText === e.newText) continue;
    if (last && cmp(last.range.start, e.range.start) < 0) {
      if (endHere) endBefore = later(endBefore, endHere);
      endHere = undefined;
    }
    const empty = cmp(e.range.start, e.range.end) === 0;
    if (endBefore && cmp(endBefore, e.range.start) > 0) return undefined;
    if (!empty && endHere && cmp(endHere, e.range.start) > 0) return undefined;
    endHere = later(endHere, e.range.end);
    out.push(e);
  }
  return out;
}
