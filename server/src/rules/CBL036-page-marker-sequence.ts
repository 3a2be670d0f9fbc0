import type { Rule } from '../engine/types';
import { pad } from '../model/sections';

export const CBL036: Rule = {
  id: 'CBL036',
  name: 'page-marker-sequence',
  defaultSeverity: 'warning',
  fixable: false,
  description:
    'Page-marker numbers rise by exactly 1, each at most once, starting at 001.k or 002; 001 appears only in the decimal form.',
  check(ctx) {
    const markers = ctx.model.sections.markers.filter((m) => m.form === 'page' && m.number !== undefined && m.numberText);
    // A marker missing from a published copy is the release's doing (truncated, redacted
    // or media-edited texts, spec 4.4): advisory there. Order and duplicates stay warnings.
    const missingSeverity = ctx.profile === 'published' ? 'info' : ctx.severity;
    let prev: number | undefined;
    let prevText = '';
    for (const m of markers) {
      const n = m.number!;
      const nt = m.numberText!;
      const shown = `${nt.text}${m.decimal ? `.${m.decimal.text}` : ''}`;
      if (n === 1 && !m.decimal) {
        ctx.report({ range: nt.range, message: `page marker ${nt.text}: section 1 is marked only in the decimal form (001.2)` });
      }
      // A restart at 001 (or at 002 after a later section) opens another copy of the text:
      // header previews repeat 001.2, merged releases print the cable twice (08BERN443).
      const restart = prev !== undefined && (n === 1 || (n === 2 && prev > 2));
      if (prev === undefined || restart) {
        if (n > 2) {
          ctx.report({
            range: nt.range,
            severity: missingSeverity,
            message: `page markers start at ${shown}: expected 001.k or 002 (${n === 3 ? 'section 002 has' : `sections 002–${pad(n - 1, 3)} have`} no marker)`,
          });
        }
      } else if (n === prev) {
        ctx.report({ range: nt.range, message: `page marker ${shown} repeats ${prevText}: each section is marked once` });
      } else if (n < prev) {
        ctx.report({ range: nt.range, message: `page marker ${shown} follows ${prevText}: expected ${pad(prev + 1, 3)}` });
      } else if (n > prev + 1) {
        ctx.report({
          range: nt.range,
          severity: missingSeverity,
          message: `page marker ${shown} follows ${prevText}: expected ${pad(prev + 1, 3)}`,
        });
      }
      if (prev === undefined || restart || n > prev) {
        prev = n;
        prevText = shown;
      }
    }
  },
};
