/**
 * The summary as an abstract: the text between the summary opener and `END SUMMARY` (or, with no
 * end, the opener's paragraph), without the markers, paragraph numbers, portion marks or page
 * markers, its lines joined by one space. The pairing of opener and end is the blocks model's.
 */
import type { Cable } from '../../../grammar/src/ast';
import type { Blocks, BlockSpan } from './blocks';

export interface Summary {
  /** Null without a summary block or when it holds no words. */
  readonly text: string | null;
  /** The summary's span, from the blocks model. */
  readonly span: BlockSpan | undefined;
}

export const NO_SUMMARY: Summary = Object.freeze({ text: null, span: undefined });

/**
 * A paragraph number and its portion mark at a line start: at the start of the text, or after a
 * line break (two patterns: one that may start anywhere, tried at every position, cost a pass
 * per character; one that starts with the line break is found by looking for it).
 */
const NUMBER_AND_MARK = String.raw`[ \t]*(?:¶\s?)?\d{1,3}\s?\.[ \t]*(?:\([A-Z/]{1,12}\)[ \t]*)?`;
const NUMBER_AT_START = new RegExp(`^${NUMBER_AND_MARK}`);
const NUMBER_AFTER_BREAK = new RegExp(`\n${NUMBER_AND_MARK}`, 'g');

/** The text without the paragraph numbers and portion marks that start its lines. */
function withoutNumbers(text: string): string {
  const first = NUMBER_AT_START.exec(text);
  return (first ? text.slice(first[0].length) : text).replace(NUMBER_AFTER_BREAK, '\n');
}
const SEPARATOR = /-{3,}|_{3,}|={3,}/g;
const LEADING = /^[\s:.\-–—]+|^\((?:TS|S|C|U|SBU)(?:\/{1,2}[A-Z]{1,8})*\)\s*/i;

function paragraphEnd(cable: Cable, offset: number): number {
  const next = cable.paragraphs.find((p) => !p.ambiguous && p.range.start.offset > offset);
  const inside = cable.paragraphs.find((p) => !p.ambiguous && p.range.start.offset <= offset && p.range.end.offset > offset);
  return inside ? inside.range.end.offset : next ? next.range.start.offset : cable.text.length;
}

function bounds(cable: Cable, span: BlockSpan): [number, number] | undefined {
  let start: number;
  if (span.opens.by === 'mark') start = span.opens.mark.range.end.offset;
  else if (span.opens.by === 'heading') start = span.opens.heading.range.end.offset;
  else if (span.opens.by === 'paragraph') {
    const p = cable.paragraphs.find((q) => !q.ambiguous);
    if (!p) return undefined;
    start = p.range.start.offset;
  } else return undefined;
  const end = span.closes.by === 'end' ? span.closes.mark.range.start.offset : paragraphEnd(cable, start);
  return end > start ? [start, end] : undefined;
}

export function readSummary(cable: Cable, blocks: Blocks): Summary {
  const span = blocks.spans.find((s) => s.block === 'SUMMARY' && s.opens.by !== 'none');
  if (!span) return NO_SUMMARY;
  const at = bounds(cable, span);
  if (!at) return Object.freeze({ text: null, span });
  let text = cable.text.slice(at[0], at[1]);
  // Page markers inside the summary are the printout's, not the drafter's words.
  for (const pm of cable.pageMarkers) {
    const a = pm.range.start.offset - at[0];
    const b = pm.range.end.offset - at[0];
    if (a >= 0 && b <= text.length) text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  text = withoutNumbers(text).replace(SEPARATOR, ' ').replace(/\s+/g, ' ').trim();
  for (let m = LEADING.exec(text); m && m[0]; m = LEADING.exec(text)) text = text.slice(m[0].length);
  return Object.freeze({ text: text === '' ? null : text, span });
}
