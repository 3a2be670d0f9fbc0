import type { Rule } from '../engine/types';

export const CBL121: Rule = {
  id: 'CBL121',
  name: 'trailing-whitespace',
  defaultSeverity: 'info',
  // 78 % of wrapped corpus cables end lines with a space (teleprinter output).
  enabledByDefault: false,
  severityByProfile: { published: 'off' },
  fixable: true,
  description: 'A line ends with spaces or tabs.',
  check(ctx) {
    const { cable } = ctx;
    const { wrapper } = ctx.model;
    const text = cable.text;
    for (let l = 0; l < cable.lines.length; l++) {
      if (wrapper.isWrapperLine(l)) continue;
      const line = cable.lines[l]!;
      let start = line.end;
      while (start > line.start && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      if (start === line.end) continue;
      const range = {
        start: { offset: start, line: l, character: start - line.start },
        end: { offset: line.end, line: l, character: line.end - line.start },
      };
      const n = line.end - start;
      ctx.report({
        range,
        message: `line ends with ${n} trailing ${n === 1 ? 'blank' : 'blanks'}: expected none`,
        unnecessary: true,
        fixes: [{ title: 'Remove trailing whitespace', edits: [{ range, newText: '' }], safe: true }],
      });
    }
  },
};
