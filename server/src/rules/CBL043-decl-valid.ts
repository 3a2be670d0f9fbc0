import type { Rule } from '../engine/types';

export const CBL043: Rule = {
  id: 'CBL043',
  name: 'decl-valid',
  defaultSeverity: 'error',
  fixable: false,
  description:
    'The DECL value is a real date (MM/DD/YYYY, YYYY/MM/DD, DD MONTH YYYY), a declassification code (X1–X8, 25X…, 50X…, OADR, GDS, MR) or an event phrase.',
  check(ctx) {
    const { decl, downgrade } = ctx.model.dates;
    if (downgrade?.invalid) ctx.report({ range: downgrade.span.range, message: `DNG date: ${downgrade.invalid}` });
    if (decl?.kind === 'invalid') ctx.report({ range: decl.span.range, message: `DECL value: ${decl.reason}` });
    else if (decl?.kind === 'empty') {
      ctx.report({ range: decl.span.range, message: 'DECL has no value: expected a date (MM/DD/YYYY), a code or an event phrase' });
    }
  },
};
