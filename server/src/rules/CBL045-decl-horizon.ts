import type { Rule } from '../engine/types';

const HORIZON_YEARS = 25;

export const CBL045: Rule = {
  id: 'CBL045',
  name: 'decl-horizon',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'A DECL date more than 25 years after the cable date needs a 25X/50X exemption code instead.',
  check(ctx) {
    const { dates } = ctx.model;
    const r = dates.decl;
    const ref = r?.kind === 'date' ? dates.referenceDate(ctx.profile, ctx.now) : undefined;
    if (r?.kind !== 'date' || !ref) return;
    // Whole years: drafters round a 25-year date to the year's end (12/31/2034 on a
    // January 2009 cable, 09ASUNCION14), which is still the 25-year rule.
    const years = r.year - ref.year;
    if (years <= HORIZON_YEARS) return;
    ctx.report({
      range: r.span.range,
      message: `DECL ${r.span.text} is ${years} years after ${ref.label}: beyond ${HORIZON_YEARS} years use a 25X or 50X exemption code (e.g. 25X1-HUMAN)`,
    });
  },
};
