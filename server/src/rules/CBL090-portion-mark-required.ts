import type { Rule } from '../engine/types';

export const CBL090: Rule = {
  id: 'CBL090',
  name: 'portion-mark-required',
  defaultSeverity: 'error',
  // 3.7 % of sent cables still have an unmarked paragraph.
  severityByProfile: { published: 'warning' },
  fixable: false,
  description: 'In a CONFIDENTIAL or SECRET cable every numbered paragraph carries a portion mark after its number.',
  check(ctx) {
    const { cable } = ctx;
    if (!cable.banner || !ctx.model.classification.classified || cable.entireTextMarked) return;
    for (const p of cable.paragraphs) {
      // A malformed mark is CBL092's; a redaction run hides whatever mark there was.
      // A list or quotation inside a paragraph is covered by that paragraph's mark.
      if (p.ambiguous || p.nested || p.portionMark || p.redactedLead || ctx.model.numbering.isNumberedHeading(p)) continue;
      ctx.report({
        range: p.numberText.range,
        message: `paragraph ${p.number} has no portion mark: expected a mark such as \`(C)\` after \`${p.numberText.text.replace(/^- /, '')}\` in a ${cable.banner.level} cable`,
      });
    }
  },
};
