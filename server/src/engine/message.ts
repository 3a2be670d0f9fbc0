/**
 * What a diagnostic may say: one line of printable text. Messages quote the cable (`END NOTE`,
 * a TAGS code, a DTG), and a cable can hold anything: a line break inside a quoted span, an
 * escape sequence that clears a terminal, a form feed. Every front end (stylish, JSON, SARIF,
 * the editor) shows the message as the engine wrote it, so the engine writes it safe, once.
 */
import type { Diagnostic, Fix } from './types';

/**
 * Characters no message shows as they are: C0 and C1 controls and DEL (they move a terminal's
 * cursor, clear its screen or ring it), and the bidirectional controls, which reorder the text
 * around them where it is displayed.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Line breaks, tabs and the blanks around them: one space in a one-line message. */
const BREAK = /[ \t]*(?:\r\n|[\r\n\t\u2028\u2029])[ \t\r\n\u2028\u2029]*/g;
const NEEDS_WORK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** `U+001B`: how a character that must not be shown raw is written. */
export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text with every unprintable character written as `U+XXXX` (line breaks and tabs included). */
export function printable(text: string): string {
  return NEEDS_WORK.test(text) ? text.replace(UNPRINTABLE, codePoint).replace(/[\u2028\u2029]/g, codePoint) : text;
}

/**
 * A message as one printable line: a line break or tab (a quoted `END⏎NOTE` split over two
 * lines) becomes one space together with the blanks around it, and any other unprintable
 * character is written `U+XXXX`.
 */
export function oneLine(message: string): string {
  if (!NEEDS_WORK.test(message)) return message;
  return message.replace(BREAK, ' ').replace(UNPRINTABLE, codePoint);
}

function cleanFix(fix: Fix): Fix {
  const title = oneLine(fix.title);
  return title === fix.title ? fix : { ...fix, title };
}

/** The diagnostic with its message, its related messages and its fixes' titles made one printable line each. */
export function printableDiagnostic(d: Diagnostic): Diagnostic {
  d.message = oneLine(d.message);
  // Lists are copied only when something in them needs rewriting: almost never.
  if (d.related?.some((r) => NEEDS_WORK.test(r.message))) d.related = d.related.map((r) => (NEEDS_WORK.test(r.message) ? { ...r, message: oneLine(r.message) } : r));
  if (d.fixes?.some((f) => NEEDS_WORK.test(f.title))) d.fixes = d.fixes.map(cleanFix);
  return d;
}
