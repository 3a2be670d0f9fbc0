import type { Rule } from '../engine/types';

export const CBL060: Rule = {
  id: 'CBL060',
  name: 'tags-required',
  defaultSeverity: 'error',
  severityByProfile: { published: 'info' },
  fixable: false,
  description: 'A TAGS line with at least one tag exists (own line or mid-line in reflowed text).',
  check(ctx) {
    const { cable, model } = ctx;
    if (cable.tags.some((t) => t.tags.length > 0)) return;
    const empty = cable.tags[0];
    if (empty) {
      ctx.report({ range: empty.keyword.range, message: 'TAGS line has no tags: expected at least one subject and one geographic tag' });
      return;
    }
    ctx.report({
      range: model.header.missingFieldRange([cable.eo]),
      message: 'no TAGS line: expected `TAGS:` with at least one tag after the E.O. line',
    });
  },
};
