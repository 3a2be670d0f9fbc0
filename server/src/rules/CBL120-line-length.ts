import type { Rule } from '../engine/types';

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
    const { wrapper } = ctx.model;
    const text = cable.text;
    for (let l = 0; l < cable.lines.length; l++) {
      if (wrapper.isWrapperLine(l)) continue;
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
