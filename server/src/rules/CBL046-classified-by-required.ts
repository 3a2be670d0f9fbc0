import type { Rule } from '../engine/types';
import { levelRank } from '../model/classification';
import { isTruncated } from '../model/header';

export const CBL046: Rule = {
  id: 'CBL046',
  name: 'classified-by-required',
  defaultSeverity: 'error',
  severityByProfile: { published: 'info' },
  fixable: false,
  description:
    "CONFIDENTIAL and SECRET cables carry a 'Classified By:' line before paragraph 1 naming the authority and a reason (1.4 (x)) or 'Derived from …'.",
  check(ctx) {
    const { cable, model } = ctx;
    const banner = model.classification.bannerLevel;
    if (!banner || levelRank(banner.level) < 1) return;
    const level = banner.level;
    const cb = cable.classifiedBy;
    const firstPara = cable.paragraphs.find((p) => !p.ambiguous);

    if (!cb) {
      // A header preview cut off by the publisher (`SUBJECT: … RESOLVE...`) ends before the
      // Classified By line would come.
      const lastField = cable.headerOrder[cable.headerOrder.length - 1];
      if (!firstPara && lastField && isTruncated(cable.text.slice(lastField.range.start.offset, lastField.range.end.offset))) return;
      const last = cable.headerOrder[cable.headerOrder.length - 1];
      const range = firstPara ? firstPara.numberText.range : last ? last.range : banner.levelText.range;
      ctx.report({
        range,
        message: `${level} cable without a Classified By line: expected "Classified By: <name, title> for reasons 1.4 (b) and (d)" before paragraph 1`,
        related: [{ range: banner.levelText.range, message: `banner level ${level}` }],
      });
      return;
    }

    const kw = model.header.keywordRange(cb);
    if (cb.numbered) {
      // The old numbered form (9 corpus cables) is accepted with a warning.
      ctx.report({
        range: kw,
        severity: ctx.severity === 'error' ? 'warning' : ctx.severity,
        message: 'Classified By written as numbered paragraph 1: it belongs in the header, unnumbered, before paragraph 1',
      });
    } else if (!cb.midLine && firstPara && cb.range.start.offset > firstPara.range.start.offset) {
      ctx.report({ range: kw, message: 'the Classified By line follows paragraph 1: it belongs in the header, before paragraph 1' });
    }

    if (isTruncated(cb.text)) return;
    const authority = cb.authority?.text ?? '';
    const missing: string[] = [];
    if (!/[A-Za-z]{2}/.test(authority)) missing.push('the classifying authority (name and title)');
    if (!model.header.classifiedByHasReason) missing.push('a reason (1.4 (b), (d) …) or "Derived from …"');
    if (missing.length) {
      ctx.report({
        range: cb.range.start.line === cb.range.end.line ? cb.range : kw,
        message: `the Classified By line lacks ${missing.join(' and ')}`,
      });
    }
  },
};
