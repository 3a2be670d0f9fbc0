/**
 * The text layer (spec 2.5): paragraphs, sub-paragraphs, headings, block marks, page markers and
 * the signature, read from the body segments in one pass.
 */
import type { BlockMark, Cable, Paragraph, SubParagraph } from './ast';
import * as B from './build-body';
import { buildBanner, type Doc } from './build-header';
import { addField, splitGluedFields } from './header-repair';
import { extendParagraphs, extendSubParagraphs, numberParagraphs, textEndOf } from './numbering';
import * as T from './lexer';
import { fieldContinues, TRUNCATED } from './field-continuation';
import { rangeAt } from './positions';
import { isDashAt, isHeadingAt, skipSpace, spaceEnd } from './chars';
import { midLineParagraphs, previewOf } from './reflowed';
import { FIELD_TOKEN, hasField, isTrailer, type Segment, segmentOf, standsAlone, TRAILER } from './segments';
import type { Deferred } from './walk';

export function buildText(cable: Cable, doc: Doc, body: Segment[], headerEnd: number, deferred: Deferred): void {
  const { text } = doc;
  cable.textStart = body.length ? body[0]!.start : Math.min(text.length, headerEnd);
  let afterEom = false;
  let lastText: Segment | undefined;
  type Parent = { kind: 'paragraph' | 'heading'; index: number };
  let parent: Parent | undefined;
  const subs: SubParagraph[] = [];
  const paragraphs: Paragraph[] = [];
  /** Body offsets where numbering may restart (headings, quoted text). */
  const restartPoints: number[] = [];
  /**
   * Where block marks may be, read only when asked for (`readBlockMarks`): `[start, end, paragraph
   * index]` per segment. A plain array of small integers: a typed array costs an ArrayBuffer per
   * cable, whose allocation and external-memory accounting took a twentieth of the text layer.
   */
  const markSegments: number[] = [];

  // A paragraph run into a line needs a portion mark, so its `(`: where the next `(` lies rules
  // out most lines without the pattern (each search starts past the last one found).
  let nextParen = -1;
  const midLine = (seg: Segment, from: number) => {
    if (nextParen < from) {
      nextParen = text.indexOf('(', from);
      if (nextParen < 0) nextParen = Infinity;
    }
    if (nextParen < seg.end) midLineParagraphs(doc, seg, from, addParagraph);
  };

  /** `[start, end]` of each plain-text segment, where quoted text may open (`quoteOpensIn`). */
  const textSegments: number[] = [];

  const addParagraph = (p: Paragraph) => {
    const prev = paragraphs[paragraphs.length - 1];
    // `¶1. (C) Summary. 1. (C) Summary. The political …` (08ROME1406): the publisher's number
    // before the original one on the same line is one paragraph, not two.
    if (p.midLine && prev && prev.written === p.written && prev.range.start.line === p.range.start.line &&
        p.range.start.offset - prev.range.start.offset < 40) return;
    paragraphs.push(p);
    parent = { kind: 'paragraph', index: paragraphs.length - 1 };
  };

  for (let i = 0; i < body.length; i++) {
    const seg = body[i]!;
    const t = seg.token.tokenType;
    // The segment's text is copied only where a pattern or the tree needs it: most lines need none.
    if (afterEom) {
      const s = text.slice(seg.start, seg.end);
      if (TRAILER.test(s) || cable.endOfMessage?.trailing || /^\d{4}-\d{2}-\d{2}/.test(s) || cable.partialExtract) {
        cable.wrapper.push({ kind: 'Wrapper', role: 'trailer', text: s, range: rangeAt(doc.lines, seg.start, seg.end) });
      } else if (cable.endOfMessage) {
        cable.endOfMessage.trailing = { text: s, range: rangeAt(doc.lines, seg.start, seg.end) };
      }
      continue;
    }
    if (isTrailer(text, seg.start, seg.end)) {
      cable.wrapper.push({ kind: 'Wrapper', role: 'trailer', text: text.slice(seg.start, seg.end), range: rangeAt(doc.lines, seg.start, seg.end) });
      continue;
    }
    // `1...`, `¶1. (C...`, `¶1. (SBU) SUMMARY.  The UN Security Council failed on Augu...`:
    // the publisher's cut-off preview of paragraph 1 (one line, or two: 08USUNNEWYORK721)
    // before the full copy (06LIMA1358, 08USUNNEWYORK720).
    const previewEnd = t === T.ParagraphLine && paragraphs.length === 0 ? previewOf(doc, body, i) : -1;
    if (previewEnd >= 0) {
      const last = body[previewEnd]!;
      cable.wrapper.push({ kind: 'Wrapper', role: 'preview', text: text.slice(seg.start, last.end), range: rangeAt(doc.lines, seg.start, last.end) });
      i = previewEnd;
      continue;
    }
    markSegments.push(seg.start, seg.end, paragraphs.length - 1);

    if (t === T.EndOfMessageLine) {
      cable.endOfMessage = { kind: 'EndOfMessage', range: rangeAt(doc.lines, seg.start, seg.start + 4) };
      afterEom = true;
      const glued = text.slice(seg.start + 4, seg.end).trim();
      if (glued && !TRAILER.test(glued) && !cable.partialExtract) {
        cable.endOfMessage.trailing = { text: glued, range: rangeAt(doc.lines, seg.start + 4, seg.end) };
      }
      continue;
    }
    if (t === T.BannerLine) {
      const banner = buildBanner(doc, seg.start, seg.end);
      if (banner && !cable.banner) cable.banner = banner;
      else if (banner) cable.sectionBanners.push(banner);
      continue;
    }
    if (t === T.PageMarkerLine) {
      const pm = B.pageMarkerAt(doc, seg.start, seg.end, false);
      if (pm) {
        cable.pageMarkers.push(pm);
        continue;
      }
    }
    if (t === T.LegacyPageLine) {
      cable.pageMarkers.push(B.legacyPageAt(doc, seg.start, seg.end));
      continue;
    }
    // Text and paragraph lines, nearly all segments, are no field line: no look-up for them.
    const fieldKind = t === T.TextLine || t === T.ParagraphLine ? undefined : FIELD_TOKEN.get(t);
    if (fieldKind && paragraphs.length === 0 && !hasField(cable, fieldKind)) {
      // A field after a pass line or another stray line that ended the header: read its
      // continuation lines as the header would have.
      const tokens = [seg.token];
      while (i + 1 < body.length && fieldContinues(fieldKind, tokens, body[i + 1]!.token)) tokens.push(body[++i]!.token);
      const segs = tokens.map((tk) => segmentOf(doc, tk)).map((g) => [g.start, g.end] as [number, number]);
      for (const part of splitGluedFields(doc, fieldKind, segs)) {
        if (!hasField(cable, part.field) || part.field === fieldKind) addField(cable, doc, part.field, part.segments, false);
      }
      continue;
    }
    if (t === T.ParagraphLine || (t === T.ClassifiedByLine && /^(?:¶ ?)?1\./.test(text.slice(seg.start, seg.end)))) {
      const p = B.paragraphAt(doc, seg.start, seg.end, false);
      if (p) {
        addParagraph(p);
        // Reflowed text: further paragraphs run on in the same line.
        if (seg.end - seg.start > 150) midLine(seg, p.numberText.range.end.offset);
        lastText = seg;
        continue;
      }
    }
    if (t === T.CaptionLine) continue;
    if (t === T.TextLine && paragraphs.length === 0 && seg.end - seg.start <= 60) {
      const s = text.slice(seg.start, seg.end);
      if (TRUNCATED.test(s)) {
        // `Classif...` after the REF list: the publisher's cut-off preview (08RIGA497).
        cable.wrapper.push({ kind: 'Wrapper', role: 'preview', text: s, range: rangeAt(doc.lines, seg.start, seg.end) });
        continue;
      }
    }

    // Plain text: heading, sub-paragraph, dashed heading, continuation.
    const from = skipSpace(text, seg.start, seg.end);
    const to = spaceEnd(text, from, seg.end);
    if (isDashAt(text, from, to)) continue;
    const sub = B.subParagraphAt(doc, seg.start, seg.end);
    // A heading between dash rules is at most 80 characters (as any heading is): the lines around
    // a longer one are not read.
    const dashed = !sub && to - from <= 80 && i > 0 && i + 1 < body.length && isDashSegment(text, body[i - 1]!) && isDashSegment(text, body[i + 1]!);
    if (sub) {
      // Written out, not spread: a spread copies property by property into an object that grows.
      subs.push({
        kind: sub.kind, range: sub.range, letter: sub.letter, letterSpan: sub.letterSpan, style: sub.style,
        parentKind: parent?.kind ?? 'none', parentIndex: parent?.index ?? -1,
      });
      // A lettered heading standing alone (`¶A. SITE ASSESSMENTS AND MEETINGS CONDUCTED`, its items
      // numbered from 1 again under it, 08ASTANA54) restarts the numbering as a heading does.
      if (standsAlone(doc, seg.start) && isHeadingAt(text, sub.letterSpan.range.end.offset, seg.end)) restartPoints.push(seg.start);
    } else if (dashed || (isHeadingAt(text, from, to) && standsAlone(doc, seg.start))) {
      cable.headings.push(B.heading(doc, seg.start, seg.end, dashed));
      parent = { kind: 'heading', index: cable.headings.length - 1 };
      restartPoints.push(seg.start);
    } else if (seg.end - seg.start > 150 || paragraphs.length === 0) {
      // Before paragraph 1 a short line may end with it too: a reflowed copy of the header
      // (`SUBJECT: … REF: VILNIUS 663 1. (SBU)` ⏎ `The neutrality …`, 08VILNIUS668).
      midLine(seg, seg.start);
    }
    textSegments.push(seg.start, seg.end);
    lastText = seg;
  }

  deferred.blockMarks = blockMarksReader(doc, markSegments);
  numberParagraphs(doc, paragraphs, restartPoints, quoteOpensIn(text, textSegments));
  if (paragraphs.length || subs.length) {
    const textEnd = textEndOf(doc, cable, body);
    extendParagraphs(doc, paragraphs, cable, textEnd);
    extendSubParagraphs(doc, subs, paragraphs, cable, textEnd);
  }
  cable.paragraphs = paragraphs;
  cable.subParagraphs = subs;
  cable.reflowed = paragraphs.some((p) => p.midLine) || body.some((s) => s.token.tokenType === T.ParagraphLine && s.end - s.start > 150);

  // Signature: the last text line, or a name appended to the last paragraph.
  if (lastText) {
    const s = text.slice(lastText.start, lastText.end);
    const glued = gluedEndOfMessage(text, lastText.start, lastText.end);
    const end = glued ? lastText.start + glued[1]!.length : lastText.end;
    if (glued && !cable.endOfMessage) {
      const at = lastText.start + s.lastIndexOf('NNNN');
      cable.endOfMessage = { kind: 'EndOfMessage', range: rangeAt(doc.lines, at, at + 4) };
    }
    const isParagraph = lastText.token.tokenType === T.ParagraphLine;
    cable.signature =
      (!isParagraph ? B.signatureOwnLine(doc, lastText.start, end) : undefined) ??
      B.signatureAppended(doc, lastText.start, end);
    if (cable.signature && !cable.signature.appended) {
      // An own-line signature is not a heading.
      const sigStart = cable.signature.range.start.offset;
      cable.headings = cable.headings.filter((h) => h.range.start.offset !== sigStart);
    }
  }
}

/** Quoted text or a table of contents follows: the numbering may start again below. */
export const QUOTE_OPEN = /\bBEGIN\s+(?:TEXT|QUOTE)|TABLE OF CONTENTS/i;

/**
 * Whether one of `segments` (`[start, end]` pairs in text order) whose end lies in [from, to) opens
 * quoted text: the end of such a segment is where numbering may restart. Searched only when asked,
 * not on every line: a search of every text line for the words was a fortieth of the parse.
 */
export function quoteOpensIn(text: string, segments: readonly number[]): (from: number, to: number) => boolean {
  return (from, to) => {
    // The first pair ending at or after `from` (the ends ascend, as the segments do).
    let lo = 0;
    let hi = segments.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[2 * mid + 1]! < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = 2 * lo; i < segments.length && segments[i + 1]! < to; i += 2) {
      if (QUOTE_OPEN.test(text.slice(segments[i]!, segments[i + 1]!))) return true;
    }
    return false;
  };
}

/**
 * How to read the block marks later, holding only what that needs: a closure made inside
 * buildText would keep all of its scope (every segment and its token) alive with the tree.
 */
function blockMarksReader(doc: Doc, markSegments: readonly number[]): () => BlockMark[] {
  return () => B.readBlockMarks(doc, markSegments);
}

/** What ends with a glued `NNNN`: the text before it and its blanks. */
const GLUED_EOM = /^(.*\S)\s+NNNN\s*$/;

/**
 * `GLUED_EOM.exec(text.slice(start, end))`, run only on a segment that ends with `NNNN` (blanks
 * aside): the last line of text may be a whole reflowed cable, which the pattern reads to its end
 * and back.
 */
export function gluedEndOfMessage(text: string, start: number, end: number): RegExpExecArray | null {
  const e = spaceEnd(text, start, end);
  return e - start >= 4 && text.startsWith('NNNN', e - 4) ? GLUED_EOM.exec(text.slice(start, end)) : null;
}

export function isDashSegment(text: string, seg: Segment): boolean {
  // A visible character other than `-` up front rules the segment out without a copy.
  const c = text.charCodeAt(seg.start);
  if (seg.start < seg.end && c > 0x20 && c < 0x7f && c !== 0x2d) return false;
  const from = skipSpace(text, seg.start, seg.end);
  return isDashAt(text, from, spaceEnd(text, from, seg.end));
}
