import type { Rule } from '../engine/types';

export const CBL085: Rule = {
  id: 'CBL085',
  name: 'ambiguous-line-start',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'A wrapped continuation line begins with `N. `, which readers and tools take for a paragraph number.',
  check(ctx) {
    for (const p of ctx.cable.paragraphs) {
      if (!p.ambiguous) continue;
      const shown = p.numberText.text.replace(/^- /, '');
      const added = p.pilcrow ? ' (the publisher already mis-marked it as a paragraph)' : '';
      ctx.report({
        range: p.numberText.range,
        message: `wrapped line starts with \`${shown}\`, which reads as paragraph ${p.number}${added}: re-wrap so that the number does not start the line`,
      });
    }
  },
};
