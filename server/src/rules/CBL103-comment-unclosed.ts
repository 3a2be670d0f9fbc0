import type { Rule } from '../engine/types';

export const CBL103: Rule = {
  id: 'CBL103',
  name: 'comment-unclosed',
  defaultSeverity: 'info',
  // A comment running to the end needs no END COMMENT: 549 of ~920 corpus comments are unclosed.
  enabledByDefault: false,
  fixable: false,
  description: '`COMMENT:` not closed although further numbered paragraphs follow that do not continue it.',
  check(ctx) {
    const { cable } = ctx;
    const a = ctx.model.blocks;
    if (a.unclosedComments.length === 0) return;
    const continues = new Set<number>();
    for (const m of a.marks) {
      if (m.block === 'COMMENT' && m.role === 'open' && m.continued) continues.add(a.paragraphOf(m));
    }
    const numbered: number[] = [];
    cable.paragraphs.forEach((p, i) => {
      if (!p.ambiguous) numbered.push(i);
    });
    for (const m of a.unclosedComments) {
      if (m.continued) continue;
      const i = a.paragraphOf(m);
      // Skip the paragraphs that say `COMMENT CONT'D`: the comment legitimately runs into them.
      let k = numbered.findIndex((n) => n > i);
      while (k >= 0 && k < numbered.length && continues.has(numbered[k]!)) k++;
      if (k < 0 || k >= numbered.length) continue;
      const next = cable.paragraphs[numbered[k]!]!;
      ctx.report({
        range: m.range,
        message: `comment opened by \`${m.text}\` is not closed before paragraph ${next.number}: expected \`END COMMENT\``,
        related: [{ range: next.numberText.range, message: `paragraph ${next.number} is not part of the comment` }],
      });
    }
  },
};
