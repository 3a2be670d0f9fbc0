import type { Range } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import { captionSet } from '../engine/facts';
import type { Rule } from '../engine/types';

export const CBL026: Rule = {
  id: 'CBL026',
  name: 'sipdis-restricted',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'SIPDIS (posting on SIPRNet) is not combined with the NODIS or EXDIS distribution captions.',
  check(ctx) {
    const { cable } = ctx;
    const set = captionSet(cable);
    if (!set.has('SIPDIS')) return;
    const restricted = set.has('NODIS') ? 'NODIS' : set.has('EXDIS') ? 'EXDIS' : undefined;
    if (!restricted) return;
    // Point at the first SIPDIS: a caption line, or the banner line it is glued to.
    let range: Range | undefined;
    let at = Number.POSITIVE_INFINITY;
    for (const c of cable.captions) {
      if (!c.names.includes('SIPDIS') || c.range.start.offset >= at) continue;
      const i = c.text.toUpperCase().indexOf('SIPDIS');
      const start = c.range.start.offset + Math.max(0, i);
      range = i < 0 ? c.range : rangeAt(cable.lines, start, start + 6);
      at = c.range.start.offset;
    }
    const banner = cable.banner;
    if (banner?.rest && banner.gluedCaptions.includes('SIPDIS') && banner.range.start.offset < at) {
      const i = banner.rest.text.toUpperCase().indexOf('SIPDIS');
      const start = banner.rest.range.start.offset + Math.max(0, i);
      range = i < 0 ? banner.rest.range : rangeAt(cable.lines, start, start + 6);
    }
    if (!range) return;
    ctx.report({
      range,
      message: `SIPDIS is combined with ${restricted}: ${restricted} traffic is not posted to SIPRNet, remove SIPDIS`,
    });
  },
};
