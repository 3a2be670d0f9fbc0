/**
 * What a publisher's reflowing or repeating hides (spec 4.2, 4.3): banners the line lexer cannot
 * type, page markers and paragraphs run into long lines, and cut-off previews of paragraph 1.
 */
import type { Cable, Paragraph } from './ast';
import * as B from './build-body';
import { buildBanner, type Doc } from './build-header';
import * as F from './fields';
import * as T from './lexer';
import { TRUNCATED } from './parser';
import type { Segment } from './segments';

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
const MIDLINE_MARK = /\.\s+\((?:TS|S|C|SBU|U)[\/)]/;

export function midLineParagraphs(doc: Doc, seg: Segment, from: number, add: (p: Paragraph) => void): void {
  const s = doc.text.slice(from, seg.end);
  if (!MIDLINE_MARK.test(s)) return;
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
