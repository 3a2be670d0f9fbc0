import type { Rule } from '../engine/types';

export const CBL086: Rule = {
  id: 'CBL086',
  name: 'single-paragraph-numbered',
  defaultSeverity: 'info',
  fixable: true,
  description: 'A cable whose only numbered paragraph is `1.`: a single paragraph is not numbered (5 FAH-1 H-246.2).',
  check(ctx) {
    const { cable } = ctx;
    // An extract may show only the first paragraph of a longer cable.
    if (cable.partialExtract) return;
    const numbered = cable.paragraphs.filter((p) => !p.ambiguous);
    if (numbered.length !== 1) return;
    const only = numbered[0]!;
    if (only.number !== 1) return;
    // Delete the number and the space after it, so that the portion mark starts the text.
    const lineEnd = cable.lines[only.numberText.range.end.line]!.end;
    let end = only.numberText.range.end.offset;
    while (end < lineEnd && (cable.text[end] === ' ' || cable.text[end] === '\t')) end++;
    const endPos = { offset: end, line: only.numberText.range.end.line, character: only.numberText.range.end.character + (end - only.numberText.range.end.offset) };
    ctx.report({
      range: only.numberText.range,
      message: 'the only numbered paragraph is 1: a cable with a single paragraph does not number it',
      fixes: [
        {
          title: `Remove the paragraph number \`${only.numberText.text}\``,
          edits: [{ range: { start: only.numberText.range.start, end: endPos }, newText: '' }],
          safe: false,
        },
      ],
    });
  },
};
