import type {
  BlockKind,
  BlockMark,
  Heading,
  PageMarker,
  Paragraph,
  PortionMark,
  Signature,
  SubParagraph,
} from './ast';
import type { Doc } from './build-header';
import * as F from './fields';
import { contentEnd, isDashAt, isHeadingAt, isSpace } from './chars';
import { positionAt, rangeAt, spanAt } from './positions';

/** Text layer (spec 2.5): paragraphs, portion marks, sub-paragraphs, headings, blocks, markers. */

const NUMBER = F.numbered(
  /^(?<bullet>- )?(?<pil>¶ ?|\uFFFD|\$\\underline\{\\P\}|\\P)?(?<n>[1-9]\d{0,2})(?<sp1> ?)\.(?<dollar>\$?)(?![\d")\]])(?<gap>[ \t]*)/,
);
/** Paragraph starting mid-line in reflowed text: needs a portion mark to be believed. */
export const MIDLINE_PARAGRAPH = /(?<=\s)(?:¶ ?)?[1-9]\d{0,2}\.\s+(?=\((?:TS|S|C|SBU|U)(?:\/[^)]{0,30})?\))/g;
// `XXXXXXXXXXXX`, `(XXXXXXXXXXXX` or `(C XXXXXXXXXXXX`: a redaction run ate the mark or its end.
const REDACTION = /^\(?(?:(?:TS|S|C|U|SBU)\s+)?X{6,}/;

const RANK = { U: 0, SBU: 0, C: 1, S: 2, TS: 3 } as const;

export function portionMarkAt(doc: Doc, start: number, end: number): PortionMark | undefined {
  // A mark opens with `(`, or with its level when the `(` is lost: anything else is read no further.
  const c = doc.text.charCodeAt(start);
  if (start >= end || (c !== 0x28 && c !== 0x54 && c !== 0x53 && c !== 0x43 && c !== 0x55)) return undefined;
  // Long enough for `(S/REL BULGARIA, CZECH REPUBLIC, ITALY, POLAND, ROMANIA, SLOVAKIA, SLOVENIA, SPAIN)`.
  const s = doc.text.slice(start, Math.min(end, start + 160));
  if (c !== 0x28 && !/^(?:TS|S|C|U|SBU)\)/.test(s)) return undefined;
  const strict = F.PORTION_MARK.re.exec(s);
  if (strict) {
    const lvl = F.group(F.PORTION_MARK, strict, 'lvl')!.toUpperCase() as keyof typeof RANK;
    const ctl = F.group(F.PORTION_MARK, strict, 'ctl') ?? '';
    return {
      kind: 'PortionMark',
      text: strict[0],
      range: rangeAt(doc.lines, start, start + strict[0].length),
      level: lvl,
      rank: RANK[lvl],
      noforn: /\/(?:NF|N|NOFORN)\b/i.test(ctl),
      wellFormed: true,
    };
  }
  const long = F.LONG_PORTION.re.exec(s);
  if (long) {
    const word = F.group(F.LONG_PORTION, long, 'word')!.toUpperCase();
    const lvl = word === 'CONFIDENTIAL' ? 'C' : word === 'SECRET' ? 'S' : word === 'TOP SECRET' ? 'TS' : 'U';
    return {
      kind: 'PortionMark',
      text: long[0],
      range: rangeAt(doc.lines, start, start + long[0].length),
      level: lvl,
      rank: RANK[lvl],
      noforn: /NOFORN|\/NF\b/i.test(long[0]),
      wellFormed: true,
    };
  }
  const like = F.PORTION_LIKE.re.exec(s);
  if (like) {
    const inner = F.group(F.PORTION_LIKE, like, 'inner') ?? F.group(F.PORTION_LIKE, like, 'bare')!.slice(0, -1);
    // Only a parenthesis that holds a classification token is a (malformed) mark:
    // `(Afghanistan)` is a topic label. Mistyped marks count too: `( C)`, `(SE)`, `(N/SF)`.
    if (/^\s*(?:TS|S|C|U|SBU|CONF|CONFIDENTIAL|SECRET|UNCLAS|UNCLASSIFIED|SBU\/?\w*)(?:[\/ ][A-Z\/ ,]*)?$/.test(inner) ||
        /^(?:TS|S|C|U|SBU)\//.test(inner) ||
        (/^\s*[A-Z]{1,4}(?:\/{1,2}[A-Z]{1,4})*\s*$/.test(inner) &&
          inner.trim().split(/\/+/).some((t) => /^(?:TS|S|C|U|SBU|SE|SEC|NF|N|SF)$/.test(t)))) {
      return {
        kind: 'PortionMark',
        text: like[0],
        range: rangeAt(doc.lines, start, start + like[0].length),
        noforn: /NF|NOFORN/.test(inner),
        wellFormed: false,
      };
    }
  }
  return undefined;
}

/** `t.split(/\s+/, n).join(' ')` without a pattern and an array per paragraph. */
function firstWords(t: string, n: number): string {
  // Words apart by one space each (nearly every lead) are the text up to the n-th word's end:
  // one slice, no string per word.
  let from = 0;
  for (let words = 1; ; words++) {
    let j = from;
    while (j < t.length && !isSpace(t.charCodeAt(j))) j++;
    if (j >= t.length || words >= n) return t.slice(0, j);
    if (t.charCodeAt(j) !== 0x20 || (j + 1 < t.length && isSpace(t.charCodeAt(j + 1)))) return joinFirstWords(t, n);
    from = j + 1;
  }
}

function joinFirstWords(t: string, n: number): string {
  let out = '';
  let from = 0;
  for (let words = 1; ; words++) {
    let j = from;
    while (j < t.length && !isSpace(t.charCodeAt(j))) j++;
    if (j >= t.length || words >= n) return out + t.slice(from, j);
    out += t.slice(from, j) + ' ';
    from = j;
    while (from < t.length && isSpace(t.charCodeAt(from))) from++;
  }
}

/** Reads the number (and mark) of a paragraph whose number starts at `start`. */
export function paragraphAt(doc: Doc, start: number, end: number, midLine: boolean): Paragraph | undefined {
  const s = doc.text.slice(start, end);
  const m = NUMBER.re.exec(s);
  if (!m) return undefined;
  // The number ends before the gap, the last group (indices would slow every match down).
  const numberEnd = start + m[0].length - F.group(NUMBER, m, 'gap')!.length;
  let after = start + m[0].length;
  // `3.. (SBU)`: a doubled full stop (05PARIS4760).
  const doubled = after < end && doc.text.charCodeAt(after) === 0x2e ? /^\.(?!\.)[ \t]*/.exec(doc.text.slice(after, Math.min(end, after + 8))) : null;
  if (doubled) after += doubled[0].length;
  let mark = portionMarkAt(doc, after, end);
  if (!mark) {
    // A mark after a leading label: `1. Summary: (C)`, `1. Summary.  (S/NF)`,
    // `1. KEY POINTS -- (C)`, `1. Key Points: -- (S/NF)` (Embassy Cairo's house style).
    const c = doc.text.charCodeAt(after);
    const label = after < end && c >= 0x41 && c <= 0x5a ? /^[A-Z][A-Za-z ]{2,30}?(?::|\.|\s+--)\s*(?:--\s*)?/.exec(doc.text.slice(after, Math.min(end, after + 44))) : null;
    if (label) mark = portionMarkAt(doc, after + label[0].length, end);
  }
  const leadStart = mark ? mark.range.end.offset : after;
  const leadText = doc.text.slice(leadStart, Math.min(end, leadStart + 200)).trim();
  const pil = F.group(NUMBER, m, 'pil');
  const n = Number(F.group(NUMBER, m, 'n'));
  // The paragraph and its number start at one position: one object for both.
  const from = positionAt(doc.lines, start);
  const range = { start: from, end: positionAt(doc.lines, end) };
  const numberText = { text: doc.text.slice(start, numberEnd), range: { start: from, end: positionAt(doc.lines, numberEnd) } };
  const pilcrow = Boolean(pil && (pil.startsWith('¶') || pil === '\uFFFD'));
  const latex = Boolean(pil && pil.includes('\\'));
  const bullet = Boolean(F.group(NUMBER, m, 'bullet'));
  const lead = firstWords(leadText, 8);
  const redactedLead = REDACTION.test(leadText);
  // One literal each way, every field in its place (`portionMark` only when there is one): a node
  // built in steps outgrows its literal's slots, and V8 keeps the rest in a separate, regrown array.
  if (mark) {
    return {
      kind: 'Paragraph', range, numberText, written: n, number: n, pilcrow, latex, bullet, portionMark: mark, lead, midLine,
      restart: false, ambiguous: false, redactedLead, artefact: false, nested: false,
    };
  }
  return {
    kind: 'Paragraph', range, numberText, written: n, number: n, pilcrow, latex, bullet, lead, midLine,
    restart: false, ambiguous: false, redactedLead, artefact: false, nested: false,
  };
}

const SUBPARA = F.numbered(/^¶?\s*(?:(?<u>[A-Z])\.|\((?<p>[a-zA-Z])\)|(?<b>[a-z])\))\s+\S/);

export function subParagraphAt(doc: Doc, start: number, end: number): Omit<SubParagraph, 'parentKind' | 'parentIndex'> | undefined {
  // Most text lines start with a letter and a second letter: no item label. `A.`, `a)` and
  // `(a)` decide by their second or third character; other starts (`¶`, blanks) take the pattern.
  const c0 = doc.text.charCodeAt(start);
  if (isAsciiLetter(c0)) {
    const c1 = doc.text.charCodeAt(start + 1);
    if (c1 !== 0x2e && c1 !== 0x29) return undefined;
  } else if (c0 === 0x28) {
    if (doc.text.charCodeAt(start + 2) !== 0x29) return undefined;
  } else if (c0 !== 0xb6 && !isSpace(c0)) return undefined;
  const s = doc.text.slice(start, end);
  const m = SUBPARA.re.exec(s);
  if (!m) return undefined;
  const u = F.group(SUBPARA, m, 'u');
  const paren = F.group(SUBPARA, m, 'p');
  const which = u ? 'u' : paren ? 'p' : 'b';
  // The label follows `¶?\s*`, which nothing in a label can extend: `A.`, `(a)` or `a)` starts there.
  let ls = start;
  if (doc.text.charCodeAt(ls) === 0xb6) ls++;
  while (isSpace(doc.text.charCodeAt(ls))) ls++;
  const le = ls + (which === 'p' ? 3 : 2);
  return {
    kind: 'SubParagraph',
    range: rangeAt(doc.lines, start, end),
    letter: (u ?? paren ?? F.group(SUBPARA, m, 'b'))!,
    letterSpan: spanAt(doc.lines, doc.text, ls, le),
    style: which === 'u' ? 'dot' : which === 'p' ? 'paren' : 'bracket',
  };
}

export function isHeadingText(s: string): boolean {
  return isHeadingAt(s, 0, s.length);
}

export function isDashRule(s: string): boolean {
  return isDashAt(s, 0, s.length);
}

export function heading(doc: Doc, start: number, end: number, dashed: boolean): Heading {
  return { kind: 'Heading', range: rangeAt(doc.lines, start, end), text: doc.text.slice(start, end).trim(), dashed };
}

// Block openers and ends (spec 2.5).
// `needs`: the keywords (bits below) one of which a match holds at the start of a word, so that a
// segment without them skips the pattern. Every keyword a pattern matches is preceded, inside the
// match or its look-behind, by a character that is not a letter (or by the start of the text read).
const SUMMAR = 1;
const SUMMAY = 2;
const COMMENT = 4;
const NOTE = 8;
const BEGIN = 16;
const END = 32;
const MARKS: { block: BlockKind; role: 'open' | 'end'; needs: number; re: RegExp }[] = [
  {
    block: 'SUMMARY',
    role: 'open', needs: SUMMAR | SUMMAY,
    re: /(?=BEGIN|SUMMA)(?<!\bEND\s{1,3}(?:OF\s{1,3})?)(?<!\bEND\s{1,3}[A-Z]{3,14}(?:\s{1,3}AND\s{1,3}|\s?\/\s?))(?<![A-Za-z])(?:BEGIN\s+)?SUMMAR?Y(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUEST|INTRODUCTION))?\s*[:.\-]/gi,
  },
  // `End Introduction ⏎ and Summary.` (09LIMA345) closes `Introduction and Summary:`.
  { block: 'SUMMARY', role: 'end', needs: END, re: /\bEND\s*(?:OF\s+)?(?:[A-Z]{3,14}(?:\s{1,3}AND\s{1,3}|\s?\/\s?))?SUMMARY\b/gi },
  {
    block: 'COMMENT',
    role: 'open', needs: COMMENT,
    // `Comment - This was …` and `COMMENT -- …` open a comment as `COMMENT:` does.
    re: /(?:^|[([.:]\s*|\)\s*)(?<!\bEND\s{1,3}(?:OF\s{1,3})?)(?:BEGIN\s+)?(?<kw>COMMENT)(?<cont>\s+CONT'?D|\s+CONTINUED)?(?:\s*[:.]|\s+-{1,2}(?=\s))/gim,
  },
  { block: 'COMMENT', role: 'end', needs: END, re: /\bEND\s*(?:OF\s+)?COMMENT\b/gi },
  // `(Note. According to press reports … End Note.)` (08BEIJING4253) opens a note too.
  // `[NOTE: …`, `(BIO NOTE: …`, `(USAID Note: …` and `… future. NOTE: WHA DAS …` (10CARACAS193,
  // 09ASUNCION189, 06LIMA4516, 08MONTEVIDEO144) too, and a sentence `Note.` (`… business.  NOTE.
  // These assassinations … END NOTE.`, 07MONTERREY130) or a note right after the portion mark
  // (`¶21. (C) Note: Renewed focus …`, 07KABUL2998). At a line start it takes a colon: a wrapped
  // `note.` there ends a sentence (`… took⏎note.`).
  {
    block: 'NOTE',
    role: 'open',
    needs: NOTE,
    re: /[([]\s*(?:[A-Z][\w'/.-]*\s+){0,2}NOTE\s*[:.-]|(?=NOTE)(?:(?<=^[ \t]*)NOTE\s*:|(?<=(?:[.!?]["')]?|\))\s{1,3})NOTE\s*[:.])/gim,
  },
  { block: 'NOTE', role: 'end', needs: END, re: /\bEND\s*NOTE\b/gi },
  { block: 'QUOTE', role: 'open', needs: BEGIN, re: /\bBEGIN\s+(?:TEXT|QUOTE|TALKING\s+POINTS|NON-PAPER)\b/gi },
  { block: 'QUOTE', role: 'end', needs: END, re: /\bEND\s+(?:TEXT|QUOTE|TALKING\s+POINTS|NON-PAPER)\b/gi },
];

/**
 * A keyword after a character that is not a letter. Without the alternative `^|` (the start of
 * the text is checked apart), which made the search half as slow again: the first character then
 * rules out nearly every position (letters are most of a text) before a keyword is tried.
 */
const KEYWORD = /[^A-Za-z](?:summa|comment|note|begin|end)/gi;
/** A keyword at one position, whatever comes before it. */
const KEYWORD_HERE = /summa|comment|note|begin|end/iy;

/** The keyword bit and length of a KEYWORD match whose keyword starts at `at` (0 for `summa` alone). */
function keywordKind(text: string, at: number): number {
  switch (text.charCodeAt(at) | 0x20) {
    case 0x73: {
      const c = text.charCodeAt(at + 5) | 0x20;
      return c === 0x72 ? SUMMAR : c === 0x79 ? SUMMAY : 0;
    }
    case 0x63:
      return COMMENT;
    case 0x6e:
      return NOTE;
    case 0x62:
      return BEGIN;
    default:
      return END;
  }
}

const KEYWORD_LENGTH: Record<number, number> = { [SUMMAR]: 6, [SUMMAY]: 6, [COMMENT]: 7, [NOTE]: 4, [BEGIN]: 5, [END]: 3 };

function keywordHere(text: string, at: number): number {
  KEYWORD_HERE.lastIndex = at;
  return KEYWORD_HERE.test(text) ? keywordKind(text, at) : 0;
}

/**
 * What must follow a keyword where a pattern matches it: the patterns' own words after their
 * keyword, with `\s*` for any blanks they ask for and nothing they check afterwards (so every
 * match of a pattern starts with one of these at its keyword, read in the whole text). A keyword
 * without it (`the end of`, `noted`, `comments on`) lets no pattern run.
 */
const SUMMARY_FOLLOWS = /SUMMAR?Y(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUEST|INTRODUCTION))?\s*[:.\-]/iy;
const FOLLOWS: Record<number, RegExp> = {
  [SUMMAR]: SUMMARY_FOLLOWS,
  [SUMMAY]: SUMMARY_FOLLOWS,
  [COMMENT]: /COMMENT(?:\s+CONT'?D|\s+CONTINUED)?\s*[:.\-]/iy,
  [NOTE]: /NOTE\s*[:.\-]/iy,
  [BEGIN]: /BEGIN\s+(?:TEXT|QUOTE|TALKING\s+POINTS|NON-PAPER)/iy,
  [END]: /END\s*(?:OF\s+)?(?:[A-Z]{3,14}(?:\s{1,3}AND\s{1,3}|\s?\/\s?))?(?:SUMMARY|COMMENT|NOTE|TEXT|QUOTE|TALKING|NON-PAPER)/iy,
};

/** `kind` when what follows the keyword at `at` allows a pattern to match there, else 0. */
function followed(text: string, at: number, kind: number): number {
  if (!kind) return 0;
  const re = FOLLOWS[kind]!;
  re.lastIndex = at;
  return re.test(text) ? kind : 0;
}

/**
 * Every keyword of a mark that starts a word in `text` from `from` to `to`, as flat
 * `[start, end, bit, bit if a pattern may match there (else 0)]` quadruples in text order: one
 * search, on the text itself (no copy of it).
 */
function keywordHits(text: string, from: number, to: number): number[] {
  const hits: number[] = [];
  const add = (at: number) => {
    const kind = keywordKind(text, at);
    if (kind) hits.push(at, at + KEYWORD_LENGTH[kind]!, kind, followed(text, at, kind));
  };
  if (from === 0 && keywordHere(text, 0)) add(0);
  KEYWORD.lastIndex = Math.max(0, from - 1);
  for (let m = KEYWORD.exec(text); m && m.index < to; m = KEYWORD.exec(text)) add(m.index + 1);
  return hits;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Where the patterns start reading for a segment at `start`: the end of the line before is read
 * too, so that a mark wrapped over two lines (`End Introduction ⏎ and Summary.`) is found once,
 * from its second line.
 */
function contextOf(text: string, start: number): number {
  return Math.max(0, start - 200, text.lastIndexOf('\n', start - 2) + 1);
}

/**
 * The block marks of the body segments `segments` (flat `[start, end, paragraph index]`
 * triples, in text order): the text layer leaves them to be read when the cable model first
 * asks, since nothing else in the tree depends on them. A segment is read only when a keyword
 * (`SUMMAR`, `COMMENT`, `NOTE`, `BEGIN`, `END`) starts a word inside it, and then only with the
 * patterns whose keywords start a word in what they read, followed as the pattern needs.
 */
export function readBlockMarks(doc: Doc, segments: ArrayLike<number>): BlockMark[] {
  const out: BlockMark[] = [];
  if (segments.length === 0) return out;
  const { text } = doc;
  const hits = keywordHits(text, contextOf(text, segments[0]!), segments[segments.length - 2]!);
  let h = 0;
  let k = 0;
  for (let i = 0; i < segments.length; i += 3) {
    const start = segments[i]!;
    const end = segments[i + 1]!;
    // `summay` alone does not let a segment in; the others start with different letters and none
    // holds another, so the first one at or after `start` decides whether one lies wholly inside.
    while (h < hits.length && (hits[h]! < start || hits[h + 2] === SUMMAY)) h += 4;
    if (h >= hits.length || hits[h + 1]! > end) continue;
    const context = contextOf(text, start);
    // The contexts of segments in text order never move back.
    while (k < hits.length && hits[k]! < context) k += 4;
    let found = 0;
    for (let j = k; j < hits.length && hits[j]! < end; j += 4) found |= hits[j + 3]!;
    // A pattern reads the context as a text of its own: a keyword at its first character starts a word there.
    if (context > 0 && isAsciiLetter(text.charCodeAt(context - 1))) found |= followed(text, context, keywordHere(text, context));
    if (!found) continue;
    for (const m of marksIn(doc, context, start, end, segments[i + 2]!, found)) out.push(m);
  }
  return out;
}

function marksIn(doc: Doc, context: number, start: number, end: number, paragraphIndex: number, found: number): BlockMark[] {
  const s = doc.text.slice(context, end);
  const out: BlockMark[] = [];
  for (const { block, role, needs, re } of MARKS) {
    if (!(found & needs)) continue;
    // No pattern matches an empty string: the loop always moves on.
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (context + m.index + m[0].length <= start) continue;
      // A mark that runs in from before the segment was found there, unless it spans the line
      // break or tab that ended the segment before (`End \tsummary.`, 09SANTIAGO783).
      if (context + m.index < start && !/[\r\n\t\u2028]/.test(m[0])) continue;
      let a = m.index + context - start;
      let text = m[0];
      if (block === 'COMMENT' && role === 'open') {
        // The pattern includes the sentence boundary before the keyword; the mark starts at it.
        const kw = text.search(/(?:BEGIN\s+)?COMMENT/i);
        a += kw;
        text = text.slice(kw);
      }
      const from = start + a;
      out.push({
        kind: 'BlockMark',
        block,
        role,
        text,
        range: rangeAt(doc.lines, from, from + text.length),
        continued: block === 'COMMENT' && role === 'open' && /CONT/i.test(text),
        paragraphIndex,
      });
    }
  }
  out.sort((x, y) => x.range.start.offset - y.range.start.offset);
  return out;
}

export function pageMarkerAt(doc: Doc, start: number, end: number, midLine: boolean): PageMarker | undefined {
  const e = contentEnd(doc.text, start, end);
  const s = doc.text.slice(start, e);
  const strict = F.PAGE_MARKER.re.exec(s);
  const m = strict ?? F.PAGE_MARKER_LOOSE.re.exec(s);
  if (!m) return undefined;
  const p = strict ? F.PAGE_MARKER : F.PAGE_MARKER_LOOSE;
  const sp = (m: RegExpExecArray, name: string) => {
    const x = F.part(p, m, start, name);
    return x ? spanAt(doc.lines, doc.text, x.start, x.end) : undefined;
  };
  const markerEnd = strict ? e : start + m[0].length;
  const marker: PageMarker = {
    kind: 'PageMarker',
    form: 'page',
    text: doc.text.slice(start, markerEnd),
    range: rangeAt(doc.lines, start, markerEnd),
    post: sp(m, 'post'),
    serial: sp(m, 'serial'),
    number: Number(F.group(p, m, 'n')),
    numberText: sp(m, 'n'),
  } as PageMarker;
  if (F.group(p, m, 'k')) marker.decimal = sp(m, 'k');
  marker.total = Number(F.group(p, m, 'm'));
  marker.totalText = sp(m, 'm');
  marker.wellFormed = Boolean(strict);
  marker.midLine = midLine;
  return marker;
}

export function legacyPageAt(doc: Doc, start: number, end: number): PageMarker {
  const s = doc.text.slice(start, end);
  const m = F.LEGACY_PAGE.exec(s);
  const sp = (name: string) => {
    if (!m) return undefined;
    const x = F.sub(doc.text, start, m, name);
    return x ? spanAt(doc.lines, doc.text, x.start, x.end) : undefined;
  };
  const endOfMarker = m ? start + m[0].length : end;
  const marker = {
    kind: 'PageMarker',
    form: 'legacy',
    text: doc.text.slice(start, endOfMarker),
    range: rangeAt(doc.lines, start, endOfMarker),
  } as PageMarker;
  const g = m?.groups;
  if (g?.post) marker.post = sp('post');
  if (g?.serial) marker.serial = sp('serial');
  if (g?.n) {
    marker.number = Number(g.n);
    marker.numberText = sp('n');
    marker.total = Number(g.m);
    marker.totalText = sp('m');
  }
  marker.wellFormed = Boolean(m);
  marker.midLine = false;
  return marker;
}

// Surnames with a lower-case particle (`van Voorst`, 09REYKJAVIK72; `de la Cruz`) count too.
const PARTICLE = "(?:van|von|de|da|del|della|der|den|du|dos|la|le|al|el|bin|di|ten|ter)";
// Only whether it matches is read: no group (a named one costs V8 a dictionary per match).
const SIGNATURE = new RegExp(
  `^(?:(?:${PARTICLE} )*[A-Z][A-Za-z'-]+(?:[ -](?:${PARTICLE} )*[A-Z][A-Za-z'-]+){0,2})\\.?$`,
);
// Tiled (see TiledPattern): read on the last line of every cable.
export const APPENDED_SIGNATURE = F.tiled(/([.!?)"]\s+)(?<names>[A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'-]+){0,2}?)(?:,?\s+JR)?\.?\s*$/);
const NOT_SIGNATURE = /^(?:END\b|NNNN|BT$|SIPDIS|NOFORN|SENSITIVE|COMMENT|SUMMARY|NOTE)/i;

export function signatureOwnLine(doc: Doc, start: number, end: number): Signature | undefined {
  const s = doc.text.slice(start, end).trim();
  const m = SIGNATURE.exec(s.replace(/,?\s+JR\.?$/, ''));
  if (!m || NOT_SIGNATURE.test(s)) return undefined;
  return { kind: 'Signature', text: s, range: rangeAt(doc.lines, start, start + s.length), appended: false };
}

export function signatureAppended(doc: Doc, start: number, end: number): Signature | undefined {
  const s = doc.text.slice(start, end);
  const m = APPENDED_SIGNATURE.re.exec(s);
  if (!m) return undefined;
  const { start: a, text: names } = F.part(APPENDED_SIGNATURE, m, 0, 'names')!;
  if (NOT_SIGNATURE.test(names) || /^(?:The|This|He|She|It|We|They|Post|Embassy|I)\b/.test(names)) return undefined;
  const tail = s.slice(a).trimEnd();
  return { kind: 'Signature', text: tail, range: rangeAt(doc.lines, start + a, start + a + tail.length), appended: true };
}
