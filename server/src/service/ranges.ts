import type { Range as LspRange } from 'vscode-languageserver-types';
import type { Cable, Range } from '../../../grammar/src/ast';
import { lineIndexAt, rangeAt } from '../../../grammar/src/positions';

/** What the service accepts as a position: LSP's, optionally with the engine's offset. */
export interface PositionLike {
  line: number;
  character: number;
}

/** LSP ranges on the wire carry no offsets; the tree's do. */
export function toLspRange(r: { start: PositionLike; end: PositionLike }): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

export function lspRangeAt(cable: Cable, start: number, end: number): LspRange {
  return toLspRange(rangeAt(cable.lines, start, end));
}

/**
 * Offset of an LSP position, or undefined when it lies outside the document (negative, past the
 * last line, or past the end of its line). Requests at such positions answer empty.
 */
export function offsetOf(cable: Cable, p: PositionLike | null | undefined): number | undefined {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return undefined;
  if (p.line < 0 || p.character < 0 || p.line >= cable.lines.length) return undefined;
  const l = cable.lines[p.line]!;
  if (l.start + p.character > l.end) return undefined;
  return l.start + p.character;
}

export function lineTextAt(cable: Cable, line: number): string {
  const l = cable.lines[line];
  return l ? cable.text.slice(l.start, l.end) : '';
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0x2028 || code === 92 /* `\` line ends of published copies */;
}

/**
 * End of the last non-blank text before `limit` and at or after `floor`, skipping whole lines
 * listed in `skipLines` (page markers, which are transparent to the text). Walks back only over
 * the blank or skipped lines it passes, so repeated calls on disjoint stretches stay linear.
 */
export function contentEndBefore(cable: Cable, limit: number, floor: number, skipLines?: ReadonlySet<number>): number {
  const { lines, text } = cable;
  if (limit <= floor) return floor;
  for (let li = lineIndexAt(lines, limit); li >= 0; li--) {
    const l = lines[li]!;
    if (l.start >= limit && li > 0 && l.start > floor) continue;
    if (l.end <= floor) return floor;
    if (skipLines?.has(li) && l.start > floor) continue;
    let e = Math.min(l.end, limit);
    const from = Math.max(l.start, floor);
    while (e > from && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > from) return e;
    if (l.start <= floor) return floor;
  }
  return floor;
}

export function contains(outer: Range, inner: Range): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}
