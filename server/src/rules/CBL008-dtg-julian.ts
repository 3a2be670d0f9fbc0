import type { Rule } from '../engine/types';
import { dayOfYear, dtgStyle, isRealDate } from '../model/dates';

const MINUTE = 60_000;
/**
 * The DE time may trail the DTG (the message queued at the relay, or drafted in the evening and
 * transmitted next morning); when that carries it past midnight UTC the Julian day is the next
 * one. Up to 48 hours is transmission practice (a DE 21 hours after its DTG is no slip); more
 * than that is a wrong day.
 */
const MAX_QUEUE_MINUTES = 48 * 60;
/** Station clocks differ by a minute now and then (09DJIBOUTI113, 09BELGRADE765). */
const CLOCK_SKEW_MINUTES = 5;

export const CBL008: Rule = {
  id: 'CBL008',
  name: 'dtg-julian',
  defaultSeverity: 'warning',
  severityByProfile: { draft: 'off' },
  fixable: true,
  description: 'The DE line Julian day equals the DTG day (year from the DTG); the DE time is not before the DTG time.',
  check(ctx) {
    const env = ctx.cable.envelope;
    const de = env?.de;
    const dtg = env?.dtg;
    const jp = de?.julianParts;
    if (!de?.julian || !jp || !dtg) return;
    const { dayOfYear: deDay, hour: deHour, minute: deMinute } = de;
    const { year, month, day, hour, minute } = dtg;
    if (deDay === undefined || deHour === undefined || deMinute === undefined) return;
    if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return;
    // An impossible date or time is CBL004's / CBL006's to report.
    if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || deHour > 23 || deMinute > 59) return;
    if (deDay < 1 || deDay > 366) return;

    const expected = dayOfYear(year, month, day);
    const dtgTime = Date.UTC(year, month - 1, day, hour, minute);
    // The DE day may belong to the neighbouring year around New Year.
    let delta = Number.POSITIVE_INFINITY;
    for (const y of [year - 1, year, year + 1]) {
      const d = (Date.UTC(y, 0, deDay, deHour, deMinute) - dtgTime) / MINUTE;
      if (Math.abs(d) < Math.abs(delta)) delta = d;
    }

    const dtgText = dtgStyle(year, month, day);
    if (deDay !== expected) {
      if (delta > 0 && delta <= MAX_QUEUE_MINUTES) return;
      const want = String(expected).padStart(3, '0');
      const range = jp.day.range;
      ctx.report({
        range,
        message: `DE Julian day ${jp.day.text} differs from the DTG date ${dtgText}: expected ${want}`,
        related: dtg.value ? [{ range: dtg.value.range, message: `DTG ${dtg.value.text}` }] : undefined,
        fixes: [{ title: `Change the DE Julian day to ${want}`, edits: [{ range, newText: want }], safe: false }],
      });
      return;
    }
    if (delta < -CLOCK_SKEW_MINUTES) {
      const hhmm = `${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}`;
      ctx.report({
        range: { start: jp.hour.range.start, end: jp.minute.range.end },
        message: `DE time ${jp.hour.text}${jp.minute.text}Z is earlier than the DTG time ${hhmm}Z: the message cannot be sent before it is dated`,
        related: dtg.value ? [{ range: dtg.value.range, message: `DTG ${dtg.value.text}` }] : undefined,
      });
    }
  },
};
