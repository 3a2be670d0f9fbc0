import type { Rule } from '../engine/types';

export const CBL048: Rule = {
  id: 'CBL048',
  name: 'classified-by-unclassified',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'An UNCLAS cable carries no Classified-By line.',
  check(ctx) {
    const { cable, model } = ctx;
    const cb = cable.classifiedBy;
    if (!cb || !cable.banner || model.classification.bannerRank !== 0) return;
    ctx.report({
      range: model.header.keywordRange(cb),
      message: `${cable.banner.level} cable with a Classified By line: only classified cables name a classifying authority (check the banner level or remove the line)`,
      related: [{ range: cable.banner.levelText.range, message: `banner level ${cable.banner.level}` }],
    });
  },
};
