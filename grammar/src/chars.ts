/**
 * Character tests the builders run on every segment, on UTF-16 units: a regular expression per
 * character (`/[\s\\]/.test(text[i])`) cost more than the builders' own work on short lines.
 */

/** Whether a UTF-16 unit is one `\s` matches (and `String.prototype.trim` removes). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `end` moved back over trailing blanks and `\` line ends (not before `start`). */
export function contentEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c !== 0x5c && !isSpace(c)) break;
    end--;
  }
  return end;
}

/** `start` moved over leading blanks, as `trim` drops them (not past `end`). */
export function skipSpace(text: string, start: number, end: number): number {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  return start;
}

/** `end` moved back over trailing blanks, as `trim` drops them (not before `start`). */
export function spaceEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Whether a line is a heading: trimmed, at most 80 characters of `[A-Z0-9]`, then two or more of
 * capitals, digits, blanks and `,.'&/()-`, a colon at most at the end, two capitals in a row, and
 * not `END`, `NNNN` or `BT` as its first word. Read in place: the test runs on most lines of a
 * cable written in capitals, and a copy of each (trimmed twice) was most of what the text layer
 * allocated per line.
 */
export function isHeadingAt(text: string, start: number, end: number): boolean {
  const a = skipSpace(text, start, end);
  const b = spaceEnd(text, a, end);
  if (b - a > 80 || b - a < 3 || !headingStart(text.charCodeAt(a), text.charCodeAt(a + 1))) return false;
  const last = text.charCodeAt(b - 1) === 0x3a ? b - 1 : b;
  if (last - a < 3) return false;
  let pair = false;
  for (let i = a + 1; i < last; i++) {
    const c = text.charCodeAt(i);
    if (!headingChar(c)) return false;
    if (!pair && isCapital(c) && isCapital(text.charCodeAt(i - 1))) pair = true;
  }
  if (!pair) return false;
  return !firstWordIs(text, a, b, 'END') && !firstWordIs(text, a, b, 'NNNN') && !firstWordIs(text, a, b, 'BT');
}

/** `/^-{3,}\s*$/` on `text[start, end)`. */
export function isDashAt(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && text.charCodeAt(i) === 0x2d) i++;
  if (i - start < 3) return false;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i === end;
}

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** `[A-Z0-9 ,.'&/()-]`. */
function headingChar(c: number): boolean {
  return isCapital(c) || (c >= 0x30 && c <= 0x39) || c === 0x20 || c === 0x2c || c === 0x2e || c === 0x27 || c === 0x26 || c === 0x2f || c === 0x28 || c === 0x29 || c === 0x2d;
}

/** `/^WORD\b/` on `text[start, end)`. */
function firstWordIs(text: string, start: number, end: number, word: string): boolean {
  if (end - start < word.length || !text.startsWith(word, start)) return false;
  const at = start + word.length;
  if (at === end) return true;
  const c = text.charCodeAt(at);
  return !(isCapital(c) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f);
}

/** Whether two characters may open HEADING: `[A-Z0-9]`, then one of `[A-Z0-9 ,.'&/()-]`. */
function headingStart(c0: number, c1: number): boolean {
  if (!((c0 >= 0x41 && c0 <= 0x5a) || (c0 >= 0x30 && c0 <= 0x39))) return false;
  return (c1 >= 0x41 && c1 <= 0x5a) || (c1 >= 0x26 && c1 <= 0x39) || c1 === 0x20;
}
