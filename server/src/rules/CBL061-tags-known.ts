import { type CableDay, tagOn } from '../data/index';
import type { Fix, Rule } from '../engine/types';
import { inCaseOf } from '../model/tags';

export const CBL061: Rule = {
  id: 'CBL061',
  name: 'tags-known',
  defaultSeverity: 'warning',
  fixable: true,
  description:
    'Every code-shaped TAGS token is a known code (the TAGS table or a State Department TAGS handbook) or one seen on published cables; offers the nearest known codes.',
  check(ctx) {
    // A suggestion's day, asked for only when a token needs one.
    let day: CableDay | undefined;
    const meaningOf = (code: string) => tagOn(code, day!)?.reading?.meaning;
    for (const e of ctx.model.tags.entries) {
      if (e.status !== 'unknown' && e.status !== 'misspelt') continue;
      // A suggestion's meaning as a cable of this date reads it (an undated draft: today).
      day ??= ctx.model.dates.referenceDate(ctx.profile, ctx.now) ?? ctx.now;
      const nearest = e.nearest ?? [];
      const shown = nearest.slice(0, 3);
      const fixes: Fix[] = shown.map((code) => ({
        title: `Replace ${e.written} with ${inCaseOf(e.written, code)}${meaningOf(code) ? ` (${meaningOf(code)})` : ''}`,
        edits: [{ range: e.range, newText: inCaseOf(e.written, code) }],
        // Applied without asking only when the slip is certain (TagEntry.certain); the rest are the editor's.
        safe: code === e.certain,
      }));
      const message =
        e.status === 'misspelt'
          ? `TAGS code ${e.written} is not a known code: expected ${shown.join(' or ')}`
          : shown.length > 0
            ? `unknown TAGS code ${e.written}: expected a known code (nearest: ${shown.join(', ')})`
            : `unknown TAGS code ${e.written}: expected a code from the TAGS list`;
      ctx.report({ range: e.range, message, fixes });
    }
  },
};
