import { cableDate } from '../engine/facts';
import type { Rule, RuleContext } from '../engine/types';
import { readDecl } from './CBL043-decl-valid';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export interface ReferenceDate {
  year: number;
  month: number;
  day: number;
  /** How the message names it. */
  label: string;
}

/**
 * The date the DECL line is measured from: the cable date (DTG or wrapper date); for an
 * unsent text without one, today from the injectable clock; none for a published text
 * without a date.
 */
export function referenceDate(ctx: RuleContext): ReferenceDate | undefined {
  const d = cableDate(ctx.cable);
  if (d) {
    return { year: d.year, month: d.month, day: d.day, label: `the cable date ${d.day} ${MONTHS[d.month - 1]} ${d.year}` };
  }
  if (ctx.profile === 'published') return undefined;
  const now = ctx.now;
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  return { year: y, month: m, day, label: `today (${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')})` };
}

export const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

/** The DECL date and the date it is measured from, when the cable has both (CBL044, CBL045). */
export function declAgainstReference(ctx: RuleContext) {
  const eo = ctx.cable.eo;
  if (!eo) return undefined;
  const decl = readDecl(ctx.cable, eo);
  if (decl?.kind !== 'date') return undefined;
  const ref = referenceDate(ctx);
  return ref ? { r: decl, ref } : undefined;
}

export const CBL044: Rule = {
  id: 'CBL044',
  name: 'decl-after-date',
  defaultSeverity: 'error',
  fixable: false,
  description: 'The DECL date is later than the cable date (for an undated draft: later than today).',
  check(ctx) {
    const found = declAgainstReference(ctx);
    if (!found) return;
    const { r, ref } = found;
    if (dayNumber(r.year, r.month, r.day) > dayNumber(ref.year, ref.month, ref.day)) return;
    const same = dayNumber(r.year, r.month, r.day) === dayNumber(ref.year, ref.month, ref.day);
    ctx.report({
      range: r.span.range,
      message: `DECL ${r.span.text} is ${same ? 'the same day as' : 'before'} ${ref.label}: the declassification date must be later`,
    });
  },
};
