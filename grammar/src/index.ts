import type { IToken } from 'chevrotain';
import type {
  Cable,
  Caption,
  Dtg,
  EnvelopeLine,
  HeaderField,
  Paragraph,
  SubParagraph,
  WrapperPart,
} from './ast';
import * as B from './build-body';
import { assembleEnvelope, dtgFrom, envelopeLine, splitCopies } from './build-envelope';
import {
  buildBanner,
  buildClassifiedBy,
  buildEo,
  buildMalformedBanner,
  buildRefs,
  buildSubject,
  buildTags,
  type Doc,
  tokenEnd,
} from './build-header';
import * as F from './fields';
import { lex } from './lexer';
import * as T from './lexer';
import { fieldContinues, type FieldKind, parseItems, TRUNCATED } from './parser';
import { rangeAt, splitLines } from './positions';

export * from './ast';
export { lex } from './lexer';
export { lineIndexAt, offsetAt, positionAt, rangeAt, spanAt, splitLines } from './positions';

const MEDIA_DATE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4}(?:, \d{1,2}:\d{2})?\s*$/;
const METADATA = /^(?:\d{1,7}|\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?|\d{1,2}\/\d{1,2}\/\d{4}(?: \d{1,2}:\d{2})?|\d{2}[A-Z]{3,}\d+|(?:Embassy|Consulate|Mission|Secretary of State|US Mission|USUN|REO|American Institute)\b.*|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?:\/\/[A-Z ]+)?|(?:id|date|refid|origin|classification|destination|header):.*|null|Cable Text:|End Cable Text)\s*\\?\s*$/;
const DISTRIBUTION = /^(?:INFO +LOG-|ACTION +[A-Z]+-\d|[A-Z]{1,5}-\d{2}\b|.*\/\d{3}W\s*$|-{6,}|CXTelA:|ACTION:|DRAFTED:|CLEARED:|APPROVED:)/;
const TRAILER = /^(?:=+\s*CABLE ENDS\s*=+|Visit .*Web Site|\d{4}[A-Z]{3,}\d+ - Classification:|Keep Us Strong|WikiLeaks)/i;
const ENTIRE_TEXT = /\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s*-+\s*ENTIRE\s+TEXT\b/i;
const MIDLINE_FIELD =
  /(?<eo>(?<![A-Za-z])(?:E\.? ?[O0]\.?|EO) *:? *1\d{4}(?!\d))|(?<tags>(?<![A-Za-z])(?:TAGS?:|TAGS\s)\s*)|(?<subject>(?<![A-Za-z])SUBJ(?:ECT)?\s*:)|(?<classifiedBy>(?<![A-Za-z])CLASSIFIED\s+BY\b)/gi;

interface Segment {
  token: IToken;
  start: number;
  /** End of the segment's content (exclusive), trailing blanks and `\` removed. */
  end: number;
}

function segmentOf(doc: Doc, t: IToken): Segment {
  let end = tokenEnd(t);
  while (end > t.startOffset && /[\s\\]/.test(doc.text[end - 1]!)) end--;
  return { token: t, start: t.startOffset, end };
}

function emptyCable(text: string, lines = splitLines(text)): Cable {
  return {
    kind: 'Cable',
    text,
    lines,
    range: rangeAt(lines, 0, text.length),
    wrapper: [],
    sectionBanners: [],
    malformedBanners: [],
    captions: [],
    passLines: [],
    tags: [],
    headerOrder: [],
    textStart: 0,
    paragraphs: [],
    subParagraphs: [],
    headings: [],
    blockMarks: [],
    blocks: [],
    pageMarkers: [],
    entireTextMarked: false,
    partialExtract: false,
    reflowed: false,
    errors: [],
  };
}

/**
 * Parses any text into a cable tree. Never throws: on an internal failure the tree is
 * empty and carries one syntax problem saying so, so that an editor keeps working.
 */
export function parseCable(text: string): Cable {
  try {
    return build(text);
  } catch (err) {
    const cable = emptyCable(text);
    cable.errors.push({
      message: `internal parser error: ${(err as Error)?.message ?? String(err)}`,
      range: rangeAt(cable.lines, 0, 0),
    });
    return cable;
  }
}

function build(text: string): Cable {
  const lines = splitLines(text);
  const doc: Doc = { text, lines };
  const cable = emptyCable(text, lines);
  const { tokens } = lex(text);
  const { items, errors } = parseItems(tokens);

  for (const e of errors) {
    const t = e.token;
    const start = Number.isFinite(t.startOffset) ? t.startOffset : text.length;
    const end = Number.isFinite(t.endOffset) ? (t.endOffset ?? start) + 1 : start;
    cable.errors.push({ message: e.message, range: rangeAt(lines, start, end) });
  }

  const wrapper = (role: WrapperPart['role'], start: number, end: number) =>
    cable.wrapper.push({ kind: 'Wrapper', role, text: text.slice(start, end), range: rangeAt(lines, start, end) });

  const envLines: EnvelopeLine[] = [];
  const envTokens = new Map<EnvelopeLine, Segment>();
  const body: Segment[] = [];
  const fields: { field: FieldKind; segments: Segment[] }[] = [];
  let headerEnd = 0;

  for (const item of items) {
    switch (item.role) {
      case 'preamble': {
        const seg = segmentOf(doc, item.token);
        const s = text.slice(seg.start, seg.end);
        if (item.token.tokenType === T.PartialExtractLine) {
          cable.partialExtract = true;
          wrapper('partial-extract-note', seg.start, seg.end);
        } else if (s.length <= 40 && F.WRAPPER_DTG.test(s)) {
          const m = F.WRAPPER_DTG.exec(s)!;
          const dtg = dtgFrom(doc, seg.start + m.index, seg.start + m.index + m[0].length);
          // Wrapper dates have no precedence letter; read the parts directly.
          cable.wrapperDtg ??= wrapperDate(m, dtg);
          wrapper('date-line', seg.start, seg.end);
        } else if (DISTRIBUTION.test(s)) {
          wrapper('distribution', seg.start, seg.end);
        } else if (METADATA.test(s) || MEDIA_DATE.test(s)) {
          wrapper('metadata', seg.start, seg.end);
        } else {
          wrapper('preamble', seg.start, seg.end);
        }
        break;
      }
      case 'envelope': {
        const seg = segmentOf(doc, item.token);
        const s = text.slice(seg.start, seg.end);
        if (item.token.tokenType === T.TextLine && (MEDIA_DATE.test(s) || METADATA.test(s))) {
          wrapper(MEDIA_DATE.test(s) ? 'date-line' : 'metadata', seg.start, seg.end);
          break;
        }
        const line = envelopeLine(doc, item.token);
        envLines.push(line);
        envTokens.set(line, seg);
        break;
      }
      case 'envelopeNoise': {
        const seg = segmentOf(doc, item.token);
        const found = text.slice(seg.start, Math.min(seg.end, seg.start + 40));
        cable.errors.push({
          message: `expected an envelope line (precedence line, DE, ZNR/ZNY, DTG or FM) but found "${found}"`,
          expected: 'envelope line',
          found,
          range: rangeAt(lines, seg.start, seg.end),
        });
        break;
      }
      case 'banner': {
        const seg = segmentOf(doc, item.token);
        const banner = buildBanner(doc, seg.start, seg.end);
        if (banner) cable.banner = banner;
        else cable.malformedBanners.push(buildMalformedBanner(doc, seg.start, seg.end));
        headerEnd = seg.end;
        break;
      }
      case 'classification':
      case 'headerText': {
        const seg = segmentOf(doc, item.token);
        const s = text.slice(seg.start, seg.end);
        if (item.token.tokenType === T.TextLine && s.length <= 60 && TRUNCATED.test(s)) {
          wrapper('preview', seg.start, seg.end);
          headerEnd = seg.end;
          break;
        }
        classificationLine(cable, doc, seg);
        headerEnd = seg.end;
        break;
      }
      case 'field': {
        const segs = item.tokens.map((t) => segmentOf(doc, t));
        fields.push({ field: item.field, segments: segs });
        headerEnd = segs[segs.length - 1]!.end;
        break;
      }
      case 'body':
        body.push(segmentOf(doc, item.token));
        break;
    }
  }

  // Envelope: read the last complete copy; earlier copies are the publisher's.
  if (envLines.length) {
    const copies = splitCopies(envLines);
    let chosen = copies.length - 1;
    while (chosen > 0 && !copies[chosen]!.some((l) => l.lineKind === 'fm')) chosen--;
    copies.forEach((copy, i) => {
      if (i === chosen) return;
      const a = copy[0]!.range.start.offset;
      const b = copy[copy.length - 1]!.range.end.offset;
      wrapper('envelope-copy', a, b);
    });
    cable.envelope = assembleEnvelope(doc, copies[chosen]!);
  }

  // Header fields; when a field repeats (a truncated preview, then the full header),
  // the last complete one wins.
  mergeReasonCites(doc, fields);
  mergeRefLines(doc, fields);
  for (const f of fields) {
    for (const part of splitGluedFields(doc, f.field, f.segments.map((s) => [s.start, s.end] as [number, number]))) {
      addField(cable, doc, part.field, part.segments, false);
    }
  }

  buildText(cable, doc, body, headerEnd);
  if (!cable.banner) findLooseBanner(cable, doc);
  findMidLineFields(cable, doc, body);
  findMidLinePageMarkers(cable, doc, body);
  cable.wrapper.sort((a, b) => a.range.start.offset - b.range.start.offset);
  cable.pageMarkers.sort((a, b) => a.range.start.offset - b.range.start.offset);
  cable.headerOrder.sort((a, b) => a.range.start.offset - b.range.start.offset);
  cable.entireTextMarked = ENTIRE_TEXT.test(text.slice(0, Math.min(text.length, cable.textStart + 400)));
  return cable;
}

function wrapperDate(m: RegExpExecArray, base: Dtg): Dtg {
  const g = m.groups!;
  const month = F.MONTHS.indexOf(g.mon!.toUpperCase()) + 1;
  const yy = Number(g.yy);
  return {
    ...base,
    wellFormed: month > 0,
    day: Number(g.dd),
    hour: Number(g.hh),
    minute: Number(g.mi),
    ...(month > 0 ? { month } : {}),
    year: yy >= 60 ? 1900 + yy : 2000 + yy,
  };
}

function classificationLine(cable: Cable, doc: Doc, seg: Segment): void {
  const s = doc.text.slice(seg.start, seg.end);
  const range = rangeAt(doc.lines, seg.start, seg.end);
  if (seg.token.tokenType === T.CaptionLine) {
    cable.captions.push({ kind: 'Caption', names: F.captionNames(s), text: s, range, known: true });
  } else if (seg.token.tokenType === T.PageMarkerLine) {
    const pm = B.pageMarkerAt(doc, seg.start, seg.end, false);
    if (pm) cable.pageMarkers.push(pm);
  } else if (/^[A-Z]{3,12}$/.test(s.trim()) && !F.PASS_LINE.test(s)) {
    const caption: Caption = { kind: 'Caption', names: [s.trim()], text: s, range, known: false };
    cable.captions.push(caption);
  } else {
    cable.passLines.push({ kind: 'PassLine', text: s, range });
  }
}

function addField(cable: Cable, doc: Doc, field: FieldKind, segs: [number, number][], midLine: boolean): void {
  let node: HeaderField;
  switch (field) {
    case 'eo':
      node = cable.eo = buildEo(doc, segs[0]![0], segs[segs.length - 1]![1], midLine);
      break;
    case 'tags': {
      node = buildTags(doc, segs, midLine);
      // A second TAGS line right after the first is a two-line list, not a repeat.
      cable.tags.push(node);
      break;
    }
    case 'subject':
      node = cable.subject = buildSubject(doc, segs, midLine);
      break;
    case 'ref':
      node = cable.refs = buildRefs(doc, segs);
      for (const [a, b] of segs.slice(1)) {
        if (/^PAGE +\d{2} /.test(doc.text.slice(a, b))) cable.pageMarkers.push(B.legacyPageAt(doc, a, b));
      }
      break;
    case 'classifiedBy':
      node = cable.classifiedBy = buildClassifiedBy(doc, segs, midLine);
      break;
  }
  // Keep one entry per field kind in headerOrder: the last one read.
  cable.headerOrder = cable.headerOrder.filter((h) => h.kind !== node.kind || node.kind === 'TagsLine');
  cable.headerOrder.push(node);
}

/**
 * A field line may carry the next fields glued on (`E.O. 12958: DECL: 10/20/2015 TAGS: …`,
 * 24 corpus cables), on its first line or on a continuation line (`…TRANSACTIONS REF: A.
 * SECSTATE 84841 … Classified By: …`, 08MANAMA555): split it where another field keyword starts.
 */
function splitGluedFields(doc: Doc, field: FieldKind, segs: [number, number][]): { field: FieldKind; segments: [number, number][] }[] {
  // Classified By cites `E.O. 12958` as its authority.
  if (field === 'classifiedBy') return [{ field, segments: segs }];
  const cuts: { field: FieldKind | 'stop'; at: number }[] = [];
  segs.forEach(([s, e], i) => {
    const piece = doc.text.slice(s, e);
    MIDLINE_FIELD.lastIndex = 0;
    for (const m of piece.matchAll(MIDLINE_FIELD)) {
      if (i === 0 && m.index === 0) continue;
      const f = Object.keys(m.groups!).find((k) => m.groups![k] !== undefined) as FieldKind;
      if (f === field) continue;
      // A REF target may hold any words; only a glued Classified By ends the list (08MANAMA300).
      if (field === 'ref' && f !== 'classifiedBy') continue;
      // Lower-case `tags`/`subject` inside a sentence is a word, not a keyword.
      if (f === 'tags' && !/^TAGS?\s*:|^TAGS\s/.test(m[0]) && !/:/.test(m[0])) continue;
      // A subject runs until the next field; an E.O. line inside it is only a citation.
      if (field === 'subject' && f === 'eo') continue;
      cuts.push({ field: f, at: s + m.index! });
    }
    if (field === 'subject') {
      // Reflowed text: the subject also ends where the REF list (read as a field) or paragraph 1 starts.
      const ref = /\sREF(?:S|TELS?)?\s*:/.exec(piece);
      if (ref) cuts.push({ field: 'ref', at: s + ref.index + 1 });
      // A continuation line may itself open paragraph 1 (no blank line after the subject).
      const stop = (i === 0 ? /\s¶?\s?1\.\s+\(/ : /(?:^|\s)¶?\s?1\.\s+\(/).exec(piece);
      if (stop && (stop.index > 0 || i > 0)) cuts.push({ field: 'stop', at: s + stop.index });
    }
  });
  if (!cuts.length) return [{ field, segments: segs }];
  cuts.sort((a, b) => a.at - b.at);
  const out: { field: FieldKind; segments: [number, number][] }[] = [];
  let current = field as FieldKind | 'stop';
  let pieces: [number, number][] = [];
  let from = segs[0]![0];
  let k = 0;
  const close = () => {
    if (current !== 'stop' && pieces.length) out.push({ field: current, segments: pieces });
    pieces = [];
  };
  for (const [s, e] of segs) {
    from = Math.max(from, s);
    while (k < cuts.length && cuts[k]!.at < e) {
      const c = cuts[k++]!;
      let end = c.at;
      while (end > from && /\s/.test(doc.text[end - 1]!)) end--;
      if (end > from) pieces.push([from, end]);
      close();
      from = c.at;
      current = c.field;
      if (current === 'stop') return out;
    }
    if (e > from) pieces.push([from, e]);
  }
  close();
  return out;
}

const EO_REASON_ONLY = /^\s*(?:E\.? ?[O0]\.?|EO) *:? *1\d{4}\s*[,:;]?\s*(?:reasons?\s*:?\s*|sec(?:tion|\.)?\s*)?1\s?[.,\/]\s?[45]\b(?![\s\S]*\b(?:DECL|DNG|N\/A|OADR)\b)/i;

/**
 * `Classified By: ACTING CONSUL GENERAL … REASON:` ⏎⏎ `E.O. 12958, 1.4(D)` (05SAOPAULO1158): an
 * E.O. line that only cites a reason, after the Classified By line of a header that already
 * has its E.O. line, finishes the Classified By line rather than replacing the E.O. line.
 */
function mergeReasonCites(doc: Doc, fields: { field: FieldKind; segments: Segment[] }[]): void {
  for (let i = 1; i < fields.length; i++) {
    const f = fields[i]!;
    const prev = fields[i - 1]!;
    if (f.field !== 'eo' || prev.field !== 'classifiedBy') continue;
    if (!fields.slice(0, i - 1).some((g) => g.field === 'eo')) continue;
    const seg = f.segments[0]!;
    if (!EO_REASON_ONLY.test(doc.text.slice(seg.start, seg.end))) continue;
    prev.segments.push(...f.segments);
    fields.splice(i--, 1);
  }
}

/** `REF A SECRETARY'S LETTER …` ⏎ `REF B SECSTATE 76108` (09ABUDHABI754): one list, a keyword per item. */
function mergeRefLines(doc: Doc, fields: { field: FieldKind; segments: Segment[] }[]): void {
  for (let i = 1; i < fields.length; i++) {
    const f = fields[i]!;
    const prev = fields[i - 1]!;
    if (f.field !== 'ref' || prev.field !== 'ref') continue;
    const first = f.segments[0]!;
    const perItem = (g: Segment) => /^REF\s+\(?[A-Z][.):]?\s/.test(doc.text.slice(g.start, g.end));
    if (!perItem(first) || !perItem(prev.segments[0]!)) continue;
    const gap = (first.token.startLine ?? 0) - (prev.segments[prev.segments.length - 1]!.token.endLine ?? 0);
    if (gap > 2) continue;
    prev.segments.push(...f.segments);
    fields.splice(i--, 1);
  }
}

const FIELD_TOKEN = new Map<unknown, FieldKind>([
  [T.EoLine, 'eo'],
  [T.TagsLine, 'tags'],
  [T.SubjectLine, 'subject'],
  [T.RefLine, 'ref'],
  [T.ClassifiedByLine, 'classifiedBy'],
]);

function lineBefore(doc: Doc, offset: number): string {
  const { lines } = doc;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return '';
  const prev = lines[lo - 1]!;
  return doc.text.slice(prev.start, prev.end);
}

function buildText(cable: Cable, doc: Doc, body: Segment[], headerEnd: number): void {
  const { text } = doc;
  cable.textStart = body.length ? body[0]!.start : Math.min(text.length, headerEnd);
  let afterEom = false;
  let lastText: Segment | undefined;
  let lastTextIndex = -1;
  type Parent = { kind: 'paragraph' | 'heading'; index: number };
  let parent: Parent | undefined;
  const subs: SubParagraph[] = [];
  const paragraphs: Paragraph[] = [];
  /** Body offsets where numbering may restart (headings, quoted text). */
  const restartPoints: number[] = [];

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
    const s = text.slice(seg.start, seg.end);
    if (afterEom) {
      if (TRAILER.test(s) || cable.endOfMessage?.trailing || /^\d{4}-\d{2}-\d{2}/.test(s) || cable.partialExtract) {
        cable.wrapper.push({ kind: 'Wrapper', role: 'trailer', text: s, range: rangeAt(doc.lines, seg.start, seg.end) });
      } else if (cable.endOfMessage) {
        cable.endOfMessage.trailing = { text: s, range: rangeAt(doc.lines, seg.start, seg.end) };
      }
      continue;
    }
    if (TRAILER.test(s)) {
      cable.wrapper.push({ kind: 'Wrapper', role: 'trailer', text: s, range: rangeAt(doc.lines, seg.start, seg.end) });
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
    const paragraphIndex = paragraphs.length - 1;
    cable.blockMarks.push(...B.blockMarksIn(doc, seg.start, seg.end, paragraphIndex));

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
    const fieldKind = FIELD_TOKEN.get(t);
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
    if (t === T.ParagraphLine || (t === T.ClassifiedByLine && /^(?:¶ ?)?1\./.test(s))) {
      const p = B.paragraphAt(doc, seg.start, seg.end, false);
      if (p) {
        addParagraph(p);
        // Reflowed text: further paragraphs run on in the same line.
        if (seg.end - seg.start > 150) midLineParagraphs(doc, seg, p.numberText.range.end.offset, addParagraph);
        lastText = seg;
        lastTextIndex = i;
        continue;
      }
    }
    if (t === T.CaptionLine) continue;
    if (t === T.TextLine && paragraphs.length === 0 && seg.end - seg.start <= 60 && TRUNCATED.test(s)) {
      // `Classif...` after the REF list: the publisher's cut-off preview (08RIGA497).
      cable.wrapper.push({ kind: 'Wrapper', role: 'preview', text: s, range: rangeAt(doc.lines, seg.start, seg.end) });
      continue;
    }

    // Plain text: heading, sub-paragraph, dashed heading, continuation.
    const trimmed = s.trim();
    if (B.isDashRule(trimmed)) continue;
    const prevDash = i > 0 && isDashSegment(text, body[i - 1]!);
    const nextDash = i + 1 < body.length && isDashSegment(text, body[i + 1]!);
    const sub = B.subParagraphAt(doc, seg.start, seg.end);
    if (sub) {
      subs.push({ ...sub, parentKind: parent?.kind ?? 'none', parentIndex: parent?.index ?? -1 });
    } else if ((prevDash && nextDash && trimmed.length <= 80) || (B.isHeadingText(trimmed) && isStandalone(doc, seg))) {
      cable.headings.push(B.heading(doc, seg.start, seg.end, prevDash && nextDash));
      parent = { kind: 'heading', index: cable.headings.length - 1 };
      restartPoints.push(seg.start);
    } else if (seg.end - seg.start > 150 || paragraphs.length === 0) {
      // Before paragraph 1 a short line may end with it too: a reflowed copy of the header
      // (`SUBJECT: … REF: VILNIUS 663 1. (SBU)` ⏎ `The neutrality …`, 08VILNIUS668).
      midLineParagraphs(doc, seg, seg.start, addParagraph);
    }
    if (/\bBEGIN\s+(?:TEXT|QUOTE)|TABLE OF CONTENTS/i.test(s)) restartPoints.push(seg.end);
    lastText = seg;
    lastTextIndex = i;
  }

  numberParagraphs(doc, paragraphs, restartPoints);
  extendParagraphs(doc, paragraphs, cable, body);
  cable.paragraphs = paragraphs;
  cable.subParagraphs = subs;
  cable.blocks = B.pairBlocks(doc, cable.blockMarks);
  cable.reflowed = paragraphs.some((p) => p.midLine) || body.some((s) => s.token.tokenType === T.ParagraphLine && s.end - s.start > 150);

  // Signature: the last text line, or a name appended to the last paragraph.
  if (lastText) {
    const s = text.slice(lastText.start, lastText.end);
    const glued = /^(.*\S)\s+NNNN\s*$/.exec(s);
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
    void lastTextIndex;
  }
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

function isDashSegment(text: string, seg: Segment): boolean {
  // A visible character other than `-` up front rules the segment out without a copy.
  const c = text.charCodeAt(seg.start);
  if (seg.start < seg.end && c > 0x20 && c < 0x7f && c !== 0x2d) return false;
  return B.isDashRule(text.slice(seg.start, seg.end).trim());
}

/** Index of the last body segment of a cut-off preview of paragraph 1 starting at `i`, or -1. */
function previewOf(doc: Doc, body: Segment[], i: number): number {
  const endsPreview = (k: number, max: number): boolean => {
    const g = body[k]!;
    const s = doc.text.slice(g.start, g.end);
    const alone = k + 1 >= body.length || (body[k + 1]!.token.startLine ?? 0) - (g.token.endLine ?? 0) > 1;
    return TRUNCATED.test(s) && (s.length <= 60 || (s.length <= max && alone && /\w\.{3}\s*$/.test(s)));
  };
  if (endsPreview(i, 100)) return i;
  const next = body[i + 1];
  if (
    next &&
    next.token.tokenType === T.TextLine &&
    (next.token.startLine ?? 0) - (body[i]!.token.endLine ?? 0) === 1 &&
    next.end - next.start <= 60 &&
    endsPreview(i + 1, 60) &&
    /\w\.{3}\s*$/.test(doc.text.slice(next.start, next.end))
  ) {
    return i + 1;
  }
  return -1;
}

/** Whether a short capitalised line stands alone (blank or boundary above and below). */
function isStandalone(doc: Doc, seg: Segment): boolean {
  const before = lineBefore(doc, seg.start).trim();
  return before === '' || B.isDashRule(before) || /[.:]$/.test(before);
}

/**
 * What MIDLINE_PARAGRAPH needs around its portion mark: far cheaper to rule out first, and a
 * paragraph line's own mark (just after `from`) lacks the full stop.
 */
const MIDLINE_MARK = /\.\s+\((?:TS|S|C|SBU|U)[\/)]/;

function midLineParagraphs(doc: Doc, seg: Segment, from: number, add: (p: Paragraph) => void): void {
  const s = doc.text.slice(from, seg.end);
  if (!MIDLINE_MARK.test(s)) return;
  B.MIDLINE_PARAGRAPH.lastIndex = 0;
  for (const m of s.matchAll(B.MIDLINE_PARAGRAPH)) {
    const a = from + m.index!;
    const p = B.paragraphAt(doc, a, seg.end, true);
    if (p) add(p);
  }
}

/**
 * Normalises paragraph numbers: detects the `1`+N pilcrow artefact (CBL084), CBL085
 * ambiguous line starts, and restarts after headings or quoted text (CBL083).
 */
function numberParagraphs(doc: Doc, paragraphs: Paragraph[], restartPoints: number[]): void {
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
    const expected = last ? last.number + 1 : 1;
    if (!p.midLine && last && p.number !== expected && !p.portionMark) {
      const before = lineBefore(doc, p.range.start.offset).trimEnd();
      if (before && /[A-Za-z,]$/.test(before) && !isStandaloneTitle(doc, p.range.start.offset)) {
        p.ambiguous = true;
        continue;
      }
    }
    if (p.number === 1 && last && sawRestartPoint) p.restart = true;
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
function extendParagraphs(doc: Doc, paragraphs: Paragraph[], cable: Cable, body: Segment[]): void {
  if (!paragraphs.length) return;
  const boundaries = [
    ...paragraphs.filter((p) => !p.ambiguous).map((p) => p.range.start.offset),
    ...cable.headings.map((h) => h.range.start.offset),
    ...cable.sectionBanners.map((b) => b.range.start.offset),
  ].sort((a, b) => a - b);
  const lastBodyEnd = body.reduce(
    (m, s) => (s.token.tokenType === T.EndOfMessageLine || TRAILER.test(doc.text.slice(s.start, s.end)) ? m : Math.max(m, s.end)),
    0,
  );
  const sig = cable.signature && !cable.signature.appended ? cable.signature.range.start.offset : Infinity;
  const eom = cable.endOfMessage ? cable.endOfMessage.range.start.offset : Infinity;
  // Sorted, so each paragraph finds its limits by binary search: a scan per paragraph made
  // 10,000-paragraph texts quadratic.
  // A page marker after a paragraph's last line belongs to no paragraph; one inside it is
  // covered anyway, because the paragraph runs on to its next line of text.
  const markerOnly = new Set(cable.pageMarkers.map((m) => m.range.end.offset));
  const segEnds = body
    .filter((s) => !markerOnly.has(s.end))
    .map((s) => s.end)
    .sort((a, b) => a - b);
  for (const p of paragraphs) {
    if (p.ambiguous) continue;
    const start = p.range.start.offset;
    const next = boundaries[firstAbove(boundaries, start)];
    const limit = Math.min(sig, eom, lastBodyEnd, next ?? Infinity);
    // End at the last segment end at or before the limit.
    let end = p.range.end.offset;
    const last = firstAbove(segEnds, limit) - 1;
    if (last >= 0 && segEnds[last]! > end) end = segEnds[last]!;
    if (p.midLine) {
      if (next !== undefined && next < end) end = next;
      while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
    }
    p.range = rangeAt(doc.lines, start, Math.max(end, p.numberText.range.end.offset));
  }
}

/** Index of the first element of the ascending `sorted` greater than `x` (length if none). */
function firstAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spec 4.4 banner variants the line lexer cannot type: looked for in the header region. */
function findLooseBanner(cable: Cable, doc: Doc): void {
  const firstPara = cable.paragraphs.find((p) => !p.ambiguous);
  const limit = Math.min(doc.text.length, firstPara ? firstPara.range.start.offset : cable.textStart + 3000);
  const region = doc.text.slice(0, limit);
  // A banner line below the envelope that could not be read (its serial cut off) is still the
  // cable's banner: a banner-shaped line above the envelope is then a quoted copy (06TELAVIV4032).
  const envelopeEnd = cable.envelope?.range.end.offset ?? -1;
  const from = cable.malformedBanners.some((b) => b.range.start.offset > envelopeEnd) ? envelopeEnd : 0;
  F.LOOSE_BANNER.lastIndex = 0;
  for (const m of region.matchAll(F.LOOSE_BANNER)) {
    const s = m.index!;
    if (s < from) continue;
    // A level inside a word (`UNCLASSIFIED//FOR OFFICIAL USE`) or the WikiLeaks table is not a banner.
    if (s > 0 && /[A-Za-z]/.test(doc.text[s - 1]!) && !/(?:\d|:)$/.test(doc.text.slice(0, s))) continue;
    const lineEnd = doc.text.indexOf('\n', s + m[0].length);
    const end = lineEnd < 0 ? doc.text.length : lineEnd;
    const relative = F.LOOSE_BANNER_AT.exec(doc.text.slice(s, end));
    if (!relative) continue;
    const banner = buildBanner(doc, s, end, relative);
    if (banner) {
      cable.banner = banner;
      return;
    }
  }
}

function midLineMarker(banner: NonNullable<Cable['banner']>, serial: number): RegExp {
  // The marker's post is the banner's cut to ten characters, or its last word (spec 2.6).
  const post = banner.post.text.toUpperCase().replace(/\s+/g, ' ');
  const posts = [...new Set([post.slice(0, 10).trimEnd(), post.split(' ').at(-1)!, post])].map((p) =>
    p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(
    `(?<![A-Za-z])(?<post>${posts.join('|')}) (?<serial>0*${serial}) {1,2}(?<n>\\d{3})(?:\\.(?<k>\\d))? OF (?<m>\\d{3})\\b`,
    'g',
  );
}

/**
 * Reflowed text (spec 4.3) carries page markers run into its lines (`… the "Druzhba MOSCOW
 * 00009482 002 OF 003 discount." …`, 06MOSCOW9482). Mid-line, a marker is believed only with
 * the banner's own serial: a number of that shape in prose is otherwise too likely.
 */
function findMidLinePageMarkers(cable: Cable, doc: Doc, body: Segment[]): void {
  const banner = cable.banner;
  const serial = banner ? Number.parseInt(banner.serial.text, 10) : Number.NaN;
  if (!banner || !Number.isFinite(serial)) return;
  let marker: RegExp | undefined;
  const known = cable.pageMarkers.map((p) => p.range.start.offset);
  // Every marker holds ` OF ` and the serial with a space after it: where the next of each lies
  // in the text rules out most segments without running (or even building) the marker
  // pattern, which cost more than the rest of the body layer.
  const serialThen = `${serial} `;
  let nextOf = -1;
  let nextSerial = -1;
  for (const seg of body) {
    const t = seg.token.tokenType;
    if (t !== T.TextLine && t !== T.ParagraphLine) continue;
    if (nextSerial < seg.start) nextSerial = doc.text.indexOf(serialThen, seg.start);
    if (nextSerial < 0) break;
    if (nextSerial + serialThen.length > seg.end) continue;
    if (nextOf < seg.start) nextOf = doc.text.indexOf(' OF ', seg.start);
    if (nextOf < 0) break;
    if (nextOf + 4 > seg.end) continue;
    marker ??= midLineMarker(banner, serial);
    const s = doc.text.slice(seg.start, seg.end);
    for (const m of s.matchAll(marker)) {
      if (m.index === 0 || !/\s/.test(s[m.index! - 1]!)) continue;
      const at = seg.start + m.index!;
      if (known.includes(at)) continue;
      const pm = B.pageMarkerAt(doc, at, at + m[0].length, true);
      if (pm) cable.pageMarkers.push(pm);
    }
  }
}

function hasField(cable: Cable, field: FieldKind): boolean {
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

/**
 * Reflowed and glued text (spec 4.3): the header may sit on one line, after the banner or
 * inside the first paragraph line. Fields still missing are looked for mid-line there.
 */
function findMidLineFields(cable: Cable, doc: Doc, body: Segment[]): void {
  const missing = (['eo', 'tags', 'subject', 'classifiedBy'] as FieldKind[]).filter((f) => !hasField(cable, f));
  if (!missing.length) return;
  const windows: [number, number][] = [];
  if (cable.banner?.rest) windows.push([cable.banner.rest.range.start.offset, cable.banner.rest.range.end.offset]);
  const firstPara = cable.paragraphs.find((p) => !p.ambiguous);
  for (const seg of body) {
    if (firstPara && seg.start > firstPara.range.start.offset) break;
    windows.push([seg.start, seg.end]);
    if (windows.length > 40) break;
  }
  // The header follows the envelope and the banner: publisher or mail-client text above either
  // (`Subject: TRIPOLI 00000982 O UN 29-DEC-08 …` of an e-mail header, 08TRIPOLI982) is not it.
  const headerFrom = Math.max(cable.envelope?.range.start.offset ?? 0, cable.banner?.range.start.offset ?? 0);
  for (const w of cable.wrapper) {
    if (w.role === 'preamble' && w.text.length > 60 && w.range.start.offset >= headerFrom) windows.push([w.range.start.offset, w.range.end.offset]);
  }
  for (const p of cable.passLines) windows.push([p.range.start.offset, p.range.end.offset]);
  for (const [a, b] of windows) {
    const s = doc.text.slice(a, b);
    MIDLINE_FIELD.lastIndex = 0;
    const hits = [...s.matchAll(MIDLINE_FIELD)].map((m) => ({
      field: (Object.keys(m.groups!).find((k) => m.groups![k] !== undefined) ?? 'eo') as FieldKind,
      at: a + m.index!,
    }));
    // A paragraph number or portion mark ends the last field.
    const paraStop = /(?:^|\s)(?:¶ ?)?1\.\s+\(|\s¶\d/.exec(s);
    const stop = paraStop ? a + paraStop.index : b;
    hits.forEach((h, i) => {
      if (hasField(cable, h.field) || !missing.includes(h.field)) return;
      if (h.field === 'tags' && !/^TAGS?\s*:|^TAGS\s/.test(doc.text.slice(h.at, h.at + 6))) {
        // Lower-case `tags:` needs its colon to be believed.
        if (!/^tags?:/i.test(doc.text.slice(h.at, h.at + 5))) return;
      }
      const next = hits[i + 1];
      let end = Math.min(next ? next.at : b, h.at < stop ? stop : b);
      while (end > h.at && /[\s,;]/.test(doc.text[end - 1]!)) end--;
      if (end <= h.at) return;
      addField(cable, doc, h.field, [[h.at, end]], true);
    });
  }
}
