import type { Rule } from '../engine/types';
import { dayNumber } from '../model/dates';

export const CBL044: Rule = {
  id: 'CBL044',
  name: 'decl-after-date',
  defaultSeverity: 'error',
  fixable: false,
  description: 'The DECL date is later than the cable date (for an undated draft: later than today).',
  check(ctx) {
    const { dates } = ctx.model;
    const r = dates.decl;
    const ref = r?.kind === 'date' ? dates.referenceDate(ctx.profile, ctx.now) : undefined;
    if (r?.kind !== 'date' || !ref) return;
    const decl = dayNumber(r.year, r.month, r.day);
    const from = dayNumber(ref.year, ref.month, ref.day);
    if (decl > from) return;
    ctx.report({
      range: r.span.range,
      message: `DECL ${r.span.text} is ${decl === from ? 'the same day as' : 'before'} ${ref.label}: the declassification date must be later`,
    });
  },
};
