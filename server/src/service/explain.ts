/**
 * Plain-language explanations of cable codes, each naming where the meaning comes from. Shared
 * by hover, completion documentation and outline details so that they never disagree.
 */
import type { BlockMark, Cable, ClassificationLevel, Dtg, LevelRank, Paragraph } from '../../../grammar/src/ast';
import type { Blocks } from '../model/blocks';
import {
  type CableDay,
  describeTagOn,
  eoReason,
  headerCode,
  isAcceptedUndefinedTag,
  isSeenUndefinedTag,
  lookupRoutingIndicator,
  lookupTag,
  nearestTags,
  splitRunTogetherTag,
  tagCategory,
  tagInfoOn,
  tagOn,
  type EoSection,
  type TagInfo,
} from '../data/index';
import { CAPTIONS_SOURCE, knownCaption, levelRank, type UnknownCaption } from '../model/classification';
import { dayOfYear, type DeclReading, isRealDate } from '../model/dates';
import { routingIndicatorFault } from '../model/envelope';
import { modelOf } from '../model/index';
import type { TagEntry } from '../model/tags';

export const SPEC = 'cable format specification';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad2 = (n: number) => String(n).padStart(2, '0');

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? `month ${month}`;
}

/** `Wednesday 14 May 2008` (UTC calendar). */
export function longDate(year: number, month: number, day: number): string {
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
  return `${weekday} ${day} ${monthName(month)} ${year}`;
}

/** `15:30 UTC` */
export function clock(hour: number, minute: number): string {
  return `${pad2(hour)}:${pad2(minute)}`;
}

/** Calendar date of day `doy` of `year`, or undefined past the year's end. */
export function dateOfDay(year: number, doy: number): { month: number; day: number } | undefined {
  if (doy < 1) return undefined;
  const d = new Date(Date.UTC(year, 0, doy));
  if (d.getUTCFullYear() !== year) return undefined;
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The DTG as a sentence, or why it is not a date. */
export function describeDtg(d: Dtg): string | undefined {
  if (d.day === undefined || d.month === undefined || d.year === undefined) return undefined;
  if (!isRealDate(d.year, d.month, d.day)) {
    const dim = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
    return `not a calendar date: ${monthName(d.month)} ${d.year} has ${dim} days`;
  }
  const time = d.hour !== undefined && d.minute !== undefined ? `, ${clock(d.hour, d.minute)} UTC` : '';
  return `${longDate(d.year, d.month, d.day)}${time}`;
}

export function dtgDayOfYear(d: Dtg): number | undefined {
  if (d.day === undefined || d.month === undefined || d.year === undefined || !isRealDate(d.year, d.month, d.day)) return undefined;
  return dayOfYear(d.year, d.month, d.day);
}

/** `P` → PRIORITY (FL5 prosign), `PP` → PRIORITY (FL2). */
export function precedenceName(code: string): string | undefined {
  const field = code.length === 2 ? 'FL2 precedence' : 'FL5 precedence+DTG';
  const info = headerCode(field, code.toUpperCase());
  return info?.meaning.split(' (')[0];
}

export function precedenceSource(code: string): string | undefined {
  return headerCode(code.length === 2 ? 'FL2 precedence' : 'FL5 precedence+DTG', code.toUpperCase())?.source;
}

// ------------------------------------------------------------------------------ TAGS

const KIND_LABEL: Record<TagInfo['kind'], string> = {
  subject: 'subject tag',
  program: 'program tag',
  organization: 'organization tag',
  geographic: 'geographic tag',
};

/** What each trust level rests on; the hover names the level itself once, before this. */
const STATUS_LABEL: Record<TagInfo['status'], string> = {
  official: 'the State TAGS handbook',
  secondary: 'published labels, not the handbook itself',
  fips: 'a FIPS 10-4 country name',
  acronym: 'the standard expansion of the acronym',
  unverified: 'from memory of the handbook, not a retrieved source',
  inferred: 'from use in the corpus',
};

/** Markdown lines for one known tag: meaning, kind, category, trust and source. */
export function tagLines(info: TagInfo): string[] {
  const category = info.kind === 'subject' || info.kind === 'program' ? tagCategory(info.code) : undefined;
  const lines = [`**${info.code}**: ${info.meaning}`, '', `${capitalise(KIND_LABEL[info.kind])}${category ? `, category ${category.letter} (${category.category})` : ''}.`];
  lines.push('', `Trust: \`${info.status}\`: ${STATUS_LABEL[info.status]}.`);
  if (info.note) lines.push('', info.note);
  lines.push('', `_Source: ${info.source}_`);
  return lines;
}

/**
 * The day a cable's TAGS are read on: its date (the DTG, or the wrapper's), else today by the
 * caller's clock (an undated draft); undefined without either, when codes are read by the latest
 * sources (`lookupTag`).
 */
export function tagDay(cable: Cable, now: Date | undefined): CableDay | undefined {
  return modelOf(cable).dates.cableDate ?? now;
}

/**
 * Markdown for any TAGS token, known or not. With a `day` (see `tagDay`) a known code is read as
 * a cable of that day reads it (`tagOn`): WTO the Warsaw Pact Organization in 1975, GE without
 * a meaning after 1995.
 */
export function explainTag(token: string, codeShaped: boolean, day?: CableDay): string {
  const code = token.toUpperCase();
  const info = day === undefined ? lookupTag(code) : tagInfoOn(code, day);
  if (info) {
    const dated = day === undefined ? undefined : tagOn(code, day);
    if (dated && !dated.reading) return [`**${code}**: ${describeTagOn(dated)}.`, '', info.note, '', `_Source: ${info.source}_`].join('\n');
    const lines = tagLines(info);
    if (dated?.fromLaterSource) lines.splice(1, 0, '', `No source dated on or before ${dated.day} lists it: the meaning is from the ${info.sourceName}.`);
    return lines.join('\n');
  }
  if (!codeShaped) return `**${token}**: not a code. A personal name or free word on the TAGS line (not checked).`;
  const parts = splitRunTogetherTag(code);
  if (parts) {
    const meanings = parts.map((p) => `\`${p}\` ${lookupTag(p)?.meaning ?? ''}`.trim()).join('; ');
    return [`**${code}**: codes run together, read as **${parts.join(' ')}**.`, '', meanings, '', '_Source: TAGS table (tags.tsv); split by CBL064_'].join('\n');
  }
  if (isAcceptedUndefinedTag(code)) {
    const seen = isSeenUndefinedTag(code)!;
    const kind = seen.likelyKind === 'unknown' ? '' : ` Likely kind: ${seen.likelyKind}.`;
    return [
      `**${code}**: seen on published cables (${seen.countAll} times) with no known meaning.${kind}`,
      '',
      '_Source: tags_undefined_in_corpus.tsv (corpus scan); no TAGS source defines it_',
    ].join('\n');
  }
  const near = nearestTags(code);
  const nearText = near.length ? ` Nearest known codes: ${near.map((c) => `\`${c}\` (${lookupTag(c)?.meaning ?? ''})`).join(', ')}.` : '';
  return `**${code}**: unknown TAGS code.${nearText}`;
}

/**
 * A token of the cable's own TAGS lines as the model classified it: the entry CBL061 and CBL064
 * report from, so that the hover never calls a slip on a known code a code seen on published
 * cables, nor a code of a list written in lower case a free word.
 */
export function explainTagEntry(entry: TagEntry, day?: CableDay): string {
  const named = (codes: readonly string[]) => codes.map((c) => `\`${c}\` (${lookupTag(c)?.meaning ?? ''})`).join(', ');
  switch (entry.status) {
    case 'misspelt': {
      const seen = isSeenUndefinedTag(entry.code);
      const also = seen ? ` Seen on published cables ${seen.countAll} times all the same.` : '';
      return `**${entry.code}**: not a known code: a slip on ${named(entry.nearest ?? [])}.${also}\n\n_Source: TAGS table (tags.tsv); CBL061_`;
    }
    case 'unknown': {
      const near = entry.nearest?.length ? ` Nearest known codes: ${named(entry.nearest.slice(0, 3))}.` : '';
      return `**${entry.code}**: unknown TAGS code.${near}`;
    }
    case 'skipped':
      return explainTag(entry.written, false, day);
    default:
      return explainTag(entry.code, true, day);
  }
}

// ------------------------------------------------------------------------------ routing

export function explainRoutingIndicator(ri: string): string {
  const fault = routingIndicatorFault(ri);
  // The same verdict as CBL003, CBL004 and CBL011: R followed by 3–7 letters (spec 2.1).
  if (fault) return `**${ri}**: malformed routing indicator: it ${fault}; expected R followed by 3–7 letters.\n\n_Source: ${SPEC}, section 2.1_`;
  const info = lookupRoutingIndicator(ri);
  if (!info) return `**${ri}**: routing indicator not in the reference table (ACP 117 or the corpus).`;
  const lines = [`**${ri}**: routing indicator`];
  if (info.acp117Name) lines.push('', `ACP 117: ${info.acp117Name}${info.listedAs !== ri ? ` (listed as \`${info.listedAs}\`)` : ''}`);
  else lines.push('', 'Not listed by name in ACP 117.');
  if (info.corpusName) {
    lines.push('', `Written after it in the corpus: ${info.corpusName} (${info.corpusAddressCount} addresses, ${info.corpusOriginatorCount} as originator)`);
  }
  lines.push('', `_Source: ${info.source}_`);
  return lines.join('\n');
}

// ------------------------------------------------------------------------------ classification

const LEVEL_WORD: Record<string, string> = {
  TS: 'TOP SECRET',
  S: 'SECRET',
  C: 'CONFIDENTIAL',
  SBU: 'SENSITIVE BUT UNCLASSIFIED',
  U: 'UNCLASSIFIED',
};

/** The engine's ranking of levels, so hovers and completions order levels as the rules do. */
export const rankOfLevel: (level: ClassificationLevel) => LevelRank = levelRank;

/** Portion-mark controls (spec 2.2): what each means. */
function control(c: string): string {
  const u = c.trim().toUpperCase();
  if (u === 'NF' || u === 'N' || u === 'NOFORN') return 'NOFORN (no foreign distribution)';
  if (u === 'FOUO') return 'FOUO (For Official Use Only)';
  if (u === 'FGI') return 'FGI (foreign government information)';
  if (u === 'ORCON') return 'ORCON (dissemination controlled by the originator)';
  const rel = /^REL(?: TO)?\s+(.+)$/.exec(u);
  if (rel) return `REL TO ${rel[1]!.replace(/[/,\s]+$/, '')} (releasable to the named partners)`;
  return u;
}

const CONTROL_WORDS = /^(?:NF|N|NOFORN|FOUO|FGI|ORCON)$/i;

/** `/NF//REL TO USA, GBR/AUS` → NF, REL TO USA, GBR/AUS: country lists may themselves use `/`. */
function readControls(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(/\/{1,2}/).map((x) => x.trim()).filter(Boolean)) {
    const last = out[out.length - 1];
    if (last && /^REL\b/i.test(last) && !CONTROL_WORDS.test(part) && !/^REL\b/i.test(part)) out[out.length - 1] = `${last}/${part}`;
    else out.push(part);
  }
  return out;
}

/** `(C/NF)` → CONFIDENTIAL, NOFORN (no foreign distribution). */
export function explainPortionMark(mark: string, bannerLevel?: ClassificationLevel): string {
  const inner = mark.replace(/^\(|\)$/g, '');
  const m = /^(TS|S|C|SBU|U)((?:\/{1,2}[^/]+)*)\/{0,2}$/i.exec(inner);
  const lines: string[] = [];
  let rank: LevelRank | undefined;
  if (m) {
    const lvl = m[1]!.toUpperCase();
    rank = lvl === 'TS' ? 3 : lvl === 'S' ? 2 : lvl === 'C' ? 1 : 0;
    const controls = readControls(m[2] ?? '');
    lines.push(`**${mark}**: portion mark, ${LEVEL_WORD[lvl]}${controls.length ? ` + ${controls.map(control).join(', ')}` : ''}`);
  } else {
    const long = /^(TOP SECRET|CONFIDENTIAL|SECRET|UNCLASSIFIED)\b/i.exec(inner);
    if (long) {
      const w = long[1]!.toUpperCase();
      rank = w === 'TOP SECRET' ? 3 : w === 'SECRET' ? 2 : w === 'CONFIDENTIAL' ? 1 : 0;
      lines.push(`**${mark}**: portion mark, long form: ${w}`);
    } else {
      lines.push(`**${mark}**: not a well-formed portion mark (expected \`(U)\`, \`(SBU)\`, \`(C)\`, \`(S)\`, \`(TS)\`, optionally with \`/NF\`, \`REL TO …\`)`);
    }
  }
  if (rank !== undefined && bannerLevel) {
    const b = levelRank(bannerLevel);
    lines.push('', rank > b ? `Above the banner level (${bannerLevel}): not allowed.` : `At or below the banner level (${bannerLevel}).`);
  }
  const known = headerCode('portion mark', mark.toUpperCase());
  lines.push('', `_Source: ${known ? known.source : `${SPEC}, section 2.2`}_`);
  return lines.join('\n');
}

/** Portion marks a paragraph may carry under a banner of `rank`, most common form each. */
export function portionMarksUpTo(rank: LevelRank | undefined): string[] {
  const all: [string, LevelRank][] = [
    ['(U)', 0],
    ['(SBU)', 0],
    ['(SBU/NF)', 0],
    ['(C)', 1],
    ['(C/NF)', 1],
    ['(S)', 2],
    ['(S/NF)', 2],
    ['(TS)', 3],
    ['(TS/NF)', 3],
  ];
  return all.filter(([, r]) => rank === undefined || r <= rank).map(([m]) => m);
}

/**
 * A caption word: a known caption from the model's one list, with its meaning where a reference
 * table gives one; or a line the tree read as a caption it does not know, as the model reads it
 * (the reading CBL023 reports from).
 */
export function explainCaption(name: string, unknown?: UnknownCaption): string {
  const known = unknown ? undefined : knownCaption(name);
  const handbook = `captions: ${CAPTIONS_SOURCE}, as the ${SPEC} cites it (section 2.2)`;
  if (known?.meaning) return `**${name}**: caption. ${capitalise(known.meaning)}.\n\n_Source: ${known.meaningSource}; ${handbook}_`;
  if (known) return `**${name}**: caption, one of those the format names (section 2.2, Caption); no reference table gives its meaning.\n\n_Source: ${handbook}_`;
  const reading = unknown?.reading ?? { kind: 'unknown' };
  switch (reading.kind) {
    case 'redacted':
      return `**${name}**: redacted by the publisher, alone on a line among the captions: what stood there is not known, and nothing is checked.\n\n_Source: ${SPEC}, section 2.2 (CBL023 passes over it)_`;
    case 'level':
      return `**${name}**: a classification level alone on a line among the captions: a publisher's label or a broken banner, not a caption.\n\n_Source: ${SPEC}, section 2.2 (CBL023 passes over it)_`;
    case 'outsideBlock':
      return `**${name}**: an all-capitals word alone on a line outside the classification block (banner to E.O. line): not read as a caption, and not checked.\n\n_Source: ${SPEC}, section 2.2_`;
    case 'unknown': {
      const nearest = 'nearest' in reading && reading.nearest ? ` Nearest known caption: ${reading.nearest}.` : '';
      return `**${name}**: an all-capitals line between the banner and the E.O. line that is not a known caption.${nearest}\n\n_Source: ${SPEC}, section 2.2 (CBL023)_`;
    }
  }
}

// ------------------------------------------------------------------------------ E.O.

/** Executive orders a cable may cite (spec 2.4): what each is and when it applied. */
const ORDERS: Record<string, string> = {
  '12958': 'E.O. 12958, Classified National Security Information (1995; amended by E.O. 13292 in March 2003; replaced by E.O. 13526)',
  '13292': 'E.O. 13292, the March 2003 amendment of E.O. 12958',
  '13526': 'E.O. 13526, Classified National Security Information (December 2009, in force June 2010)',
  '12356': 'E.O. 12356, National Security Information (1982; legacy)',
  '11652': 'E.O. 11652, Classification and Declassification of National Security Information and Material (1972; legacy)',
};

export function explainOrder(order: string): string {
  const o = ORDERS[order];
  return o ? `**${o}**.\n\n_Source: ${SPEC}, section 2.4_` : `**E.O. ${order}**: not an order cables cite (expected 12958, 13292, 13526, 12356 or 11652); a typo?`;
}

export function isLegacyOrder(order: string): boolean {
  return order === '12356' || order === '11652';
}

/**
 * A DECL value as the cable model reads it (CBL043–CBL045 read the same): a date with its distance
 * from the cable date, a code, an event, or why it is none of these.
 */
export function explainDecl(reading: DeclReading, cableDate?: { year: number; month: number; day: number }): string {
  const v = reading.span.text.trim().replace(/\.$/, '');
  switch (reading.kind) {
    case 'date': {
      let rel = '';
      if (cableDate) {
        const years = (Date.UTC(reading.year, reading.month - 1, reading.day) - Date.UTC(cableDate.year, cableDate.month - 1, cableDate.day)) / (365.2425 * 86_400_000);
        rel =
          years <= 0
            ? ` Not after the cable date (${cableDate.day} ${monthName(cableDate.month)} ${cableDate.year}).`
            : ` About ${Math.round(years * 10) / 10} years after the cable date (10 is the norm; more than 25 needs a 25X/50X code).`;
      }
      return `**DECL**: declassify on ${longDate(reading.year, reading.month, reading.day)}.${rel}\n\n_Source: ${SPEC}, section 2.4 (CBL043–CBL045)_`;
    }
    case 'invalid':
      return `**DECL ${v}**: not a valid value: ${reading.reason}.\n\n_Source: ${SPEC}, section 2.4 (CBL043)_`;
    case 'empty':
      return `**DECL**: no value (expected a date, a code or an event).\n\n_Source: ${SPEC}, section 2.4 (CBL043)_`;
    case 'declassified':
      return `**${v}**: the record of the cable's declassification, not a schedule.\n\n_Source: ${SPEC}, section 2.4_`;
    case 'phrase':
      return `**DECL ${v}**: an event or phrase rather than a date or code (accepted: \`TEN YEARS AFTER …\`).\n\n_Source: ${SPEC}, section 2.4 (CBL043)_`;
    case 'code':
      return explainCode(v);
  }
}

function explainCode(v: string): string {
  const u = v.toUpperCase().replace(/[()]/g, '');
  let meaning: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^X([1-8])$/.exec(u)) || (m = /^1\.6X([1-8])$/.exec(u))) meaning = `exemption X${m[1]} from declassification after 10 years (E.O. 12958)`;
  else if ((m = /^25X([1-9])(?:\s*-\s*HUMAN)?$/.exec(u))) meaning = `exempt from automatic declassification at 25 years, category ${m[1]}${/HUMAN/.test(u) ? ' (would reveal a confidential human source)' : ''}`;
  else if (u === '50X1-HUM') meaning = 'exempt at 50 years: would reveal a confidential human source (E.O. 13526)';
  else if (u === '50X2-WMD') meaning = 'exempt at 50 years: key design concepts of weapons of mass destruction (E.O. 13526)';
  else if (u === 'OADR') meaning = "Originating Agency's Determination Required (legacy, E.O. 12356)";
  else if (u === 'GDS') meaning = 'General Declassification Schedule (legacy, E.O. 11652)';
  else if (u === 'MR') meaning = 'accepted legacy code (spec 4.4); its meaning is not documented in the sources used here';
  return meaning ? `**DECL ${v}**: ${meaning}.\n\n_Source: ${SPEC}, section 2.4_` : `**DECL ${v}**: declassification codes (X1–X8, 25X1–25X9, 50X1-HUM, OADR, MR).\n\n_Source: ${SPEC}, section 2.4_`;
}

/** `1.4 (b) and (d)` → each reason spelled out. */
export function explainReasons(section: string | undefined, letters: readonly string[]): string {
  if (!section) return '**Classified By**: no reason cited (expected `1.4 (b)`, `1.4 (b) and (d)` …).';
  if (section !== '1.4' && section !== '1.5') return `**Reason ${section}**: not a classification section (1.4 or 1.5).`;
  const s = section as EoSection;
  const head =
    s === '1.4'
      ? 'Section 1.4 (E.O. 12958 as amended in 2003, and E.O. 13526): classification categories'
      : 'Section 1.5 (E.O. 12958 as issued in 1995): classification categories';
  const lines = [`**Reasons ${section}${letters.length ? ` (${letters.join(') and (')})` : ''}**`, '', head];
  let source: string | undefined;
  for (const l of letters) {
    const r = eoReason(s, l);
    if (r) {
      lines.push(`- (${l}) ${r.category}`);
      source ??= r.source;
    } else lines.push(`- (${l}) no such category in section ${section}`);
  }
  if (source) lines.push('', `_Source: ${source}_`);
  return lines.join('\n');
}

export function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** DE-line Julian date-time against the DTG (CBL008's comparison, for reading). */
export function explainJulian(doy: number, hour: number, minute: number, dtg: Dtg | undefined): string {
  const lines: string[] = [];
  const year = dtg?.year;
  if (year === undefined) {
    lines.push(`**Julian date-time**: day ${doy} of the year, ${clock(hour, minute)}Z (no DTG gives the year).`);
    return lines.join('\n');
  }
  const date = dateOfDay(year, doy);
  if (!date) {
    lines.push(`**Julian date-time**: day ${doy} of ${year}, which has no such day.`);
  } else {
    lines.push(`**Julian date-time**: day ${doy} of ${year} → ${date.day} ${monthName(date.month)} ${year} ${clock(hour, minute)}Z`);
  }
  const want = dtg ? dtgDayOfYear(dtg) : undefined;
  if (want !== undefined && dtg) {
    if (want !== doy) lines.push('', `Disagrees with the DTG: ${describeDtg(dtg)} is day ${want}.`);
    else if (dtg.hour !== undefined && dtg.minute !== undefined) {
      const diff = hour * 60 + minute - (dtg.hour * 60 + dtg.minute);
      lines.push(
        '',
        diff === 0
          ? 'Agrees with the DTG (same day and time).'
          : diff > 0
            ? `Agrees with the DTG's day; ${diff} min after the DTG time (queueing, normal).`
            : `Agrees with the DTG's day, but ${-diff} min before the DTG time.`,
      );
    }
  }
  lines.push('', `_Source: ${SPEC}, section 2.1 (DE line, CBL008)_`);
  return lines.join('\n');
}

// ------------------------------------------------------------------------------ blocks

/**
 * An opener no end closes, as the rules read it: not closed where a rule reports it (CBL100 a
 * summary to the end, CBL102 a block opened again, CBL103 a comment before a later paragraph,
 * CBL104 a note in its paragraph); otherwise it may run on, and neither the hover nor the outline
 * calls it a fault. `brief`: the outline's detail, a few words.
 */
export function blockLeftOpen(cable: Cable, m: BlockMark, brief = false): string {
  const blocks = modelOf(cable).blocks;
  const opener = blocks.blockOf(m);
  const line = (r: { start: { line: number } }) => r.start.line + 1;
  // A repeated or continued opener: its opener's hover says how the block ends.
  if (opener !== m) return `part of the ${m.block.toLowerCase()} opened on line ${line(opener.range)}`;
  const unclosed = unclosedIndex(blocks);
  const again = unclosed.reopenedAt.get(opener);
  if (again) return `not closed before it is opened again on line ${line(again.range)}`;
  const next = unclosed.leftOpenBefore.get(opener);
  if (next) return `not closed before paragraph ${next.number}`;
  if (unclosed.reported.has(opener)) return 'not closed';
  return brief ? 'runs to the end' : 'runs to the end of the text without an end mark, which it does not need';
}

/** The model's unclosed openers by opener, once per cable: the outline asks for every block, and a search per block was quadratic in them. */
interface UnclosedIndex {
  reopenedAt: ReadonlyMap<BlockMark, BlockMark>;
  leftOpenBefore: ReadonlyMap<BlockMark, Paragraph>;
  /** Summaries to the end (CBL100) and notes (CBL104) left open. */
  reported: ReadonlySet<BlockMark>;
}

const unclosedIndexes = new WeakMap<Blocks, UnclosedIndex>();

function unclosedIndex(blocks: Blocks): UnclosedIndex {
  let index = unclosedIndexes.get(blocks);
  if (!index) {
    index = {
      // The first time a block is opened again is the one its hover names.
      reopenedAt: new Map([...blocks.reopened].reverse().map((r) => [r.previous, r.mark])),
      leftOpenBefore: new Map(blocks.commentsLeftOpen.map((c) => [c.mark, c.next])),
      reported: new Set([...blocks.unclosedAtEnd.filter((o) => o.block === 'SUMMARY'), ...blocks.unclosedNotes]),
    };
    unclosedIndexes.set(blocks, index);
  }
  return index;
}
