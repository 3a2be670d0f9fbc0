import type { Rule } from '../engine/types';

export const CBL026: Rule = {
  id: 'CBL026',
  name: 'sipdis-restricted',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'SIPDIS (posting on SIPRNet) is not combined with the NODIS or EXDIS distribution captions.',
  check(ctx) {
    const { captions } = ctx.model.classification;
    if (!captions.has('SIPDIS')) return;
    const restricted = captions.has('NODIS') ? 'NODIS' : captions.has('EXDIS') ? 'EXDIS' : undefined;
    if (!restricted) return;
    // Point at the first SIPDIS: on a caption line, or glued to the banner line.
    const sipdis = ctx.model.classification.captionWords.find((w) => w.name === 'SIPDIS');
    if (!sipdis) return;
    ctx.report({
      range: sipdis.span.range,
      message: `SIPDIS is combined with ${restricted}: ${restricted} traffic is not posted to SIPRNet, remove SIPDIS`,
    });
  },
};
