import type { Rule } from '../engine/types';
import { rangeAt } from '../../../grammar/src/positions';
import { inCaseOf, type TagEntry } from '../model/tags';

/** Separator the list itself uses between this token and its neighbours: `, ` or a space. */
function separatorAround(text: string, entries: readonly TagEntry[], i: number): string {
  const e = entries[i]!;
  const prev = entries[i - 1];
  const next = entries[i + 1];
  const before = prev && prev.line === e.line ? text.slice(prev.end, e.start) : '';
  const after = next && next.line === e.line ? text.slice(e.end, next.start) : '';
  return before.includes(',') || after.includes(',') ? ', ' : before.includes(';') || after.includes(';') ? '; ' : ' ';
}

export const CBL064: Rule = {
  id: 'CBL064',
  name: 'tags-hygiene',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'TAGS tokens that run known codes together (PHUMPGOV) are split; repeated tags are reported as info.',
  check(ctx) {
    const { cable } = ctx;
    const entries = ctx.model.tags.entries;
    const seen = new Map<string, TagEntry>();
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.status === 'skipped' || e.status === 'misspelt') continue;
      const first = seen.get(e.code);
      if (!first) {
        seen.set(e.code, e);
        if (e.status === 'runTogether' && e.parts) {
          const sep = separatorAround(cable.text, entries, i);
          const newText = e.parts.map((p) => inCaseOf(e.written, p)).join(sep);
          ctx.report({
            range: e.range,
            message: `TAGS token ${e.written} runs known codes together: expected ${e.parts.join(' ')}`,
            fixes: [{ title: `Split into ${newText}`, edits: [{ range: e.range, newText }], safe: true }],
          });
        }
        continue;
      }
      // A repeat (also of a run-together token: the archive's `VT, VTPREL, VTPREL` lists) is info.
      // Delete the repeat together with the separator before it (or after it when it opens a line).
      const prev = entries[i - 1];
      const next = entries[i + 1];
      let from = e.start;
      let to = e.end;
      if (prev && prev.line === e.line && prev.token.range.start.line === e.range.start.line) from = prev.end;
      else if (
        next &&
        next.line === e.line &&
        next.token.range.start.line === e.range.start.line &&
        // The next token's own deletion would start where this one ends.
        next.code !== e.code &&
        !seen.has(next.code)
      )
        to = next.start;
      ctx.report({
        range: e.range,
        severity: 'info',
        message: `TAGS code ${e.written} is repeated: expected each tag once`,
        related: [{ range: first.range, message: `first ${first.written}` }],
        fixes: [{ title: `Remove repeated ${e.written}`, edits: [{ range: rangeAt(cable.lines, from, to), newText: '' }], safe: true }],
        unnecessary: true,
      });
    }
  },
};
