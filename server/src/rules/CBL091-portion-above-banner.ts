import type { Rule } from '../engine/types';

export const CBL091: Rule = {
  id: 'CBL091',
  name: 'portion-above-banner',
  defaultSeverity: 'error',
  fixable: false,
  description: 'No portion mark is above the banner level.',
  check(ctx) {
    const { cable } = ctx;
    const banner = cable.banner;
    const rank = ctx.model.classification.bannerRank;
    if (!banner || rank === undefined) return;
    for (const p of cable.paragraphs) {
      const m = p.portionMark;
      if (p.ambiguous || !m || m.rank === undefined || m.rank <= rank) continue;
      const at = m.range.start.offset;
      ctx.report({
        range: m.range,
        // The mark is in another cable's text the page carries: its level is that cable's.
        publication: ctx.model.anotherCable.text.some((t) => at >= t.start && at < t.end),
        message: `portion mark \`${m.text}\` in paragraph ${p.number} is above the banner level ${banner.level}: raise the banner or lower the mark`,
        related: [{ range: banner.levelText.range, message: `banner level ${banner.level}` }],
      });
    }
  },
};
