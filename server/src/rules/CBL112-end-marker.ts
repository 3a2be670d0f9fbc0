import type { Rule } from '../engine/types';

export const CBL112: Rule = {
  id: 'CBL112',
  name: 'end-marker',
  defaultSeverity: 'warning',
  // NNNN is optional in drafts and survives in 21 published copies only.
  severityByProfile: { draft: 'off', published: 'off' },
  fixable: true,
  description: 'Nothing but blank lines or a publisher trailer follows `NNNN`; a transmitted text ends with `NNNN`.',
  check(ctx) {
    const { cable } = ctx;
    const eom = cable.endOfMessage;
    if (eom) {
      if (eom.trailing) {
        ctx.report({
          range: eom.trailing.range,
          message: 'text after the end-of-message line `NNNN`: expected nothing but blank lines',
          related: [{ range: eom.range, message: 'end of message' }],
        });
      }
      return;
    }
    if (ctx.profile !== 'transmitted') return;
    const last = ctx.model.wrapper.lastTextLine;
    if (!last) return;
    ctx.report({
      range: last.range,
      severity: 'info',
      message: 'no end-of-message line: expected `NNNN` after the signature',
      fixes: [{ title: 'Add `NNNN`', edits: [{ range: { start: last.range.end, end: last.range.end }, newText: '\nNNNN' }], safe: false }],
    });
  },
};
