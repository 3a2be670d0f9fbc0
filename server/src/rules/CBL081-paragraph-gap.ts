import type { Rule } from '../engine/types';

export const CBL081: Rule = {
  id: 'CBL081',
  name: 'paragraph-gap',
  defaultSeverity: 'warning',
  // Partial and redacted releases drop paragraphs.
  severityByProfile: { published: 'info' },
  fixable: false,
  description: 'A paragraph number is skipped.',
  check(ctx) {
    for (const { paragraph: p, previous, restart } of ctx.model.numbering.steps) {
      if (!previous || restart) continue;
      const expected = previous.number + 1;
      if (p.number <= expected) continue;
      const missing =
        p.number - 1 === expected ? `paragraph ${expected} is missing` : `paragraphs ${expected}–${p.number - 1} are missing`;
      ctx.report({
        range: p.numberText.range,
        message: `paragraph ${p.number} follows paragraph ${previous.number}: expected ${expected} (${missing})`,
        related: [{ range: previous.numberText.range, message: `previous paragraph ${previous.number}` }],
      });
    }
  },
};
