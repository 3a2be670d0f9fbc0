import type { IToken } from 'chevrotain';
import type {
  Banner,
  ClassifiedBy,
  EoLine,
  Line,
  MalformedBanner,
  RefItem,
  RefList,
  Span,
  SubjectLine,
  TagsLine,
  TagToken,
} from './ast';
import * as F from './fields';
import { contentEnd } from './chars';
import { rangeAt, spanAt } from './positions';

/** Builders for the classification banner and the header fields (spec 2.2, 2.4). */

export interface Doc {
  text: string;
  lines: Line[];
}

export function tokenEnd(t: IToken): number {
  return (t.endOffset ?? t.startOffset) + 1;
}

function span(doc: Doc, start: number, end: number): Span {
  return spanAt(doc.lines, doc.text, start, end);
}

const trimEnd = contentEnd;

/** `loose`: a match of LOOSE_BANNER_AT at `start` (with the `d` flag's offsets); else the line is read with BANNER. */
export function buildBanner(doc: Doc, start: number, end: number, loose?: RegExpExecArray): Banner | undefined {
  const m = loose ?? F.BANNER.re.exec(doc.text.slice(start, end).trimEnd());
  if (!m) return undefined;
  const at = loose ? (name: string) => F.sub(doc.text, start, m, name) : (name: string) => F.part(F.BANNER, m, start, name);
  const lvl = at('lvl')!;
  const { level, spaced } = F.levelOf(lvl.text);
  const post = at('post')!;
  const serial = at('serial')!;
  const rest = at('rest');
  const section = at('section');
  const n = at('n');
  const total = at('m');
  const restTrimmed = rest && rest.text.trim() ? rest : undefined;
  const glued = restTrimmed ? F.captionMatches(restTrimmed.text.slice(0, 60)) : [];
  const lineEnd = trimEnd(doc.text, start, end);
  // Built in steps, each optional part in its place: a spread inside an object literal makes V8
  // define every property after it one by one.
  const banner = {
    kind: 'Banner',
    text: doc.text.slice(start, lineEnd),
    range: rangeAt(doc.lines, start, lineEnd),
    levelText: span(doc, lvl.start, lvl.end),
    level,
    spaced,
  } as Banner;
  if (section && n && total) {
    banner.section = {
      kind: 'SectionMarker' as const,
      text: doc.text.slice(section.start, trimEnd(doc.text, section.start, section.end)),
      range: rangeAt(doc.lines, section.start, trimEnd(doc.text, section.start, section.end)),
      number: Number(n.text),
      total: Number(total.text),
      numberText: span(doc, n.start, n.end),
      totalText: span(doc, total.start, total.end),
    };
  }
  banner.post = span(doc, post.start, post.end);
  banner.serial = span(doc, serial.start, serial.end);
  if (restTrimmed) banner.rest = span(doc, restTrimmed.start, trimEnd(doc.text, restTrimmed.start, restTrimmed.end));
  banner.gluedCaptions = glued.map((g) => g.name);
  banner.gluedCaptionSpans = glued.map((g) => span(doc, restTrimmed!.start + g.start, restTrimmed!.start + g.end));
  return banner;
}

const EXACT_LEVEL =
  /^(?<lvl>C O N F I D E N T I A L|S E C R E T|T O P {1,2}S E C R E T|U N C L A S|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET)(?= )/;

/** A line that starts like a banner but is none (CBL021 explains it), with its level when exact. */
export function buildMalformedBanner(doc: Doc, start: number, end: number): MalformedBanner {
  const m = EXACT_LEVEL.exec(doc.text.slice(start, end));
  const base: MalformedBanner = { kind: 'MalformedBanner', text: doc.text.slice(start, end), range: rangeAt(doc.lines, start, end) };
  if (!m) return base;
  return { ...base, level: F.levelOf(m[0]).level, levelText: span(doc, start, start + m[0].length) };
}

/** E.O. line from `start` (the keyword) to `end`. */
export function buildEo(doc: Doc, start: number, end: number, midLine: boolean): EoLine {
  end = trimEnd(doc.text, start, end);
  const s = doc.text.slice(start, end);
  const canonical = F.EO_CANONICAL.test(s);
  const m = F.EO_LOOSE.re.exec(s);
  const order = m ? F.part(F.EO_LOOSE, m, start, 'eo') : undefined;
  const body = m ? F.part(F.EO_LOOSE, m, start, 'body') : undefined;
  let bodyKind: EoLine['bodyKind'] = 'other';
  let decl: Span | undefined;
  if (body) {
    const b = body.text;
    if (/^N\s*\/\s*A\b/i.test(b)) bodyKind = 'N/A';
    else if (F.DNG_VALUE.test(b)) bodyKind = 'DNG';
    else if (/DECL/i.test(b)) bodyKind = 'DECL';
    const dm = F.DECL_VALUE.re.exec(b);
    if (dm && (bodyKind === 'DECL' || bodyKind === 'DNG')) {
      const d = F.part(F.DECL_VALUE, dm, body.start, 'decl');
      if (d && d.text.trim()) {
        const dEnd = trimEnd(doc.text, d.start, d.end);
        decl = span(doc, d.start, dEnd);
      }
    }
  }
  const eo = { kind: 'EoLine', text: s, range: rangeAt(doc.lines, start, end), canonical } as EoLine;
  if (order) eo.order = span(doc, order.start, order.end);
  eo.bodyKind = bodyKind;
  if (body && body.text.trim()) eo.body = span(doc, body.start, trimEnd(doc.text, body.start, body.end));
  if (decl) eo.decl = decl;
  eo.midLine = midLine;
  return eo;
}

const CODE_SHAPED = /^[A-Z][A-Z0-9]{1,}(?:[-/][A-Z0-9]+)*$/;
/** A token of a TAGS list: parenthesised groups (personal tags `(CLINTON, HILLARY)`) are one. */
const TAG_TOKEN = /\([^)]*\)?|[^\s,;()]+/g;
/** A letter of a reason citation (`1.4 (b) and (d)`). */
const REASON_LETTER = /(?<![A-Za-z])[a-h](?![A-Za-z])/gi;

const LEVEL_WORD = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE)\s*\\?$/;
const PAGE_AT = /(?:\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s+)?\bPAGE +\d{2} /g;

/**
 * Where a printout's page break sits in `[from, to)`: a level word alone on its line, or a
 * legacy page header (`PAGE 02 LIMA 02475 01 OF 02 081234Z`, the level word before it included),
 * also run into reflowed text. None of it is a tag.
 */
function pageBreaks(doc: Doc, from: number, to: number): [number, number][] {
  const piece = doc.text.slice(from, to);
  if (LEVEL_WORD.test(piece.trim())) return [[from, to]];
  const out: [number, number][] = [];
  // Searched by `exec`, here and below: `matchAll` copies a global pattern on every call.
  PAGE_AT.lastIndex = 0;
  for (let m = PAGE_AT.exec(piece); m; m = PAGE_AT.exec(piece)) {
    const page = m.index + m[0].lastIndexOf('PAGE');
    const header = F.LEGACY_PAGE.exec(piece.slice(page));
    if (header) out.push([from + m.index, from + page + header[0].length]);
  }
  return out;
}

/** TAGS field; `segments` are [start, end) pieces (first holds the keyword). */
export function buildTags(doc: Doc, segments: [number, number][], midLine: boolean): TagsLine {
  const [s0, e0] = segments[0]!;
  const km = F.TAGS_KEYWORD.re.exec(doc.text.slice(s0, e0));
  const kw = km ? F.part(F.TAGS_KEYWORD, km, s0, 'kw')! : { start: s0, end: s0 + 4, text: doc.text.slice(s0, s0 + 4) };
  const listStart = km ? s0 + km[0].length : s0 + 4;
  const tags: TagToken[] = [];
  let afterOvip = false;
  segments.forEach(([s, e], i) => {
    const from = i === 0 ? listStart : s;
    const piece = doc.text.slice(from, e);
    const breaks = pageBreaks(doc, from, e);
    TAG_TOKEN.lastIndex = 0;
    for (let m = TAG_TOKEN.exec(piece); m; m = TAG_TOKEN.exec(piece)) {
      let raw = m[0];
      let a = from + m.index;
      if (breaks.some(([x, y]) => a >= x && a < y)) continue;
      // Trailing punctuation and `\` line ends are not part of a code.
      const stripped = raw.replace(/[.\\]+$/, '');
      if (!stripped) continue;
      raw = stripped;
      const b = a + raw.length;
      const paren = raw.startsWith('(');
      const codeShaped = !paren && !afterOvip && CODE_SHAPED.test(raw);
      if (raw === 'OVIP') afterOvip = true;
      else if (afterOvip && !CODE_SHAPED.test(raw)) afterOvip = false;
      tags.push({ text: raw, range: rangeAt(doc.lines, a, b), codeShaped });
    }
  });
  const [ls, le] = segments[segments.length - 1]!;
  const end = trimEnd(doc.text, ls, le);
  return {
    kind: 'TagsLine',
    text: doc.text.slice(s0, end),
    range: rangeAt(doc.lines, s0, end),
    keyword: span(doc, kw.start, kw.end),
    tags,
    midLine,
  };
}

export function buildSubject(doc: Doc, segments: [number, number][], midLine: boolean): SubjectLine {
  const [s0, e0] = segments[0]!;
  const km = F.SUBJECT_KEYWORD.re.exec(doc.text.slice(s0, e0));
  const kwEnd = km ? F.part(F.SUBJECT_KEYWORD, km, s0, 'kw')!.end : s0;
  const textStart = km ? s0 + km[0].length : s0;
  const textSpans: Span[] = [];
  segments.forEach(([s, e], i) => {
    const a = i === 0 ? textStart : s;
    const b = trimEnd(doc.text, a, e);
    if (b > a) textSpans.push(span(doc, a, b));
  });
  const [ls, le] = segments[segments.length - 1]!;
  const end = Math.max(trimEnd(doc.text, ls, le), kwEnd);
  return {
    kind: 'SubjectLine',
    range: rangeAt(doc.lines, s0, end),
    keyword: span(doc, s0, kwEnd),
    subject: textSpans.map((t) => t.text.trim()).join(' '),
    textSpans,
    midLine,
  };
}

// `(H)SAO PAULO 73` and `B)Sao Paulo 49` occur without a space; `A.B.` abbreviations need one.
// Corpus forms besides: a label ending its line (`(C) ⏎ BUENOS AIRES 1148`, 09BUENOSAIRES1156),
// glued to the previous number (`STATE 021770B. STATE 039585`, 08STATE99666) or to its target
// (`D.07 MANAMA 1070`, `B.TRIPOLI 566`), and repeated keywords (`REF: REF (A) …`, `REF A: …;
// REF B: …`, one `REF A …` line per item).
// Tiled (see TiledPattern): read for every REF list.
export const ITEM_LABEL = F.tiled(
  /(^|\s|(?<=\d))(?<lead>(?:REF:?\s+)?¶?\s*)(?:(?<a>[A-Za-z])\.(?=\s|$|\d|[A-Z]{2})|(?<b>[A-Za-z])\)(?=\s|$|[A-Z0-9])|(\()(?<c>[A-Za-z])\)(?=\s|$|[A-Z0-9])|(?<e>[A-Z]):(?=\s)|(?<f>[A-Z])(?=\s+\S))/g,
);
const LABEL_KINDS = ['a', 'b', 'c', 'e'] as const;
/** `REF A SECRETARY'S LETTER` ⏎ `REF B SECSTATE 76108` (09ABUDHABI754): one keyword per item. */
const KEYWORD_PER_ITEM = /^REF\s+[A-Z]:?\s+\S/;

export function buildRefs(doc: Doc, segments: [number, number][]): RefList {
  const [s0, e0] = segments[0]!;
  const km = F.REF_KEYWORD.re.exec(doc.text.slice(s0, e0));
  const kwEnd = km ? F.part(F.REF_KEYWORD, km, s0, 'kw')!.end : s0 + 3;
  const perItem = segments.filter(([s, e]) => KEYWORD_PER_ITEM.test(doc.text.slice(s, e))).length >= 2;
  const firstStart = km ? (perItem ? kwEnd : s0 + km[0].length) : s0 + 3;
  // Item labels: a letter label at a segment start, or after whitespace within a line of
  // one-line lists (`REF: A. STATE 1 B. STATE 2`).
  const labels: { letter: string; start: number; end: number; cut: number; style: RefItem['style'] }[] = [];
  // A printout's page top inside the list (`CONFIDENTIAL` ⏎ `PAGE 02 ROME 01196 01 OF 02
  // 082030Z  B. ROME 1098 …`, 02ROME1196) belongs to no item.
  const noise: number[] = [];
  segments.forEach(([s, e], i) => {
    let a = i === 0 ? firstStart : s;
    if (i > 0 && /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*$/.test(doc.text.slice(s, e))) {
      noise.push(s);
      return;
    }
    const page = i > 0 ? F.LEGACY_PAGE.exec(doc.text.slice(s, e)) : null;
    if (page) {
      noise.push(s);
      a = s + page[0].length;
    }
    const piece = doc.text.slice(a, e);
    const re = ITEM_LABEL.re;
    re.lastIndex = 0;
    for (let m = re.exec(piece); m; m = re.exec(piece)) {
      const which = LABEL_KINDS.find((k) => F.group(ITEM_LABEL, m, k)) ?? 'f';
      const label = F.part(ITEM_LABEL, m, 0, which)!;
      const letter = label.text;
      const keyword = /REF/.test(F.group(ITEM_LABEL, m, 'lead')!);
      // `A:` and a bare letter are labels only after their own REF keyword.
      const ownKeyword = keyword || (i === 0 && m.index === 0 && KEYWORD_PER_ITEM.test(doc.text.slice(s0, e0)));
      if ((which === 'e' || which === 'f') && !ownKeyword) continue;
      if (which === 'f' && !perItem) continue;
      const { start: ls, end: le } = label;
      // Only a label at the start of a piece or after a previous item's target counts;
      // a lone capital inside a title (`U.S.`) is not a label: require a following word.
      const labelStart = a + (which === 'c' ? ls - 1 : ls);
      const labelEnd = a + (which === 'f' ? le : le + 1);
      const cut = a + m.index! + (/^\s*/.exec(m[0])![0].length);
      const isFirst = m.index === 0 || piece.slice(0, m.index).trim() === '';
      const prevLabel = labels[labels.length - 1];
      const beforePrev = labels[labels.length - 2];
      const follows = (x?: { letter: string }) =>
        x !== undefined && letter.toUpperCase().charCodeAt(0) === x.letter.toUpperCase().charCodeAt(0) + 1;
      const adjacent = prevLabel !== undefined && labelStart - prevLabel.end < 4;
      // Doubled labels (`A. A. 02 NEW DELHI 6938`, `B. (B) THE HAGUE`) keep the first.
      if (adjacent && prevLabel.letter.toUpperCase() === letter.toUpperCase()) continue;
      // A renderer's line label before the original one (`¶B. C. STATE 130145`, 06GENEVA2030):
      // the label that continues the list wins.
      const repeatsBefore = beforePrev !== undefined && prevLabel!.letter.toUpperCase() === beforePrev.letter.toUpperCase();
      const replacesPrev = adjacent && follows(beforePrev) && (!follows(prevLabel) || repeatsBefore);
      // In a one-line list a label one letter ahead is the next item with a letter skipped
      // (`A. STATE 122725 C. STATE 127434`), CBL075's to report: it stands after a citation
      // number, in the style of the label before it.
      const skipsOne =
        prevLabel !== undefined &&
        !adjacent &&
        letter.toUpperCase().charCodeAt(0) === prevLabel.letter.toUpperCase().charCodeAt(0) + 2 &&
        (which === 'b' ? 'paren' : which === 'c' ? 'enclosed' : 'dot') === prevLabel.style &&
        /\d[,;.]?\s+$/.test(doc.text.slice(prevLabel.end, labelStart));
      if (!isFirst && !follows(prevLabel) && !replacesPrev && !skipsOne) continue;
      // After an unlettered first reference, a lettered line is a heading (`¶I. BROAD ITEMS`,
      // 09AITTAIPEI975), not the next item; a lettered list starts at A.
      if (!prevLabel && !isFirst) continue;
      if (!prevLabel && i > 0 && letter.toUpperCase() !== 'A') continue;
      const replaced = replacesPrev ? labels.pop() : undefined;
      labels.push({
        letter,
        start: labelStart,
        end: labelEnd,
        cut: replaced?.cut ?? cut,
        style: which === 'b' ? 'paren' : which === 'c' ? 'enclosed' : 'dot',
      });
    }
  });
  const [ls, le] = segments[segments.length - 1]!;
  const end = Math.max(trimEnd(doc.text, ls, le), kwEnd);
  const items: RefItem[] = [];
  if (labels.length === 0) {
    const tEnd = trimEnd(doc.text, firstStart, end);
    if (tEnd > firstStart) {
      items.push({ kind: 'RefItem', range: rangeAt(doc.lines, firstStart, tEnd), target: span(doc, firstStart, tEnd) });
    }
  } else {
    labels.forEach((l, i) => {
      const next = labels[i + 1];
      const stop = next ? next.cut : end;
      const itemEnd = trimEnd(doc.text, l.end, Math.min(stop, noise.find((n) => n > l.end && n < stop) ?? stop));
      let tStart = l.end;
      while (tStart < itemEnd && /\s/.test(doc.text[tStart]!)) tStart++;
      items.push({
        kind: 'RefItem',
        range: rangeAt(doc.lines, l.start, Math.max(itemEnd, l.end)),
        letter: l.letter.toUpperCase(),
        letterSpan: span(doc, l.start, l.end),
        style: l.style,
        target: span(doc, tStart, Math.max(tStart, itemEnd)),
      });
    });
  }
  const lowerCase = labels.length > 0 && labels.every((l) => l.letter === l.letter.toLowerCase());
  return {
    kind: 'RefList',
    range: rangeAt(doc.lines, s0, end),
    keyword: span(doc, s0, kwEnd),
    items,
    lowerCase,
  };
}

export function buildClassifiedBy(doc: Doc, segments: [number, number][], midLine: boolean): ClassifiedBy {
  const [s0, e0] = segments[0]!;
  const [ls, le] = segments[segments.length - 1]!;
  const end = trimEnd(doc.text, ls, le);
  const m = F.CLASSIFIED_BY.re.exec(doc.text.slice(s0, e0));
  const authStart = m ? s0 + m[0].length : s0;
  const kw = m ? F.part(F.CLASSIFIED_BY, m, s0, 'kw') : undefined;
  const kwEnd = kw ? kw.end + (doc.text[kw.end] === ':' ? 1 : 0) : 0;
  const whole = doc.text.slice(s0, end);
  const rm = F.REASON_CITE.re.exec(whole);
  const reasonIdx = rm ? s0 + rm.index : -1;
  const reasonWord = /\b(?:for\s+)?reasons?\b|\bper\s+1|\bE\.?O\.?\s*1/i.exec(doc.text.slice(authStart, end));
  let authEnd = end;
  if (reasonWord) authEnd = authStart + reasonWord.index;
  else if (reasonIdx > authStart) authEnd = reasonIdx;
  authEnd = trimEnd(doc.text, authStart, authEnd);
  while (authEnd > authStart && /[,;:.\s]/.test(doc.text[authEnd - 1]!)) authEnd--;
  const reasonLetters: Span[] = [];
  let reasonSection: string | undefined;
  let reasonSectionSpan: Span | undefined;
  if (rm) {
    const sec = F.part(F.REASON_CITE, rm, s0, 'sec')!;
    reasonSection = sec.text.replace(/\s/g, '').replace(/[,/]/, '.');
    reasonSectionSpan = span(doc, sec.start, sec.end);
    const letters = F.part(F.REASON_CITE, rm, s0, 'letters');
    if (letters) {
      REASON_LETTER.lastIndex = 0;
      for (let lm = REASON_LETTER.exec(letters.text); lm; lm = REASON_LETTER.exec(letters.text)) {
        const a = letters.start + lm.index;
        reasonLetters.push(span(doc, a, a + 1));
      }
    }
  }
  const node = { kind: 'ClassifiedBy', text: whole, range: rangeAt(doc.lines, s0, end) } as ClassifiedBy;
  if (kw) node.keyword = span(doc, kw.start, Math.min(kwEnd, end));
  if (authEnd > authStart) node.authority = span(doc, authStart, authEnd);
  if (reasonSection) {
    node.reasonSection = reasonSection;
    node.reasonSectionSpan = reasonSectionSpan;
  }
  node.reasonLetters = reasonLetters;
  node.derivedFrom = /\bDerived\s+from\b/i.test(whole);
  node.numbered = Boolean(m && F.group(F.CLASSIFIED_BY, m, 'numbered'));
  node.midLine = midLine;
  return node;
}
