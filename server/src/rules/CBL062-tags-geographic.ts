import type { Range } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';
import { analyseTags, type TagEntry, type TagKindGroup } from './CBL061-tags-known';

/** From the first to the last token of the TAGS list (all its lines). */
export function tagListRange(entries: TagEntry[]): Range | undefined {
  if (entries.length === 0) return undefined;
  return { start: entries[0]!.token.range.start, end: entries[entries.length - 1]!.token.range.end };
}

export function hasGroup(entries: TagEntry[], group: TagKindGroup): boolean {
  return entries.some((e) => e.groups.has(group));
}

export function listText(entries: TagEntry[]): string {
  return entries.map((e) => e.written || e.token.text).join(' ');
}

export const CBL062: Rule = {
  id: 'CBL062',
  name: 'tags-geographic',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'The TAGS list has at least one geographic (country, region) or organization tag.',
  check(ctx) {
    const entries = analyseTags(ctx.cable);
    const range = tagListRange(entries);
    // No tokens at all is CBL060's.
    if (!range || hasGroup(entries, 'geographic')) return;
    ctx.report({
      range,
      message: `TAGS has no geographic or organization tag: expected a country code such as TI or an organization such as NATO, found ${listText(entries)}`,
    });
  },
};
