import type { Rule } from '../engine/types';
import { analyseTags } from './CBL061-tags-known';
import { hasGroup, listText, tagListRange } from './CBL062-tags-geographic';

export const CBL063: Rule = {
  id: 'CBL063',
  name: 'tags-subject',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'The TAGS list has at least one subject (PGOV, ECON …) or program (KCRM …) tag.',
  check(ctx) {
    const entries = analyseTags(ctx.cable);
    const range = tagListRange(entries);
    if (!range || hasGroup(entries, 'subject')) return;
    ctx.report({
      range,
      message: `TAGS has no subject or program tag: expected a code such as PGOV, PREL or KCRM, found ${listText(entries)}`,
    });
  },
};
