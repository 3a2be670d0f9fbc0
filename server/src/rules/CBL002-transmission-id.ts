import type { TransmissionId } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

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
      const { text, wellFormed, rest } = line as TransmissionId;
      if (wellFormed) continue;
      // Point at what follows VZCZC: that is where every corpus variant differs.
      const after = rest?.text ?? '';
      const channel = /^[A-Z]{3}/.exec(after)?.[0];
      const detail = channel
        ? `expected a 3–4 digit sequence number after channel ${channel}, found '${after.slice(3) || 'nothing'}'`
        : `expected a 3-letter channel after VZCZC, found '${after || 'nothing'}'`;
      ctx.report({ range: rest?.range ?? line.range, message: `transmission id '${text}' does not match VZCZC<channel><sequence>: ${detail}` });
    }
  },
};
