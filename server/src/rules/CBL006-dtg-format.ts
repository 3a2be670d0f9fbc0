import type { Dtg } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';
import { daysInMonth, isRealDate, MONTH_NAMES } from '../model/dates';

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
    for (const line of env.lines) {
      if (line.lineKind !== 'dtg') continue;
      const dtg = line as Dtg;
      const p = dtg.parts;
      if (!p || !dtg.value) {
        ctx.report({ range: dtg.range, message: `DTG '${dtg.text}' does not match ${FORM}` });
        continue;
      }
      const problems: { range: Dtg['range']; message: string }[] = [];
      const month = dtg.month ?? 0;
      if (month === 0) problems.push({ range: p.month.range, message: `DTG month '${p.month.text}': expected JAN, FEB, … DEC` });
      if (dtg.hour! > 23) problems.push({ range: p.hour.range, message: `DTG hour ${p.hour.text}: expected 00–23` });
      if (dtg.minute! > 59) problems.push({ range: p.minute.range, message: `DTG minute ${p.minute.text}: expected 00–59` });
      const day = dtg.day!;
      if (day < 1 || day > 31) problems.push({ range: p.day.range, message: `DTG day ${p.day.text}: expected 01–31` });
      else if (month > 0 && !isRealDate(dtg.year!, month, day)) {
        problems.push({
          range: dtg.value.range,
          message: `DTG date ${p.day.text} ${p.month.text} ${p.year.text} does not exist: ${MONTH_NAMES[month - 1]} ${dtg.year} has ${daysInMonth(dtg.year!, month)} days`,
        });
      }
      if (!dtg.wellFormed && dtg.tail) {
        problems.push({
          range: dtg.tail.range,
          message: `unexpected text after the DTG: '${dtg.tail.text}' (only operating signals such as ZDK may follow)`,
        });
      }
      for (const problem of problems) ctx.report(problem);
    }
  },
};
