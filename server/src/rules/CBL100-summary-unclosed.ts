import type { Rule } from '../engine/types';

const SPLIT_END = /\bEND[\s\\]*\n[\s\\]*(?:OF\s+)?SUMMARY\b|\bEND\s+OF[\s\\]*\n[\s\\]*SUMMARY\b/i;

export const CBL100: Rule = {
  id: 'CBL100',
  name: 'summary-unclosed',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'An explicit summary opener with no `END SUMMARY` before the text ends.',
  check(ctx) {
    const { cable } = ctx;
    const a = ctx.model.blocks;
    for (const m of a.unclosedAtEnd) {
      if (m.block !== 'SUMMARY') continue;
      // The parser finds marks line by line; an `END⏎SUMMARY` broken over two lines (no
      // punctuation after it) is not a mark, but it does close the summary.
      if (SPLIT_END.test(cable.text.slice(m.range.end.offset))) continue;
      const i = a.paragraphOf(m);
      const where = i >= 0 ? ` in paragraph ${cable.paragraphs[i]!.number}` : '';
      ctx.report({
        range: m.range,
        message: `summary opened by \`${m.text}\`${where} is never closed: expected \`END SUMMARY\` where the summary ends`,
      });
    }
  },
};
