/**
 * Paragraph numbering as the text writes it: the `1`+N pilcrow artefact, wrapped lines that only
 * start with a number, restarts, lists nested in a paragraph, and where each paragraph ends.
 */
import type { Cable, Paragraph, SubParagraph } from './ast';
import type { Doc } from './build-header';
import { firstAbove, lineIndexAt, positionAt } from './positions';
import * as T from './lexer';
import { isTrailer, lineBefore, type Segment } from './segments';

/**
 * Normalises paragraph numbers: detects the `1`+N pilcrow artefact (CBL084), CBL085
 * ambiguous line starts, and restarts after headings or quoted text (CBL083). `restartPoints`:
 * where headings stand; `quoteOpensIn(from, to)`: whether a line opening quoted text ends in
 * [from, to), asked only of a paragraph numbered 1 after another (few of them), so that the
 * text is searched for quotations only there.
 */
export function numberParagraphs(
  doc: Doc,
  paragraphs: Paragraph[],
  restartPoints: number[],
  quoteOpensIn: (from: number, to: number) => boolean = () => false,
): void {
  // Pilcrow artefact: every number without an explicit ¶ / \P reads as `1` + expected. A number
  // that already reads as expected is one the user has fixed (quick fixes go one line at a
  // time), so it neither counts nor breaks the run.
  let prev = 0;
  let candidates = 0;
  let certain = false;
  let all = true;
  const artefacts = new Set<Paragraph>();
  for (const p of paragraphs) {
    const explicit = p.pilcrow || p.latex;
    if (explicit || p.written === prev + 1) {
      prev = p.written;
      continue;
    }
    const w = String(p.written);
    const rest = w.length >= 2 && w.startsWith('1') ? Number(w.slice(1)) : NaN;
    if (rest === prev + 1 && !w.slice(1).startsWith('0')) {
      candidates++;
      artefacts.add(p);
      if (rest >= 10) certain = true;
      prev = rest;
    } else {
      all = false;
      break;
    }
  }
  const artefactMode = all && (candidates >= 2 || certain);

  let last: Paragraph | undefined;
  let restartIdx = 0;
  const sortedRestarts = [...restartPoints].sort((a, b) => a - b);
  /** Restart points below this were weighed for an earlier paragraph. */
  let weighedTo = -Infinity;
  for (const p of paragraphs) {
    if (artefactMode && artefacts.has(p)) {
      p.number = Number(String(p.written).slice(1));
      p.artefact = true;
    }
    let sawRestartPoint = false;
    while (restartIdx < sortedRestarts.length && sortedRestarts[restartIdx]! < p.range.start.offset) {
      if (last && sortedRestarts[restartIdx]! > last.range.start.offset) sawRestartPoint = true;
      restartIdx++;
    }
    const weighFrom = weighedTo;
    weighedTo = Math.max(weighedTo, p.range.start.offset);
    const expected = last ? last.number + 1 : 1;
    if (!p.midLine && p.number !== expected && !p.portionMark) {
      const before = lineBefore(doc, p.range.start.offset).trimEnd();
      // The citation's tail may come before any paragraph the parser numbered (`1.(SBU) … See
      // para.` ⏎ `¶3.`, 09CAIRO1727).
      if ((last && before && /[A-Za-z,]$/.test(before) && !isStandaloneTitle(doc, p.range.start.offset)) || endsCitation(doc, p)) {
        p.ambiguous = true;
        continue;
      }
    }
    if (p.number === 1 && last && (sawRestartPoint || quoteOpensIn(Math.max(weighFrom, last.range.start.offset + 1), p.range.start.offset))) p.restart = true;
    last = p;
  }
  markNested(doc, paragraphs);
}

const QUOTE_OPEN = /\bBEGIN\s+(?:TEXT|QUOTE)\b|^\s*QUOTE\b/im;
const QUOTE_END = /\bEND\s+(?:OF\s+)?(?:TEXT|QUOTE)\b|\bUNQUOTE\b/i;

/**
 * A marked paragraph followed by unmarked numbers that start again at 1, or that run on inside
 * a `BEGIN TEXT` quotation (`¶7. (SBU) BEGIN TEXT OF DRAFT CONCLUSIONS` ⏎ `¶17. The European
 * Council …`, 04THEHAGUE3178), holds a list or a quoted document of its own. Its items stay
 * nested until the cable's numbering resumes with the next marked number, or the quote ends.
 * Only cables that mark their paragraphs can tell the two numberings apart this way.
 */
function markNested(doc: Doc, paragraphs: Paragraph[]): void {
  let outer: Paragraph | undefined;
  let inNested = false;
  let prev: Paragraph | undefined;
  for (const p of paragraphs) {
    if (p.ambiguous || p.midLine) continue;
    const between = prev ? doc.text.slice(prev.range.start.offset, p.range.start.offset) : '';
    if (inNested && outer) {
      const resumes = p.number === outer.number + 1 && Boolean(p.portionMark);
      if (!resumes && !QUOTE_END.test(between)) {
        p.nested = true;
        prev = p;
        continue;
      }
      inNested = false;
    }
    if (outer?.portionMark && !p.portionMark && !p.redactedLead && p.number !== outer.number + 1) {
      const sinceOuter = doc.text.slice(outer.range.start.offset, p.range.start.offset);
      if (p.number === 1 || (QUOTE_OPEN.test(sinceOuter) && !QUOTE_END.test(sinceOuter))) {
        p.nested = true;
        inNested = true;
        prev = p;
        continue;
      }
    }
    outer = p;
    prev = p;
  }
}

/** A paragraph runs until the next paragraph or heading (page markers are transparent). */
export function extendParagraphs(doc: Doc, paragraphs: Paragraph[], cable: Cable, textEnd: TextEnd): void {
  if (!paragraphs.length) return;
  const boundaries = [
    ...paragraphs.filter((p) => !p.ambiguous).map((p) => p.range.start.offset),
    ...cable.headings.map((h) => h.range.start.offset),
    ...cable.sectionBanners.map((b) => b.range.start.offset),
  ].sort((a, b) => a - b);
  for (const p of paragraphs) {
    if (p.ambiguous) continue;
    const start = p.range.start.offset;
    const next = boundaries[firstAbove(boundaries, start)];
    let end = textEnd.lastBefore(next ?? Infinity, p.range.end.offset);
    if (p.midLine) {
      if (next !== undefined && next < end) end = next;
      while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
    }
    // The start stays where it is: only the end moves.
    p.range = { start: p.range.start, end: positionAt(doc.lines, Math.max(start, end, p.numberText.range.end.offset)) };
  }
}

export interface TextEnd {
  /** The last segment end at or before `next` (and the text's end), or `end` when that is later. */
  lastBefore(next: number, end: number): number;
}

/**
 * Where the text can end: the last body segment before a limit, never past an own-line
 * signature, `NNNN` or the publisher's trailer. Segment ends are sorted, so each extent is a
 * binary search: a scan per paragraph made 10,000-paragraph texts quadratic. Read once for the
 * paragraphs and the lettered items alike.
 */
export function textEndOf(doc: Doc, cable: Cable, body: Segment[]): TextEnd {
  // A page marker after a paragraph's last line belongs to no paragraph; one inside it is
  // covered anyway, because the paragraph runs on to its next line of text.
  const markerOnly = cable.pageMarkers.length ? new Set(cable.pageMarkers.map((m) => m.range.end.offset)) : undefined;
  const segEnds: number[] = [];
  let sorted = true;
  let prevEnd = -1;
  for (const s of body) {
    if (s.end < prevEnd) sorted = false;
    prevEnd = s.end;
    if (!markerOnly?.has(s.end)) segEnds.push(s.end);
  }
  if (!sorted) segEnds.sort((a, b) => a - b);
  // The segments come in text order, so the last one that is text ends furthest.
  let lastBodyEnd = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const s = body[i]!;
    if (s.token.tokenType === T.EndOfMessageLine || isTrailer(doc.text, s.start, s.end)) continue;
    if (sorted) {
      lastBodyEnd = s.end;
      break;
    }
    lastBodyEnd = Math.max(lastBodyEnd, s.end);
  }
  const sig = cable.signature && !cable.signature.appended ? cable.signature.range.start.offset : Infinity;
  const eom = cable.endOfMessage ? cable.endOfMessage.range.start.offset : Infinity;
  return {
    lastBefore(next: number, end: number): number {
      const limit = Math.min(sig, eom, lastBodyEnd, next);
      const last = firstAbove(segEnds, limit) - 1;
      return last >= 0 && segEnds[last]! > end ? segEnds[last]! : end;
    },
  };
}

/**
 * A lettered item runs, as a numbered paragraph does, over its lines of text: up to the next item
 * of its list or of a list it is nested in, the next paragraph, heading, section banner or header
 * field, or the end of the text. Nesting is read from the order in which the styles first appear
 * under one parent (`A.` items, then `(a)` items inside them): an item ends at the next item of its
 * own style or of one seen before it. Each item scans only the items nested in it (at most one
 * level per style), so this stays linear.
 */
export function extendSubParagraphs(doc: Doc, subs: SubParagraph[], paragraphs: Paragraph[], cable: Cable, textEnd: TextEnd): void {
  if (!subs.length) return;
  const boundaries = [
    ...paragraphs.filter((p) => !p.ambiguous).map((p) => p.range.start.offset),
    ...cable.headings.map((h) => h.range.start.offset),
    ...cable.sectionBanners.map((b) => b.range.start.offset),
    ...cable.headerOrder.map((f) => f.range.start.offset),
  ].sort((a, b) => a - b);
  const styleOf = (s: SubParagraph) => `${s.style}${s.letter === s.letter.toUpperCase() ? 'A' : 'a'}`;
  // Levels per parent: the order in which each style first appears under it.
  const levels = new Map<string, string[]>();
  const levelOf = (s: SubParagraph) => {
    const key = `${s.parentKind}:${s.parentIndex}`;
    let order = levels.get(key);
    if (!order) levels.set(key, (order = []));
    const style = styleOf(s);
    if (!order.includes(style)) order.push(style);
    return order.indexOf(style);
  };
  const level = subs.map(levelOf);
  subs.forEach((s, i) => {
    const start = s.range.start.offset;
    let next = boundaries[firstAbove(boundaries, start)] ?? Infinity;
    for (let j = i + 1; j < subs.length; j++) {
      const t = subs[j]!;
      if (t.range.start.offset >= next) break;
      if (t.parentKind !== s.parentKind || t.parentIndex !== s.parentIndex || level[j]! <= level[i]!) {
        next = t.range.start.offset;
        break;
      }
    }
    s.range = { start: s.range.start, end: positionAt(doc.lines, Math.max(start, textEnd.lastBefore(next, s.range.end.offset))) };
  });
}

/**
 * A number alone on its line under a line that ends by citing a paragraph (`… See para.` ⏎ `¶3.`,
 * 09CAIRO1727, a blank line between them or none): the number the citation wrapped onto the next
 * line, not a paragraph of its own.
 */
function endsCitation(doc: Doc, p: Paragraph): boolean {
  const at = lineIndexAt(doc.lines, p.range.start.offset);
  const line = doc.lines[at]!;
  if (doc.text.slice(p.numberText.range.end.offset, line.end).trim() !== '') return false;
  for (let l = at - 1; l >= 0 && l >= at - 2; l--) {
    const above = doc.text.slice(doc.lines[l]!.start, doc.lines[l]!.end).trimEnd();
    if (above === '') continue;
    return /\b(?:paras?|paragraphs?)\.?$/i.test(above);
  }
  return false;
}

/**
 * The line above `offset` is a short title standing alone under a blank line (`Measures to
 * Address the Deceleration` ⏎ `¶1. More credit lines …`, 08MADRID707), not the wrapped text of
 * a paragraph whose next line merely starts with a number.
 */
function isStandaloneTitle(doc: Doc, offset: number): boolean {
  const above = lineBefore(doc, offset);
  const t = above.trim();
  if (t.length === 0 || t.length > 50 || /^(?:¶\s?)?\d{1,3}\s?\./.test(t)) return false;
  const lineStart = offset - (offset - doc.text.lastIndexOf('\n', offset - 1) - 1);
  const aboveStart = doc.text.lastIndexOf('\n', lineStart - 2) + 1;
  return aboveStart === 0 || lineBefore(doc, aboveStart).trim() === '';
}
