/**
 * Dates: the cable's own date (the DTG, else a DTG-form date of the publication wrapper), the
 * date a DECL value is measured from, and the DECL and DNG values read as dates, codes or
 * phrases. Month names and two-digit years are the grammar's (`fields.ts`), written once.
 */
import type { Cable, EoLine, Profile, Span } from '../../../grammar/src/ast';
import { fullYear, MONTH_NAMES, MONTHS } from '../../../grammar/src/fields';
import { rangeAt } from '../../../grammar/src/positions';

export { fullYear, MONTH_NAMES, MONTHS };

export interface CableDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Days in a month of the Gregorian calendar (February by the leap-year rule). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Day of the year, 1-based (14 May 2008 → 135). */
export function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

/** Days since 1970-01-01, to compare dates. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** `14 MAY 08`: a date as the DTG writes it. */
export function dtgStyle(year: number, month: number, day: number): string {
  return `${String(day).padStart(2, '0')} ${MONTHS[month - 1]} ${String(year % 100).padStart(2, '0')}`;
}

/**
 * The month a name or abbreviation means (`Jan`, `JANUARY`, `Sept.`), 0 for none: three letters
 * or the whole name, `SEPT` too.
 */
export function monthOf(name: string): number {
  const u = name.toUpperCase().replace(/\.$/, '');
  if (u.length < 3) return 0;
  const i = MONTH_NAMES.findIndex((n) => {
    const m = n.toUpperCase();
    return m.startsWith(u) && (u.length === 3 || u === m || (u === 'SEPT' && m === 'SEPTEMBER'));
  });
  return i + 1;
}

/** The date a DECL value is measured from, and how a message names it. */
export interface ReferenceDate {
  year: number;
  month: number;
  day: number;
  label: string;
}

export type DeclReading =
  | { kind: 'date'; span: Span; year: number; month: number; day: number }
  | { kind: 'code'; span: Span }
  | { kind: 'phrase'; span: Span }
  /** `DECLASSIFIED BY NARA 09/02/2009`: a record of declassification, not a schedule. */
  | { kind: 'declassified'; span: Span }
  | { kind: 'invalid'; span: Span; reason: string }
  | { kind: 'empty'; span: Span };

/** The downgrade date of `DNG: CO 03/06/2018`, read as DECL dates are. */
export interface DowngradeReading {
  span: Span;
  /** Undefined when the value is not shaped like a date at all (a code or a word). */
  date?: { year: number; month: number; day: number };
  /** Why a date-shaped value is no date. */
  invalid?: string;
}

export interface Dates {
  /** The cable's date: the envelope DTG, else a DTG-form date in the publication wrapper. */
  readonly cableDate: CableDate | undefined;
  /** The E.O. line's DECL value; undefined when the line has no DECL. */
  readonly decl: DeclReading | undefined;
  /** The E.O. line's DNG date, when it has one. */
  readonly downgrade: DowngradeReading | undefined;
  /**
   * What the DECL value is measured from: the cable date; for an unsent text without one, today
   * from the injected clock; none for a published text without a date.
   */
  referenceDate(profile: Profile, now: Date): ReferenceDate | undefined;
}

export const NO_DATES: Dates = Object.freeze({ cableDate: undefined, decl: undefined, downgrade: undefined, referenceDate: () => undefined });

export function readDates(cable: Cable): Dates {
  const cableDate = cableDateOf(cable);
  const eo = cable.eo;
  const decl = eo ? readDecl(cable, eo) : undefined;
  const downgrade = eo?.bodyKind === 'DNG' && eo.body ? readDowngrade(cable, eo.body) : undefined;
  // The cable date's reading, made at the first ask: five rules ask on every lint.
  let fromCable: ReferenceDate | undefined;
  return Object.freeze({
    cableDate,
    decl,
    downgrade,
    referenceDate(profile: Profile, now: Date): ReferenceDate | undefined {
      if (cableDate) {
        const { year, month, day } = cableDate;
        return (fromCable ??= Object.freeze({ year, month, day, label: `the cable date ${day} ${MONTHS[month - 1]} ${year}` }));
      }
      if (profile === 'published') return undefined;
      const year = now.getUTCFullYear();
      const month = now.getUTCMonth() + 1;
      const day = now.getUTCDate();
      return { year, month, day, label: `today (${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')})` };
    },
  });
}

function cableDateOf(cable: Cable): CableDate | undefined {
  const d = cable.envelope?.dtg ?? cable.wrapperDtg;
  if (!d || d.year === undefined || d.month === undefined || d.day === undefined) return undefined;
  return Object.freeze({ year: d.year, month: d.month, day: d.day, hour: d.hour ?? 0, minute: d.minute ?? 0 });
}

const MDY = /^(?<mm>0?[1-9]|1[0-2])\s?[/-]\s?(?<dd>0?[1-9]|[12]\d|3[01])\s?[/-]\s?(?<yyyy>\d{4}|\d{2})$/;
const YMD = /^(?<y>\d{4})[/-](?<m>\d{2})[/-](?<d>\d{2})$/;
const DMY = /^(?<dd>\d{1,2}) (?<month>[A-Za-z]+\.?),? (?<y>\d{4})$/;
const MDY_NAMED = /^(?<month>[A-Za-z]+\.?) (?<dd>\d{1,2}),? (?<y>\d{4})$/;
const DATE_SHAPED = /^\d{1,4}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{1,4}$/;
const CODE = /^\(?(?:X[1-8]|1\.6X[1-8]|25X[1-9](?:\s*-\s*HUMAN)?|50X1-HUM|50X2-WMD|OADR|GDS|MR)\)?$/i;
/**
 * What separates the codes of a list (`X1, X6`, `25X1 AND 25X6`). Splitting on it, rather than
 * matching the whole list with one pattern, keeps a long sentence linear: the pattern this
 * replaced backtracked exponentially on text with many `AND`s (fuzz seed 20261122).
 */
const CODE_SEPARATOR = /\s*(?:,|;|\/|&|\bAND\b)\s*/i;
/** An event phrase (`TEN YEARS AFTER KOREAN UNIFICATION`): words split on blanks and commas. */
const PHRASE_FIRST_WORD = /^[A-Za-z][A-Za-z'-]*$/;
const PHRASE_WORD = /^[A-Za-z0-9][A-Za-z0-9'/-]*$/;
/** Checked word by word: one pattern for the whole phrase backtracked exponentially on `A, B, C, … !`. */
function isPhrase(v: string): boolean {
  const words = v.split(/[ ,]+/);
  return words.length > 1 && PHRASE_FIRST_WORD.test(words[0]!) && words.slice(1).every((w) => PHRASE_WORD.test(w));
}

/** A date value in any of the forms DECL and DNG values take, or undefined when it reads as none. */
function readDate(v: string): { year: number; month: number; day: number } | undefined {
  let m = MDY.exec(v);
  if (m?.groups) return { year: fullYear(m.groups.yyyy!), month: Number(m.groups.mm), day: Number(m.groups.dd) };
  m = YMD.exec(v);
  if (m?.groups) return { year: Number(m.groups.y), month: Number(m.groups.m), day: Number(m.groups.d) };
  m = DMY.exec(v) ?? MDY_NAMED.exec(v);
  if (m?.groups) {
    const month = monthOf(m.groups.month!);
    if (month) return { year: Number(m.groups.y), month, day: Number(m.groups.dd) };
  }
  return undefined;
}

/** The DECL value of the E.O. line, classified (spec 2.4 DeclDate, DeclCode, event phrases). */
function readDecl(cable: Cable, eo: EoLine): DeclReading | undefined {
  if (eo.bodyKind !== 'DECL' && !(eo.bodyKind === 'DNG' && eo.decl)) return undefined;
  const body = eo.body;
  if (body && /DECLASSIFIED/i.test(body.text)) return { kind: 'declassified', span: body };
  const d = eo.decl;
  if (!d) {
    const at = body ?? eo.order ?? { text: '', range: eo.range };
    return { kind: 'empty', span: { text: '', range: { start: at.range.end, end: at.range.end } } };
  }
  // Work on offsets so the reported range covers exactly the value.
  let a = d.range.start.offset;
  let b = d.range.end.offset;
  const text = cable.text;
  const skip = (re: RegExp) => {
    const m = re.exec(text.slice(a, b));
    if (m) a += m[0].length;
  };
  skip(/^(?:DECL\s*:\s*)+/i); // `DECL: DECL: 05/12/2018`
  skip(/^[A-Za-z]?:\s*/); // `DECLl: 05/12/2018`
  skip(/^ON\s+(?=\d)/i); // `Declassify on 8/31/2034`
  // The value ends before a glued TAGS, with or without a space (`03/19/2024TAGS:`).
  const tags = /(?:\s+|(?<=\d))TAGS?\b/i.exec(text.slice(a, b));
  if (tags) b = a + tags.index;
  while (b > a && /[\s.\\"'`,;]/.test(text[b - 1]!)) b--;
  const span: Span = { text: text.slice(a, b), range: rangeAt(cable.lines, a, b) };
  const v = span.text.replace(/\s+/g, ' ');
  if (!v) return { kind: 'empty', span };

  const date = readDate(v);
  if (date) {
    if (!isRealDate(date.year, date.month, date.day)) return { kind: 'invalid', span, reason: `${span.text} is not a real calendar date` };
    return { kind: 'date', span, ...date };
  }
  if (DATE_SHAPED.test(v)) {
    return { kind: 'invalid', span, reason: `"${v}" is not a date in the form MM/DD/YYYY or YYYY/MM/DD` };
  }
  if (CODE.test(v)) return { kind: 'code', span };
  const parts = v.split(CODE_SEPARATOR);
  if (parts.length > 1 && parts.every((p) => CODE.test(p))) return { kind: 'code', span };
  if (isPhrase(v) && /[A-Za-z]{3}/.test(v)) return { kind: 'phrase', span };
  return {
    kind: 'invalid',
    span,
    reason: `"${v}" is neither a date (MM/DD/YYYY), a declassification code (X1–X8, 25X1–25X9, 50X1-HUM, OADR, MR) nor an event phrase`,
  };
}

const DNG = /^DNG\s*:\s*(?:CO|SE)\s+(?<date>[^\s,]+)/di;

/** `DNG: CO 03/06/2018`: the downgrade date, which must be a real date too. */
function readDowngrade(cable: Cable, body: Span): DowngradeReading | undefined {
  const m = DNG.exec(body.text);
  if (!m?.groups) return undefined;
  const v = m.groups.date!;
  const [a, b] = m.indices!.groups!.date!;
  const at = body.range.start.offset + a;
  const span: Span = { text: v, range: rangeAt(cable.lines, at, body.range.start.offset + b) };
  const g = (MDY.exec(v) ?? YMD.exec(v))?.groups;
  if (!g) return DATE_SHAPED.test(v) ? { span, invalid: `"${v}" is not a date in the form MM/DD/YYYY` } : { span };
  const date = g.mm ? { year: fullYear(g.yyyy!), month: Number(g.mm), day: Number(g.dd) } : { year: Number(g.y), month: Number(g.m), day: Number(g.d) };
  return isRealDate(date.year, date.month, date.day) ? { span, date } : { span, date, invalid: `${v} is not a real calendar date` };
}
