import type { Cable, ClassifiedBy, Range } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import { levelRank } from '../engine/facts';
import type { Rule } from '../engine/types';
import { bannerLevel } from '../engine/facts';

// Reason spellings the corpus shows beyond the strict ReasonCite (spec 2.4, 4.4):
// `1  .4`, `1.  4`, `1:4`, `14 (b)`, `per 1.4`, `REAS ONS (B) and (D)`, `reasons b, d`.
const LOOSE_REASON = [
  /\b1\s*[.,/:]\s*[45](?!\d)/,
  /\b1\.?\s?[45]\s*\(\s*[a-h]\s*\)/i,
  /\br\s*e\s*a\s*s\s*o\s*n\s*(?:\(\s*s\s*\)|s)?\b\s*:?\s*(?:1\b|\(?\s*[a-h]\s*\)?(?![a-z]))/i,
  /\bper\s+1\b/i,
  /\bsection\s+1\.?\s?[45]\b/i,
  /\bderived\s+from\b/i,
];

// A reason that starts the next non-blank line (`Classified By: … for Reasons⏎⏎1.4 (b) and (d).`).
const REASON_LINE =
  /^\s*(?:for\s+)?(?:r\s*e\s*a\s*s\s*o\s*n|E\.?\s?O\.?\s*1\d{4}|section\s+1|1\s*[.,/:]\s*[45](?!\d)|\(?[a-h]\)\s*(?:,|and|&|\/)|derived\s+from)/i;

export function hasReason(cable: Cable, cb: ClassifiedBy): boolean {
  if (cb.reasonSection || cb.derivedFrom || cb.reasonLetters.length > 0 || LOOSE_REASON.some((re) => re.test(cb.text))) return true;
  // A bounded look past the node: a blank line inside the 3-line span ends the field in
  // the tree although the reason follows it (06BUENOSAIRES350).
  const after = cable.text.slice(cb.range.end.offset, cb.range.end.offset + 300).split(/\r\n|\r|\n/);
  let blanks = 0;
  for (const line of after.slice(1)) {
    if (!line.trim()) {
      if (++blanks > 1) return false;
      continue;
    }
    return REASON_LINE.test(line);
  }
  return false;
}

/** A field the publisher cut short (`Classified By: Ambass...`): what is missing may be in the cut. */
export function truncated(text: string): boolean {
  return /(?:\.\.\.|\u2026)\s*$/.test(text);
}

/** The `Classified By` keyword inside the line, for a precise range. */
export function keywordRange(lines: Parameters<typeof rangeAt>[0], cb: ClassifiedBy): Range {
  const m = /CLASSIFIED\s+BY:?/i.exec(cb.text);
  if (!m) return cb.range;
  const a = cb.range.start.offset + m.index;
  return rangeAt(lines, a, a + m[0].length);
}

export const CBL046: Rule = {
  id: 'CBL046',
  name: 'classified-by-required',
  defaultSeverity: 'error',
  severityByProfile: { published: 'info' },
  fixable: false,
  description:
    "CONFIDENTIAL and SECRET cables carry a 'Classified By:' line before paragraph 1 naming the authority and a reason (1.4 (x)) or 'Derived from …'.",
  check(ctx) {
    const { cable } = ctx;
    const banner = bannerLevel(cable);
    if (!banner || levelRank(banner.level) < 1) return;
    const level = banner.level;
    const cb = cable.classifiedBy;
    const firstPara = cable.paragraphs.find((p) => !p.ambiguous);

    if (!cb) {
      // A header preview cut off by the publisher (`SUBJECT: … RESOLVE...`) ends before the
      // Classified By line would come.
      const lastField = cable.headerOrder[cable.headerOrder.length - 1];
      if (!firstPara && lastField && truncated(cable.text.slice(lastField.range.start.offset, lastField.range.end.offset))) return;
      const last = cable.headerOrder[cable.headerOrder.length - 1];
      const range = firstPara ? firstPara.numberText.range : last ? last.range : banner.levelText.range;
      ctx.report({
        range,
        message: `${level} cable without a Classified By line: expected "Classified By: <name, title> for reasons 1.4 (b) and (d)" before paragraph 1`,
        related: [{ range: banner.levelText.range, message: `banner level ${level}` }],
      });
      return;
    }

    const kw = keywordRange(cable.lines, cb);
    if (cb.numbered) {
      // The old numbered form (9 corpus cables) is accepted with a warning.
      ctx.report({
        range: kw,
        severity: ctx.severity === 'error' ? 'warning' : ctx.severity,
        message: 'Classified By written as numbered paragraph 1: it belongs in the header, unnumbered, before paragraph 1',
      });
    } else if (!cb.midLine && firstPara && cb.range.start.offset > firstPara.range.start.offset) {
      ctx.report({ range: kw, message: 'the Classified By line follows paragraph 1: it belongs in the header, before paragraph 1' });
    }

    if (truncated(cb.text)) return;
    const authority = cb.authority?.text ?? '';
    const missing: string[] = [];
    if (!/[A-Za-z]{2}/.test(authority)) missing.push('the classifying authority (name and title)');
    if (!hasReason(cable, cb)) missing.push('a reason (1.4 (b), (d) …) or "Derived from …"');
    if (missing.length) {
      ctx.report({
        range: cb.range.start.line === cb.range.end.line ? cb.range : kw,
        message: `the Classified By line lacks ${missing.join(' and ')}`,
      });
    }
  },
};
