import type { Rule } from '../engine/types';

export const CBL070: Rule = {
  id: 'CBL070',
  name: 'subject-required',
  defaultSeverity: 'error',
  severityByProfile: { published: 'info' },
  fixable: false,
  description: 'A SUBJECT line with text exists (`SUBJ:` too, any case, mid-line in reflowed text).',
  check(ctx) {
    const { cable, model } = ctx;
    const subject = cable.subject;
    if (subject && subject.subject.trim() !== '') return;
    if (subject) {
      ctx.report({ range: subject.keyword.range, message: 'SUBJECT line has no text: expected a one-line summary of the cable' });
      return;
    }
    const lastTags = cable.tags[cable.tags.length - 1];
    ctx.report({
      range: model.header.missingFieldRange([lastTags, cable.eo]),
      message: 'no SUBJECT line: expected `SUBJECT:` after the TAGS line',
    });
  },
};
