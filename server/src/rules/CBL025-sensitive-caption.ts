import type { Rule } from '../engine/types';

export const CBL025: Rule = {
  id: 'CBL025',
  name: 'sensitive-caption',
  defaultSeverity: 'info',
  fixable: true,
  description: 'An UNCLAS cable with (SBU) portions carries the SENSITIVE caption.',
  check(ctx) {
    const { cable, model } = ctx;
    const level = cable.banner?.level;
    if (level !== 'UNCLASSIFIED' && level !== 'UNCLASSIFIED EFTO') return;
    const marked = cable.paragraphs.filter((p) => p.portionMark?.level === 'SBU');
    if (!marked.length) return;
    const { captions, statedInHeader } = model.classification;
    if (captions.has('SENSITIVE') || captions.has('SENSITIVE BUT UNCLASSIFIED') || statedInHeader.sensitive) return;
    const first = marked[0]!.portionMark!;
    const more = marked.length > 1 ? ` (and ${marked.length - 1} more SBU portion${marked.length > 2 ? 's' : ''})` : '';
    const fix = model.classification.captionInsertion('SENSITIVE');
    ctx.report({
      range: first.range,
      message: `portion mark ${first.text} in paragraph ${marked[0]!.number} requires a SENSITIVE caption in an UNCLAS cable; the cable has none${more}`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};
