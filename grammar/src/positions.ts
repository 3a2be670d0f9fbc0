import type { Line, Position, Range, Span } from './ast';

/**
 * Splits text into lines exactly as LSP counts them: `\n`, `\r\n` and a lone `\r`
 * each end a line. `end` excludes the terminator.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // indexOf finds the terminators far faster than a loop over every character.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      lines.push({ start, end: lf });
      start = lf + 1;
      lf = text.indexOf('\n', start);
    } else {
      lines.push({ start, end: cr });
      if (lf === cr + 1) {
        start = lf + 1;
        lf = text.indexOf('\n', start);
      } else {
        start = cr + 1;
      }
      cr = text.indexOf('\r', start);
    }
  }
  lines.push({ start, end: text.length });
  return lines;
}

/**
 * The line of the last lookup and the table it was in: the builders read a text in order, so the
 * next offset is nearly always on that line or the next one, and a look there replaces the
 * binary search. (Module state only speeds the search up; the answer never depends on it.)
 */
let cursorLines: readonly Line[] | undefined;
let cursor = 0;

/** Index of the line containing `offset` (offsets past the end clamp). */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  if (lines === cursorLines) {
    for (let at = cursor, stop = Math.min(cursor + 2, lines.length - 1); at <= stop; at++) {
      if (lines[at]!.start <= offset && (at === lines.length - 1 || lines[at + 1]!.start > offset)) return (cursor = at);
      if (lines[at]!.start > offset) break;
    }
  }
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  cursorLines = lines;
  return (cursor = lo);
}

export function positionAt(lines: readonly Line[], offset: number): Position {
  const line = lineIndexAt(lines, offset);
  const l = lines[line]!;
  // An offset inside a line terminator is reported at the end of that line's content.
  const character = Math.min(offset, l.end) - l.start;
  return { offset: l.start + character, line, character };
}

export function offsetAt(lines: readonly Line[], line: number, character: number): number {
  if (line < 0) return 0;
  if (line >= lines.length) return lines[lines.length - 1]!.end;
  const l = lines[line]!;
  return Math.min(l.start + Math.max(0, character), l.end);
}

export function rangeAt(lines: readonly Line[], start: number, end: number): Range {
  return { start: positionAt(lines, start), end: positionAt(lines, Math.max(start, end)) };
}

export function spanAt(lines: readonly Line[], text: string, start: number, end: number): Span {
  return { text: text.slice(start, end), range: rangeAt(lines, start, end) };
}

export function lineText(text: string, line: Line): string {
  return text.slice(line.start, line.end);
}

/** Index of the first element of the ascending `sorted` greater than `x` (length if none). */
export function firstAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the last element of the ascending `sorted` at or below `x` (-1 if none): the one binary
 * search the grammar, the model and the service share.
 */
export function lastAtOrBelow<T>(sorted: readonly T[], x: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]!) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
