import type { Rule } from '../engine/types';

const NAME: Record<string, string> = { Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE' };

export const CBL007: Rule = {
  id: 'CBL007',
  name: 'dtg-precedence',
  defaultSeverity: 'warning',
  severityByProfile: { draft: 'off' },
  fixable: false,
  description: "The precedence line's prosign letter equals the DTG's (first) precedence letter.",
  check(ctx) {
    const env = ctx.cable.envelope;
    const prosign = env?.precedence?.prosign;
    const dtgPrec = env?.dtg?.precedence;
    if (!prosign || !dtgPrec) return;
    const fl2 = prosign.text.charAt(0);
    const fl5 = dtgPrec.text.charAt(0);
    if (!NAME[fl2] || !NAME[fl5] || fl2 === fl5) return;
    ctx.report({
      range: dtgPrec.range,
      message: `DTG precedence ${fl5} (${NAME[fl5]}) differs from the precedence line's ${prosign.text} (${NAME[fl2]}): expected ${fl2}`,
      related: [{ range: prosign.range, message: `precedence prosign ${prosign.text}` }],
    });
  },
};
