/**
 * Applying text edits, for tests and for the CLI's `--fix`. Edits are located by line and
 * UTF-16 character (LSP's coordinates, which the tree's ranges share), so edits from any source
 * apply the same way.
 */
import { offsetAt, splitLines } from '../../../grammar/src/positions';
import type { PositionLike } from './ranges';

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
