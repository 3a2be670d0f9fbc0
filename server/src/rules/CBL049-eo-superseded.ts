import type { Range } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import { executiveOrder, executiveOrderStatus, governingExecutiveOrder, isoDay } from '../data/index';
import type { Rule } from '../engine/types';
import { MONTH_NAMES } from '../model/dates';

/**
 * `E.O. 12958` written in a Classified By line (`E.O. 12958 Reason 1.4 (B/D)`), spelled as the E.O.
 * line may be; the order is the match's last five characters.
 */
const CITED_IN_TEXT = /\bE\.?\s?O\.?\s?1\d{4}\b/gi;

export const CBL049: Rule = {
  id: 'CBL049',
  name: 'eo-superseded',
  defaultSeverity: 'warning',
  severityByProfile: { published: 'info' },
  fixable: true,
  description:
    'The cable cites an executive order that no longer governed on its date (E.O. 12958 or 13292 from 27 June 2010 on: E.O. 13526); dated by the DTG, an undated draft by today.',
  check(ctx) {
    const { cable, model } = ctx;
    const ref = model.dates.referenceDate(ctx.profile, ctx.now);
    if (!ref) return;
    const day = isoDay(ref);
    const governing = day === undefined ? undefined : governingExecutiveOrder(day);
    if (!day || !governing) return;

    // Where each order is cited, as offsets: a range is worked out only for one to report.
    const cited: { text: string; at: number; range?: Range }[] = [];
    if (cable.eo?.order) cited.push({ text: cable.eo.order.text, at: cable.eo.order.range.start.offset, range: cable.eo.order.range });
    const cb = cable.classifiedBy;
    if (cb) {
      CITED_IN_TEXT.lastIndex = 0;
      for (let m = CITED_IN_TEXT.exec(cb.text); m; m = CITED_IN_TEXT.exec(cb.text)) {
        const end = m.index + m[0].length;
        cited.push({ text: cb.text.slice(end - 5, end), at: cb.range.start.offset + end - 5 });
      }
    }
    const seen = new Set<number>();
    for (const order of cited) {
      // A reflowed header can run the E.O. line into the Classified By line: one report per place.
      if (seen.has(order.at)) continue;
      seen.add(order.at);
      const number = order.text;
      if (executiveOrderStatus(number, day) !== 'superseded') continue;
      const eo = executiveOrder(number)!;
      // An amendment was replaced with the order it amends: say which order the cable meant.
      const what = eo.amends ? `E.O. ${number} (the 2003 amendment of E.O. ${eo.amends})` : `E.O. ${number}`;
      const [y, mo, d] = eo.ended!.split('-').map(Number) as [number, number, number];
      const range = order.range ?? rangeAt(cable.lines, order.at, order.at + 5);
      ctx.report({
        range,
        message: `${what} no longer governed on ${ref.label} (E.O. ${eo.replacedBy} replaced it on ${d} ${MONTH_NAMES[mo - 1]} ${y}): expected E.O. ${governing.number}`,
        // Not certain: the DECL codes and reasons of the old order may not exist under the new
        // one (E.O. 12958's X1-X8 exemptions have no place under 13526).
        fixes: [{ title: `Cite E.O. ${governing.number}`, edits: [{ range, newText: governing.number }], safe: false }],
      });
    }
  },
};
