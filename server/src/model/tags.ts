/**
 * TAGS: every token of the cable's own TAGS lines classified once (known code, code seen on
 * published cables, codes run together, a slip on a known code, unknown, or a personal tag or
 * free word that is never checked), with the kinds it counts as.
 */
import { distance } from 'fastest-levenshtein';
import type { Cable, Range, TagsLine, TagToken } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import {
  isAcceptedUndefinedTag,
  isSeenUndefinedTag,
  isTrustedTag,
  lookupTag,
  nearestTags,
  splitRunTogetherTag,
  tagsOneEditFrom,
  type TagInfo,
} from '../data/index';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type TagKindGroup = 'geographic' | 'subject';

export type TagStatus =
  /** In tags.tsv. */
  | 'known'
  /** Seen on published cables without a known meaning (tags_undefined_in_corpus.tsv). */
  | 'accepted'
  /** Splits into known codes (`PHUMPGOV`): CBL064. */
  | 'runTogether'
  /**
   * A known code with one letter added or changed (`PGOVE`, `PRELL`), or a known four-letter code
   * with digits after it (`EFIN2`): CBL061, even if seen in the corpus.
   */
  | 'misspelt'
  /** Code-shaped and in neither table: CBL061. */
  | 'unknown'
  /** Personal tag, free word or publisher junk: never checked. */
  | 'skipped';

export interface TagEntry {
  token: TagToken;
  line: TagsLine;
  /** The token without surrounding punctuation, upper-cased when the list is written in lower case. */
  code: string;
  /** The code as written (same case as the text). */
  written: string;
  start: number;
  end: number;
  range: Range;
  status: TagStatus;
  info?: TagInfo;
  /** runTogether: the known codes it splits into. */
  parts?: string[];
  /** misspelt/unknown: nearest known codes, best first (up to 4, to tell one candidate from several). */
  nearest?: string[];
  /**
   * misspelt/unknown: the code a fix may apply without asking (fix-all, `--fix`), when the slip is
   * certain: the only known code one Damerau–Levenshtein edit away, vouched for by a source
   * (`isTrustedTag`), among those suggested, and no two-letter code for a token of four letters or
   * more. Any other suggestion is the editor's to offer, not a fix to apply.
   */
  certain?: string;
  /** What the token counts as for CBL062 (geographic/organization) and CBL063 (subject/program). */
  groups: ReadonlySet<TagKindGroup>;
}

const OPENERS = '([{"\'';
const CLOSERS = ',;.:)]}"\'\\';

// English function words that turn up among free words on TAGS lines (`MEETINGS WITH AMBASSADOR`);
// they are never codes unless a table says so (which is checked first).
const STOP_WORDS = new Set(['THE', 'OF', 'AND', 'FOR', 'WITH', 'FROM', 'BY', 'ON', 'AT', 'OR', 'NOT', 'TO', 'IN', 'ITS', 'HIS', 'HER']);

const SUBJECT_LETTERS = /^[ABCELMOPST][A-Z]{3}$/;

/** The groups a token counts as, as bits: one shared set per combination (`GROUP_SETS`), not a set per token. */
const GEOGRAPHIC = 1;
const SUBJECT = 2;
const GROUP_SETS: readonly ReadonlySet<TagKindGroup>[] = [
  new Set<TagKindGroup>(),
  new Set<TagKindGroup>(['geographic']),
  new Set<TagKindGroup>(['subject']),
  new Set<TagKindGroup>(['geographic', 'subject']),
];

function groupsOfInfo(info: TagInfo | undefined): number {
  if (!info) return 0;
  return info.kind === 'geographic' || info.kind === 'organization' ? GEOGRAPHIC : SUBJECT;
}

/** What an unknown code-shaped token was probably meant to be, so that CBL062/063 do not pile on. */
function groupsOfShape(code: string): number {
  if (/^[A-Z]{2}$/.test(code) || /^[A-Z]{3}$/.test(code)) return GEOGRAPHIC;
  if (/^K[A-Z]{3}$/.test(code) || SUBJECT_LETTERS.test(code)) return SUBJECT;
  return 0;
}

function groupsOfUndefined(code: string): number {
  const kind = isSeenUndefinedTag(code)?.likelyKind ?? 'unknown';
  if (kind.startsWith('geographic') || kind === 'organization') return GEOGRAPHIC;
  if (kind.startsWith('subject') || kind.startsWith('program')) return SUBJECT;
  return groupsOfShape(code);
}

/** How many times `ch` occurs in `s`. */
function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** Known codes at edit distance 1 from `code`, at least four letters long (a slip on a real code). */
function misspellingOf(code: string): string[] {
  return nearestTags(code, 8).filter((t) => t.length >= 4 && /^[A-Z]+$/.test(t) && distance(t, code) === 1);
}

/** The code a fix may apply to `code` without asking, out of the `suggested` ones (see `TagEntry.certain`). */
function certainSlip(code: string, suggested: readonly string[]): string | undefined {
  const oneEdit = tagsOneEditFrom(code);
  if (oneEdit.length !== 1) return undefined;
  const only = oneEdit[0]!;
  if (!isTrustedTag(only) || !suggested.includes(only.code)) return undefined;
  if (only.code.length === 2 && code.length >= 4) return undefined;
  return only.code;
}

/**
 * Classifies every token of every TAGS line (spec 2.4 and 4.4). Decides code shape from the
 * token itself: upper-case letters, 2–4 long for geographic/subject/program codes, longer only
 * when a table knows it (organizations) or it is a known code run together or mistyped.
 * Tokens in parentheses and names after `OVIP` are personal tags; longer words are free text.
 */
function analyseTags(cable: Cable, tagsLines: readonly TagsLine[]): TagEntry[] {
  const text = cable.text;
  // Media copies write the whole list in lower case (`Tags: prel, pgov, mops`): read it as codes.
  // A list with any upper-case letter keeps mixed-case tokens as free words (`Human Rights`).
  const anyToken = (test: RegExp) => tagsLines.some((line) => line.tags.some((t) => test.test(t.text)));
  // Upper case asked first: it answers at the first token of the usual list.
  const lowerList = !anyToken(/[A-Z]/) && anyToken(/[a-z]/);

  const entries: TagEntry[] = [];
  // The nearest codes are a scan of the whole table: look each distinct code up once, since a
  // pasted or runaway TAGS line can repeat the same unknown word thousands of times.
  const looked = new Map<string, string[]>();
  const once = (key: string, find: () => string[]) => {
    let found = looked.get(key);
    if (!found) looked.set(key, (found = find()));
    return [...found];
  };
  let depth = 0;
  let afterOvip = false;
  /** Classifies one token (its status and what it holds); returns the groups it counts as. */
  const classify = (entry: Mutable<TagEntry>, inParens: boolean, closes: number): number => {
    const code = entry.code;
    if (code === '' || inParens) {
      // `OVIP (CLINTON, HILLARY), UAE`: the parenthesis closes the personal tag.
      if (depth === 0 && closes > 0) afterOvip = false;
      return 0;
    }

    const info = lookupTag(code);
    if (info) {
      entry.status = 'known';
      entry.info = info;
      afterOvip = code === 'OVIP';
      return groupsOfInfo(info);
    }
    // `OVIP RICE CONDOLEEZZA KISL …`: the name runs until the next known code.
    if (afterOvip) return 0;
    // `EFIN2`: a known four-letter code with digits struck after it. Shorter codes with digits
    // are organization forms (`G-77`, `AU-1`) and bare numbers are header junk (`12958`, dates).
    const glued = /^([A-Z]{4})\d+$/.exec(code);
    if (glued && lookupTag(glued[1]!) && !isAcceptedUndefinedTag(code)) {
      entry.status = 'misspelt';
      entry.nearest = [glued[1]!];
      const certain = once(`certain ${code}`, () => [certainSlip(code, entry.nearest!) ?? ''])[0];
      if (certain) entry.certain = certain;
      return groupsOfInfo(lookupTag(glued[1]!));
    }
    if (!/^[A-Z]+$/.test(code)) {
      // Hyphens, slashes, digits, dots: organization forms (`AU-1`) or header junk (`E.O`, `12958`).
      if (isAcceptedUndefinedTag(code)) {
        entry.status = 'accepted';
        return groupsOfUndefined(code);
      }
      return 0;
    }
    if (code.length < 2) return 0;
    const parts = code.length >= 4 ? splitRunTogetherTag(code) : undefined;
    if (parts) {
      entry.status = 'runTogether';
      entry.parts = parts;
      let groups = 0;
      for (const p of parts) groups |= groupsOfInfo(lookupTag(p));
      return groups;
    }
    if (code.length <= 4) {
      if (isAcceptedUndefinedTag(code)) {
        entry.status = 'accepted';
        return groupsOfUndefined(code);
      }
      if (STOP_WORDS.has(code)) return 0;
      entry.status = 'unknown';
      entry.nearest = once(`nearest ${code}`, () => nearestTags(code, 4));
      const certain = once(`certain ${code}`, () => [certainSlip(code, entry.nearest!) ?? ''])[0];
      if (certain) entry.certain = certain;
      let groups = groupsOfShape(code);
      for (const n of entry.nearest.slice(0, 1)) groups |= groupsOfInfo(lookupTag(n));
      return groups;
    }
    // Five letters or more: an organization acronym the corpus knows, a slip on a known code,
    // or a free word (`ELECTIONS`, `HUMAN RIGHTS`, names).
    const undefinedKind = isSeenUndefinedTag(code)?.likelyKind;
    if (undefinedKind === 'organization') {
      entry.status = 'accepted';
      return GEOGRAPHIC;
    }
    const slips = once(`slips ${code}`, () => misspellingOf(code));
    if (slips.length > 0) {
      entry.status = 'misspelt';
      entry.nearest = slips.slice(0, 4);
      const certain = once(`certain ${code}`, () => [certainSlip(code, slips) ?? ''])[0];
      if (certain) entry.certain = certain;
      return groupsOfInfo(lookupTag(slips[0]!));
    }
    return 0;
  };
  for (const line of tagsLines) for (const token of line.tags) {
    const tokenStart = token.range.start.offset;
    const tokenEnd = token.range.end.offset;
    let start = tokenStart;
    let end = tokenEnd;
    const opens = count(token.text, '(');
    const closes = count(token.text, ')');
    const inParens = depth > 0 || opens > 0 || closes > 0;
    depth = Math.max(0, depth + opens - closes);
    while (start < end && OPENERS.includes(text[start]!)) start++;
    while (end > start && CLOSERS.includes(text[end - 1]!)) end--;
    const written = text.slice(start, end);
    const entry: Mutable<TagEntry> = {
      token,
      line,
      code: lowerList ? written.toUpperCase() : written,
      written,
      start,
      end,
      // Most tokens carry no punctuation: their range is the token's.
      range: start === tokenStart && end === tokenEnd ? token.range : rangeAt(cable.lines, start, end),
      status: 'skipped',
      groups: GROUP_SETS[0]!,
    };
    entries.push(entry);
    entry.groups = GROUP_SETS[classify(entry, inParens, closes)]!;
  }
  return entries;
}

/** Replacement text in the case the token is written in. */
export function inCaseOf(written: string, code: string): string {
  return /[a-z]/.test(written) && !/[A-Z]/.test(written) ? code.toLowerCase() : code;
}


export interface Tags {
  /** Every token of the header's TAGS lines, in order. */
  readonly entries: readonly TagEntry[];
  /** From the first to the last token of the list (all its lines); undefined without tokens. */
  readonly listRange: Range | undefined;
  /** The tokens as written, for messages. */
  readonly listText: string;
  /** Whether some token counts as a tag of the group (geographic/organization, subject/program). */
  has(group: TagKindGroup): boolean;
}

export const NO_TAGS: Tags = Object.freeze({ entries: Object.freeze([]), listRange: undefined, listText: '', has: () => false });

export function readTags(cable: Cable, tagsLines: readonly TagsLine[]): Tags {
  const entries = analyseTags(cable, tagsLines);
  return entries.length === 0 ? NO_TAGS : new TagsMeaning(entries);
}

/**
 * A class, so that the parts only a message shows (the list's range and text) are worked out when
 * one is reported, by getters on the prototype.
 */
class TagsMeaning implements Tags {
  constructor(readonly entries: readonly TagEntry[]) {
    Object.freeze(this);
  }

  get listRange(): Range {
    const entries = this.entries;
    return { start: entries[0]!.token.range.start, end: entries[entries.length - 1]!.token.range.end };
  }

  get listText(): string {
    return this.entries.map((e) => e.written || e.token.text).join(' ');
  }

  has(group: TagKindGroup): boolean {
    return this.entries.some((e) => e.groups.has(group));
  }
}
