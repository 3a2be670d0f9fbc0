/**
 * Banners whose level word the drafter or the printout garbled: the lexer types a banner by its
 * exact level (`CONFIDENTIAL`, `C O N F I D E N T I A L`); the parser asks this of the text lines
 * where a banner may stand.
 */
import type { IToken } from 'chevrotain';
import { distance } from 'fastest-levenshtein';
import { isSpace } from './chars';
import * as T from './lexer';

const LEVEL_WORDS = ['UNCLAS', 'UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOPSECRET'];
const BANNER_SHAPE = /^((?:[A-Z] ){3,}[A-Z]|[A-Z]{5,14}) +(?:SECTION +\S+ +OF +\S+ +)?[A-Z][A-Z .'-]*? +\d{1,8}\s*(?:[A-Z ,]*)$/;

/**
 * A section banner whose serial the printout cut off (`C O N F I D E N T I A L SECTION 01 OF 02
 * TEL AVIV`, 06TELAVIV4032): still the banner line, and CBL021 says what it lacks.
 */
const SERIAL_CUT_BANNER = /^((?:[A-Z] ){3,}[A-Z]|[A-Z]{5,14}) +SECTION +\d{1,3} +OF +\d{1,3} +[A-Z][A-Z .'-]*[A-Z]$/;

/**
 * A line shaped like a banner whose level is a misspelling of a real one (edit distance
 * <= 2: `CONFIDENTAL REYKJAVIK 457`). The lexer types real banners; this catches the rest.
 */
export function looksLikeBanner(t: IToken): boolean {
  if (t.tokenType !== T.TextLine || t.image.length > 120) return false;
  // Both shapes open with a capital and a capital or a space (`CONFIDENTAL`, `C O N F …`): the
  // parser asks this of most lines before the text, and most start otherwise.
  const image = t.image;
  let i = 0;
  while (i < image.length && isSpace(image.charCodeAt(i))) i++;
  const c0 = image.charCodeAt(i);
  const c1 = image.charCodeAt(i + 1);
  if (!(c0 >= 0x41 && c0 <= 0x5a) || !((c1 >= 0x41 && c1 <= 0x5a) || c1 === 0x20)) return false;
  const trimmed = image.trim();
  const m = BANNER_SHAPE.exec(trimmed) ?? SERIAL_CUT_BANNER.exec(trimmed);
  if (!m) return false;
  const lvl = m[1]!.replace(/ /g, ''); // the level: group 1 of both shapes, unnamed (fields.ts, Numbered)
  return LEVEL_WORDS.some((w) => distance(lvl, w) <= 2);
}
