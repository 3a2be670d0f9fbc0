import type { Banner } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';
import { pad } from '../model/sections';

/** The total most banners agree on; ties go to the first banner. */
function agreedTotal(banners: readonly Banner[]): { total: number; count: number; unique: boolean } {
  const counts = new Map<number, number>();
  for (const b of banners) counts.set(b.section!.total, (counts.get(b.section!.total) ?? 0) + 1);
  const first = banners[0]!.section!.total;
  let total = first;
  let count = counts.get(first)!;
  for (const [t, c] of counts) {
    if (c > count) {
      total = t;
      count = c;
    }
  }
  const unique = [...counts.values()].filter((c) => c === count).length === 1;
  return { total, count, unique };
}

export const CBL031: Rule = {
  id: 'CBL031',
  name: 'section-sequence',
  defaultSeverity: 'error',
  fixable: true,
  description:
    'In the full transmitted form (a section banner other than 01 survives), section banners run 01..M once each, in order, with one total M.',
  check(ctx) {
    const { cable } = ctx;
    // Published copies keep only section 01 (1,026 of 1,082): silent there.
    const { sections } = ctx.model;
    if (!cable.banner?.section || !sections.fullForm) return;
    const banners = [cable.banner, ...sections.sectionBanners];
    const agreed = agreedTotal(banners);
    const M = agreed.total;

    for (const b of banners) {
      const s = b.section!;
      if (s.total === M) continue;
      const others = banners.length - 1;
      ctx.report({
        range: s.totalText.range,
        message: `section banner ${s.text} gives the total ${s.totalText.text}: the other section banners say OF ${pad(M, 2)}`,
        fixes: [
          {
            title: `Change the section total to ${pad(M, 2)}`,
            edits: [{ range: s.totalText.range, newText: pad(M, 2) }],
            // Blindly right only when a clear majority of at least two banners agrees.
            safe: agreed.unique && agreed.count >= 2 && agreed.count > others / 2,
          },
        ],
      });
    }

    // A text that restarts at section 01 holds a second copy of the cable (merged releases,
    // 02ROME1196 prints both transmissions): each copy is checked on its own.
    let prev = 0;
    let seen = new Set<number>();
    let highest = 0;
    banners.forEach((b, i) => {
      const s = b.section!;
      const n = s.number;
      if (i > 0 && n === 1) {
        prev = 0;
        seen = new Set<number>();
      }
      if (seen.has(n)) {
        ctx.report({ range: s.numberText.range, message: `section ${s.numberText.text} appears twice: each section banner occurs once` });
      } else if (n < prev) {
        ctx.report({
          range: s.numberText.range,
          message: `section ${s.numberText.text} follows section ${pad(prev, 2)}: expected ${pad(prev + 1, 2)}`,
        });
      } else if (n > prev + 1) {
        const missing = n - prev === 2 ? `section ${pad(prev + 1, 2)} is missing` : `sections ${pad(prev + 1, 2)}–${pad(n - 1, 2)} are missing`;
        ctx.report({
          range: s.numberText.range,
          message: `section ${s.numberText.text} follows ${prev ? `section ${pad(prev, 2)}` : 'no earlier section'}: expected ${pad(prev + 1, 2)} (${missing})`,
        });
      }
      seen.add(n);
      prev = Math.max(prev, n);
      highest = Math.max(highest, n);
    });
    if (highest < M) {
      const last = banners[banners.length - 1]!.section!;
      ctx.report({
        range: last.numberText.range,
        message:
          highest + 1 === M
            ? `section ${pad(M, 2)} of ${pad(M, 2)} is missing: the last section banner is ${pad(highest, 2)}`
            : `sections ${pad(highest + 1, 2)}–${pad(M, 2)} of ${pad(M, 2)} are missing: the last section banner is ${pad(highest, 2)}`,
      });
    }
  },
};
