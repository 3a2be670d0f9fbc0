import type { Rule } from '../engine/types';

export const CBL082: Rule = {
  id: 'CBL082',
  name: 'paragraph-start',
  defaultSeverity: 'warning',
  severityByProfile: { published: 'info' },
  fixable: false,
  description: 'The first numbered paragraph is not 1.',
  check(ctx) {
    const first = ctx.model.numbering.steps[0]?.paragraph;
    // A later part of a series (`PART 2 OF 2`) goes on from the numbering of the part before it.
    if (!first || first.number === 1 || ctx.model.numbering.laterPart) return;
    ctx.report({
      range: first.numberText.range,
      message: `the first numbered paragraph is ${first.number}: expected 1`,
    });
  },
};
