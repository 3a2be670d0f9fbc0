import type { Rule } from '../engine/types';

export const CBL062: Rule = {
  id: 'CBL062',
  name: 'tags-geographic',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'The TAGS list has at least one geographic (country, region) or organization tag.',
  check(ctx) {
    const { tags } = ctx.model;
    // No tokens at all is CBL060's.
    if (!tags.listRange || tags.has('geographic')) return;
    ctx.report({
      range: tags.listRange,
      message: `TAGS has no geographic or organization tag: expected a country code such as TI or an organization such as NATO, found ${tags.listText}`,
    });
  },
};
