/**
 * The walk over the parser's items: every segment goes to its layer (publication wrapper,
 * envelope, classification block, header fields, text), and the builders read each layer.
 */
import type { BlockMark, Cable, Caption, Dtg, EnvelopeLine, WrapperPart } from './ast';
import * as B from './build-body';
import { assembleEnvelope, dtgFrom, envelopeLine, splitCopies } from './build-envelope';
import { buildBanner, buildMalformedBanner, type Doc } from './build-header';
import * as F from './fields';
import { addField, findMidLineFields, mergeReasonCites, mergeRefLines, splitGluedFields } from './header-repair';
import { lex } from './lexer';
import * as T from './lexer';
import { TRUNCATED } from './field-continuation';
import { type FieldKind, parseItems } from './parser';
import { rangeAt, spanAt, splitLines } from './positions';
import { completeCopyStart, findLooseBanner, findMidLinePageMarkers, METADATA } from './reflowed';
import { type Segment, segmentOf } from './segments';
import { buildText } from './text-layer';

const MEDIA_DATE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4}(?:, \d{1,2}:\d{2})?\s*$/;
const DISTRIBUTION = /^(?:INFO +LOG-|ACTION +[A-Z]+-\d|[A-Z]{1,5}-\d{2}\b|.*\/\d{3}W\s*$|-{6,}|CXTelA:|ACTION:|DRAFTED:|CLEARED:|APPROVED:)/;
/**
 * `SECRET - ENTIRE TEXT.`, and the portion mark of paragraph 1 saying the same (`(S-ENTIRE
 * TEXT)`, `(C - ENTIRE TEXT)`, 90BAGHDAD4397): the whole text carries one classification.
 */
export const ENTIRE_TEXT =
  /\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s*-+\s*ENTIRE\s+TEXT\b|\(\s*(?:U|C|S|TS|SBU|LOU|[CS]\/NF)\s*(?:-+|\)\s*-*)\s*ENTIRE\s+TEXT\b/i;
/**
 * What every match of ENTIRE_TEXT holds: searched for first, since it is one literal (half the
 * time of ENTIRE_TEXT over a header, where it is rarely found).
 */
export const ENTIRE_TEXT_WORDS = /ENTIRE\s+TEXT/i;

/** ENTIRE_TEXT.test(s), only where its words are. */
export function marksEntireText(s: string): boolean {
  return ENTIRE_TEXT_WORDS.test(s) && ENTIRE_TEXT.test(s);
}

/** Parts of the tree read only when first asked for (the text layer leaves how to read them here). */
export interface Deferred {
  blockMarks?: () => BlockMark[];
  /** The block marks once read (or set). */
  marks?: BlockMark[];
}

/** Where a tree keeps its Deferred: not enumerable, so the tree shows only its parts (keys, JSON, a spread copy). */
const DEFERRED: unique symbol = Symbol('deferred tree parts');
type WithDeferred = Cable & { [DEFERRED]?: Deferred };

/**
 * One getter and setter for every tree. An accessor written in the tree's literal is a new pair of
 * functions per tree, and V8 keeps an object whose accessors differ from its siblings' in
 * dictionary mode: every property of every tree a hash lookup, in the grammar, the model and the
 * rules alike.
 */
function getBlockMarks(this: WithDeferred): BlockMark[] {
  const deferred = this[DEFERRED];
  if (!deferred) return [];
  return (deferred.marks ??= deferred.blockMarks?.() ?? []);
}

function setBlockMarks(this: WithDeferred, marks: BlockMark[]): void {
  const deferred = this[DEFERRED];
  if (deferred) deferred.marks = marks;
}

// Nothing in the grammar reads the block marks, and a parse the cable model never asks about them
// does not read them; an accessor from the start keeps the tree one shape.
const BLOCK_MARKS: PropertyDescriptor = { get: getBlockMarks, set: setBlockMarks, enumerable: true, configurable: true };

export function emptyCable(text: string, lines = splitLines(text), deferred: Deferred = {}): Cable {
  const cable = {
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
  } as unknown as WithDeferred;
  Object.defineProperty(cable, DEFERRED, { value: deferred });
  // Defined here, in its place among the keys (the JSON of a tree lists its parts in this order).
  Object.defineProperty(cable, 'blockMarks', BLOCK_MARKS);
  cable.pageMarkers = [];
  cable.entireTextMarked = false;
  cable.partialExtract = false;
  cable.reflowed = false;
  cable.errors = [];
  return cable;
}

export function build(text: string): Cable {
  const lines = splitLines(text);
  const doc: Doc = { text, lines };
  const deferred: Deferred = {};
  const cable = emptyCable(text, lines, deferred);
  const { tokens } = lex(text);
  // A record printing a preview of its header before the complete copy: the copy is the cable.
  const copyAt = completeCopyStart(doc, tokens);
  const { items, body: bodyTokens, errors } = parseItems(copyAt > 0 ? tokens.slice(copyAt) : tokens);
  const previewParse = copyAt > 0 ? parseItems(tokens.slice(0, copyAt)) : undefined;
  const previewItems = previewParse?.items ?? [];

  for (const e of errors) {
    const t = e.token;
    const start = Number.isFinite(t.startOffset) ? t.startOffset : text.length;
    const end = Number.isFinite(t.endOffset) ? (t.endOffset ?? start) + 1 : start;
    cable.errors.push({ message: e.message, range: rangeAt(lines, start, end) });
  }

  const wrapper = (role: WrapperPart['role'], start: number, end: number) =>
    cable.wrapper.push({ kind: 'Wrapper', role, text: text.slice(start, end), range: rangeAt(lines, start, end) });

  const envLines: EnvelopeLine[] = [];
  const fields: { field: FieldKind; segments: Segment[] }[] = [];
  let headerEnd = 0;
  /** The preview's header and cut-off text, [start, end]; its envelope is read as a copy like any other. */
  const preview = [Infinity, -1];

  for (const item of previewItems.length ? [...previewItems, ...items] : items) {
    if (item.role !== 'preamble' && item.role !== 'envelope' && item.role !== 'envelopeNoise' && previewItems.includes(item)) {
      for (const t of 'tokens' in item ? item.tokens : [item.token]) {
        const seg = segmentOf(doc, t);
        preview[0] = Math.min(preview[0]!, seg.start);
        preview[1] = Math.max(preview[1]!, seg.end);
      }
      continue;
    }
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
    }
  }
  for (const t of previewParse?.body ?? []) {
    const seg = segmentOf(doc, t);
    preview[0] = Math.min(preview[0]!, seg.start);
    preview[1] = Math.max(preview[1]!, seg.end);
  }
  const body = bodyTokens.map((t) => segmentOf(doc, t));

  if (preview[1]! >= 0) wrapper('preview', preview[0]!, preview[1]!);

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

  buildText(cable, doc, body, headerEnd, deferred);
  if (!cable.banner) findLooseBanner(cable, doc);
  findMidLineFields(cable, doc, body);
  findMidLinePageMarkers(cable, doc, body);
  cable.wrapper.sort((a, b) => a.range.start.offset - b.range.start.offset);
  cable.pageMarkers.sort((a, b) => a.range.start.offset - b.range.start.offset);
  cable.headerOrder.sort((a, b) => a.range.start.offset - b.range.start.offset);
  cable.entireTextMarked = marksEntireText(text.slice(0, Math.min(text.length, cable.textStart + 400)));
  return cable;
}

function wrapperDate(m: RegExpExecArray, base: Dtg): Dtg {
  const g = m.groups!;
  const month = F.MONTHS.indexOf(g.mon!.toUpperCase()) + 1;
  return {
    ...base,
    wellFormed: month > 0,
    day: Number(g.dd),
    hour: Number(g.hh),
    minute: Number(g.mi),
    ...(month > 0 ? { month } : {}),
    year: F.fullYear(g.yy!),
  };
}

/**
 * A lone word on the line right under a pass line is that line wrapped (`STATE PASS TO⏎USTR`,
 * `… FROM THE⏎AMBASSADOR`, 08NAIROBI239): a pass line too, not an unknown caption. A caption
 * stands under the banner, another caption or a blank line (`ALDAC` under `SIPDIS`, `AIDAC` after
 * a blank line).
 */
function continuesPassLine(cable: Cable, line: number): boolean {
  const last = cable.passLines[cable.passLines.length - 1];
  return last !== undefined && last.range.end.line === line - 1;
}

function classificationLine(cable: Cable, doc: Doc, seg: Segment): void {
  const s = doc.text.slice(seg.start, seg.end);
  const range = rangeAt(doc.lines, seg.start, seg.end);
  if (seg.token.tokenType === T.CaptionLine) {
    const found = F.captionMatches(s);
    cable.captions.push({
      kind: 'Caption',
      names: found.map((f) => f.name),
      nameSpans: found.map((f) => spanAt(doc.lines, doc.text, seg.start + f.start, seg.start + f.end)),
      text: s,
      range,
      known: true,
    });
  } else if (seg.token.tokenType === T.PageMarkerLine) {
    const pm = B.pageMarkerAt(doc, seg.start, seg.end, false);
    if (pm) cable.pageMarkers.push(pm);
  } else if (/^[A-Z]{3,12}$/.test(s.trim()) && !F.PASS_LINE.test(s) && !continuesPassLine(cable, range.start.line)) {
    const word = s.length - s.trimStart().length;
    const caption: Caption = {
      kind: 'Caption',
      names: [s.trim()],
      nameSpans: [spanAt(doc.lines, doc.text, seg.start + word, seg.start + word + s.trim().length)],
      text: s,
      range,
      known: false,
    };
    cable.captions.push(caption);
  } else {
    cable.passLines.push({ kind: 'PassLine', text: s, range });
  }
}
