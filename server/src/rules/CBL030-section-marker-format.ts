import type { SectionMarker } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';
import { pad } from '../model/sections';

const TWO_DIGITS = /^\d{2}$/;

export const CBL030: Rule = {
  id: 'CBL030',
  name: 'section-marker-format',
  defaultSeverity: 'error',
  fixable: true,
  description: "Section markers are written 'SECTION NN OF MM' with two digits each (1,142 of 1,142 corpus banners).",
  check(ctx) {
    const { cable } = ctx;
    const markers: SectionMarker[] = [];
    if (cable.banner?.section) markers.push(cable.banner.section);
    for (const b of cable.sectionBanners) if (b.section) markers.push(b.section);
    for (const s of markers) {
      const badN = !TWO_DIGITS.test(s.numberText.text);
      const badM = !TWO_DIGITS.test(s.totalText.text);
      if (!badN && !badM) continue;
      const expected = `SECTION ${pad(s.number, 2)} OF ${pad(s.total, 2)}`;
      // Three-digit values above 99 cannot be written in two digits: report, no fix.
      const fixable = s.number <= 99 && s.total <= 99;
      const edits = [];
      if (badN && fixable) edits.push({ range: s.numberText.range, newText: pad(s.number, 2) });
      if (badM && fixable) edits.push({ range: s.totalText.range, newText: pad(s.total, 2) });
      ctx.report({
        range: s.range,
        message: `section marker "${s.text}": expected two digits, "${expected}"`,
        ...(edits.length ? { fixes: [{ title: `Write "${expected}"`, edits, safe: true }] } : {}),
      });
    }
  },
};
