import { rangeAt } from '../../../grammar/src/positions';
import type { Rule } from '../engine/types';

const PROSIGN = /^(?:ZZ|OO|PP|RR)$/;
const ROUTING_INDICATOR = /^R[A-Z]{3,7}$/;

export const CBL003: Rule = {
  id: 'CBL003',
  name: 'precedence-line',
  defaultSeverity: 'error',
  severityByProfile: { draft: 'off' },
  fixable: false,
  description: 'The precedence line (FL2) is a doubled prosign (ZZ, OO, PP, RR) followed by routing indicators.',
  check(ctx) {
    const env = ctx.cable.envelope;
    if (!env) return;
    const { lines } = ctx.cable;
    let seenFm = false;
    for (const line of env.lines) {
      if (line.lineKind === 'fm') seenFm = true;
      // After FM a bare indicator line is an addressee (CBL011's), not FL2 continued.
      if (line.lineKind !== 'precedence' && (line.lineKind !== 'routingContinuation' || seenFm)) continue;
      const base = line.range.start.offset;
      const words = [...line.text.matchAll(/\S+/g)];
      const first = line.lineKind === 'precedence' ? words.shift() : undefined;
      if (line.lineKind === 'precedence') {
        if (!first || !PROSIGN.test(first[0])) {
          const found = first?.[0] ?? '';
          ctx.report({
            range: first ? rangeAt(lines, base + first.index!, base + first.index! + found.length) : line.range,
            message: `precedence prosign '${found}': expected a doubled letter ZZ, OO, PP or RR`,
          });
        }
        if (words.length === 0) {
          ctx.report({ range: line.range, message: 'precedence line has no routing indicator: expected e.g. PP RUEHC' });
        }
      }
      for (const w of words) {
        if (ROUTING_INDICATOR.test(w[0])) continue;
        const what = /^R[A-Z]+$/.test(w[0]) ? `has ${w[0].length} letters` : 'is not R + letters';
        ctx.report({
          range: rangeAt(lines, base + w.index!, base + w.index! + w[0].length),
          message: `routing indicator '${w[0]}' ${what}: expected R followed by 3–7 letters`,
        });
      }
    }
  },
};
