import type { Rule } from '../engine/types';
import { routingIndicatorFault } from '../model/envelope';

const PROSIGN = /^(?:ZZ|OO|PP|RR)$/;

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
    let seenFm = false;
    for (const line of env.lines) {
      if (line.lineKind === 'fm') seenFm = true;
      // After FM a bare indicator line is an addressee (CBL011's), not FL2 continued.
      if (line.lineKind !== 'precedence' && (line.lineKind !== 'routingContinuation' || seenFm)) continue;
      const words = [...ctx.model.envelope.words(line)];
      const first = line.lineKind === 'precedence' ? words.shift() : undefined;
      if (line.lineKind === 'precedence') {
        if (!first || !PROSIGN.test(first.text)) {
          ctx.report({
            range: first?.range ?? line.range,
            message: `precedence prosign '${first?.text ?? ''}': expected a doubled letter ZZ, OO, PP or RR`,
          });
        }
        if (words.length === 0) {
          ctx.report({ range: line.range, message: 'precedence line has no routing indicator: expected e.g. PP RUEHC' });
        }
      }
      for (const w of words) {
        const fault = routingIndicatorFault(w.text);
        if (fault) ctx.report({ range: w.range, message: `routing indicator '${w.text}' ${fault}: expected R followed by 3–7 letters` });
      }
    }
  },
};
