import type { SectionMarker } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';
import { cableYear, pad, sectionDigitsAccepted } from '../model/sections';


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
    // `SECTION 1 OF 2` was the form before 1980.
    const digits = sectionDigitsAccepted(cableYear(ctx.model.dates.cableDate, ctx.referenceId));
    const ok = (t: string) => /^\d+$/.test(t) && digits.includes(t.length);
    for (const s of markers) {
      const badN = !ok(s.numberText.text);
      const badM = !ok(s.totalText.text);
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
