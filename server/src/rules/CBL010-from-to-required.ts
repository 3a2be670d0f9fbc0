import { rangeAt } from '../../../grammar/src/positions';
import type { Rule } from '../engine/types';

export const CBL010: Rule = {
  id: 'CBL010',
  name: 'from-to-required',
  defaultSeverity: 'error',
  severityByProfile: { draft: 'off' },
  fixable: false,
  description: 'An envelope has exactly one FM line and at least one TO addressee.',
  check(ctx) {
    const env = ctx.cable.envelope;
    if (!env || env.lines.length === 0) return;
    const { lines } = ctx.cable;
    const fms = env.lines.filter((l) => l.lineKind === 'fm');
    const last = env.lines[env.lines.length - 1]!;
    // A missing line is reported where it was expected: after the DTG, else at the envelope's end.
    const lineOf = (r: typeof last) => rangeAt(lines, r.range.start.offset, lines[r.range.start.line]!.end);
    if (fms.length === 0) {
      const anchor = env.dtg ?? last;
      ctx.report({
        range: lineOf(anchor),
        message: "envelope has no FM line: expected 'FM <originator>' after the DTG",
      });
    }
    for (const extra of fms.slice(1)) {
      ctx.report({
        range: extra.range,
        message: `second FM line: a cable has one originator (first: '${fms[0]!.text}')`,
        related: [{ range: fms[0]!.range, message: 'first FM line' }],
      });
    }
    if (!env.lines.some((l) => l.lineKind === 'to')) {
      const anchor = fms[0] ?? env.dtg ?? last;
      ctx.report({
        range: lineOf(anchor),
        message: `envelope has no TO line: expected 'TO <RI>/<addressee>' after ${fms[0] ? 'the FM line' : 'FM'}`,
      });
    }
  },
};
