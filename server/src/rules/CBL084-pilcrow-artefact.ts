import type { Paragraph } from '../../../grammar/src/ast';
import type { Fix, Rule, TextEdit } from '../engine/types';

function describe(p: Paragraph): string {
  const bullet = p.bullet ? ', behind a `- ` bullet' : '';
  if (p.artefact) {
    return `\`${p.numberText.text}\` reads as \`1\` + \`${p.number}.\`: the \`¶\` of paragraph ${p.number} was rendered as \`1\`${bullet}; expected \`${p.number}.\``;
  }
  return `\`${p.numberText.text}\` is a LaTeX rendering of \`¶${p.number}.\`${bullet}; expected \`${p.number}.\``;
}

export const CBL084: Rule = {
  id: 'CBL084',
  name: 'pilcrow-artefact',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'Paragraph numbers rendered as `1`+N because the `¶` before them became `1` (seed 000).',
  check(ctx) {
    // `19.` followed by `110.` cannot be a real numbering (`certain`); `11. 12. 13.` alone could
    // be the tail of a partial extract, so without a two-digit paragraph the fix needs a look.
    // The LaTeX `\P` numbers of the same rendering are part of the same damage (`damaged`):
    // fixing only the `1`+N ones would leave `$\underline{\P}7.$` between `6.` and `8.`.
    const { artefacts, damaged, certain } = ctx.model.numbering.pilcrow;
    if (artefacts.length === 0) return;
    const edit = (p: Paragraph): TextEdit => ({ range: p.numberText.range, newText: `${p.number}.` });
    const all: Fix = {
      title: `Renumber all ${damaged.length} damaged paragraph numbers`,
      edits: damaged.map(edit),
      safe: false,
    };
    for (const p of damaged) {
      const fixes: Fix[] = [
        {
          title: `Replace \`${p.numberText.text}\` with \`${p.number}.\``,
          edits: [edit(p)],
          safe: certain,
        },
      ];
      if (damaged.length > 1) fixes.push(all);
      ctx.report({ range: p.numberText.range, message: describe(p), fixes });
    }
  },
};
