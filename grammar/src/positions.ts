import type { Line, Position, Range, Span } from './ast';

/**
 * Splits text into lines exactly as LSP counts them: `\n`, `\r\n` and a lone `\r`
 * each end a line. `end` excludes the terminator.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push({ start, end: i });
      start = i + 1;
    } else if (c === 13 /* \r */) {
      lines.push({ start, end: i });
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: n });
  return lines;
}

/** Index of the line containing `offset` (binary search; offsets past the end clamp). */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
