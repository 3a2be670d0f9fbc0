import type { Rule } from '../engine/types';

export const CBL027: Rule = {
  id: 'CBL027',
  name: 'banner-section-total',
  defaultSeverity: 'error',
  fixable: false,
  description: "In the banner's 'SECTION N OF M', 1 ≤ N ≤ M.",
  check(ctx) {
    const { cable } = ctx;
    for (const b of [...(cable.banner ? [cable.banner] : []), ...cable.sectionBanners]) {
      const s = b.section;
      if (!s) continue;
      if (s.number < 1) {
        ctx.report({ range: s.numberText.range, message: `section ${s.numberText.text} of ${s.totalText.text}: sections are numbered from 01` });
      } else if (s.number > s.total) {
        ctx.report({
          range: s.numberText.range,
          message: `section ${s.numberText.text} of ${s.totalText.text}: the section number exceeds the total ${s.totalText.text}`,
          related: [{ range: s.totalText.range, message: `section total ${s.totalText.text}` }],
        });
      }
    }
  },
};
