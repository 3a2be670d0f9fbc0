import type { Cable, Range } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';
import { wrapperLines } from './CBL120-line-length';

/** The last non-blank line of the text before `NNNN` (or the end), publisher lines skipped. */
export function lastTextLine(cable: Cable): { line: number; range: Range } | undefined {
  const skip = wrapperLines(cable);
  // Section banners and page markers are structure, not text: a signature comes before them
  // only if text follows.
  const structure = new Set<number>();
  for (const n of [...cable.sectionBanners, ...cable.malformedBanners, ...cable.pageMarkers]) {
    if (n.kind === 'PageMarker' && n.midLine) continue;
    for (let l = n.range.start.line; l <= n.range.end.line; l++) structure.add(l);
  }
  const text = cable.text;
  let l = cable.endOfMessage ? cable.endOfMessage.range.start.line - 1 : cable.lines.length - 1;
  for (; l >= 0; l--) {
    const line = cable.lines[l]!;
    if (line.end <= cable.textStart) return undefined;
    if (skip[l] || structure.has(l)) continue;
    let a = line.start;
    let b = line.end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (a === b) continue;
    return {
      line: l,
      range: {
        start: { offset: a, line: l, character: a - line.start },
        end: { offset: b, line: l, character: b - line.start },
      },
    };
  }
  return undefined;
}

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
    const last = lastTextLine(cable);
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
