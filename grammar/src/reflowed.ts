/**
 * What a publisher's reflowing or repeating hides (spec 4.2, 4.3): banners the line lexer cannot
 * type, page markers and paragraphs run into long lines, cut-off previews of paragraph 1, and the
 * complete copy of a record below a preview of its header.
 */
import type { IToken } from 'chevrotain';
import type { Cable, Paragraph } from './ast';
import * as B from './build-body';
import { buildBanner, type Doc, tokenEnd } from './build-header';
import * as F from './fields';
import * as T from './lexer';
import { TRUNCATED } from './field-continuation';
import { looksLikeBanner } from './parser';
import { FIELD_TOKEN, type Segment } from './segments';
import { isSpace } from './chars';

/**
 * A row of a publisher's record metadata (spec 4.2): the keyed rows (`id: 59852`, `refid:
 * 06LIMA1358`, `header:` …) or the cables.csv row's cells (row number, date, reference id, origin,
 * classification, destination), `null`, `Cable Text:`.
 */
export const METADATA =
  /^(?:\d{1,7}|\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?|\d{1,2}\/\d{1,2}\/\d{4}(?: \d{1,2}:\d{2})?|\d{2}[A-Z]{3,}\d+|(?:Embassy|Consulate|Mission|Secretary of State|US Mission|USUN|REO|American Institute)\b.*|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?:\/\/[A-Z ]+)?|(?:id|date|refid|origin|classification|destination|header):.*|null|Cable Text:|End Cable Text)\s*\\?\s*$/;
/**
 * Every character a METADATA row may start with (after leading blanks): a digit, or the first
 * letter of a name or key it lists.
 */
const METADATA_START = new Set('0123456789ECMSURAidrochn'.split('').map((c) => c.charCodeAt(0)));

/**
 * `METADATA.test(image.trim())`, asked of the first lines of every cable: the pattern runs only on a
 * line that starts as one of its rows can.
 */
export function isMetadata(image: string): boolean {
  let i = 0;
  while (i < image.length && isSpace(image.charCodeAt(i))) i++;
  return METADATA_START.has(image.charCodeAt(i)) && METADATA.test(image.trim());
}

/** The record's own reference id, keyed or as a cell (`refid: 06LIMA1358`, `04THEHAGUE1446`). */
const RECORD_ID = /^(?:refid:\s*)?\d{2}[A-Z]{3,}0*(?<serial>\d+)\s*$/;
/** How far into the text a preview's metadata may start, in segments. */
const PREVIEW_TOKENS = 80;
const COPY_START = new Set([T.TransmissionIdLine, T.PrecedenceLine, T.DeLine, T.SecurityLine, T.DtgLine, T.FmLine, T.BannerLine]);

/**
 * Where the complete copy of a record begins that prints a preview of its header first: the
 * header cut off (`Classified By: Ambass...`, `1...`, `REF: A. 07 QUITO...`), then the
 * publisher's record metadata, then the whole cable again with its envelope or banner (06LIMA1358,
 * 09QUITO57, 04THEHAGUE1446). The index of the first metadata token, or -1. Of a preview and a
 * complete copy the complete copy is the cable: the header is read from it, and what comes before
 * is the publisher's. Metadata naming another cable than the banner above it is no copy of it: a
 * page can go on with another record (07BERN881 prints 07TBILISI2290 below its own text).
 */
export function completeCopyStart(doc: Doc, tokens: readonly IToken[]): number {
  let header = false;
  let bannerToken: IToken | undefined;
  // A preview is a header and a line or two of text: its record's metadata comes early (line 45
  // at most on the public corpus), so the body of a long cable is never scanned.
  for (let i = 0; i < Math.min(tokens.length, PREVIEW_TOKENS); i++) {
    const t = tokens[i]!;
    if (t.tokenType === T.BannerLine) {
      header = true;
      bannerToken ??= t;
      continue;
    }
    if (FIELD_TOKEN.has(t.tokenType)) header = true;
    if (!header || !isMetadata(t.image)) continue;
    let j = i;
    let recordSerial: number | undefined;
    for (; j < tokens.length && isMetadata(tokens[j]!.image); j++) {
      const id = RECORD_ID.exec(tokens[j]!.image.trim());
      if (id && recordSerial === undefined) recordSerial = Number(id.groups!.serial);
    }
    const copyAhead = tokens.slice(j, j + 3).some((k) => COPY_START.has(k.tokenType) || looksLikeBanner(k));
    if (j - i >= 3 && recordSerial !== undefined && copyAhead && sameSerial(bannerSerial(doc, bannerToken), recordSerial) && sameSerial(copySerial(doc, tokens, j), recordSerial)) return i;
    i = j - 1;
  }
  return -1;
}

const sameSerial = (a: number | undefined, b: number) => a === undefined || a === b;

/**
 * The serial of the copy's banner, below its envelope: a copy whose banner lost a digit
 * (`BERLIN 00169` under the record 08BERLIN1690) is no better than the preview it would replace.
 */
function copySerial(doc: Doc, tokens: readonly IToken[], from: number): number | undefined {
  for (let k = from; k < Math.min(tokens.length, from + 60); k++) {
    const t = tokens[k]!;
    if (t.tokenType === T.BannerLine) return bannerSerial(doc, t);
    if (FIELD_TOKEN.has(t.tokenType) || t.tokenType === T.ParagraphLine) return undefined;
  }
  return undefined;
}

function bannerSerial(doc: Doc, t: IToken | undefined): number | undefined {
  const banner = t && buildBanner(doc, t.startOffset, tokenEnd(t));
  return banner ? Number.parseInt(banner.serial.text, 10) : undefined;
}

/** Index of the last body segment of a cut-off preview of paragraph 1 starting at `i`, or -1. */
export function previewOf(doc: Doc, body: Segment[], i: number): number {
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

/**
 * What MIDLINE_PARAGRAPH needs around its portion mark: far cheaper to rule out first, and a
 * paragraph line's own mark (just after `from`) lacks the full stop.
 */
export const MIDLINE_MARK = /\.\s+\((?:TS|S|C|SBU|U)[\/)]/;

/**
 * `MIDLINE_MARK.test(text.slice(from, end))`, read from each `(` outward: a search of a long line
 * for the pattern cost more than the rest of reading its paragraphs.
 */
export function hasMidLineMark(text: string, from: number, end: number): boolean {
  for (let open = text.indexOf('(', from); open >= 0 && open < end; open = text.indexOf('(', open + 1)) {
    // A full stop, then at least one blank, right before the `(`.
    let k = open - 1;
    while (k >= from && isSpace(text.charCodeAt(k))) k--;
    if (k === open - 1 || k < from || text.charCodeAt(k) !== 0x2e) continue;
    if (levelThenClose(text, open + 1, end)) return true;
  }
  return false;
}

/** `(?:TS|S|C|SBU|U)[/)]` at `at`, within `end`. */
function levelThenClose(text: string, at: number, end: number): boolean {
  const close = (i: number) => i < end && (text.charCodeAt(i) === 0x2f || text.charCodeAt(i) === 0x29);
  const c = text.charCodeAt(at);
  if (at >= end) return false;
  if (c === 0x43 || c === 0x55) return close(at + 1); // C, U
  if (c === 0x54) return at + 1 < end && text.charCodeAt(at + 1) === 0x53 && close(at + 2); // TS
  if (c !== 0x53) return false;
  // S, or SBU
  return close(at + 1) || (at + 2 < end && text.charCodeAt(at + 1) === 0x42 && text.charCodeAt(at + 2) === 0x55 && close(at + 3));
}

export function midLineParagraphs(doc: Doc, seg: Segment, from: number, add: (p: Paragraph) => void): void {
  if (!hasMidLineMark(doc.text, from, seg.end)) return;
  const s = doc.text.slice(from, seg.end);
  B.MIDLINE_PARAGRAPH.lastIndex = 0;
  for (const m of s.matchAll(B.MIDLINE_PARAGRAPH)) {
    const a = from + m.index!;
    const p = B.paragraphAt(doc, a, seg.end, true);
    if (p) add(p);
  }
}

/** Spec 4.4 banner variants the line lexer cannot type: looked for in the header region. */
export function findLooseBanner(cable: Cable, doc: Doc): void {
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
export function findMidLinePageMarkers(cable: Cable, doc: Doc, body: Segment[]): void {
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
