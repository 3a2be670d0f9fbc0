import type { Rule } from '../engine/types';
import { analyseBlocks } from './CBL102-block-crossed';

export const CBL104: Rule = {
  id: 'CBL104',
  name: 'note-unclosed',
  defaultSeverity: 'warning',
  fixable: false,
  description: '`(NOTE:` opened inside a paragraph is closed by `END NOTE` or `)` in the same paragraph.',
  check(ctx) {
    const { cable } = ctx;
    const a = analyseBlocks(cable);
    for (const m of a.unclosedNotes) {
      const i = a.paragraphOf.get(m) ?? -1;
      const where = i >= 0 ? `paragraph ${cable.paragraphs[i]!.number}` : 'its paragraph';
      ctx.report({
        range: m.range,
        message: `\`${m.text}\` is not closed in ${where}: expected \`END NOTE\` or \`)\` before the paragraph ends`,
      });
    }
  },
};
