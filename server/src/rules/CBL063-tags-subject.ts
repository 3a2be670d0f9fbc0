import type { Rule } from '../engine/types';

export const CBL063: Rule = {
  id: 'CBL063',
  name: 'tags-subject',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'The TAGS list has at least one subject (PGOV, ECON …) or program (KCRM …) tag.',
  check(ctx) {
    const { tags } = ctx.model;
    if (!tags.listRange || tags.has('subject')) return;
    ctx.report({
      range: tags.listRange,
      message: `TAGS has no subject or program tag: expected a code such as PGOV, PREL or KCRM, found ${tags.listText}`,
    });
  },
};
