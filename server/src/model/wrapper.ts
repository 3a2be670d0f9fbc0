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
  // The lines of each part, merged into runs in order: a page has a few, and a line is looked up
  // among them (a mark per line of the text was a typed array for every cable asked).
  const parts: { first: number; last: number }[] = [];
  for (const w of cable.wrapper) {
    const first = w.range.start.line;
    // A part that ends at column 0 stops before that line.
    const last = Math.min(w.range.end.character === 0 && w.range.end.line > first ? w.range.end.line - 1 : w.range.end.line, cable.lines.length - 1);
    if (last >= first) parts.push({ first, last });
  }
  parts.sort((a, b) => a.first - b.first);
  const runs: { first: number; last: number }[] = [];
  for (const p of parts) {
    const prev = runs[runs.length - 1];
    if (prev && p.first <= prev.last + 1) prev.last = Math.max(prev.last, p.last);
    else runs.push(p);
  }
  const meaning: WrapperMeaning = new WrapperMeaning(runs, lazy('wrapper.lastTextLine', () => lastTextLine(cable, meaning), undefined));
  return meaning;
}

/** A class, so that the getter sits on the prototype: a getter in a literal leaves the object in V8's dictionary mode. */
class WrapperMeaning implements Wrapper {
  readonly #runs: readonly { first: number; last: number }[];
  readonly #last: () => Wrapper['lastTextLine'];
  /** The run the last ask ended at: the layout rules ask line after line, and it answers most asks. */
  #hint = 0;

  constructor(runs: readonly { first: number; last: number }[], last: () => Wrapper['lastTextLine']) {
    this.#runs = runs;
    this.#last = last;
    Object.freeze(this);
  }

  // Asked of every line by the layout rules, in order: the run of the last ask or the next one
  // answers, else a search that allocates nothing (no key function). A search for every line cost
  // the layout rules 5x on a published page of 177,000 wrapper parts.
  isWrapperLine(line: number): boolean {
    const runs = this.#runs;
    const h = this.#hint;
    const at = runs[h];
    if (at !== undefined && line >= at.first) {
      if (line <= at.last) return true;
      const next = runs[h + 1];
      if (next === undefined || line < next.first) return false;
      if (line <= next.last) {
        this.#hint = h + 1;
        return true;
      }
    }
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const run = runs[mid]!;
      if (line < run.first) hi = mid - 1;
      else if (line > run.last) lo = mid + 1;
      else {
        this.#hint = mid;
        return true;
      }
    }
    // The last run that starts at or before `line`.
    this.#hint = Math.max(0, hi);
    return false;
  }

  get lastTextLine(): Wrapper['lastTextLine'] {
    return this.#last();
  }
}

function lastTextLine(cable: Cable, wrapper: Wrapper): Wrapper['lastTextLine'] {
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
    if (wrapper.isWrapperLine(l) || structure.has(l)) continue;
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
