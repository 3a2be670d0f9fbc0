import type { Range } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import type { Rule } from '../engine/types';

export const CBL040: Rule = {
  id: 'CBL040',
  name: 'eo-required',
  defaultSeverity: 'error',
  severityByProfile: { published: 'info' },
  fixable: false,
  description: 'The cable carries an E.O. line (E.O. 12958: DECL: … or N/A), on its own line or mid-line in reflowed text.',
  check(ctx) {
    const { cable } = ctx;
    if (cable.eo) return;
    // The E.O. line heads the header: point at the first header field, else the banner.
    const first = cable.headerOrder[0];
    let range: Range;
    let where: string;
    if (first) {
      range = first.kind === 'TagsLine' || first.kind === 'SubjectLine' || first.kind === 'RefList' ? first.keyword.range : first.range;
      where = 'before this header field';
    } else if (cable.banner) {
      range = cable.banner.range;
      where = 'after the banner and captions';
    } else {
      range = rangeAt(cable.lines, cable.textStart, cable.textStart);
      where = 'in the header';
    }
    ctx.report({ range, message: `no E.O. line: expected "E.O. 12958: DECL: MM/DD/YYYY" or "E.O. 12958: N/A" ${where}` });
  },
};
