import type { Rule } from '../engine/types';

export const CBL083: Rule = {
  id: 'CBL083',
  name: 'paragraph-restart',
  defaultSeverity: 'info',
  fixable: false,
  description: 'Paragraph numbering restarts at 1 after a heading, quoted text or a table of contents.',
  check(ctx) {
    for (const { paragraph: p, previous, restart } of ctx.model.numbering.steps) {
      if (!restart) continue;
      ctx.report({
        range: p.numberText.range,
        message: previous
          ? `paragraph numbering restarts at ${p.number} after paragraph ${previous.number}: make sure readers can tell the two numberings apart`
          : `paragraph numbering restarts at ${p.number}`,
        ...(previous ? { related: [{ range: previous.numberText.range, message: `previous paragraph ${previous.number}` }] } : {}),
      });
    }
  },
};
