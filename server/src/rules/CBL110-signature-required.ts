import type { Rule } from '../engine/types';

/** Spec 4.1: a line longer than this is reflowed text. */
const REFLOWED_LINE = 150;

export const CBL110: Rule = {
  id: 'CBL110',
  name: 'signature-required',
  defaultSeverity: 'warning',
  // Partial extracts and publisher trailers: a published copy often has no signature.
  severityByProfile: { published: 'off' },
  fixable: false,
  description: "The text ends with a signature: the signing officer's surname, on its own line or after the last paragraph.",
  check(ctx) {
    const { cable } = ctx;
    if (cable.signature) return;
    const last = ctx.model.wrapper.lastTextLine;
    if (!last) return;
    // A text glued onto one long line (reflowed copy the parser could not split) has its
    // signature, if any, somewhere inside that line.
    if (last.range.end.character - last.range.start.character > REFLOWED_LINE) return;
    ctx.report({
      range: last.range,
      message: "the text ends without a signature: expected the signing officer's surname (e.g. `RICE`) on its own line after the last paragraph",
    });
  },
};
