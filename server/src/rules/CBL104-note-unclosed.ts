import type { Rule } from '../engine/types';

export const CBL104: Rule = {
  id: 'CBL104',
  name: 'note-unclosed',
  defaultSeverity: 'warning',
  fixable: false,
  description: '`(NOTE:` opened inside a paragraph is closed by `END NOTE` or `)` in the same paragraph.',
  check(ctx) {
    const { cable } = ctx;
    const a = ctx.model.blocks;
    for (const m of a.unclosedNotes) {
      const i = a.paragraphOf(m);
      const where = i >= 0 ? `paragraph ${cable.paragraphs[i]!.number}` : 'its paragraph';
      ctx.report({
        range: m.range,
        message: `\`${m.text}\` is not closed in ${where}: expected \`END NOTE\` or \`)\` before the paragraph ends`,
      });
    }
  },
};
