import type { Cable, Paragraph } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

/** The number as a reader sees it: `¶12.`, `- 11.` and `$\underline{\P}7.$` all show as `12.` etc. */
export function shownNumber(p: Paragraph): string {
  return p.numberText.text.replace(/^- /, '');
}

export interface NumberingStep {
  paragraph: Paragraph;
  /** The numbered paragraph before it, if any. */
  previous?: Paragraph;
  /** Numbering starts again here: marked by the parser, or any return to 1 after a higher number. */
  restart: boolean;
}

/**
 * The numbered paragraphs in order, with their predecessor. Candidates the parser rejected as
 * wrapped continuations (CBL085) are not paragraphs and are left out, so that a `16.` starting a
 * wrapped line neither breaks nor fills the numbering.
 */
export function numberingSteps(cable: Cable): NumberingStep[] {
  const steps: NumberingStep[] = [];
  let previous: Paragraph | undefined;
  for (const p of cable.paragraphs) {
    // Items of a list or quotation inside a paragraph are numbered on their own.
    if (p.ambiguous || p.nested) continue;
    // A return to 1 starts a new list (lettered section headings `¶B. TRAINING …`, tables of
    // contents) far more often than it is a slip; CBL083 still points it out.
    const restart = p.restart || (previous !== undefined && p.number === 1 && previous.number > 1);
    steps.push(previous ? { paragraph: p, previous, restart } : { paragraph: p, restart });
    previous = p;
  }
  return steps;
}

export const CBL080: Rule = {
  id: 'CBL080',
  name: 'paragraph-order',
  defaultSeverity: 'error',
  // Sent cables carry such slips (80 of 3,000): on a published record it is a warning.
  severityByProfile: { published: 'warning' },
  fixable: false,
  description: 'A paragraph number is equal to or lower than the number before it (and is not a restart).',
  check(ctx) {
    for (const { paragraph: p, previous, restart } of numberingSteps(ctx.cable)) {
      if (!previous || restart) continue;
      if (p.number > previous.number) continue;
      const what = p.number === previous.number ? 'repeats' : 'follows';
      ctx.report({
        range: p.numberText.range,
        message: `paragraph ${p.number} ${what} paragraph ${previous.number}: expected ${previous.number + 1}`,
        related: [{ range: previous.numberText.range, message: `previous paragraph ${previous.number}` }],
      });
    }
  },
};
