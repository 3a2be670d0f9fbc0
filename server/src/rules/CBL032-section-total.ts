import type { Rule } from '../engine/types';
import { pad } from '../model/sections';

function runText(from: number, to: number, width: number): string {
  return from === to ? `section ${pad(from, width)} is` : `sections ${pad(from, width)}–${pad(to, width)} are`;
}

export const CBL032: Rule = {
  id: 'CBL032',
  name: 'section-total',
  defaultSeverity: 'error',
  fixable: true,
  description:
    "No section banner or page marker names a section beyond the banner's total; a missing section 2..M is reported (warning, info on published text).",
  check(ctx) {
    const { cable } = ctx;
    const { sections } = ctx.model;
    const banner = cable.banner;
    if (!banner) return;
    const evidence = sections.evidence;
    // 435 published multi-section cables carry no markers at all: nothing to compare.
    if (!evidence.length) return;
    const sec = banner.section;
    const total = sec?.total ?? 1;
    const bannerDesc = sec ? `the banner says ${sec.text}` : 'the banner has no section marker (one section)';

    const exceeding = evidence.filter((e) => e.number > total);
    if (exceeding.length) {
      const first = exceeding[0]!;
      const others = [...new Set(exceeding.slice(1).map((e) => e.number).filter((n) => n !== first.number))];
      const also = others.length ? ` (also ${others.map((n) => pad(n, first.pageForm ? 3 : 2)).join(', ')})` : '';
      // A page carrying another cable (a merged release) numbers its pages for both: no total to correct.
      const merged = ctx.model.anotherCable.carried;
      const fix = merged ? undefined : sections.bannerTotalCorrection;
      ctx.report({
        range: first.range,
        publication: merged,
        message: `${first.what} exceeds the section total${also}: ${bannerDesc}`,
        ...(sec ? { related: [{ range: sec.totalText.range, message: `section total ${sec.totalText.text}` }] } : {}),
        ...(fix ? { fixes: [fix] } : {}),
      });
    }

    // Gaps among full section banners are CBL031's (an error there).
    if (sections.fullForm || total < 2) return;
    const missingSeverity = ctx.profile === 'published' ? 'info' : 'warning';
    const seen = new Set<number>([1, ...evidence.map((e) => e.number)]);
    const width = evidence.some((e) => e.what.startsWith('page marker')) ? 3 : 2;
    let k = 2;
    while (k <= total) {
      if (seen.has(k)) {
        k++;
        continue;
      }
      const from = k;
      while (k + 1 <= total && !seen.has(k + 1)) k++;
      const to = k;
      k++;
      const next = evidence.find((e) => e.number === to + 1);
      // A gap before a page marker is CBL036's (marker sequence): reported once, there.
      if (next?.pageForm) continue;
      if (next) {
        ctx.report({
          range: next.range,
          severity: missingSeverity,
          message: `${runText(from, to, width)} missing: ${next.what} follows section ${pad(from - 1, width)}`,
        });
      } else {
        const within = evidence.filter((e) => e.number <= total);
        const last = within.length ? within.reduce((a, e) => (e.number > a.number ? e : a)) : evidence[0]!;
        ctx.report({
          range: sec ? sec.totalText.range : last.range,
          severity: missingSeverity,
          message: `${runText(from, to, width)} missing: the text ends after section ${pad(Math.max(1, last.number), width)} of ${pad(total, width)}`,
          related: [{ range: last.range, message: `last ${last.what}` }],
        });
      }
    }
  },
};
