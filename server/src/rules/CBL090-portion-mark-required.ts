import type { Cable, Paragraph } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

/**
 * `2. Rio Group Meeting:`, `5. WMD Proliferation Financing Issues`: a numbered heading standing
 * alone on its line (spec 4.4) is not a paragraph of text and carries no mark. Below it comes a
 * blank line, a dashed rule (06VIENNA515) or the marked text itself: `-- (S) …` bullets
 * (`¶1. KEY POINTS`, 09RIYADH447) or a line opening with its mark (`(C) The SYG …`).
 */
export function isNumberedHeading(cable: Cable, p: Paragraph): boolean {
  if (p.midLine) return false;
  const l = p.numberText.range.end.line;
  const line = cable.lines[l]!;
  const rest = cable.text.slice(p.numberText.range.end.offset, line.end).trim();
  if (rest.length === 0 || rest.length > 60 || /[.,;]$/.test(rest)) return false;
  const next = cable.lines[l + 1];
  if (!next) return true;
  const below = cable.text.slice(next.start, next.end).trim();
  return below === '' || /^-{3,}$/.test(below) || /^(?:--?\s*)?\((?:TS|S|C|U|SBU)\b[^)]{0,40}\)/i.test(below);
}

export const CBL090: Rule = {
  id: 'CBL090',
  name: 'portion-mark-required',
  defaultSeverity: 'error',
  // 3.7 % of sent cables still have an unmarked paragraph.
  severityByProfile: { published: 'warning' },
  fixable: false,
  description: 'In a CONFIDENTIAL or SECRET cable every numbered paragraph carries a portion mark after its number.',
  check(ctx) {
    const { cable } = ctx;
    if (!cable.banner || !ctx.model.classification.classified || cable.entireTextMarked) return;
    for (const p of cable.paragraphs) {
      // A malformed mark is CBL092's; a redaction run hides whatever mark there was.
      // A list or quotation inside a paragraph is covered by that paragraph's mark.
      if (p.ambiguous || p.nested || p.portionMark || p.redactedLead || isNumberedHeading(cable, p)) continue;
      ctx.report({
        range: p.numberText.range,
        message: `paragraph ${p.number} has no portion mark: expected a mark such as \`(C)\` after \`${p.numberText.text.replace(/^- /, '')}\` in a ${cable.banner.level} cable`,
      });
    }
  },
};
