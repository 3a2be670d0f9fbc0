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
