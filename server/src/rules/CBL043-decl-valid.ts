import type { Cable, EoLine, Span } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import { isRealDate } from '../engine/facts';
import type { Rule } from '../engine/types';

// Reading of the DECL value (spec 2.4 DeclDate, DeclCode, event phrases), shared by
// CBL042–CBL045.

export type DeclReading =
  | { kind: 'date'; span: Span; year: number; month: number; day: number }
  | { kind: 'code'; span: Span }
  | { kind: 'phrase'; span: Span }
  /** `DECLASSIFIED BY NARA 09/02/2009`: a record of declassification, not a schedule. */
  | { kind: 'declassified'; span: Span }
  | { kind: 'invalid'; span: Span; reason: string }
  | { kind: 'empty'; span: Span };

const MONTH_NAMES = [
  'JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE',
  'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER',
];

function monthOf(name: string): number {
  const u = name.toUpperCase().replace(/\.$/, '');
  if (u.length < 3) return 0;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(u) && (u.length === 3 || u === m || (u === 'SEPT' && m === 'SEPTEMBER')));
  return i + 1;
}

export function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n >= 60 ? 1900 + n : 2000 + n) : n;
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
// An event phrase: two or more words, starting with a letter (`TEN YEARS AFTER KOREAN UNIFICATION`).
/** An event phrase (`TEN YEARS AFTER KOREAN UNIFICATION`): words split on blanks and commas. */
const PHRASE_FIRST_WORD = /^[A-Za-z][A-Za-z'-]*$/;
const PHRASE_WORD = /^[A-Za-z0-9][A-Za-z0-9'/-]*$/;
/** Checked word by word: one pattern for the whole phrase backtracked exponentially on `A, B, C, … !`. */
function isPhrase(v: string): boolean {
  const words = v.split(/[ ,]+/);
  return words.length > 1 && PHRASE_FIRST_WORD.test(words[0]!) && words.slice(1).every((w) => PHRASE_WORD.test(w));
}

/** The DECL value of the E.O. line, classified; undefined when the line has no DECL. */
export function readDecl(cable: Cable, eo: EoLine): DeclReading | undefined {
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
  // The value ends before a glued TAGS, with or without a space (`03/19/2024TAGS:`).
  const tags = /(?:\s+|(?<=\d))TAGS?\b/i.exec(text.slice(a, b));
  if (tags) b = a + tags.index;
  while (b > a && /[\s.\\"'`,;]/.test(text[b - 1]!)) b--;
  const span: Span = { text: text.slice(a, b), range: rangeAt(cable.lines, a, b) };
  const v = span.text.replace(/\s+/g, ' ');
  if (!v) return { kind: 'empty', span };

  let m = MDY.exec(v);
  if (m?.groups) return dateOrInvalid(span, fullYear(m.groups.yyyy!), Number(m.groups.mm), Number(m.groups.dd));
  m = YMD.exec(v);
  if (m?.groups) return dateOrInvalid(span, Number(m.groups.y), Number(m.groups.m), Number(m.groups.d));
  m = DMY.exec(v) ?? MDY_NAMED.exec(v);
  if (m?.groups) {
    const month = monthOf(m.groups.month!);
    if (month) return dateOrInvalid(span, Number(m.groups.y), month, Number(m.groups.dd));
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

function dateOrInvalid(span: Span, year: number, month: number, day: number): DeclReading {
  if (!isRealDate(year, month, day)) return { kind: 'invalid', span, reason: `${span.text} is not a real calendar date` };
  return { kind: 'date', span, year, month, day };
}

const DNG = /^DNG\s*:\s*(?:CO|SE)\s+(?<date>[^\s,]+)/i;

/** `DNG: CO 03/06/2018`: the downgrade date must be a real date too. */
function checkDowngradeDate(ctx: Parameters<Rule['check']>[0], body: Span): void {
  const m = DNG.exec(body.text);
  if (!m?.groups) return;
  const v = m.groups.date!;
  const at = body.range.start.offset + m[0].length - v.length;
  const range = rangeAt(ctx.cable.lines, at, at + v.length);
  const d = MDY.exec(v) ?? YMD.exec(v);
  if (!d?.groups) {
    if (DATE_SHAPED.test(v)) ctx.report({ range, message: `DNG date: "${v}" is not a date in the form MM/DD/YYYY` });
    return;
  }
  const g = d.groups;
  const ok = g.mm ? isRealDate(fullYear(g.yyyy!), Number(g.mm), Number(g.dd)) : isRealDate(Number(g.y), Number(g.m), Number(g.d));
  if (!ok) ctx.report({ range, message: `DNG date: ${v} is not a real calendar date` });
}

export const CBL043: Rule = {
  id: 'CBL043',
  name: 'decl-valid',
  defaultSeverity: 'error',
  fixable: false,
  description:
    'The DECL value is a real date (MM/DD/YYYY, YYYY/MM/DD, DD MONTH YYYY), a declassification code (X1–X8, 25X…, 50X…, OADR, GDS, MR) or an event phrase.',
  check(ctx) {
    const { cable } = ctx;
    const eo = cable.eo;
    if (!eo) return;
    if (eo.bodyKind === 'DNG' && eo.body) checkDowngradeDate(ctx, eo.body);
    const r = readDecl(cable, eo);
    if (!r) return;
    if (r.kind === 'invalid') ctx.report({ range: r.span.range, message: `DECL value: ${r.reason}` });
    else if (r.kind === 'empty') {
      ctx.report({ range: r.span.range, message: 'DECL has no value: expected a date (MM/DD/YYYY), a code or an event phrase' });
    }
  },
};
