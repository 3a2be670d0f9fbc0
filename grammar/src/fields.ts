/**
 * Sub-lexers for the fields inside one segment: the parser types a segment by its shape,
 * these read its parts with exact offsets. Each takes the document text and the segment's
 * [start, end) and returns offsets, never copies of positions.
 */
import type { ClassificationLevel } from './ast';

export interface Match {
  start: number;
  end: number;
  text: string;
}

/**
 * A pattern written with named groups and run without their names. For every match of a pattern
 * with named groups V8 builds an object of them in dictionary mode (about 500 bytes on 64-bit
 * Node, more than the rest of the match), and with the `d` flag as much again for the offsets: on
 * patterns run per line or per paragraph that was most of what the builders allocated. The groups
 * keep their numbers without their names, so `m[p.index.name]` reads what `m.groups.name` did.
 */
export interface Numbered {
  /** The pattern as written, names and all (for tests and for reading it). */
  written: RegExp;
  /** The same pattern without the group names: what runs. */
  re: RegExp;
  /** Each named group's number. */
  index: Record<string, number>;
}

/**
 * A Numbered pattern whose groups' offsets are read without the `d` flag, which costs V8 about a
 * microsecond a match (an envelope line is read with one). The pattern is *tiled*: up to the end
 * of the last group read, every character of a match lies in a group (a separator gets a group
 * of its own), so a group starts where the groups before it end. Groups may nest; a group that
 * holds groups starts where its first one does.
 */
export interface TiledPattern extends Numbered {
  /** Per group number: whether it holds no group (only those advance the offset). */
  leaf: boolean[];
}

export function tiled(re: RegExp): TiledPattern {
  const src = re.source;
  const leaf: boolean[] = [false];
  const index: Record<string, number> = {};
  const open: number[] = [];
  let unnamed = '';
  let copied = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < src.length && src[i] !== ']'; i++) if (src[i] === '\\') i++;
    } else if (c === '(') {
      const named = src.startsWith('(?<', i) && src[i + 3] !== '=' && src[i + 3] !== '!';
      if (src[i + 1] === '?' && !named) {
        open.push(-1);
        continue;
      }
      const g = leaf.length;
      let holder = 0;
      for (let k = open.length - 1; k >= 0 && !holder; k--) holder = Math.max(0, open[k]!);
      leaf.push(true);
      leaf[holder] = false;
      if (named) {
        const close = src.indexOf('>', i);
        index[src.slice(i + 3, close)] = g;
        unnamed += src.slice(copied, i + 1);
        copied = close + 1;
      }
      open.push(g);
    } else if (c === ')') open.pop();
  }
  unnamed += src.slice(copied);
  return { written: re, re: new RegExp(unnamed, re.flags.replace('d', '')), index, leaf };
}

/** A pattern read by group numbers (see Numbered); any pattern will do, tiled or not. */
export function numbered(re: RegExp): Numbered {
  const { written, re: run, index } = tiled(re);
  return { written, re: run, index };
}

/** The text of group `name` of `m`, a match of `p` (undefined when the group took no part). */
export function group(p: Numbered, m: RegExpExecArray, name: string): string | undefined {
  return m[p.index[name]!];
}

/**
 * Group `name` of `m`, a match of `p` in the text at `base`. Groups are numbered in the order
 * they open, so the groups that end before this one starts are the leaves numbered below it.
 */
export function part(p: TiledPattern, m: RegExpExecArray, base: number, name: string): Match | undefined {
  const g = p.index[name]!;
  const text = m[g];
  if (text === undefined) return undefined;
  let at = base + m.index;
  for (let k = 1; k < g; k++) if (p.leaf[k]) at += m[k]?.length ?? 0;
  return { start: at, end: at + text.length, text };
}

export function sub(text: string, base: number, m: RegExpExecArray, group: number | string): Match | undefined {
  const indices = m.indices;
  if (!indices) return undefined;
  const pair = typeof group === 'number' ? indices[group] : indices.groups?.[group];
  if (!pair) return undefined;
  return { start: base + pair[0], end: base + pair[1], text: text.slice(base + pair[0], base + pair[1]) };
}

export const TRANSMISSION_ID = /^VZCZC(?<channel>[A-Z]{3})(?<csn>\d{3,4})[ \\]*$/;
export const PRECEDENCE = /^(?<prosign>ZZ|OO|PP|RR)(?<ris>(?: +R[A-Z]{3,})+)[ \\]*$/;
export const DE_LINE = tiled(
  /^(DE +)(?<ri>R[A-Z]{3,})( +#)(?<ssn>\d{4})(?:(\/)(?<part>\d{2}))?( +)(?<julian>(?<ddd>\d{3})(?<hh>\d{2})(?<mi>\d{2}))[ \\]*$/,
);
export const SECURITY = tiled(/^(?<op>ZN[RY])( +)(?<cls>[A-Z]{5})(?:\/[A-Z]{5})?(?: +ZZH)?(?:.*)?$/);
/** The month names, written once: cables abbreviate them to their first three letters (`MAY`, `SEP`). */
export const MONTH_NAMES: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const MONTHS: readonly string[] = MONTH_NAMES.map((m) => m.slice(0, 3).toUpperCase());

/** The year a DTG or a date writes: two digits are 1960–2059 (`08` → 2008, `73` → 1973), four are themselves. */
export function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length <= 2 ? (n >= 60 ? 1900 + n : 2000 + n) : n;
}
export const DTG = tiled(
  /^(?<prec>[ZOPR])(?:( +)(?<infoPrec>[ZOPR]))?( +)(?<value>(?<dd>\d{2})(?<hh>\d{2})(?<mi>\d{2})(Z +)(?<mon>[A-Z]{3})( +)(?<yy>\d{2}))(?<tail>.*)$/,
);
/** ACP-127 operating signals after the DTG (`ZDK`, `ZFF3`, `(CCY …)`): accepted (spec 4.4). */
export const DTG_TAIL_OK = /^(?:\s+(?:Z[A-Z]{2}\d?\b.*|\(CCY [^)]*\).*))?$/;
/** A DTG-form date in the publication wrapper: `291359Z Nov 00`. */
export const WRAPPER_DTG = /(?<![\w])(?<dd>\d{2})(?<hh>\d{2})(?<mi>\d{2})Z +(?<mon>[A-Za-z]{3}) +(?<yy>\d{2})(?!\d)/d;
export const ADDRESSEE = tiled(
  /^(?:(?<kw>TO|INFO|XMT|FM)( +))?(?:(?<ri>R[A-Z]{3,})(\/))?(?<plad>[A-Z0-9].*?)(?:( +)(?<prec>FLASH|NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE))?(?:( +)(?<mcn>\d{4}))?[ \\]*$/,
);

/** The banner line, tiled (see TiledPattern): read on every cable and every section banner. */
export const BANNER = tiled(
  /^(?<lvl>UNCLAS(?: E F T O| EFTO)?|[Cc] [Oo] [Nn] [Ff] [Ii] [Dd] [Ee] [Nn] [Tt] [Ii] [Aa] [Ll]|[Ss] [Ee] [Cc] [Rr] [Ee] [Tt]|T O P {1,2}S E C R E T|[Uu] [Nn] [Cc] [Ll] [Aa] [Ss]|UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|Unclas|Confidential|Secret)( +)(?<section>([Ss][Ee][Cc][Tt][Ii][Oo][Nn] +)(?<n>\d{1,3})( +[Oo][Ff] +)(?<m>\d{1,3})( +))?(?<post>[A-Za-z][A-Za-z .'-]*?[A-Za-z])( +)(?<serial>\d{4,8})(?![\d/])(?<rest>.*)$/,
);

/**
 * A banner anywhere in the header region, tolerant of garbled letter spacing
 * (`SE C R E T`, `C C O N F I D E N T I A L`), of text glued before it (`Cable dated:…`)
 * and of a level split from the rest of the banner by a line break (spec 4.4).
 */
export const LOOSE_BANNER =
  /(?<lvl>(?:U ?N ?C ?L ?A ?S(?:S ?I ?F ?I ?E ?D)?|(?:C ?)?C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|(?:S ?)?S ?E ?C ?R ?E ?T|T ?O ?P +S ?E ?C ?R ?E ?T))[ \t]*(?:\r?\n|\r)?[ \t]*(?<section>SECTION +(?<n>\d{1,3}) +OF +(?<m>\d{1,3}) +)?(?<post>[A-Z][A-Z .'-]*?[A-Z]) +(?<serial>\d{4,8})(?!\d)/dg;

/** LOOSE_BANNER anchored at its start, with the rest of the line as `rest`. */
export const LOOSE_BANNER_AT = new RegExp('^' + LOOSE_BANNER.source + '(?<rest>.*)$', 'd');

export function levelOf(levelText: string): { level: ClassificationLevel; spaced: boolean } {
  let squeezed = levelText.replace(/ /g, '').toUpperCase();
  // Garbled spacing doubles a letter (`CCONFIDENTIAL`, `SSECRET`).
  if (squeezed.endsWith('CONFIDENTIAL')) squeezed = 'CONFIDENTIAL';
  else if (squeezed === 'SSECRET') squeezed = 'SECRET';
  const spaced = /^[A-Za-z] [A-Za-z]/.test(levelText);
  switch (squeezed) {
    case 'CONFIDENTIAL':
      return { level: 'CONFIDENTIAL', spaced };
    case 'SECRET':
      return { level: 'SECRET', spaced };
    case 'TOPSECRET':
      return { level: 'TOP SECRET', spaced };
    case 'LIMITEDOFFICIALUSE':
      return { level: 'LIMITED OFFICIAL USE', spaced: false };
    case 'UNCLASEFTO':
      return { level: 'UNCLASSIFIED EFTO', spaced: false };
    default:
      return { level: 'UNCLASSIFIED', spaced };
  }
}

/**
 * The known captions (spec 2.2, Caption; 5 FAH-2 H-252.1-1) in the spec's order: the one list the
 * lexer, the tree and the cable model read.
 */
export const CAPTION_NAMES: readonly string[] = [
  'SIPDIS',
  'SENSITIVE',
  'SENSITIVE BUT UNCLASSIFIED',
  'NOFORN',
  'NODIS',
  'EXDIS',
  'LIMDIS',
  'STADIS',
  'CHEROKEE',
  'CONDIS',
  'ROGER CHANNEL',
  'DISSENT CHANNEL',
  'SPECAT',
  'SPECAT EXCLUSIVE',
  'NOT FOR INTERNET DISTRIBUTION',
];
/** The captions as a pattern's alternatives, a long form before the short one it starts with. */
export const CAPTION_ALTERNATIVES = [...CAPTION_NAMES].sort((a, b) => b.length - a.length).join('|');
const CAPTION_RE = new RegExp(`\\b(?:${CAPTION_ALTERNATIVES})\\b|C O R R E C T E D {1,2}C ?O ?P ?Y`, 'gi');

/** The caption words of a line, upper-cased, with where each is written in `s`. */
export function captionMatches(s: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  // By `exec`: `matchAll` copies a global pattern on every call.
  CAPTION_RE.lastIndex = 0;
  for (let m = CAPTION_RE.exec(s); m; m = CAPTION_RE.exec(s)) {
    const name = m[0].toUpperCase().startsWith('C O R') ? 'CORRECTED COPY' : m[0].toUpperCase();
    out.push({ name, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export const PASS_LINE = /^(?:[A-Z][A-Z/ ,.&-]*? )?(?:FOR|PASS|PLEASE PASS|PASS TO|ALSO FOR)\b/i;

/** The page marker and its loose form, tiled (see TiledPattern): read on every page. */
export const PAGE_MARKER = tiled(
  /^(?<post>[A-Za-z][A-Za-z .]{0,9})( )(?<serial>\d{8})( {1,2})(?<n>\d{3})(?:(\.)(?<k>\d))?( [Oo][Ff] )(?<m>\d{3})[ \\]*$/,
);
export const PAGE_MARKER_LOOSE = tiled(
  /^(?<post>[A-Za-z][A-Za-z .'-]{0,16}?)( +)(?<serial>\d{1,8})( +)(?<n>\d{1,3})(?:(\.)(?<k>\d))?( +[Oo][Ff] +)(?<m>\d{1,3})(?!\d)/,
);
/** A page marker run into reflowed text. */
export const PAGE_MARKER_MIDLINE = /(?<post>[A-Z][A-Z.]{1,9}(?: [A-Z]{2,9})?) (?<serial>\d{8}) {1,2}(?<n>\d{3})(?:\.(?<k>\d))? OF (?<m>\d{3})\b/dg;
export const LEGACY_PAGE =
  /^PAGE +(?<page>\d{2}) +(?:(?<post>[A-Z][A-Z ]*?) +(?<serial>\d{4,6}) +(?:(?<n>\d{2}) +OF +(?<m>\d{2}) +)?(?<ddhhmm>\d{6})Z\b|R[A-Z]{3,7}\d{4}\b)/d;

export const EO_CANONICAL =
  /^E\.O\. (?<eo>12958|13292|13526|12356|11652): (?<body>N\/A|DECL: (?<decl>.+)|DNG: (?:CO|SE) \S+(?:,? DECL: (?<decl2>.+))?)$/;
// The header fields' patterns below are tiled (see TiledPattern): each runs once or more a cable.
export const EO_LOOSE = tiled(/(?<kw>((?:E\.? ?[O0]\.?|EO) *:? *)(?<eo>1\d{4}))(\s*:?\s*)(?<body>.*)$/i);
export const DECL_VALUE = tiled(/(DECL(?:ASSIFY)?\s*[:.]?\s*)(?<decl>.*?)\s*(?=\bTAGS?\b|$)/i);
export const DNG_VALUE = /DNG\s*:/i;

/** The keyword as written, misspelt or not (`TAGS:`, `TAS:`, `TAGS;`): the parser decided it is the field. */
export const TAGS_KEYWORD = tiled(/^(?<kw>[A-Za-z]{2,9})(?:[ \t]*[:;,.]|\s)\s*/i);
export const SUBJECT_KEYWORD = tiled(/^(?<kw>[A-Za-z]{2,9})[ \t]*[:;,.]?\s*/i);
export const REF_KEYWORD = tiled(/^(?<kw>REF(?:S|\(S\)|TELS|TEL)?)\s*[:.]?\s*/i);

export const CLASSIFIED_BY = tiled(/^(?<numbered>(?:¶ ?)?1\.\s*)?((?:\((?:U|C|S|SBU)\)\s*)?)(?<kw>CLASSIFIED\s+BY)\s*:?\s*/i);
export const REASON_CITE = tiled(
  /(?<sec>1\s?[.,/]\s?[45])(?!\d)(\s*)(?<letters>\(?[a-h]\)?(?:\s*(?:,|and|&|\/|\+)\s*\(?[a-h]\)?)*)?/i,
);
export const LETTER = /[a-h]/gi;

/** Portion mark after a paragraph number (spec 2.2), case-insensitive for media copies. */
export const PORTION_MARK = numbered(
  /^\((?<lvl>TS|S|C|SBU|U)(?<ctl>(?:\/{1,2}(?:NF|N|NOFORN|FOUO|FGI|ORCON|REL(?: TO)? [A-Z][A-Z ,/]*))*)\/{0,2}\)/i);
/** Any parenthesis that holds a classification token: candidate for CBL092. */
export const PORTION_LIKE = numbered(
  /^(?:\((?<inner>[^()\n]{1,40})\)|(?<bare>(?:TS|S|C|U|SBU)\)))/);
export const LONG_PORTION = numbered(/^\((?<word>CONFIDENTIAL|SECRET|UNCLASSIFIED|TOP SECRET)\b[^)]*\)/i);
