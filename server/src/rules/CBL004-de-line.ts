import type { DeLine } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import { cableDate } from '../engine/facts';
import type { Fix, Rule, RuleContext } from '../engine/types';

const DE_LINE = /^DE +(R[A-Z]{3,7}) +#(\d{4})(?:\/(\d{2}))? +(\d{7})$/;
const FORM = "'DE <routing indicator> #<serial>[/NN] <DDDHHMM>'";

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Explains a DE line that does not match `DeLine`, pointing at the first faulty part. */
function malformed(ctx: RuleContext, line: DeLine): void {
  const { lines } = ctx.cable;
  const base = line.range.start.offset;
  const words = [...line.text.matchAll(/\S+/g)];
  const at = (i: number) => {
    const w = words[i]!;
    return rangeAt(lines, base + w.index!, base + w.index! + w[0].length);
  };
  const ri = words[1]?.[0];
  if (ri !== undefined && !/^R[A-Z]{3,7}$/.test(ri)) {
    ctx.report({ range: at(1), message: `DE routing indicator '${ri}': expected R followed by 3–7 letters (${FORM})` });
    return;
  }
  const serial = words[2]?.[0];
  if (serial === undefined) {
    ctx.report({ range: line.range, message: `DE line has no station serial: expected ${FORM}` });
    return;
  }
  if (/^\d{4}(?:\/\d{2})?$/.test(serial)) {
    const fix: Fix = {
      title: `Insert '#' before the station serial ${serial}`,
      edits: [{ range: rangeAt(lines, base + words[2]!.index!, base + words[2]!.index!), newText: '#' }],
      safe: true,
    };
    ctx.report({ range: at(2), message: `DE station serial '${serial}' lacks '#': expected '#${serial}'`, fixes: [fix] });
    return;
  }
  if (!/^#\d{4}(?:\/\d{2})?$/.test(serial)) {
    ctx.report({ range: at(2), message: `DE station serial '${serial}': expected '#' + 4 digits, optionally '/NN' (${FORM})` });
    return;
  }
  const julian = words[3]?.[0];
  if (julian === undefined) {
    ctx.report({ range: line.range, message: `DE line has no Julian date-time: expected ${FORM}` });
    return;
  }
  if (!/^\d{7}$/.test(julian)) {
    ctx.report({ range: at(3), message: `DE Julian date-time '${julian}': expected 7 digits DDDHHMM` });
    return;
  }
  if (words.length > 4) {
    const w = words[4]!;
    ctx.report({
      range: rangeAt(lines, base + w.index!, base + line.text.length),
      message: `unexpected text after the DE Julian date-time: '${line.text.slice(w.index!)}'`,
    });
    return;
  }
  ctx.report({ range: line.range, message: `DE line '${line.text}' does not match ${FORM}` });
}

export const CBL004: Rule = {
  id: 'CBL004',
  name: 'de-line',
  defaultSeverity: 'error',
  severityByProfile: { draft: 'off' },
  fixable: true,
  description:
    "The DE line (FL3) is 'DE <RI> #<serial>[/NN] <DDDHHMM>' with a valid Julian day and time; /NN does not exceed the section total.",
  check(ctx) {
    const env = ctx.cable.envelope;
    if (!env) return;
    const { lines } = ctx.cable;
    for (const line of env.lines) {
      if (line.lineKind !== 'de') continue;
      const de = line as DeLine;
      const m = DE_LINE.exec(de.text);
      if (!m) {
        malformed(ctx, de);
        continue;
      }
      const base = de.range.start.offset;
      const jStart = base + de.text.lastIndexOf(m[4]!);
      const ddd = Number(m[4]!.slice(0, 3));
      const hh = Number(m[4]!.slice(3, 5));
      const mi = Number(m[4]!.slice(5, 7));
      // The year comes from the DTG; without one, day 366 gets the benefit of the doubt.
      const year = cableDate(ctx.cable)?.year;
      const maxDay = year === undefined || isLeap(year) ? 366 : 365;
      if (ddd < 1 || ddd > maxDay) {
        ctx.report({
          range: rangeAt(lines, jStart, jStart + 3),
          message: `DE Julian day ${m[4]!.slice(0, 3)}: expected 001–${maxDay}${year !== undefined ? ` (${year})` : ''}`,
        });
      }
      if (hh > 23) {
        ctx.report({ range: rangeAt(lines, jStart + 3, jStart + 5), message: `DE hour ${m[4]!.slice(3, 5)}: expected 00–23` });
      }
      if (mi > 59) {
        ctx.report({ range: rangeAt(lines, jStart + 5, jStart + 7), message: `DE minute ${m[4]!.slice(5, 7)}: expected 00–59` });
      }
      if (m[3] !== undefined) {
        const part = Number(m[3]);
        // A banner without a section marker is a one-section cable.
        const total = ctx.cable.banner ? (ctx.cable.banner.section?.total ?? 1) : undefined;
        const pStart = base + m[0].indexOf('/' + m[3]) + 1;
        const range = rangeAt(lines, pStart, pStart + 2);
        if (part < 1) ctx.report({ range, message: `DE part /${m[3]}: parts are numbered from 01` });
        else if (total !== undefined && part > total) {
          ctx.report({
            range,
            message: `DE part /${m[3]} exceeds the section total ${String(total).padStart(2, '0')} of the banner`,
          });
        }
      }
    }
  },
};
