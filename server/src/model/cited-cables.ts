/**
 * What each REF item cites: a cable (`STATE 202745`, `06 TBILISI 2601`, `USUN NEW YORK 1234`,
 * `MALABO 19, 21`), an e-mail, a telephone call, a memo, or something else. A cable citation gets
 * the reference id the archives file it under: the year written in the reference, else the
 * citing cable's own year (flagged as inferred); the post as posts.tsv writes it in ids. The
 * workspace index resolves these to files; the report prints them.
 */
import type { Cable, Range, RefItem } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import { postByBannerPost } from '../data/index';
import type { CableDate } from './dates';
import { fullYear } from './dates';

export type ReferenceKind = 'cable' | 'email' | 'telcon' | 'memo' | 'other';

export interface CitedCable {
  readonly item: RefItem;
  /** The item's letter as written, upper case; null for an unlettered reference. */
  readonly letter: string | null;
  /** The item's text as written (for an item citing several cables, the citation alone). */
  readonly text: string;
  readonly kind: ReferenceKind;
  /** `07STATE202745`: null when no cable is cited or its year cannot be known. */
  readonly id: string | null;
  /** The year is the citing cable's, not written in the reference. */
  readonly yearInferred: boolean;
  /** For a cable: the post as in reference ids (`USUNNEWYORK`) and the serial without leading zeros. */
  readonly post: string | null;
  readonly serial: number | null;
  /** The four-digit year of the id; null when unknown. */
  readonly year: number | null;
  /** From the year or post to the serial, for a cable; the item's text otherwise. */
  readonly range: Range;
  /** The serial as written, for a cable (where go-to-definition starts). */
  readonly serialRange: Range | null;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Words that stand before a number in a REF item without naming a post. */
const NOT_A_POST = new Set([
  'EMAIL', 'E-MAIL', 'EMAILS', 'TELCON', 'TELECON', 'TELCONS', 'MEMO', 'MEMCON', 'LETTER', 'NOTE', 'DIPNOTE', 'DATED', 'DTD', 'OF', 'ON', 'NO',
  'NO.', 'NUMBER', 'PARA', 'PARAS', 'PARAGRAPH', 'PARAGRAPHS', 'SECTION', 'ARTICLE', 'RESOLUTION', 'UNSCR', 'LAW', 'DECREE', 'PAGE', 'FAX', 'TEL',
  'IIR', 'TD', 'LOR', 'LOA', 'AND', 'THE', 'IN', 'AT', 'FOR', 'TO', 'FROM', 'OR', 'ALSO', 'PREVIOUS', 'REF', 'REFS', 'REFTEL', 'JANUARY', 'FEBRUARY',
  'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER', 'JAN', 'FEB', 'MAR', 'APR', 'JUN', 'JUL',
  'AUG', 'SEP', 'SEPT', 'OCT', 'NOV', 'DEC', 'YEAR', 'FY', 'CY', 'UNGA', 'STAT', 'CFR', 'USC', 'PL', 'HR', 'S',
]);
const KIND_WORDS: [ReferenceKind, RegExp][] = [
  ['email', /\bE-?MAILS?\b/i],
  ['telcon', /\bTELE?CONS?\b|\bTELEPHONE\b|\bPHONE\s+CALLS?\b|\bCONVERSATIONS?\b/i],
  ['memo', /\bMEMO(?:RANDUM|RANDA|S)?\b|\bMEMCONS?\b/i],
];

const SERIAL = /^0*(\d{1,7})[.,;:]?$/;
/** `06TBILISI2601`, `BELGRADE743`: a reference id or post and serial written as one word. */
const COMPACT = /^(?:(\d{2}))?([A-Z]{3,})(\d{1,7})[.,;:]?$/;
const YEAR = /^(\d{2}|(?:19|20)\d{2})$/;
const POST_WORD = /^[A-Z][A-Z.'&-]*$/;
/** Where an item runs on into the text: a paragraph number with its mark (`1. (U)`, `¶1.`). */
const TEXT_START = /(?:^|\s)¶?\s?\d{1,2}\.\s+\(|¶\s?\d{1,2}\./;

function wordsOf(text: string, base: number): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[^\s,;()[\]]+/g)) out.push({ text: m[0].toUpperCase(), start: base + m.index!, end: base + m.index! + m[0].length });
  return out;
}

/** The longest run of words before `i` (at most four) that names a post: a known one, else one plain word. */
function postBefore(words: Word[], i: number): { post: string; from: number } | undefined {
  for (let from = Math.max(0, i - 4); from < i; from++) {
    const run = words.slice(from, i);
    if (!run.every((w) => POST_WORD.test(w.text))) continue;
    const name = run.map((w) => w.text).join(' ');
    const known = postByBannerPost(name);
    if (known) return { post: known.refidPost, from };
  }
  const w = words[i - 1];
  if (w && POST_WORD.test(w.text) && /^[A-Z]{3,}$/.test(w.text) && !NOT_A_POST.has(w.text)) return { post: w.text, from: i - 1 };
  return undefined;
}

function idOf(yy: number | null, post: string, serial: number): string | null {
  return yy === null ? null : `${String(yy % 100).padStart(2, '0')}${post}${serial}`;
}

export function readCitedCables(cable: Cable, date: CableDate | undefined): readonly CitedCable[] {
  const out: CitedCable[] = [];
  for (const item of cable.refs?.items ?? []) {
    const target = item.target;
    const cut = TEXT_START.exec(target.text);
    const text = cut ? target.text.slice(0, cut.index) : target.text;
    const base = target.range.start.offset;
    const words = wordsOf(text, base);
    const found: { post: string; serial: number; year: number | null; start: number; end: number; serialStart: number }[] = [];
    let lastPost: { post: string; year: number | null } | undefined;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const compact = COMPACT.exec(w.text);
      if (compact && !SERIAL.test(w.text)) {
        const known = postByBannerPost(compact[2]!);
        if (known || !NOT_A_POST.has(compact[2]!)) {
          const year = compact[1] ? fullYear(compact[1]) : null;
          const post = known?.refidPost ?? compact[2]!;
          const end = w.start + w.text.replace(/[.,;:]$/, '').length;
          found.push({ post, serial: Number(compact[3]), year, start: w.start, end, serialStart: end - compact[3]!.length });
          lastPost = { post, year };
        }
        continue;
      }
      const s = SERIAL.exec(w.text);
      if (!s) {
        if (!/^(?:AND|&)$/.test(w.text)) lastPost = undefined;
        continue;
      }
      const at = postBefore(words, i);
      const serialEnd = w.start + w.text.replace(/[.,;:]$/, '').length;
      if (at) {
        const before = words[at.from - 1];
        const year = before && YEAR.test(before.text) ? fullYear(before.text.length === 4 ? before.text.slice(2) : before.text) : null;
        const after = /^\s*\((\d{2}|\d{4})\)/.exec(cable.text.slice(serialEnd, serialEnd + 8));
        const written = year ?? (after ? fullYear(after[1]!.slice(-2)) : null);
        found.push({ post: at.post, serial: Number(s[1]), year: written, start: (year !== null ? before! : words[at.from]!).start, end: serialEnd, serialStart: w.start });
        lastPost = { post: at.post, year: written };
        // `THE HAGUE 3128 (2005)`: the year in brackets is no serial of its own.
        if (after) i++;
      } else if (lastPost && i > 0 && (SERIAL.test(words[i - 1]!.text) || /^(?:AND|&)$/.test(words[i - 1]!.text))) {
        // `MALABO 19, 21, 26`: the post carries over to the serials after it.
        found.push({ post: lastPost.post, serial: Number(s[1]), year: lastPost.year, start: w.start, end: serialEnd, serialStart: w.start });
      }
    }
    const letter = item.letter ?? null;
    if (found.length === 0) {
      const kind = KIND_WORDS.find(([, re]) => re.test(text))?.[0] ?? 'other';
      out.push(Object.freeze({ item, letter, text: target.text, kind, id: null, yearInferred: false, post: null, serial: null, year: null, range: target.range, serialRange: null }));
      continue;
    }
    for (const f of found) {
      const inferred = f.year === null && date !== undefined;
      const year = f.year ?? date?.year ?? null;
      out.push(
        Object.freeze({
          item,
          letter,
          text: found.length === 1 ? target.text : cable.text.slice(f.start, f.end),
          kind: 'cable' as const,
          id: idOf(year, f.post, f.serial),
          yearInferred: inferred,
          post: f.post,
          serial: f.serial,
          year,
          range: rangeAt(cable.lines, f.start, f.end),
          serialRange: rangeAt(cable.lines, f.serialStart, f.end),
        }),
      );
    }
  }
  return Object.freeze(out);
}
