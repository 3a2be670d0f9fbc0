import type { PageMarker } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';
import { pad } from '../model/sections';

export const CBL037: Rule = {
  id: 'CBL037',
  name: 'page-marker-total',
  defaultSeverity: 'error',
  fixable: true,
  description: "The total M of every page marker equals the banner's section total.",
  check(ctx) {
    const { cable } = ctx;
    const banner = cable.banner;
    if (!banner) return;
    const { sections } = ctx.model;
    const markers = sections.markers.filter((m): m is PageMarker & { total: number } => sections.totalOf(m) !== undefined);
    if (!markers.length) return;
    const sec = banner.section;
    const bannerTotal = sec?.total ?? 1;
    const wrong = markers.filter((m) => m.total !== bannerTotal);
    if (!wrong.length) return;
    const width = (m: PageMarker) => (m.form === 'legacy' ? 2 : 3);
    const first = wrong[0]!;
    // A page carrying another cable (a merged release, 09RANGOON378) numbers its pages for both:
    // the publisher's doing, and no total to correct.
    const merged = ctx.model.anotherCable.carried;

    // Every marker agrees on another total: the banner is the odd one out, report it once.
    if (wrong.length === markers.length && wrong.every((m) => m.total === first.total)) {
      const all = markers.length === 1 ? 'the page marker says' : `all ${markers.length} page markers say`;
      const says = `OF ${pad(first.total, width(first))}`;
      if (sec) {
        const fix = merged ? undefined : sections.bannerTotalCorrection;
        ctx.report({
          range: sec.totalText.range,
          publication: merged,
          message: `the banner says ${sec.text} but ${all} ${says}`,
          related: [{ range: first.totalText!.range, message: `page marker total ${first.totalText!.text}` }],
          ...(fix ? { fixes: [fix] } : {}),
        });
      } else {
        const title = `SECTION 01 OF ${pad(first.total, 2)}`;
        ctx.report({
          range: banner.post.range,
          publication: merged,
          message: `the banner has no section marker (one section) but ${all} ${says}`,
          related: [{ range: first.totalText!.range, message: `page marker total ${first.totalText!.text}` }],
          ...(first.total <= 99 && !merged
            ? {
                fixes: [
                  { title: `Insert "${title}" in the banner`, edits: [{ range: { start: banner.post.range.start, end: banner.post.range.start }, newText: `${title} ` }], safe: false },
                ],
              }
            : {}),
        });
      }
      return;
    }

    // Markers disagree among themselves: those that differ from the banner are wrong when
    // another marker confirms the banner's total.
    const confirmed = markers.length > wrong.length;
    for (const m of wrong) {
      const expected = pad(bannerTotal, width(m));
      ctx.report({
        range: m.totalText!.range,
        publication: merged,
        message: `page marker total ${m.totalText!.text} differs from the banner's section total: expected ${expected}${sec ? ` (${sec.text})` : ''}`,
        ...(sec ? { related: [{ range: sec.totalText.range, message: `banner total ${sec.totalText.text}` }] } : {}),
        ...(merged ? {} : { fixes: [{ title: `Change the total to ${expected}`, edits: [{ range: m.totalText!.range, newText: expected }], safe: confirmed }] }),
      });
    }
  },
};
