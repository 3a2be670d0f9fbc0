// Typed access to the embedded reference tables (server/data/*.tsv, provenance in
// server/data/README.md). Indexes are built on first use so that loading the engine costs nothing
// for callers that never touch a table.

import { distance } from 'fastest-levenshtein';
import {
  EO_REASONS,
  HEADER_CODES,
  POSTS,
  ROUTING_INDICATORS,
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

export interface TagInfo {
  readonly code: string;
  readonly kind: TagKind;
  readonly meaning: string;
  readonly source: string;
  /** How far to trust `meaning`: only `official` comes from the State TAGS handbook itself. */
  readonly status: TagStatus;
  readonly corpusCount: number;
  readonly note: string;
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

// ---------------------------------------------------------------------------------------------
// TAGS

const tagIndex = lazy(() => {
  const byCode = new Map<string, TagInfo>();
  const byLength = new Map<number, TagInfo[]>();
  const all: TagInfo[] = [];
  for (const [code, kind, meaning, source, status, corpusCount, note] of TAGS) {
    const info: TagInfo = { code, kind, meaning, source: SOURCES[source]!, status, corpusCount, note };
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

/** Meaning of a TAGS code; exact match (codes are upper case, some contain `-` or `/`). */
export function lookupTag(code: string): TagInfo | undefined {
  return tagIndex().byCode.get(code);
}

export function allTags(): readonly TagInfo[] {
  return tagIndex().all;
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
export function postByBannerPost(bannerPost: string): PostInfo | undefined {
  const { byRefid, byName } = postIndex();
  return byName.get(normalizePost(bannerPost)) ?? byRefid.get(compactPost(bannerPost));
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
