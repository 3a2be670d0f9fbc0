/**
 * The subject as an index files it: the SUBJECT field's text alone, without the portion mark a
 * classified subject opens with (`(C)`, `(S/NF)`), with the HTML character references a web
 * copy left in it decoded, its wrapped lines joined by one space. Where the field ends (the next
 * field, a block, a separator line) is the grammar's to say.
 */
import type { Range, SubjectLine } from '../../../grammar/src/ast';

export interface Subject {
  /** The subject text; null without a SUBJECT field or when it holds nothing but a mark. */
  readonly text: string | null;
  /** The portion mark it opens with, as written (`(C)`); null without one. */
  readonly portionMark: string | null;
  /** The field's text with wrapped lines joined, before anything is taken off (report version 1's `subject`). */
  readonly asWritten: string | null;
  /** Where the subject text is written (the keyword left out); undefined without one. */
  readonly range: Range | undefined;
}

export const NO_SUBJECT: Subject = Object.freeze({ text: null, portionMark: null, asWritten: null, range: undefined });

// `(C)`, `(SBU)`, `(S/NF)`, `(C//NF)`, `(U//FOUO)`, `(CORRECTED COPY)` is a caption, not a mark: kept.
const LEADING_MARK = /^\((?:TS|S|C|U|SBU|LOU)(?:\s*\/{1,2}\s*[A-Z]{1,8})*\)\s*/i;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** `&#8217;`, `&#x2019;`, `&amp;`: the character references an HTML page of the cable can leave in its text. */
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([a-z]{2,4}));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

export function readSubject(subject: SubjectLine | undefined): Subject {
  if (!subject) return NO_SUBJECT;
  const asWritten = subject.subject;
  let text = decodeCharacterReferences(asWritten).replace(/\s+/g, ' ').trim();
  const mark = LEADING_MARK.exec(text);
  if (mark) text = text.slice(mark[0].length);
  // A publisher's line-continuation backslash is not part of the subject.
  text = text.replace(/\s*\\$/, '').trim();
  const spans = subject.textSpans;
  return Object.freeze({
    text: text === '' ? null : text,
    portionMark: mark ? mark[0].trim() : null,
    asWritten,
    range: spans.length ? { start: spans[0]!.range.start, end: spans[spans.length - 1]!.range.end } : undefined,
  });
}
