import type { Cable } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

const cache = new WeakMap<Cable, Uint8Array>();

/**
 * 1 for every physical line that belongs to the publication wrapper (WikiLeaks page text,
 * metadata rows, trailers): the layout and hygiene rules judge the cable, not the page around it.
 */
export function wrapperLines(cable: Cable): Uint8Array {
  const hit = cache.get(cable);
  if (hit) return hit;
  const marks = new Uint8Array(cable.lines.length);
  for (const w of cable.wrapper) {
    const first = w.range.start.line;
    // A part that ends at column 0 stops before that line.
    const last = w.range.end.character === 0 && w.range.end.line > first ? w.range.end.line - 1 : w.range.end.line;
    for (let l = first; l <= last && l < marks.length; l++) marks[l] = 1;
  }
  cache.set(cable, marks);
  return marks;
}

const DEFAULT_MAX = 69;

export const CBL120: Rule = {
  id: 'CBL120',
  name: 'line-length',
  defaultSeverity: 'info',
  severityByProfile: { published: 'off' },
  fixable: false,
  description: 'A line is longer than the configured limit (default 69; `¶` and redaction runs not counted).',
  check(ctx) {
    const { cable } = ctx;
    // Reflowed text has whole paragraphs on one line: line length means nothing there.
    if (cable.reflowed) return;
    const opt = ctx.options.max;
    const max = typeof opt === 'number' && Number.isFinite(opt) && opt > 0 ? Math.floor(opt) : DEFAULT_MAX;
    const skip = wrapperLines(cable);
    const text = cable.text;
    for (let l = 0; l < cable.lines.length; l++) {
      if (skip[l]) continue;
      const line = cable.lines[l]!;
      let end = line.end;
      // Trailing blanks are CBL121's.
      while (end > line.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      if (end - line.start <= max) continue;
      // Count the line, leaving out `¶` and redaction runs (`XXXXXXXXXXXX`), and find where it
      // passes the limit.
      let counted = 0;
      let overflow = -1;
      for (let i = line.start; i < end; i++) {
        const c = text[i];
        if (c === '¶') continue;
        if (c === 'X' && text.startsWith('XXXXXX', i)) {
          let j = i;
          while (j < end && text[j] === 'X') j++;
          i = j - 1;
          continue;
        }
        counted++;
        if (counted === max + 1) overflow = i;
      }
      if (overflow < 0) continue;
      ctx.report({
        range: {
          start: { offset: overflow, line: l, character: overflow - line.start },
          end: { offset: end, line: l, character: end - line.start },
        },
        message: `line is ${counted} characters long: expected at most ${max}`,
      });
    }
  },
};
