import { rangeAt } from '../../../grammar/src/positions';
import type { Rule } from '../engine/types';

const TRANSMISSION_ID = /^VZCZC([A-Z]{3})(\d{3,4})$/;

export const CBL002: Rule = {
  id: 'CBL002',
  name: 'transmission-id',
  defaultSeverity: 'warning',
  severityByProfile: { draft: 'off' },
  fixable: false,
  description: 'The transmission id (FL1) is VZCZC + a 3-letter channel + a 3–4 digit sequence number.',
  check(ctx) {
    const env = ctx.cable.envelope;
    if (!env) return;
    for (const line of env.lines) {
      if (line.lineKind !== 'transmissionId') continue;
      const text = line.text;
      if (TRANSMISSION_ID.test(text)) continue;
      const start = line.range.start.offset;
      const after = text.slice(5);
      // Point at what follows VZCZC: that is where every corpus variant differs.
      const range = after ? rangeAt(ctx.cable.lines, start + 5, start + text.length) : line.range;
      const channel = /^[A-Z]{3}/.exec(after)?.[0];
      let detail: string;
      if (!channel) detail = `expected a 3-letter channel after VZCZC, found '${after || 'nothing'}'`;
      else {
        const seq = after.slice(3);
        detail = `expected a 3–4 digit sequence number after channel ${channel}, found '${seq || 'nothing'}'`;
      }
      ctx.report({ range, message: `transmission id '${text}' does not match VZCZC<channel><sequence>: ${detail}` });
    }
  },
};
