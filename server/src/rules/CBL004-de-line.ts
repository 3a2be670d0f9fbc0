import type { DeLine } from '../../../grammar/src/ast';
import type { Fix, Rule, RuleContext } from '../engine/types';
import { isLeapYear } from '../model/dates';
import { isRoutingIndicator } from '../model/envelope';

const FORM = "'DE <routing indicator> #<serial>[/NN] <DDDHHMM>'";

/** Explains a DE line that does not match `DeLine`, pointing at the first faulty part. */
function malformed(ctx: RuleContext, line: DeLine): void {
  const words = ctx.model.envelope.words(line);
  const at = (i: number) => words[i]!.range;
  const ri = words[1]?.text;
  if (ri !== undefined && !isRoutingIndicator(ri)) {
    ctx.report({ range: at(1), message: `DE routing indicator '${ri}': expected R followed by 3–7 letters (${FORM})` });
    return;
  }
  const serial = words[2]?.text;
  if (serial === undefined) {
    ctx.report({ range: line.range, message: `DE line has no station serial: expected ${FORM}` });
    return;
  }
  if (/^\d{4}(?:\/\d{2})?$/.test(serial)) {
    const fix: Fix = {
      title: `Insert '#' before the station serial ${serial}`,
      edits: [{ range: { start: words[2]!.range.start, end: words[2]!.range.start }, newText: '#' }],
      safe: true,
    };
    ctx.report({ range: at(2), message: `DE station serial '${serial}' lacks '#': expected '#${serial}'`, fixes: [fix] });
    return;
  }
  if (!/^#\d{4}(?:\/\d{2})?$/.test(serial)) {
    ctx.report({ range: at(2), message: `DE station serial '${serial}': expected '#' + 4 digits, optionally '/NN' (${FORM})` });
    return;
  }
  const julian = words[3]?.text;
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
      range: { start: w.range.start, end: line.range.end },
      message: `unexpected text after the DE Julian date-time: '${line.text.slice(w.range.start.offset - line.range.start.offset)}'`,
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
    for (const line of env.lines) {
      if (line.lineKind !== 'de') continue;
      const de = line as DeLine;
      const jp = de.julianParts;
      if (!de.wellFormed || !jp || !isRoutingIndicator(de.routingIndicator?.text ?? '')) {
        malformed(ctx, de);
        continue;
      }
      // The year comes from the DTG; without one, day 366 gets the benefit of the doubt.
      const year = ctx.model.dates.cableDate?.year;
      const maxDay = year === undefined || isLeapYear(year) ? 366 : 365;
      if (de.dayOfYear! < 1 || de.dayOfYear! > maxDay) {
        ctx.report({
          range: jp.day.range,
          message: `DE Julian day ${jp.day.text}: expected 001–${maxDay}${year !== undefined ? ` (${year})` : ''}`,
        });
      }
      if (de.hour! > 23) ctx.report({ range: jp.hour.range, message: `DE hour ${jp.hour.text}: expected 00–23` });
      if (de.minute! > 59) ctx.report({ range: jp.minute.range, message: `DE minute ${jp.minute.text}: expected 00–59` });
      if (de.part) {
        const part = Number(de.part.text);
        // A banner without a section marker is a one-section cable.
        const total = ctx.cable.banner ? (ctx.cable.banner.section?.total ?? 1) : undefined;
        const { range } = de.part;
        if (part < 1) ctx.report({ range, message: `DE part /${de.part.text}: parts are numbered from 01` });
        else if (total !== undefined && part > total) {
          ctx.report({
            range,
            message: `DE part /${de.part.text} exceeds the section total ${String(total).padStart(2, '0')} of the banner`,
          });
        }
      }
    }
  },
};
