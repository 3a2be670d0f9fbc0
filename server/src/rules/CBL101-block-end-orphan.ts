import type { Rule } from '../engine/types';

export const CBL101: Rule = {
  id: 'CBL101',
  name: 'block-end-orphan',
  defaultSeverity: 'info',
  fixable: false,
  description: '`END SUMMARY`, `END COMMENT` or `END NOTE` without an opener.',
  check(ctx) {
    const { cable } = ctx;
    const a = ctx.model.blocks;
    for (const m of a.orphans) {
      const i = a.paragraphOf(m);
      const opener = m.block === 'SUMMARY' ? '`SUMMARY:`' : m.block === 'COMMENT' ? '`COMMENT:`' : '`(NOTE:`';
      const where = i >= 0 ? ` in paragraph ${cable.paragraphs[i]!.number}` : '';
      ctx.report({
        range: m.range,
        message: `\`${m.text}\`${where} closes nothing: expected an opening ${opener} before it`,
      });
    }
  },
};
