import type { Rule } from '../engine/types';
import { measureLine, widthOption } from '../model/line-width';

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
    const max = widthOption(ctx.options.max);
    const { wrapper } = ctx.model;
    const text = cable.text;
    for (let l = 0; l < cable.lines.length; l++) {
      if (wrapper.isWrapperLine(l)) continue;
      const line = cable.lines[l]!;
      let end = line.end;
      // Trailing blanks are CBL121's.
      while (end > line.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      if (end - line.start <= max) continue;
      // `¶` and redaction runs (`XXXXXXXXXXXX`) take no room (model/line-width.ts, which the formatter wraps by).
      const { counted, overflow } = measureLine(text, line.start, end, max);
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
