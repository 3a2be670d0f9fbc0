import type { Rule } from '../engine/types';

export const CBL071: Rule = {
  id: 'CBL071',
  name: 'subject-uppercase',
  defaultSeverity: 'info',
  fixable: true,
  description: 'Subject letters are upper case.',
  check(ctx) {
    const spans = ctx.cable.subject?.textSpans ?? [];
    if (spans.length === 0 || !spans.some((s) => /\p{Ll}/u.test(s.text))) return;
    const first = spans.find((s) => /\p{Ll}/u.test(s.text))!;
    const word = /\S*\p{Ll}\S*/u.exec(first.text)?.[0] ?? '';
    ctx.report({
      range: { start: spans[0]!.range.start, end: spans[spans.length - 1]!.range.end },
      message: `subject has lower-case letters (${word}): expected upper case`,
      fixes: [
        {
          title: 'Upper-case the subject',
          edits: spans.filter((s) => /\p{Ll}/u.test(s.text)).map((s) => ({ range: s.range, newText: s.text.toUpperCase() })),
          safe: true,
        },
      ],
    });
  },
};
