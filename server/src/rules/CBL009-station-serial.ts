import type { Rule } from '../engine/types';

export const CBL009: Rule = {
  id: 'CBL009',
  name: 'station-serial',
  defaultSeverity: 'warning',
  severityByProfile: { draft: 'off' },
  fixable: true,
  description: 'The DE station serial (#NNNN) is the banner serial modulo 10000.',
  check(ctx) {
    const ssn = ctx.cable.envelope?.de?.stationSerial;
    const banner = ctx.cable.banner;
    if (!ssn || !banner || !/^\d+$/.test(banner.serial.text)) return;
    const expected = String(Number(banner.serial.text) % 10000).padStart(4, '0');
    if (ssn.text === expected) return;
    ctx.report({
      range: ssn.range,
      message: `DE station serial #${ssn.text} does not match the banner serial ${banner.serial.text}: expected #${expected}`,
      related: [{ range: banner.serial.range, message: `banner serial ${banner.serial.text}` }],
      fixes: [{ title: `Change the station serial to ${expected}`, edits: [{ range: ssn.range, newText: expected }], safe: false }],
    });
  },
};
