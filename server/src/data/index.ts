// Typed access to the embedded reference tables (server/data/*.tsv, provenance in
// server/data/README.md). Indexes are built on first use so that loading the engine costs nothing
// for callers that never touch a table.

import { distance } from 'fastest-levenshtein';
import { isOneEditApart } from './one-edit';
import {
  EO_REASONS,
  EXECUTIVE_ORDERS,
  HANDBOOK_TAGS,
  HEADER_CODES,
  POSTS,
  ROUTING_INDICATORS,
  SECRETARIES_OF_STATE,
  SOURCES,
  TAG_CATEGORIES,
  TAGS,
  UNDEFINED_TAGS,
  type EoSection,
  type HeaderField,
  type TagKind,
  type TagStatus,
  type UndefinedTagLikelyKind,
} from './tables.generated';

export type { EoSection, HeaderField, TagKind, TagStatus, UndefinedTagLikelyKind };

/**
 * A day a meaning or an order is asked for: a `Date` (its UTC day), `YYYY-MM-DD`, or the
 * `{ year, month, day }` the engine's `cableDate` gives. An undated draft is asked for today, by
 * the caller's injected clock: nothing here reads the wall clock.
 */
export type CableDay = Date | string | { readonly year: number; readonly month: number; readonly day: number };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD`, which orders as the days do; undefined for an invalid day. */
export function isoDay(day: CableDay): string | undefined {
  if (day instanceof Date) {
    return Number.isNaN(day.getTime()) ? undefined : `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  }
  if (typeof day === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
  const { year, month, day: d } = day;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(d) || year < 0 || year > 9999) return undefined;
  if (month < 1 || month > 12 || d < 1 || d > 31) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
}

/**
 * Where a TAGS meaning comes from. Three sources, each dated: the current 5 FAH-3 handbook (the
 * stored excerpt, 2022), the project's table `tags.tsv` (compiled from the sources of each row,
 * dated 1995, see `TAG_EDITIONS`), and the 1974 handbook 5 FAH-3 replaced.
 */
export type TagEdition = '5FAH3-2022' | 'current' | 'TAGS-1974';

export interface TagEditionInfo {
  readonly edition: TagEdition;
  /** How a hover names it: "5 FAH-3, 2022", "current table", "1974 handbook". */
  readonly name: string;
  /** The day from which it speaks for a cable, YYYY-MM-DD. */
  readonly date: string;
  readonly title: string;
}

/**
 * The sources, newest first. `tags.tsv` has no edition date of its own: it collects the titles of
 * cables of 1966-2010 from several sources, with the FIPS 10-4 country list as last published. It
 * is dated 1 January 1995, the first day on which all of its meanings can hold: it reads WTO as the
 * World Trade Organization, founded that day, where the 1974 handbook has the Warsaw Pact
 * Organization; and by then every country of the 1974 handbook's historic codes was gone or renamed
 * but the Netherlands Antilles. So a cable dated before 1995 reads a code by the 1974 handbook
 * wherever the handbook has it.
 */
export const TAG_EDITIONS: readonly TagEditionInfo[] = [
  { edition: '5FAH3-2022', name: '5 FAH-3, 2022', date: '2022-02-17', title: "5 FAH-3 H-011.1 'TAGS and Subject', CT:TAGS-91 of 17 February 2022 (the stored excerpt ends at ENRG)" },
  { edition: 'current', name: 'current table', date: '1995-01-01', title: "cable-lint's TAGS table (server/data/tags.tsv), each row with its own source and trust" },
  { edition: 'TAGS-1974', name: '1974 handbook', date: '1974-06-28', title: "'Traffic Analysis by Geography and Subject and Executive Order 11652 Codes', TL:TAGS-1 of 28 June 1974" },
];

const editionInfo = (edition: TagEdition): TagEditionInfo => TAG_EDITIONS.find((e) => e.edition === edition)!;

/** One source's word on one code: a row of tags.tsv or of tags_handbooks.tsv. */
export interface TagSource {
  readonly code: string;
  readonly kind: TagKind;
  readonly meaning: string;
  readonly edition: TagEdition;
  /** The edition's name: "1974 handbook". */
  readonly name: string;
  /** The edition's date, YYYY-MM-DD. */
  readonly date: string;
  /** Trust: a handbook row is `official` (the State Department's own handbook); a table row has its own. */
  readonly status: TagStatus;
  /** The citation: page, section, repository. */
  readonly source: string;
  readonly note: string;
  /** A 1974 country code no later source carries (UR, GE, YO …): its meaning holds before the current table's date only. */
  readonly historic: boolean;
  /** The stored copy cut the title off (5 FAH-3 `Ener...`): the row confirms the code but gives no meaning. */
  readonly partial: boolean;
}

export interface TagInfo {
  readonly code: string;
  readonly kind: TagKind;
  readonly meaning: string;
  /** The citation of the source the meaning comes from. */
  readonly source: string;
  /** How far to trust `meaning`: `official` comes from a State TAGS handbook (5 FAH-3 or the 1974 one). */
  readonly status: TagStatus;
  readonly corpusCount: number;
  readonly note: string;
  /** The source the meaning comes from. */
  readonly edition: TagEdition;
  /** Its name: "5 FAH-3, 2022", "current table", "1974 handbook". */
  readonly sourceName: string;
  /** Every source's word on the code, newest first: which handbook and edition says so. */
  readonly sources: readonly TagSource[];
  /**
   * A historic 1974 country code: it has no meaning on cables from 1995 on, and `meaning` is the
   * 1974 one (`Germany (East)`), to be shown as history. Ask `tagOn` with the cable's date.
   */
  readonly historic: boolean;
}

/** A code read for a cable of a given day. */
export interface DatedTag {
  readonly code: string;
  /** The day asked for, YYYY-MM-DD. */
  readonly day: string;
  /**
   * The source that gives the meaning: the latest dated on or before the day; when none is, the
   * earliest after it (`fromLaterSource`). Undefined when no source gives the code a meaning on
   * that day: a historic code on a later cable (see `historic`).
   */
  readonly reading?: TagSource;
  /** No source dated on or before the day defines the code: `reading` is from a later one. */
  readonly fromLaterSource: boolean;
  /** For a historic code read without a meaning: the 1974 row, to show as history. */
  readonly historic?: TagSource;
  /** Every source's word on the code, newest first. */
  readonly sources: readonly TagSource[];
  readonly corpusCount: number;
}

export interface UndefinedTagInfo {
  readonly code: string;
  readonly countAll: number;
  readonly countPublic: number;
  readonly likelyKind: UndefinedTagLikelyKind;
}

export interface TagCategory {
  readonly letter: string;
  readonly category: string;
  readonly description: string;
  readonly source: string;
}

export interface RoutingIndicatorInfo {
  /** The indicator asked for. */
  readonly ri: string;
  /** The table entry that matched: equal to `ri`, or an ACP 117 block such as `RHFJAAA THRU RHFJAAZ`. */
  readonly listedAs: string;
  /** Name in ACP 117 (2010); empty for collectives and indicators known only from the corpus. */
  readonly acp117Name: string;
  /** Most frequent plain-language name written after the indicator in the corpus; may be empty. */
  readonly corpusName: string;
  readonly corpusAddressCount: number;
  readonly corpusOriginatorCount: number;
  readonly source: string;
}

export interface PostInfo {
  /** Post as written in reference ids (`NEWDELHI`, `STATE`, `USUNNEWYORK`). */
  readonly refidPost: string;
  /** Post as written on the classification/banner line (`NEW DELHI`); empty for ULAANBAATAR. */
  readonly bannerPost: string;
  readonly originLabel: string;
  readonly fmLine: string;
  readonly deRoutingIndicator: string;
  readonly cablesInPublicCorpus: number;
  /**
   * Banners actually seen on corpus cables filed under this post. Informational only: they include
   * publisher errors (BANGKOK lists TAIPEI, CHISINAU lists ULAANBAATAR), so they are not used for lookup.
   */
  readonly bannerVariants: readonly { readonly banner: string; readonly count: number }[];
}

export interface HeaderCodeInfo {
  readonly field: HeaderField;
  readonly code: string;
  readonly meaning: string;
  readonly source: string;
  readonly publicCorpusCount: number;
}

export interface EoReason {
  readonly section: EoSection;
  readonly letter: string;
  readonly category: string;
  readonly appliesTo: string;
  readonly source: string;
  readonly publicCorpusCount: number;
}

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/**
 * `answer` remembered per string asked about: for pure lookups against the fixed tables that the
 * same strings ask again on cable after cable. Cleared when full, so a long session's memory
 * stays bounded.
 */
function perString<T>(answer: (key: string) => T | undefined): (key: string) => T | undefined {
  const known = new Map<string, T | null>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= 20_000) known.clear();
      known.set(key, (value = answer(key) ?? null));
    }
    return value ?? undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// TAGS

const EDITION_ORDER: Record<TagEdition, number> = { '5FAH3-2022': 0, current: 1, 'TAGS-1974': 2 };
/** The day after which a historic 1974 code has no meaning: the current table's. */
const HISTORIC_UNTIL = editionInfo('current').date;
/** Later than any source: what "now" reads as for callers with no date (`lookupTag`). */
const LATEST = '9999-12-31';

/**
 * Every code any source knows, with its sources newest first. Built once: 694 codes, ~900 rows.
 */
const sourceIndex = lazy(() => {
  const byCode = new Map<string, TagSource[]>();
  const add = (row: TagSource) => {
    const list = byCode.get(row.code);
    if (list) list.push(row);
    else byCode.set(row.code, [row]);
  };
  const current = editionInfo('current');
  for (const [code, kind, meaning, source, status, , note] of TAGS) {
    add({ code, kind, meaning, edition: 'current', name: current.name, date: current.date, status, source: SOURCES[source]!, note, historic: false, partial: false });
  }
  for (const [code, kind, meaning, edition, source, note, historic, partial] of HANDBOOK_TAGS) {
    const e = editionInfo(edition);
    add({ code, kind, meaning, edition, name: e.name, date: e.date, status: 'official', source: SOURCES[source]!, note, historic, partial });
  }
  for (const list of byCode.values()) list.sort((a, b) => EDITION_ORDER[a.edition] - EDITION_ORDER[b.edition]);
  const corpusCount = new Map<string, number>();
  for (const [code, , , , , count] of TAGS) corpusCount.set(code, count);
  // Handbook codes tags.tsv lacks: the scan of undefined tokens counted them.
  for (const [code, , countPublic] of UNDEFINED_TAGS) if (byCode.has(code) && !corpusCount.has(code)) corpusCount.set(code, countPublic);
  return { byCode, corpusCount };
});

/** The source that speaks for a code on `day` (YYYY-MM-DD): see `DatedTag.reading`. */
function readingIn(sources: readonly TagSource[], day: string): TagSource | undefined {
  let later: TagSource | undefined;
  for (const s of sources) {
    if (s.partial || (s.historic && day >= HISTORIC_UNTIL)) continue;
    // Newest first: the first dated on or before the day is the latest such; failing that, the
    // last one that speaks is the earliest of those after the day.
    if (s.date <= day) return s;
    later = s;
  }
  return later;
}

function readTag(code: string, day: string): DatedTag | undefined {
  const { byCode, corpusCount } = sourceIndex();
  const sources = byCode.get(code);
  if (!sources) return undefined;
  const reading = readingIn(sources, day);
  // A reading dated after the day is one because none on or before it speaks.
  const fromLaterSource = reading !== undefined && reading.date > day;
  const historic = reading ? undefined : sources.find((s) => s.historic);
  return {
    code,
    day,
    ...(reading ? { reading } : {}),
    fromLaterSource,
    ...(historic ? { historic } : {}),
    sources,
    corpusCount: corpusCount.get(code) ?? 0,
  };
}

/**
 * `tagOn(code, day).reading` for many codes on one day (a cable's TAGS list): the day is read
 * once, and no record is built for each code.
 */
export function tagReadingsOn(day: CableDay): (code: string) => TagSource | undefined {
  const iso = isoDay(day);
  if (iso === undefined) return () => undefined;
  const { byCode } = sourceIndex();
  return (code) => {
    const sources = byCode.get(code);
    return sources ? readingIn(sources, iso) : undefined;
  };
}

/**
 * The meaning of a TAGS code on a cable of `day`: the latest source dated on or before it
 * (5 FAH-3 2022, then the current table, then the 1974 handbook), or the earliest after it when
 * none is (a cable older than the 1974 handbook, a code only later sources list). A historic 1974
 * country code has no meaning from 1995 on: `reading` is then undefined and `historic` holds the
 * 1974 row. Undefined for a code no source knows, and for an invalid day. Never invents a meaning.
 */
export function tagOn(code: string, day: CableDay): DatedTag | undefined {
  const iso = isoDay(day);
  return iso === undefined ? undefined : readTag(code, iso);
}

/** The reading as a line for a hover or an inlay hint: `Warsaw Pact Organization (1974 handbook)`. */
export function describeTagOn(tag: DatedTag): string {
  if (tag.reading) {
    const later = tag.fromLaterSource ? `, a source dated after ${tag.day}` : '';
    return `${tag.reading.meaning} (${tag.reading.name}${later})`;
  }
  const h = tag.historic;
  return h ? `no meaning on a cable of ${tag.day}: a historic code, ${h.meaning} in the ${h.name}` : `no meaning on a cable of ${tag.day}`;
}

const infoOf = (tag: DatedTag): TagInfo => {
  const row = (tag.reading ?? tag.historic)!;
  const tableNote = tag.sources.find((s) => s.edition === 'current')?.note ?? '';
  const note = row.historic
    ? `Historic code: ${row.meaning} in the ${row.name}, which no later source carries; it has no meaning on cables dated from ${HISTORIC_UNTIL.slice(0, 4)} on.`
    : [row.edition === 'current' ? '' : row.note, tableNote].filter((n, i, all) => n !== '' && all.indexOf(n) === i).join(' ');
  return {
    code: tag.code,
    kind: row.kind,
    meaning: row.meaning,
    source: row.edition === 'current' ? row.source : `${row.name}: ${row.source}`,
    status: row.status,
    corpusCount: tag.corpusCount,
    note,
    edition: row.edition,
    sourceName: row.name,
    sources: tag.sources,
    historic: row.historic,
  };
};

const knownIndex = lazy(() => {
  const byCode = new Map<string, TagInfo>();
  for (const code of sourceIndex().byCode.keys()) byCode.set(code, infoOf(readTag(code, LATEST)!));
  return byCode;
});

/**
 * The codes suggested for a slip and split out of run-together tokens: those of the current table
 * (as `lookupTag` reads them). Codes only the 1974 handbook has are known, never suggested: a
 * typo on a draft of today should not turn into a 1974 code.
 */
const tagIndex = lazy(() => {
  const byCode = new Map<string, TagInfo>();
  const byLength = new Map<number, TagInfo[]>();
  const all: TagInfo[] = [];
  for (const [code] of TAGS) {
    const info = knownIndex().get(code)!;
    byCode.set(code, info);
    all.push(info);
    const bucket = byLength.get(code.length);
    if (bucket) bucket.push(info);
    else byLength.set(code.length, [info]);
  }
  return { byCode, byLength, all, maxLength: Math.max(...byLength.keys()) };
});

const undefinedTagIndex = lazy(
  () =>
    new Map<string, UndefinedTagInfo>(
      UNDEFINED_TAGS.map(([code, countAll, countPublic, likelyKind]) => [code, { code, countAll, countPublic, likelyKind }]),
    ),
);

/**
 * A known TAGS code, read by the latest sources (a draft of today): every code of the current table
 * and of the handbooks. Exact match (codes are upper case, some contain `-` or `/`). A historic
 * 1974 code comes with `historic` set and its 1974 meaning; ask `tagOn` for a dated cable.
 */
export function lookupTag(code: string): TagInfo | undefined {
  return knownIndex().get(code);
}

/**
 * `lookupTag` for a cable of `day`: the meaning `tagOn` reads, with its source and trust. For a
 * historic code on a cable from 1995 on, which has no meaning then, the 1974 row with `historic`
 * set (show it as history, as `describeTagOn` does). Undefined for a code no source knows.
 */
export function tagInfoOn(code: string, day: CableDay): TagInfo | undefined {
  const tag = tagOn(code, day);
  return tag && (tag.reading ?? tag.historic) ? infoOf(tag) : undefined;
}

/** The codes of the current table (562), as `lookupTag` reads them: what completion offers. */
export function allTags(): readonly TagInfo[] {
  return tagIndex().all;
}

/** Every known code (the current table and both handbooks), as `lookupTag` reads them. */
export function allKnownTags(): readonly TagInfo[] {
  return [...knownIndex().values()];
}

/**
 * A token seen on TAGS lines of published cables that no source defines. Note that the table also
 * holds run-together tokens (PHUMPREL), misspellings (PGOVE) and free words; use `isAcceptedUndefinedTag` for CBL061.
 */
export function isSeenUndefinedTag(code: string): UndefinedTagInfo | undefined {
  return undefinedTagIndex().get(code);
}

/** Accepted without a meaning: seen on published cables, and not a run-together slip (CBL064's). */
export function isAcceptedUndefinedTag(code: string): boolean {
  return undefinedTagIndex().has(code) && splitRunTogetherTag(code) === undefined;
}

const isSubjectOrProgram = (t: TagInfo): boolean => t.kind === 'subject' || t.kind === 'program';

/**
 * Splits a run-together token into ≥2 known codes (`PHUMPGOV` → PHUM, PGOV; `KWMNCS` → KWMN, CS).
 * Fewest parts wins, then most subject/program parts, then the most frequent codes.
 * At least one part must be longer than two letters: with 285 two-letter geographic codes almost
 * any even-length word would otherwise "split" (POLITICS → PO LI TI CS, GAZA → GA ZA).
 */
export function splitRunTogetherTag(token: string): string[] | undefined {
  const split = rememberedSplit(token);
  return split ? [...split] : undefined;
}

// Every unknown or accepted code of four letters or more asks, and the same tokens come back.
const rememberedSplit = perString<readonly string[]>(splitTag);

function splitTag(token: string): string[] | undefined {
  const { byCode, maxLength } = tagIndex();
  if (token.length < 4 || byCode.has(token)) return undefined;
  const n = token.length;
  // best[long][i]: best split of token.slice(0, i), kept separately for "has a part longer than two
  // letters" (1) and not (0) so that the constraint cannot cost a better split elsewhere.
  const best: (SplitState | undefined)[][] = [new Array(n + 1), new Array(n + 1)];
  best[0]![0] = { parts: 0, subjects: 0, count: 0, prevLong: 0, prev: -1, code: '' };
  for (let end = 2; end <= n; end++) {
    for (let start = Math.max(0, end - maxLength); start <= end - 2; start++) {
      const tag = byCode.get(token.slice(start, end));
      if (!tag) continue;
      for (const prevLong of [0, 1] as const) {
        const before = best[prevLong]![start];
        if (!before) continue;
        const long = tag.code.length > 2 ? 1 : prevLong;
        const cand: SplitState = {
          parts: before.parts + 1,
          subjects: before.subjects + (isSubjectOrProgram(tag) ? 1 : 0),
          count: before.count + tag.corpusCount,
          prevLong,
          prev: start,
          code: tag.code,
        };
        const cur = best[long]![end];
        if (!cur || betterSplit(cand, cur)) best[long]![end] = cand;
      }
    }
  }
  if (!best[1]![n] || best[1]![n]!.parts < 2) return undefined;
  const parts: string[] = [];
  for (let i = n, long = 1; i > 0; ) {
    const s = best[long]![i]!;
    parts.unshift(s.code);
    i = s.prev;
    long = s.prevLong;
  }
  return parts;
}

interface SplitState {
  parts: number;
  subjects: number;
  count: number;
  prevLong: 0 | 1;
  prev: number;
  code: string;
}

function betterSplit(a: SplitState, b: SplitState): boolean {
  if (a.parts !== b.parts) return a.parts < b.parts;
  if (a.subjects !== b.subjects) return a.subjects > b.subjects;
  return a.count > b.count;
}

/**
 * Two adjacent letters swapped (`KWNM` for `KWMN`): the commonest typing slip, which Levenshtein
 * distance counts as two edits and would rank no better than any other two-letter change.
 */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Known codes close to an unknown one, best first: smallest edit distance (a swap of two adjacent
 * letters counts as one edit), then same length, then most used in the corpus. Short codes allow
 * distance 1 only: every two-letter code is within distance 2 of every other.
 */
export function nearestTags(code: string, max = 3): string[] {
  const { byLength } = tagIndex();
  const maxDist = code.length <= 3 ? 1 : 2;
  const hits: { tag: TagInfo; d: number }[] = [];
  for (let len = code.length - maxDist; len <= code.length + maxDist; len++) {
    for (const tag of byLength.get(len) ?? []) {
      if (tag.code === code) continue;
      const d = isTransposition(code, tag.code) ? 1 : distance(code, tag.code);
      if (d <= maxDist) hits.push({ tag, d });
    }
  }
  hits.sort(
    (a, b) =>
      a.d - b.d ||
      Number(b.tag.code.length === code.length) - Number(a.tag.code.length === code.length) ||
      b.tag.corpusCount - a.tag.corpusCount ||
      (a.tag.code < b.tag.code ? -1 : 1),
  );
  return hits.slice(0, max).map((h) => h.tag.code);
}

/** Table statuses whose meaning comes from a source: not recalled (`unverified`) nor guessed from usage (`inferred`). */
const SOURCED_STATUSES: ReadonlySet<TagStatus> = new Set<TagStatus>(['official', 'secondary', 'fips', 'acronym']);

/**
 * A code a fix may put in a cable without asking: some source vouches for it, a handbook row or a
 * table row of a sourced status (`official`, `secondary`, `fips`, `acronym`).
 */
export function isTrustedTag(info: TagInfo): boolean {
  return info.sources.some((s) => s.edition !== 'current' || SOURCED_STATUSES.has(s.status));
}

/**
 * Every known code (the current table and both handbooks) one Damerau–Levenshtein edit from
 * `code`: a letter changed, added or dropped, or two adjacent letters swapped. Several mean the
 * slip is ambiguous, whichever of them a fix would offer.
 */
export function tagsOneEditFrom(code: string): TagInfo[] {
  const found: TagInfo[] = [];
  for (const info of knownIndex().values()) if (isOneEditApart(code, info.code)) found.push(info);
  return found;
}

const categoryIndex = lazy(
  () =>
    new Map<string, TagCategory>(
      TAG_CATEGORIES.map(([letter, category, description, source]) => [
        letter,
        { letter, category, description, source: SOURCES[source]! },
      ]),
    ),
);

/** Category of a subject (A B C E L M O P S T) or program (K) code; only the first character is used. */
export function tagCategory(letterOrCode: string): TagCategory | undefined {
  return categoryIndex().get(letterOrCode.charAt(0).toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// Routing indicators

const riIndex = lazy(() => {
  const exact = new Map<string, (typeof ROUTING_INDICATORS)[number]>();
  // ACP 117 lists some blocks as `RHFJAAA THRU RHFJAAZ`: same six-letter prefix, a range of last letters.
  const ranges = new Map<string, { from: string; to: string; row: (typeof ROUTING_INDICATORS)[number] }[]>();
  for (const row of ROUTING_INDICATORS) {
    const m = /^([A-Z]{6})([A-Z]) THRU \1([A-Z])$/.exec(row[0]);
    if (m) {
      const list = ranges.get(m[1]!) ?? [];
      list.push({ from: m[2]!, to: m[3]!, row });
      ranges.set(m[1]!, list);
    } else {
      exact.set(row[0], row);
    }
  }
  return { exact, ranges };
});

export function lookupRoutingIndicator(ri: string): RoutingIndicatorInfo | undefined {
  const { exact, ranges } = riIndex();
  let row = exact.get(ri);
  if (!row && ri.length === 7) {
    const last = ri.charAt(6);
    row = ranges.get(ri.slice(0, 6))?.find((r) => r.from <= last && last <= r.to)?.row;
  }
  if (!row) return undefined;
  const [listedAs, acp117Name, corpusName, corpusAddressCount, corpusOriginatorCount, source] = row;
  return { ri, listedAs, acp117Name, corpusName, corpusAddressCount, corpusOriginatorCount, source: SOURCES[source]! };
}

// ---------------------------------------------------------------------------------------------
// Posts

/** Spellings the table does not carry: REF citations write the Department as `SECSTATE` (spec 2.4). */
const POST_ALIASES: readonly (readonly [alias: string, refidPost: string])[] = [['SECSTATE', 'STATE']];

const normalizePost = (s: string): string => s.trim().toUpperCase().replace(/\s+/g, ' ');
const compactPost = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

const postIndex = lazy(() => {
  const byRefid = new Map<string, PostInfo>();
  for (const [refidPost, bannerPost, originLabel, fmLine, deRoutingIndicator, cablesInPublicCorpus, variants] of POSTS) {
    byRefid.set(refidPost, {
      refidPost,
      bannerPost,
      originLabel,
      fmLine,
      deRoutingIndicator,
      cablesInPublicCorpus,
      bannerVariants: variants.map(([banner, count]) => ({ banner, count })),
    });
  }
  const posts = [...byRefid.values()];
  // Tiers, strongest first; a later tier never overrides a key an earlier one set. Within a tier
  // the post whose reference id is the banner run together wins (LONDON over EFTOLONDON), then the
  // busier post.
  const byName = new Map<string, PostInfo>();
  const addTier = (keyOf: (p: PostInfo) => string) => {
    const tier = new Map<string, PostInfo>();
    for (const p of posts) {
      const key = normalizePost(keyOf(p));
      if (key === '' || byName.has(key)) continue;
      const cur = tier.get(key);
      if (!cur || rank(p, key) > rank(cur, key)) tier.set(key, p);
    }
    for (const [k, p] of tier) byName.set(k, p);
  };
  const rank = (p: PostInfo, key: string) => (p.refidPost === compactPost(key) ? 1e6 : 0) + p.cablesInPublicCorpus;
  addTier((p) => p.bannerPost);
  addTier((p) => p.refidPost);
  addTier((p) => p.fmLine);
  for (const [alias, refid] of POST_ALIASES) {
    const p = byRefid.get(refid);
    if (p && !byName.has(alias)) byName.set(alias, p);
  }
  return { byRefid, byName };
});

/**
 * Post row for a banner post (`NEW DELHI`), an FM line (`SECSTATE WASHDC`, `AMEMBASSY DUSHANBE`), a
 * reference-id post, or the same with spacing/punctuation differences (`PORT-AU-PRINCE`).
 */
export const postByBannerPost: (bannerPost: string) => PostInfo | undefined = perString((bannerPost) => {
  // Asked of every word run before a serial in a REF item, of FM lines, banners and page markers:
  // the same few hundred strings on cable after cable, each normalised twice to look it up.
  const { byRefid, byName } = postIndex();
  return byName.get(normalizePost(bannerPost)) ?? byRefid.get(compactPost(bannerPost));
});

/** Every post of the table, busiest first (then by name). */
export function allPosts(): readonly PostInfo[] {
  return [...postIndex().byRefid.values()].sort((a, b) => b.cablesInPublicCorpus - a.cablesInPublicCorpus || (a.refidPost < b.refidPost ? -1 : 1));
}

export function postByRefIdPost(refidPost: string): PostInfo | undefined {
  return postIndex().byRefid.get(refidPost);
}

/** Post part of a reference id; for posts not in the table, the banner with spaces and punctuation removed. */
export function refIdPostFor(bannerPost: string): string {
  return postByBannerPost(bannerPost)?.refidPost ?? compactPost(bannerPost);
}

// ---------------------------------------------------------------------------------------------
// Header codes and E.O. reasons

const headerIndex = lazy(() => {
  const byKey = new Map<string, HeaderCodeInfo>();
  const byField = new Map<HeaderField, HeaderCodeInfo[]>();
  for (const [field, code, meaning, source, publicCorpusCount] of HEADER_CODES) {
    const info: HeaderCodeInfo = { field, code, meaning, source: SOURCES[source]!, publicCorpusCount };
    byKey.set(`${field}\t${code}`, info);
    const list = byField.get(field) ?? [];
    list.push(info);
    byField.set(field, list);
  }
  return { byKey, byField };
});

/** Exact code within a field, e.g. `headerCode('caption', 'SIPDIS')`, `headerCode('FL4 security', 'ZNY CCCCC')`. */
export function headerCode(field: HeaderField, code: string): HeaderCodeInfo | undefined {
  return headerIndex().byKey.get(`${field}\t${code}`);
}

export function headerCodesByField(field: HeaderField): readonly HeaderCodeInfo[] {
  return headerIndex().byField.get(field) ?? [];
}

const eoIndex = lazy(
  () =>
    new Map<string, EoReason>(
      EO_REASONS.map(([section, letter, category, appliesTo, source, publicCorpusCount]) => [
        `${section}${letter}`,
        { section, letter, category, appliesTo: SOURCES[appliesTo]!, source: SOURCES[source]!, publicCorpusCount },
      ]),
    ),
);

/** Classification reason, e.g. `eoReason('1.4', 'b')`; the letter may be upper case as cables write it. */
export function eoReason(section: EoSection, letter: string): EoReason | undefined {
  return eoIndex().get(`${section}${letter.toLowerCase()}`);
}

// ---------------------------------------------------------------------------------------------
// Executive orders on classification

/** An order of executive_orders.tsv: the classification orders a cable's E.O. line cites. */
export interface ExecutiveOrder {
  /** `12958`. */
  readonly number: string;
  readonly title: string;
  /** Days are YYYY-MM-DD. */
  readonly signed: string;
  /** The first day it governed: cables from this day on are classified under it. */
  readonly effective: string;
  /** The day it stopped governing (the day `replacedBy` took effect); undefined while in force. */
  readonly ended?: string;
  readonly replacedBy?: string;
  /** For an amendment (13292): the order it amends, which stays the order cables cite. */
  readonly amends?: string;
  /** Federal Register citation. */
  readonly citation: string;
  readonly source: string;
  readonly note: string;
}

/** How an order stands on a day. */
export type ExecutiveOrderStatus =
  /** Signed but not yet in force. */
  | 'not-yet-effective'
  | 'in-force'
  /** Revoked: `replacedBy` governs. */
  | 'superseded';

const executiveOrderIndex = lazy(() => {
  const byNumber = new Map<string, ExecutiveOrder>();
  for (const [number, title, signed, effective, ended, replacedBy, amends, citation, source, note] of EXECUTIVE_ORDERS) {
    byNumber.set(number, {
      number,
      title,
      signed,
      effective,
      ...(ended ? { ended } : {}),
      ...(replacedBy ? { replacedBy } : {}),
      ...(amends ? { amends } : {}),
      citation,
      source: SOURCES[source]!,
      note,
    });
  }
  return byNumber;
});

/** The order with that number (`'12958'`), or undefined for one the table does not hold. */
export function executiveOrder(number: string): ExecutiveOrder | undefined {
  return executiveOrderIndex().get(number);
}

/** All six, oldest first: 11652, 12065, 12356, 12958, 13292, 13526. */
export function executiveOrders(): readonly ExecutiveOrder[] {
  return executiveOrderList();
}

// Read on every dated cable (governingExecutiveOrder): one frozen list, not a copy per call.
const executiveOrderList = lazy(() => Object.freeze([...executiveOrderIndex().values()]));

/** Where `number` stands on `day`; undefined for an order the table does not hold or an invalid day. */
export function executiveOrderStatus(number: string, day: CableDay): ExecutiveOrderStatus | undefined {
  const eo = executiveOrder(number);
  const iso = isoDay(day);
  if (!eo || iso === undefined) return undefined;
  if (iso < eo.effective) return 'not-yet-effective';
  return eo.ended !== undefined && iso >= eo.ended ? 'superseded' : 'in-force';
}

/**
 * The order a cable of `day` is classified under, the one its E.O. line cites: never an
 * amendment (a 2005 cable cites 12958, which 13292 amended). Undefined before 1 June 1972 (E.O.
 * 10501 governed; the table starts at 11652) and for an invalid day.
 */
export function governingExecutiveOrder(day: CableDay): ExecutiveOrder | undefined {
  const iso = isoDay(day);
  if (iso === undefined) return undefined;
  return executiveOrders().find((eo) => !eo.amends && eo.effective <= iso && (eo.ended === undefined || iso < eo.ended));
}

// ---------------------------------------------------------------------------------------------
// Secretaries of State

/** A Secretary of State: the Department's cables of their term are signed with their surname. */
export interface SecretaryOfState {
  /** As a cable signs: `CLINTON`. */
  readonly surname: string;
  readonly name: string;
  /** In office from this day to `left`, both included (YYYY-MM-DD). */
  readonly entered: string;
  readonly left: string;
  readonly source: string;
  readonly note: string;
}

const secretaryIndex = lazy(() =>
  SECRETARIES_OF_STATE.map(([surname, name, entered, left, source, note]): SecretaryOfState => ({ surname, name, entered, left, source: SOURCES[source]!, note })),
);

const secretarySurnames = lazy(() => new Set(secretaryIndex().map((s) => s.surname)));

/** A surname some Secretary of State of the table bore (on any day): what a signature must carry before its day is worth reading. */
export function isSecretaryOfStateSurname(surname: string): boolean {
  return secretarySurnames().has(surname);
}

/** The Secretaries of State in office on `day` (two on the day one hands over), none for an invalid day or one the table does not cover (before 1969, after 2016). */
export function secretariesOfStateOn(day: CableDay): readonly SecretaryOfState[] {
  const iso = isoDay(day);
  if (iso === undefined) return [];
  return secretaryIndex().filter((s) => s.entered <= iso && iso <= s.left);
}
