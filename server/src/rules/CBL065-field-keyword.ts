import type { HeaderField } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import type { Rule } from '../engine/types';

/**
 * A TAGS or SUBJECT keyword misspelt or punctuated (`TAS:`, `TAGES:`, `TAGS;`, `UBJECT:`,
 * `SUBJECT` without its colon). The grammar reads such a line as the field all the same, so the
 * TAGS and subject rules check it; this rule reports the keyword and writes it right.
 */
const CANONICAL = { TagsLine: 'TAGS:', SubjectLine: 'SUBJECT:' } as const;

/** The keyword as the spec accepts it: `TAGS`/`TAG` with a colon or a blank, `SUBJECT`/`SUBJ` with a colon. */
function accepted(field: HeaderField, word: string, after: string): boolean {
  const w = word.toUpperCase();
  if (field.kind === 'TagsLine') return (w === 'TAGS' || w === 'TAG') && /^(?:\s*:|\s|$)/.test(after);
  return (w === 'SUBJECT' || w === 'SUBJ') && /^\s*:/.test(after);
}

export const CBL065: Rule = {
  id: 'CBL065',
  name: 'field-keyword',
  defaultSeverity: 'warning',
  severityByProfile: { published: 'info' },
  fixable: true,
  description: 'The TAGS and SUBJECT keywords are spelt as such and followed by a colon (`TAS:`, `TAGS;`, `UBJECT:` are read as the field, and reported).',
  check(ctx) {
    const { cable, model } = ctx;
    for (const field of model.header.fields) {
      if (field.kind !== 'TagsLine' && field.kind !== 'SubjectLine') continue;
      const kw = field.keyword;
      const end = kw.range.end.offset;
      const after = cable.text.slice(end, end + 3);
      if (accepted(field, kw.text, after)) continue;
      // The punctuation written after the keyword goes with it (`TAGS;` → `TAGS:`).
      const punct = /^\s*[:;,.]/.exec(after);
      const to = end + (punct ? punct[0].length : 0);
      const written = cable.text.slice(kw.range.start.offset, to);
      const right = CANONICAL[field.kind];
      const range = rangeAt(cable.lines, kw.range.start.offset, to);
      const what = field.kind === 'TagsLine' ? 'TAGS' : 'SUBJECT';
      ctx.report({
        range,
        message: `\`${written}\` is read as the ${what} keyword: write \`${right}\``,
        fixes: [{ title: `Replace \`${written}\` with \`${right}\``, edits: [{ range, newText: right }], safe: true }],
      });
    }
  },
};
