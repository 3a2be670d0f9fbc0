import type { Rule } from '../engine/types';

export const CBL093: Rule = {
  id: 'CBL093',
  name: 'banner-above-portions',
  defaultSeverity: 'info',
  fixable: false,
  description: 'A classified banner whose portions are all U or SBU: the banner should equal the highest portion.',
  check(ctx) {
    const { cable } = ctx;
    const banner = cable.banner;
    if (!banner || !ctx.model.classification.classified || cable.entireTextMarked) return;
    const numbered = cable.paragraphs.filter((p) => !p.ambiguous);
    if (numbered.length === 0) return;
    // Only when every paragraph shows its level: an unmarked or redacted one may be the classified one.
    for (const p of numbered) {
      const m = p.portionMark;
      if (!m || m.rank === undefined || m.rank > 0 || p.redactedLead) return;
    }
    ctx.report({
      range: banner.levelText.range,
      message: `banner is ${banner.level} but every paragraph is marked U or SBU: the banner should equal the highest portion`,
    });
  },
};
