import type { Rule } from '../engine/types';

export const CBL000: Rule = {
  id: 'CBL000',
  name: 'syntax',
  defaultSeverity: 'error',
  fixable: false,
  description: 'The parser met input it could not fit into the cable structure and recovered.',
  check(ctx) {
    for (const e of ctx.cable.errors) ctx.report({ range: e.range, message: e.message });
  },
};
