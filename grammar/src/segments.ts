/**
 * Segments: the pieces of text the walk hands to the builders (a line, or a tab-separated cell),
 * with what several builders ask about them and the lines around them.
 */
import type { IToken } from 'chevrotain';
import type { Cable } from './ast';
import { type Doc, tokenEnd } from './build-header';
import * as T from './lexer';
import type { FieldKind } from './parser';
import { contentEnd, isDashAt, skipSpace, spaceEnd } from './chars';
import { lineIndexAt } from './positions';

/** Publisher lines after the text (`===== CABLE ENDS =====`, site footers). */
export const TRAILER = /^(?:=+\s*CABLE ENDS\s*=+|Visit .*Web Site|\d{4}[A-Z]{3,}\d+ - Classification:|Keep Us Strong|WikiLeaks)/i;

/**
 * `TRAILER.test(text.slice(start, end))`, run only where the first character allows a match
 * (`=`, a digit, V, K or W in either case): the pattern is tried on every body segment, and most
 * start with another letter.
 */
export function isTrailer(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  // OR 0x20 folds ASCII capitals onto small letters and keeps `=` and the digits.
  const c = text.charCodeAt(start) | 0x20;
  if (c !== 0x3d && (c < 0x30 || c > 0x39) && c !== 0x76 && c !== 0x6b && c !== 0x77) return false;
  return TRAILER.test(text.slice(start, end));
}

export interface Segment {
  token: IToken;
  start: number;
  /** End of the segment's content (exclusive), trailing blanks and `\` removed. */
  end: number;
}

export function segmentOf(doc: Doc, t: IToken): Segment {
  return { token: t, start: t.startOffset, end: contentEnd(doc.text, t.startOffset, tokenEnd(t)) };
}

/** The text of the line before the one holding `offset` ('' on the first line). */
export function lineBefore(doc: Doc, offset: number): string {
  const at = lineIndexAt(doc.lines, offset);
  if (at === 0) return '';
  const prev = doc.lines[at - 1]!;
  return doc.text.slice(prev.start, prev.end);
}

/**
 * Whether a short capitalised line stands alone: the line above is blank, a dash rule, or ends a
 * sentence or a label (`.`, `:`). Read in place, without a copy of that line.
 */
export function standsAlone(doc: Doc, offset: number): boolean {
  const at = lineIndexAt(doc.lines, offset);
  if (at === 0) return true;
  const above = doc.lines[at - 1]!;
  const from = skipSpace(doc.text, above.start, above.end);
  const to = spaceEnd(doc.text, from, above.end);
  if (from === to || isDashAt(doc.text, from, to)) return true;
  const last = doc.text.charCodeAt(to - 1);
  return last === 0x2e || last === 0x3a;
}

export const FIELD_TOKEN = new Map<unknown, FieldKind>([
  [T.EoLine, 'eo'],
  [T.TagsLine, 'tags'],
  [T.SubjectLine, 'subject'],
  [T.RefLine, 'ref'],
  [T.ClassifiedByLine, 'classifiedBy'],
]);

export function hasField(cable: Cable, field: FieldKind): boolean {
  switch (field) {
    case 'eo':
      return Boolean(cable.eo);
    case 'tags':
      return cable.tags.length > 0;
    case 'subject':
      return Boolean(cable.subject);
    case 'ref':
      return Boolean(cable.refs);
    case 'classifiedBy':
      return Boolean(cable.classifiedBy);
  }
}
