/**
 * Field keywords as drafters mistype them. The lexer types a segment by its exact keyword
 * (`TAGS:`, `SUBJECT:`); a header line whose first word is one slip away from one (`TAS:`,
 * `TAGES:`, `TAGS;`, `UBJECT:`, `SUBJECT` without its colon) is that field all the same, so that
 * its content is read and checked, and CBL065 reports the keyword.
 */
import type { IToken } from 'chevrotain';
import { distance } from 'fastest-levenshtein';
import { group, numbered } from './fields';

export type MisspeltField = 'tags' | 'subject';

/** First word, then the punctuation after it (or a blank), then the rest of the line. */
const LEAD = numbered(/^[ \t]*(?<word>[A-Za-z]{2,9})(?<punct>[ \t]*[:;,.])?(?<rest>[ \t]+\S.*|\S.*)?$/);
/** A tags list starts with a code (`PREL`, `(CLINTON`, `prel,`). */
const TAGS_START = /^[ \t]*\(?[A-Za-z]{2,6}(?:[\s,;()]|$)/;

/** Whether `word` is `target` with one letter missing, added, changed or two swapped. */
function oneSlip(word: string, target: string): boolean {
  if (distance(word, target) <= 1) return true;
  for (let i = 0; i + 1 < word.length; i++) {
    if (word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) === target) return true;
  }
  return false;
}

/**
 * The field a header line stands for when its keyword is misspelt or wrongly punctuated; undefined
 * for a line the lexer already typed, and for ordinary text. Lower- and mixed-case words only
 * with punctuation after them (`Subject to approval` is a sentence).
 */
export function misspeltFieldOf(image: string): MisspeltField | undefined {
  if (image.length > 400) return undefined;
  // The parser asks this of most lines before the text: read by number (fields.ts, Numbered).
  const m = LEAD.re.exec(image);
  if (!m) return undefined;
  const word = group(LEAD, m, 'word')!;
  const punct = group(LEAD, m, 'punct');
  const rest = group(LEAD, m, 'rest');
  const upper = word.toUpperCase();
  const mark = punct?.trim();
  if (!rest?.trim()) return undefined;
  if (mark) {
    if (upper === 'TAGS' || upper === 'TAG') return mark === ':' || !TAGS_START.test(rest) ? undefined : 'tags';
    if (upper === 'SUBJECT' || upper === 'SUBJ') return mark === ':' ? undefined : 'subject';
    if (mark === '.' ) return undefined;
    if (word.length >= 3 && word.length <= 5 && oneSlip(upper, 'TAGS') && TAGS_START.test(rest)) return 'tags';
    if (word.length >= 5 && (oneSlip(upper, 'SUBJECT') || distance(upper, 'SUBJECT') <= 2)) return 'subject';
    return undefined;
  }
  // No punctuation: only the exact word in capitals (`SUBJECT ITALY: THE EXPORT PLAN`).
  if ((word === 'SUBJECT' || word === 'SUBJ') && /^[ \t]+\S/.test(rest)) return 'subject';
  return undefined;
}

/** The same, for a lexer token: only plain text lines can be mistyped fields. */
export function misspeltField(t: IToken, textLine: unknown): MisspeltField | undefined {
  return t.tokenType === textLine ? misspeltFieldOf(t.image) : undefined;
}
