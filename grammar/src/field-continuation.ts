/**
 * Where a header field ends: each field's rule for the segments that continue it (a TAGS list
 * wrapped at the margin, a subject on two or three lines, a REF list one item a line, the lines of
 * Classified By). The parser asks them segment by segment; blank lines produce no tokens, so "a
 * blank line between two segments" is a gap in their line numbers.
 */
import { EOF, type IToken, type TokenType } from 'chevrotain';
import { misspeltField } from './field-keywords';
import { PASS_LINE } from './fields';
import * as T from './lexer';
import type { FieldKind } from './parser';

/** True when a blank line separates the two segments. */
function gapBetween(prev: IToken, next: IToken): boolean {
  return (next.startLine ?? 0) - (prev.endLine ?? prev.startLine ?? 0) > 1;
}

function sameLine(prev: IToken, next: IToken): boolean {
  return next.startLine === prev.startLine;
}

/**
 * Whether `next` continues a field whose segments so far end with `prev` (`count` of them, the
 * first `first`); `after` is the segment after `next`, when the parser can see it.
 */
export type Continues = (prev: IToken, next: IToken, count: number, first: IToken, tokens?: readonly IToken[], after?: IToken) => boolean;

const HEADER_COPY =
  /^\.{3}|\b(?:UNCLAS|C O N F I D E N T I A L|S E C R E T|CONFIDENTIAL|SECRET)(?: SECTION \d+ OF \d+)? [A-Z][A-Z .'-]* \d{4,8}\b/;

/** A segment the publisher cut off with an ellipsis (spec 4.2, truncated header previews). */
export const TRUNCATED = /(?:\.\.\.|\u2026)\s*\\?\s*$/;

const LETTERED_ITEM = /^¶?\s*(?:[A-Z]\.|[A-Z]\)|\([A-Z]\))(?:\s|$)/i;
const TAGS_CONTINUATION = /^[A-Z]{2,4}(?:[ ,;]+[A-Z]{2,4})*[ ,;]*\\?$/;
/**
 * The rest of a TAGS line wrapped at the margin: a few words (`CLEARANCE`, `UNMIK`), a personal
 * tag (`(CLINTON, HILLARY)`). Taken only after a long first line, since a short line of capitals
 * after a short TAGS line is more likely a subject whose keyword is missing.
 */
const TAGS_WRAPPED = /^(?:\([A-Z][A-Z ,.'-]*\)|[A-Z][A-Z-]{1,11})(?:[ ,;]+(?:\([A-Z][A-Z ,.'-]*\)|[A-Z][A-Z-]{1,11})){0,5}[ ,;]*\\?$/;
/**
 * A printout's page break (`SECRET`, `PAGE 02 LIMA 02475 01 OF 02 081234Z`, or both on one line):
 * transparent inside a wrapped TAGS list, and never a tag.
 */
export const PAGE_BREAK_LINE = /^(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE)\s*$|(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE)\s+)?PAGE\s+\d{2}\s)/;
/** A separator line (`-----`), an action-request line, a handling statement: none continues a subject. */
const SUBJECT_STOP = /^(?:-{3,}|_{3,}|={3,}|\*{3,}|This is an? action request|ACTION REQUEST\b|(?:SENSITIVE BUT UNCLASSIFIED|Sensitive but unclassified)\b)/i;

function tagsContinues(prev: IToken, next: IToken, _count: number, first: IToken, tokens: readonly IToken[] = [prev]): boolean {
  // A page break inside the list is transparent: the list goes on after it when it ended on a comma.
  const last = [...tokens].reverse().find((t) => !PAGE_BREAK_LINE.test(t.image.trim())) ?? prev;
  const broken = last !== prev;
  if (gapBetween(prev, next) && !(broken && (next.startLine ?? 0) - (prev.endLine ?? 0) <= 2)) return false;
  const trailingComma = /,\s*\\?\s*$/.test(last.image);
  const image = next.image.trim();
  if (PAGE_BREAK_LINE.test(image)) return trailingComma && (next.tokenType === T.TextLine || next.tokenType === T.LegacyPageLine);
  if (next.tokenType !== T.TextLine) return false;
  if (trailingComma) return true;
  if (TAGS_CONTINUATION.test(image)) return true;
  // A wrapped line: the first line ran to the margin (45 characters or more of a 69-column cable).
  return first.image.trimEnd().length >= 45 && TAGS_WRAPPED.test(image) && image.length <= 40;
}

/** The SUBJECT line holds the keyword alone: its text may start after a blank line. */
const KEYWORD_ONLY = /^[A-Za-z]{2,9}[ \t]*[:;,.]?[ \t]*\\?$/;

/** Lines from the end of `a` to the start of `b`: 1 on the next line, 2 after one blank line. */
function linesApart(a: IToken, b: IToken): number {
  return (b.startLine ?? 0) - (a.endLine ?? a.startLine ?? 0);
}

/**
 * A line of capitals (a capital, no small letter), as a subject is written when its first line is.
 * Two searches: one pattern for both (`^[^a-z]*[A-Z][^a-z]*$`) backtracks quadratically on a long
 * line that ends in a small letter, and the subject's first line may be a whole reflowed header.
 */
export function inCapitals(s: string): boolean {
  return !/[a-z]/.test(s) && /[A-Z]/.test(s);
}
const SUBJECT_KEYWORD = /^\s*SUBJ(?:ECT)?\s*[:;,.]?/i;
/** What follows a subject in the header: REF, Classified By, or the SIPDIS the system puts under a wrapped subject (07THEHAGUE566). */
const AFTER_SUBJECT: readonly TokenType[] = [T.RefLine, T.ClassifiedByLine, T.CaptionLine];

/**
 * A subject wrapped after a blank line, as published copies double the line breaks (`SUBJECT:
 * SCENESETTER FOR SECRETARY RICE'S VISIT TO ⏎⏎LIBYA ⏎⏎CLASSIFIED BY: …`, 08TRIPOLI680; `… ITALY
 * ⏎⏎INTERESTED ⏎⏎REF: …`, 06ROME3205; 07LONDON4045, 09LONDON1946): one line of capitals, a single
 * blank line either side, under a subject in capitals and above REF, Classified By or a caption.
 * Nothing else of the header stands there; a pass line's shape (`… FOR …`) is left a pass line.
 */
function wrappedAfterBlank(prev: IToken, next: IToken, first: IToken, after: IToken | undefined): boolean {
  if (!after || next.tokenType !== T.TextLine || linesApart(prev, next) !== 2 || linesApart(next, after) !== 2) return false;
  if (!AFTER_SUBJECT.includes(after.tokenType)) return false;
  const image = next.image.trim();
  return (
    image.length <= 69 &&
    inCapitals(image) &&
    inCapitals(first.image.replace(SUBJECT_KEYWORD, '')) &&
    !PASS_LINE.test(image) &&
    !TRUNCATED.test(image) &&
    !SUBJECT_STOP.test(image) &&
    misspeltField(next, T.TextLine) === undefined
  );
}

function subjectContinues(prev: IToken, next: IToken, count: number, first: IToken, _tokens?: readonly IToken[], after?: IToken): boolean {
  const blankFirst = count === 1 && KEYWORD_ONLY.test(first.image.trim());
  if (gapBetween(prev, next) && !(blankFirst && linesApart(prev, next) <= 2) && !wrappedAfterBlank(prev, next, first, after)) return false;
  if (next.tokenType === T.ParagraphLine || next.tokenType === T.CaptionLine) return false;
  return !HEADER_COPY.test(next.image) && !SUBJECT_STOP.test(next.image.trim());
}

/** The REF line opens a lettered list, or holds no item yet (`REF:` ⏎ `A. …`). */
const OPENS_LIST = /^REF(?:S|\(S\)|TELS?)?\s*[:.]?\s*(?:REF:?\s+)?(?:¶?\s*(?:\(?[A-Z][.):]|[A-Z]\s*$)|$)/i;

/** `1.(SBU) This is an action message.`: a number and a portion mark open paragraph 1, never a REF line. */
const MARKED_PARAGRAPH = /^¶?\s*\d{1,3}\.\s*\((?:U|C|S|TS|SBU|LOU|[CS]\/\/?NF|S\/\/?REL)\b/;

function refContinues(prev: IToken, next: IToken, count: number, first: IToken): boolean {
  if (count > 40 || MARKED_PARAGRAPH.test(next.image)) return false;
  if (next.tokenType === T.LegacyPageLine) return (next.startLine ?? 0) - (prev.endLine ?? 0) <= 2;
  if (LETTERED_ITEM.test(next.image)) {
    // After a single unlettered reference a lettered line is a heading (`¶I. BROAD ITEMS`,
    // 09AITTAIPEI975), unless it comes straight below.
    if (gapBetween(prev, next) && count === 1 && !OPENS_LIST.test(first.image.trim())) return false;
    return (next.startLine ?? 0) - (prev.endLine ?? 0) <= 3;
  }
  if (gapBetween(prev, next)) return false;
  // A wrapped item continues on an indented line or a short line.
  return (next.startColumn ?? 1) > 1 || next.image.length < 60;
}

function classifiedByContinues(prev: IToken, next: IToken, count: number): boolean {
  return count < 3 && !gapBetween(prev, next) && next.tokenType !== T.ParagraphLine;
}

export const CONTINUES: Record<FieldKind, Continues> = {
  eo: (p, n) => !gapBetween(p, n) && sameLine(p, n),
  tags: tagsContinues,
  // Paragraph 1 may follow the subject without a blank line (07ASUNCION396), and so may the
  // publisher's reflowed copy of the header (`...C O N F I D E N T I A L SECTION 01 OF 03
  // YEREVAN 001019 SIPDIS …`, 06YEREVAN1019).
  subject: subjectContinues,
  ref: refContinues,
  classifiedBy: classifiedByContinues,
};

export function continuesWith(continues: Continues, tokens: IToken[], next: IToken, after?: IToken): boolean {
  if (next.tokenType === EOF) return false;
  // Outside the envelope a lone word like `REPUBLICS` that the lexer typed as routing
  // indicators is text (10MANAGUA115, a wrapped REF item).
  if (
    next.tokenType !== T.TextLine &&
    next.tokenType !== T.ParagraphLine &&
    next.tokenType !== T.CaptionLine &&
    next.tokenType !== T.RoutingContinuationLine
  ) {
    // A printout's page header may fall inside a REF list (02ROME1196); it is transparent there.
    if (next.tokenType !== T.LegacyPageLine || (continues !== CONTINUES.ref && continues !== CONTINUES.tags)) return false;
  }
  const prev = tokens[tokens.length - 1]!;
  // A preview cut off by the publisher (`SUBJECT: MUNICIPALITY TO FUND...`, `Classif...`)
  // ends there; what follows is the next copy of the header, not the field's next line.
  if (TRUNCATED.test(prev.image)) return false;
  return continues(prev, next, tokens.length, tokens[0]!, tokens, after);
}

/**
 * Whether `next` continues a field whose segments so far are `tokens`: the header rule's own
 * test, for fields the tree builder finds after the header region ended early (a long pass
 * line before the E.O. line, 06SAOPAULO387).
 */
export function fieldContinues(field: FieldKind, tokens: IToken[], next: IToken): boolean {
  return continuesWith(CONTINUES[field], tokens, next);
}

