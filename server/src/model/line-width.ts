/**
 * How wide a line is for the line-length limit (spec CBL120): `¶` and redaction runs
 * (`XXXXXX` and longer, the publisher's blacking out) take no room, since neither was in the
 * cable as sent. CBL120 reports by it and the formatter wraps by it, so a line the formatter
 * writes is one CBL120 accepts.
 */

/** The limit when none is configured. */
export const DEFAULT_LINE_WIDTH = 69;

/** A redaction run counts from this many `X` on. */
const REDACTION_RUN = 'XXXXXX';

export interface LineMeasure {
  /** The characters counted. */
  counted: number;
  /** Offset of the character that takes the line past `max`; -1 when it stays within. */
  overflow: number;
}

/** The width of `text` from `start` to `end` (trailing blanks are the caller's to leave out). */
export function measureLine(text: string, start: number, end: number, max = Infinity): LineMeasure {
  let counted = 0;
  let overflow = -1;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '¶') continue;
    if (c === 'X' && text.startsWith(REDACTION_RUN, i)) {
      let j = i;
      while (j < end && text[j] === 'X') j++;
      i = j - 1;
      continue;
    }
    counted++;
    if (counted === max + 1) overflow = i;
  }
  return { counted, overflow };
}

/** The width of a whole string. */
export function lineWidth(text: string): number {
  return measureLine(text, 0, text.length).counted;
}

/** CBL120's `max` option as the rule reads it: a positive number, else the default. */
export function widthOption(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : DEFAULT_LINE_WIDTH;
}
