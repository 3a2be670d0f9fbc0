/**
 * The publication wrapper: the physical lines a publisher added around the cable (WikiLeaks page
 * text, metadata rows, trailers), which the layout and hygiene rules leave alone, and the last
 * line of the cable's own text before `NNNN`.
 */
import type { Cable, Range } from '../../../grammar/src/ast';
import type { Lazy } from './types';

export interface Wrapper {
  /** Whether physical line `line` belongs to the wrapper. */
  isWrapperLine(line: number): boolean;
  /**
   * The last non-blank line of the text before `NNNN` (or the end): wrapper lines, section
   * banners and page markers on lines of their own skipped. Undefined when the text has none.
   */
  readonly lastTextLine: { line: number; range: Range } | undefined;
}

export const NO_WRAPPER: Wrapper = Object.freeze({ isWrapperLine: () => false, lastTextLine: undefined });

export function readWrapper(cable: Cable, lazy: Lazy): Wrapper {
  const marks = new Uint8Array(cable.lines.length);
  for (const w of cable.wrapper) {
    const first = w.range.start.line;
    // A part that ends at column 0 stops before that line.
    const last = w.range.end.character === 0 && w.range.end.line > first ? w.range.end.line - 1 : w.range.end.line;
    for (let l = first; l <= last && l < marks.length; l++) marks[l] = 1;
  }
  const isWrapperLine = (line: number) => marks[line] === 1;
  const last = lazy('wrapper.lastTextLine', () => lastTextLine(cable, isWrapperLine), undefined);
  return new WrapperMeaning(isWrapperLine, last);
}

/** A class, so that the getter sits on the prototype: a getter in a literal leaves the object in V8's dictionary mode. */
class WrapperMeaning implements Wrapper {
  readonly #last: () => Wrapper['lastTextLine'];

  constructor(readonly isWrapperLine: (line: number) => boolean, last: () => Wrapper['lastTextLine']) {
    this.#last = last;
    Object.freeze(this);
  }

  get lastTextLine(): Wrapper['lastTextLine'] {
    return this.#last();
  }
}

function lastTextLine(cable: Cable, isWrapperLine: (line: number) => boolean): Wrapper['lastTextLine'] {
  // Section banners and page markers are structure, not text: a signature comes before them
  // only if text follows.
  const structure = new Set<number>();
  for (const n of [...cable.sectionBanners, ...cable.malformedBanners, ...cable.pageMarkers]) {
    if (n.kind === 'PageMarker' && n.midLine) continue;
    for (let l = n.range.start.line; l <= n.range.end.line; l++) structure.add(l);
  }
  const text = cable.text;
  let l = cable.endOfMessage ? cable.endOfMessage.range.start.line - 1 : cable.lines.length - 1;
  for (; l >= 0; l--) {
    const line = cable.lines[l]!;
    if (line.end <= cable.textStart) return undefined;
    if (isWrapperLine(l) || structure.has(l)) continue;
    let a = line.start;
    let b = line.end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (a === b) continue;
    return Object.freeze({
      line: l,
      range: {
        start: { offset: a, line: l, character: a - line.start },
        end: { offset: b, line: l, character: b - line.start },
      },
    });
  }
  return undefined;
}
