import type { BlockKind } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

function blockWord(kind: BlockKind): string {
  return kind === 'QUOTE' ? 'quoted text' : kind;
}

export const CBL102: Rule = {
  id: 'CBL102',
  name: 'block-crossed',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'A block ends while a different block is open, or a block is reopened before it closes.',
  check(ctx) {
    const a = ctx.model.blocks;
    for (const { mark, open } of a.crossed) {
      ctx.report({
        range: mark.range,
        message: `\`${mark.text}\` while ${blockWord(open.block)} (\`${open.text}\`) is still open: close the ${blockWord(open.block)} first`,
        related: [{ range: open.range, message: `${blockWord(open.block)} opened here` }],
      });
    }
    for (const { mark, previous } of a.reopened) {
      ctx.report({
        range: mark.range,
        message: `${blockWord(mark.block)} opened again (\`${mark.text}\`) before the previous one was closed: expected \`END ${mark.block === 'QUOTE' ? 'TEXT' : mark.block}\` first`,
        related: [{ range: previous.range, message: `${blockWord(previous.block)} opened here` }],
      });
    }
  },
};
