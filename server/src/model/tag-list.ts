/**
 * The TAGS as an index lists them (what a cable archive files the cable under): each code once,
 * upper case, in order; a personal tag or a multi-word tag one entry (`CLINTON, HILLARY`,
 * `HUMAN RIGHTS`); codes run together split where CBL064 splits them; continuation lines
 * included. Each entry keeps the tokens it comes from, and its meaning on the cable's day.
 */
import type { Range } from '../../../grammar/src/ast';
import { lookupTag, type TagKind, tagReadingsOn, type TagSource, type TagStatus } from '../data/index';
import type { CableDate } from './dates';
import type { TagEntry, Tags } from './tags';

/** What an index entry is: a code of the tables, a person, free words, or a code no table knows. */
export type IndexTagKind = TagKind | 'personal' | 'other' | 'unknown';

export interface IndexTag {
  /** As an index lists it: upper case, parentheses gone, words joined by one space. */
  readonly code: string;
  readonly kind: IndexTagKind;
  /** The meaning on the cable's day (the current reading for an undated draft). */
  readonly meaning: string | null;
  /** How far to trust the meaning (tags.tsv `status`; `official` for a handbook row). */
  readonly trust: TagStatus | null;
  /** From the first to the last token it comes from. */
  readonly range: Range;
  readonly entries: readonly TagEntry[];
}

export interface TagList {
  /** The index form, each code once. */
  readonly index: readonly IndexTag[];
  /** `index` as codes. */
  readonly codes: readonly string[];
  /** Every token as written, in order (report version 1's `tags`). */
  readonly asWritten: readonly string[];
}

export const NO_TAG_LIST: TagList = Object.freeze({ index: Object.freeze([]), codes: Object.freeze([]), asWritten: Object.freeze([]) });

/** A token that is one of the words of a name or phrase, not a code of its own. */
function isWord(e: TagEntry): boolean {
  return e.status === 'skipped' && /^[A-Za-z][A-Za-z'.-]*$/.test(e.written) && !e.token.text.startsWith('(');
}

/** Text between two tokens: whitespace alone keeps a phrase together; a comma or `;` ends it. */
function joined(text: string, a: TagEntry, b: TagEntry): boolean {
  return a.line === b.line && /^\s+$/.test(text.slice(a.token.range.end.offset, b.token.range.start.offset)) && !/[,;]$/.test(a.token.text);
}

/** `(STEINBERG, JAMES B.)` → `STEINBERG, JAMES B.`: the parentheses are the personal tag's marks, not its name. */
function unbracketed(token: string): string {
  return token.replace(/^[("'[{]+/, '').replace(/[)"'\]}\\,;:]+$/, '').replace(/\s+/g, ' ').trim().toUpperCase();
}

export function readTagList(text: string, tags: Tags, date: CableDate | undefined): TagList {
  const entries = tags.entries;
  const groups: { code: string; personal: boolean; entries: TagEntry[] }[] = [];
  let afterOvip = false;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.token.text.startsWith('(')) {
      const code = unbracketed(e.token.text);
      if (code) groups.push({ code, personal: true, entries: [e] });
      // `OVIP (CLINTON, HILLARY), UAE`: the parenthesis closes the name.
      afterOvip = false;
      continue;
    }
    if (isWord(e)) {
      // A run of words: `HUMAN RIGHTS`, or after OVIP a name written `SURNAME GIVEN` without its comma.
      const run = [e];
      while (i + 1 < entries.length && isWord(entries[i + 1]!) && joined(text, run[run.length - 1]!, entries[i + 1]!)) run.push(entries[++i]!);
      const words = run.map((r) => r.written.toUpperCase());
      const personal = afterOvip;
      const code = personal && words.length > 1 && !words[0]!.endsWith(',') ? `${words[0]}, ${words.slice(1).join(' ')}` : words.join(' ');
      groups.push({ code, personal, entries: run });
      // A name ends at its comma: what follows is the next tag.
      if (/[,;]$/.test(run[run.length - 1]!.token.text)) afterOvip = false;
      continue;
    }
    afterOvip = e.status === 'known' && e.code.toUpperCase() === 'OVIP' ? true : e.status === 'skipped' ? afterOvip : false;
    if (e.status === 'runTogether' && e.parts) {
      for (const p of e.parts) groups.push({ code: p, personal: false, entries: [e] });
      continue;
    }
    const code = (e.written || e.code).toUpperCase();
    if (code) groups.push({ code, personal: false, entries: [e] });
  }
  const seen = new Set<string>();
  const index: IndexTag[] = [];
  const readingOn = date ? tagReadingsOn(date) : undefined;
  for (const g of groups) {
    if (seen.has(g.code)) continue;
    seen.add(g.code);
    const first = g.entries[0]!.token.range;
    const last = g.entries[g.entries.length - 1]!.token.range;
    // Written out field by field: spreading the description into the record was most of this meaning's cost.
    const d = describe(g.code, g.personal, g.entries, readingOn);
    index.push(Object.freeze({ code: d.code, kind: d.kind, meaning: d.meaning, trust: d.trust, range: { start: first.start, end: last.end }, entries: Object.freeze(g.entries) }));
  }
  return Object.freeze({
    index: Object.freeze(index),
    codes: Object.freeze(index.map((t) => t.code)),
    asWritten: Object.freeze(entries.map((e) => e.token.text)),
  });
}

/** `readingOn`: the meanings on the cable's day; undefined for an undated draft, read as of today. */
function describe(
  code: string,
  personal: boolean,
  entries: readonly TagEntry[],
  readingOn: ((code: string) => TagSource | undefined) | undefined,
): Pick<IndexTag, 'code' | 'kind' | 'meaning' | 'trust'> {
  if (personal) return { code, kind: 'personal', meaning: null, trust: null };
  const reading = readingOn?.(code);
  if (reading) return { code, kind: reading.kind, meaning: reading.meaning, trust: reading.status };
  const info = readingOn ? undefined : lookupTag(code);
  if (info) return { code, kind: info.kind, meaning: info.meaning, trust: info.status };
  const status = entries[0]!.status;
  const codeLike = status === 'unknown' || status === 'misspelt' || status === 'accepted' || /^[A-Z]{2,4}$/.test(code);
  return { code, kind: codeLike && entries.length === 1 ? 'unknown' : 'other', meaning: null, trust: null };
}
