import type { Rule } from '../engine/types';

export const CBL080: Rule = {
  id: 'CBL080',
  name: 'paragraph-order',
  defaultSeverity: 'error',
  // Sent cables carry such slips (80 of 3,000): on a published record it is a warning.
  severityByProfile: { published: 'warning' },
  fixable: false,
  description: 'A paragraph number is equal to or lower than the number before it (and is not a restart).',
  check(ctx) {
    for (const { paragraph: p, previous, restart } of ctx.model.numbering.steps) {
      if (!previous || restart) continue;
      if (p.number > previous.number) continue;
      const what = p.number === previous.number ? 'repeats' : 'follows';
      ctx.report({
        range: p.numberText.range,
        message: `paragraph ${p.number} ${what} paragraph ${previous.number}: expected ${previous.number + 1}`,
        related: [{ range: previous.numberText.range, message: `previous paragraph ${previous.number}` }],
      });
    }
  },
};
