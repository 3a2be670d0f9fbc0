import type { ClassifiedBy, Span } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import type { Rule, RuleContext } from '../engine/types';
import { dayNumber } from '../model/dates';

/** E.O. 13292 moved the reasons from section 1.5 to 1.4 (and added h) on 25 March 2003. */
const AMENDMENT = dayNumber(2003, 3, 25);

const SEPARATOR = /(?:[\s,&/+()]+|\band\b|\bor\b)+/iy;
// A single letter, not the start of a word or an abbreviation (`E.O.`, `U.S.`).
const LETTER = /([a-z])(?![a-z0-9]|\.[a-z])/iy;

/**
 * The reason letters written after the section (`1.4 (b) and (d)`, `1.4(b,d)`, `1.4 b/d/e`),
 * any letter a–z so that `1.4 (k)` is seen.
 */
function lettersAfterSection(ctx: RuleContext, cb: ClassifiedBy, section: Span): { text: string; at: number }[] {
  const text = ctx.cable.text;
  const end = cb.range.end.offset;
  let pos = section.range.end.offset;
  // Offsets, not ranges: a letter is given a range only when it is reported.
  const out: { text: string; at: number }[] = [];
  for (;;) {
    const sepStart = pos;
    SEPARATOR.lastIndex = pos;
    if (SEPARATOR.exec(text) && SEPARATOR.lastIndex <= end) pos = SEPARATOR.lastIndex;
    if (pos >= end) break;
    LETTER.lastIndex = pos;
    const m = LETTER.exec(text);
    if (!m || LETTER.lastIndex > end) break;
    const c = m[1]!.toLowerCase();
    // After the first letter, a letter outside a–h joins the list only through a conjunction
    // (`(b), (k)`); after a bare gap it is the next thing, e.g. a portion mark `(S)`.
    const joined = /,|&|\/|\+|\band\b|\bor\b/i.test(text.slice(sepStart, pos));
    if (out.length && !joined) {
      const prev = out[out.length - 1]!.text;
      const caseChanged = (prev === prev.toUpperCase()) !== (m[1] === m[1]!.toUpperCase());
      if (c < 'a' || c > 'h' || caseChanged) break;
    }
    out.push({ text: m[1]!, at: pos });
    pos = LETTER.lastIndex;
  }
  return out;
}

export const CBL047: Rule = {
  id: 'CBL047',
  name: 'classification-reason',
  defaultSeverity: 'warning',
  fixable: true,
  description:
    'The Classified-By reason cites section 1.4 (cables from 25 March 2003) or 1.5 (earlier), letters a–h (1.5: a–g), each once.',
  check(ctx) {
    const cb = ctx.cable.classifiedBy;
    if (!cb?.reasonSection || !cb.reasonSectionSpan) return;
    const section = cb.reasonSection;
    const secSpan = cb.reasonSectionSpan;
    const ref = ctx.model.dates.referenceDate(ctx.profile, ctx.now);
    if (ref) {
      const after = dayNumber(ref.year, ref.month, ref.day) >= AMENDMENT;
      if (after && section === '1.5') {
        ctx.report({
          range: secSpan.range,
          severity: 'info',
          message: `reason section 1.5 on a cable of ${ref.year}: since E.O. 13292 (25 March 2003) the reasons are in section 1.4`,
          fixes: [{ title: 'Cite section 1.4', edits: [{ range: secSpan.range, newText: '1.4' }], safe: false }],
        });
      } else if (!after && section === '1.4') {
        ctx.report({
          range: secSpan.range,
          message: `reason section 1.4 on a cable dated before 25 March 2003 (${ref.label}): E.O. 12958 then listed the reasons in section 1.5`,
          fixes: [{ title: 'Cite section 1.5', edits: [{ range: secSpan.range, newText: '1.5' }], safe: false }],
        });
      }
    }
    const letters = lettersAfterSection(ctx, cb, secSpan);
    const last = section === '1.5' ? 'g' : 'h';
    const seen = new Set<string>();
    for (const l of letters) {
      const c = l.text.toLowerCase();
      if (c < 'a' || c > last) {
        ctx.report({ range: rangeAt(ctx.cable.lines, l.at, l.at + 1), message: `reason (${l.text}) does not exist: section ${section} has reasons (a)–(${last})` });
      } else if (seen.has(c)) {
        ctx.report({ range: rangeAt(ctx.cable.lines, l.at, l.at + 1), message: `reason (${l.text}) is cited twice` });
      }
      seen.add(c);
    }
  },
};
