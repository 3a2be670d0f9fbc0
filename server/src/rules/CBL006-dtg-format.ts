import type { Dtg } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import { isRealDate } from '../engine/facts';
import type { Rule } from '../engine/types';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
// Spacing is read loosely: the parts, not the blanks between them, carry the date.
const DTG = /^([ZOPR])(?: +([ZOPR]))? +((\d{2})(\d{2})(\d{2})Z +([A-Z]{3}) +(\d{2}))(?!\d)(.*)$/;
/** ACP-127 operating signals after the DTG (`ZDK`, `ZFF3`, `(CCY …)`): accepted (spec 4.4). */
const TAIL_OK = /^(?:\s+(?:Z[A-Z]{2}\d?\b.*|\(CCY [^)]*\).*))?$/;
const FORM = "'P DDHHMMZ MON YY'";

export const CBL006: Rule = {
  id: 'CBL006',
  name: 'dtg-format',
  defaultSeverity: 'error',
  severityByProfile: { draft: 'off' },
  fixable: false,
  description: "The date-time group (FL5) is '<precedence> DDHHMMZ MON YY' and a real calendar date.",
  check(ctx) {
    const env = ctx.cable.envelope;
    if (!env) return;
    const { lines } = ctx.cable;
    for (const line of env.lines) {
      if (line.lineKind !== 'dtg') continue;
      const dtg = line as Dtg;
      const base = dtg.range.start.offset;
      const m = DTG.exec(dtg.text);
      if (!m) {
        ctx.report({ range: dtg.range, message: `DTG '${dtg.text}' does not match ${FORM}` });
        continue;
      }
      const valueStart = base + dtg.text.indexOf(m[3]!, m[1]!.length);
      const valueRange = rangeAt(lines, valueStart, valueStart + m[3]!.length);
      const part = (offset: number, length: number) => rangeAt(lines, valueStart + offset, valueStart + offset + length);
      const [dd, hh, mi, mon, yy] = [m[4]!, m[5]!, m[6]!, m[7]!, m[8]!];
      const month = MONTHS.indexOf(mon) + 1;
      const problems: { range: typeof valueRange; message: string }[] = [];
      if (month === 0) {
        const monStart = m[3]!.indexOf(mon, 7);
        problems.push({ range: part(monStart, 3), message: `DTG month '${mon}': expected JAN, FEB, … DEC` });
      }
      if (Number(hh) > 23) problems.push({ range: part(2, 2), message: `DTG hour ${hh}: expected 00–23` });
      if (Number(mi) > 59) problems.push({ range: part(4, 2), message: `DTG minute ${mi}: expected 00–59` });
      const day = Number(dd);
      if (day < 1 || day > 31) problems.push({ range: part(0, 2), message: `DTG day ${dd}: expected 01–31` });
      else if (month > 0) {
        const y = Number(yy);
        const year = y >= 60 ? 1900 + y : 2000 + y;
        if (!isRealDate(year, month, day)) {
          const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
          problems.push({
            range: valueRange,
            message: `DTG date ${dd} ${mon} ${yy} does not exist: ${MONTH_NAMES[month - 1]} ${year} has ${dim} days`,
          });
        }
      }
      const tail = m[9]!;
      if (!TAIL_OK.test(tail)) {
        const tailStart = base + dtg.text.length - tail.length;
        const trimmed = tail.trimStart();
        problems.push({
          range: rangeAt(lines, tailStart + (tail.length - trimmed.length), base + dtg.text.length),
          message: `unexpected text after the DTG: '${trimmed}' (only operating signals such as ZDK may follow)`,
        });
      }
      for (const p of problems) ctx.report(p);
    }
  },
};
