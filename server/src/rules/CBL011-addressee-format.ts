import type { Rule } from '../engine/types';
import { routingIndicatorFault } from '../model/envelope';

const FORM = "'[TO|INFO] <RI>/<addressee> [PRECEDENCE] [NNNN]'";

export const CBL011: Rule = {
  id: 'CBL011',
  name: 'addressee-format',
  defaultSeverity: 'warning',
  severityByProfile: { draft: 'off' },
  fixable: true,
  description: "Every line of the TO/INFO block is '[TO|INFO|XMT] [RI/]PLAD [PRECEDENCE] [NNNN]'.",
  check(ctx) {
    for (const { line, unjoined, sequence } of ctx.model.envelope.addressees) {
      if (!line.plad) {
        ctx.report({ range: line.range, message: `addressee line '${line.text}' does not match ${FORM}` });
        continue;
      }
      const ri = line.routingIndicator;
      const fault = ri && routingIndicatorFault(ri.text);
      if (ri && fault) {
        ctx.report({ range: ri.range, message: `routing indicator '${ri.text}' ${fault}: expected R followed by 3–7 letters` });
        continue;
      }
      if (unjoined) {
        const { ri: written, gap, plad, listed } = unjoined;
        ctx.report({
          range: written.range,
          message: `routing indicator ${written.text} is not joined to its addressee: expected '${written.text}/${plad}'`,
          fixes: [{ title: `Join with '/': ${written.text}/${plad.split(' ')[0]}`, edits: [{ range: gap, newText: '/' }], safe: listed }],
        });
        continue;
      }
      if (sequence) {
        const padded = sequence.text.length < 4 ? sequence.text.padStart(4, '0') : undefined;
        ctx.report({
          range: sequence.range,
          message: `sequence number '${sequence.text}' has ${sequence.text.length} digits: expected 4`,
          ...(padded
            ? { fixes: [{ title: `Pad the sequence number to ${padded}`, edits: [{ range: sequence.range, newText: padded }], safe: true }] }
            : {}),
        });
      }
    }
  },
};
