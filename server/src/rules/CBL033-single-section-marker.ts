import type { Rule } from '../engine/types';

export const CBL033: Rule = {
  id: 'CBL033',
  name: 'single-section-marker',
  defaultSeverity: 'info',
  fixable: true,
  description: "'SECTION 01 OF 01' is unnecessary: a single-section cable carries no section marker.",
  check(ctx) {
    const b = ctx.cable.banner;
    const s = b?.section;
    if (!b || !s || s.number !== 1 || s.total !== 1) return;
    ctx.report({
      range: s.range,
      message: `"${s.text}" is unnecessary: a cable of one section carries no section marker`,
      unnecessary: true,
      fixes: [
        {
          title: `Remove "${s.text}"`,
          // Up to the post, so that exactly one space stays between level and post.
          edits: [{ range: { start: s.range.start, end: b.post.range.start }, newText: '' }],
          safe: true,
        },
      ],
    });
  },
};
