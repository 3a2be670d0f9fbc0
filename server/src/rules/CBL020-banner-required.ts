import type { Range } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import type { Rule } from '../engine/types';

export const CBL020: Rule = {
  id: 'CBL020',
  name: 'banner-required',
  defaultSeverity: 'error',
  severityByProfile: { published: 'info' },
  fixable: false,
  description: 'A classification banner line (level, post, serial) precedes the header fields.',
  check(ctx) {
    const { cable } = ctx;
    const first = cable.headerOrder[0] ?? cable.paragraphs[0];
    const { lines } = cable;
    const firstLine = (r: Range) => rangeAt(lines, r.start.offset, lines[r.start.line]!.end);
    const banner = cable.banner;
    if (banner) {
      // Anchored on the E.O. line: a stray `Subject:` of a mail header above the cable is no field.
      const eo = cable.eo;
      if (eo && eo.range.start.offset < banner.range.start.offset) {
        ctx.report({
          range: banner.range,
          message: 'banner follows the E.O. line: expected it before the header fields',
          related: [{ range: firstLine(eo.range), message: 'E.O. line' }],
        });
      }
      return;
    }
    // A line that tries to be a banner is CBL021's to explain.
    if (cable.malformedBanners.some((m) => !first || m.range.start.offset < first.range.start.offset)) return;
    if (ctx.model.classification.bannerAttempts.some((a) => !a.malformed)) return;

    let range: Range;
    if (first) range = firstLine(first.range);
    else {
      // Nothing to anchor on: the first non-blank line after the envelope.
      const from = cable.envelope ? cable.envelope.range.end.line + 1 : 0;
      let i = from;
      while (i < lines.length && !cable.text.slice(lines[i]!.start, lines[i]!.end).trim()) i++;
      if (i >= lines.length) i = Math.max(0, from - 1);
      range = rangeAt(lines, lines[i]!.start, lines[i]!.end);
    }
    ctx.report({
      range,
      message: `no classification banner before the ${first ? 'header' : 'text'}: expected a line such as 'UNCLAS POST 000123' or 'C O N F I D E N T I A L POST 000123'`,
    });
  },
};
