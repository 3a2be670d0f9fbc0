import type { Rule } from '../engine/types';

export const CBL024: Rule = {
  id: 'CBL024',
  name: 'noforn-caption',
  defaultSeverity: 'info',
  fixable: true,
  description: 'A /NF or //NF portion mark requires a NOFORN caption (or NOFORN on the banner line).',
  check(ctx) {
    const { cable, model } = ctx;
    // Without a banner the classification block was not read: its captions are unknown.
    if (!cable.banner) return;
    const marked = cable.paragraphs.filter((p) => p.portionMark?.noforn);
    if (!marked.length || model.classification.captions.has('NOFORN') || model.classification.statedInHeader.noforn) return;
    const first = marked[0]!.portionMark!;
    const more = marked.length > 1 ? ` (and ${marked.length - 1} more NOFORN portion${marked.length > 2 ? 's' : ''})` : '';
    const fix = model.classification.captionInsertion('NOFORN');
    ctx.report({
      range: first.range,
      message: `portion mark ${first.text} in paragraph ${marked[0]!.number} requires a NOFORN caption; the cable has none${more}`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};
