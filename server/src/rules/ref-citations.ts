import type { Cable, Range, RefItem } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';

/**
 * Citations of REF items in the text (spec 2.4 `BodyRefCite`): `REF A`, `REFTEL B`,
 * `REFS A AND C`, `(REF D)`, `REFS A-C`. Shared by CBL076 and the language server
 * (go-to-definition, references, highlights), so it is a pure function of the tree.
 */
export interface RefCitation {
  /** The cited letter, upper-cased (as `RefItem.letter`). */
  letter: string;
  /** Exactly the letter as written. */
  range: Range;
  /** The whole citation the letter belongs to (`REFS A AND C`). */
  citation: Range;
  /** First in its citation (`A` of `REFS A AND C`) rather than a continuation. */
  first: boolean;
  /**
   * The REF item the letter resolves to: the item with that letter, or for `REF A` with a
   * single unlettered reference, that reference. Undefined when nothing matches.
   */
  item?: RefItem;
}

// Keyword in any case; the letters are filtered by case afterwards (lower case counts only
// when the REF list itself is lower case). `\s` spans line breaks: wrapped text splits
// `REF⏎A` in real cables. The final look-ahead rejects words (`REF PARA 3`, `REFTEL REQUESTED`)
// and abbreviations (`(ref A), P/E Chief`).
const CITE =
  /\bREF(?:TEL)?S?\.?\s+\(?([A-Z])\)?((?:\s*(?:,|AND|&|-|THROUGH)\s*\(?[A-Z]\)?)*)(?![A-Z0-9/])/dgi;
const CONTINUATION = /\s*(,|AND|&|-|THROUGH)\s*\(?([A-Z])\)?/dgiy;

/**
 * Every REF letter cited in the text (from the end of the header, after the REF list).
 * One regex pass over the text: linear in its size. Empty without a REF list with items.
 */
export function findRefCitations(cable: Cable): RefCitation[] {
  const refs = cable.refs;
  if (!refs || refs.items.length === 0) return [];
  const byLetter = new Map<string, RefItem>();
  for (const item of refs.items) if (item.letter && !byLetter.has(item.letter)) byLetter.set(item.letter, item);
  const single = refs.items.length === 1 && refs.items[0]!.letter === undefined ? refs.items[0] : undefined;
  const resolve = (letter: string): RefItem | undefined => byLetter.get(letter) ?? (letter === 'A' ? single : undefined);
  const lowerOk = refs.lowerCase;
  const accepts = (ch: string) => (ch >= 'A' && ch <= 'Z') || lowerOk;

  const text = cable.text;
  const from = Math.max(cable.textStart, refs.range.end.offset);
  const out: RefCitation[] = [];
  CITE.lastIndex = from;
  for (let m = CITE.exec(text); m; m = CITE.exec(text)) {
    const [firstStart, firstEnd] = m.indices![1]!;
    const written = m[1]!;
    // `ref a meeting` in an upper-case list's cable is prose, and so is everything chained to it.
    if (!accepts(written)) continue;
    const matchStart = m.index;
    const matchEnd = matchStart + m[0].length;
    const citation = rangeAt(cable.lines, matchStart, matchEnd);
    out.push({
      letter: written.toUpperCase(),
      range: rangeAt(cable.lines, firstStart, firstEnd),
      citation,
      first: true,
      item: resolve(written.toUpperCase()),
    });
    const tail = m.indices![2];
    if (!tail || tail[0] === tail[1]) continue;
    CONTINUATION.lastIndex = tail[0];
    for (let c = CONTINUATION.exec(text); c && c.index < tail[1]; c = CONTINUATION.exec(text)) {
      const [ls, le] = c.indices![2]!;
      const ch = c[2]!;
      if (!accepts(ch)) break;
      const letter = ch.toUpperCase();
      const item = resolve(letter);
      // `REF A AND I WOULD NOTE`, `REF B AND A NEW PROPOSAL`: after AND/&, an unresolved A or I
      // is the English word, not a citation.
      if (!item && (letter === 'A' || letter === 'I') && !/^[,-]$/.test(c[1]!) && c[1]!.toUpperCase() !== 'THROUGH') break;
      out.push({ letter, range: rangeAt(cable.lines, ls, le), citation, first: false, item });
    }
  }
  return out;
}
