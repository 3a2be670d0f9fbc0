import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CITE, REFTEL, refMatches, refWords } from '../../server/src/model/references';
import { seeded } from '../seeded';

/**
 * The model finds some patterns by one search for a character instead of trying the pattern at
 * every position (issue 14 speed). Each shortcut must find exactly what the pattern finds: checked
 * here against the pattern itself on generated texts built from the pieces it cares about.
 */

const PIECES = [
  'REF', 'ref', 'Ref', 'rEf', 'REFS', 'refs', 'REFTEL', 'reftel', 'RefTel', 'REFTELS', 'REF.', 'REFERENCE', 'xREF', '_REF', '1REF',
  'F', 'f', 'E', 'e', 'R', 'r', 'RE', 'EF', 'ÉF', 'ſ', 'K', ' ', '  ', '\n', '\r\n', '\t', 'A', 'a', 'B', 'C', 'I', 'AND', 'and',
  '&', ',', '-', 'THROUGH', '(', ')', '/', '0', '9', '.', 'PARA', 'TEL', 'S', 'Ünï',
  'REF A', 'ref b', 'REFS A AND C', 'REFTEL B.', 'REF (D)', 'REFS A-C ', ' A ', ' (B) ', ', C', ' AND D', '\nREF\nA', ' THROUGH E ',
];

function generated(rnd: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

/** What the pattern finds with `g` from `from`: index, text and group offsets of each match. */
function byPattern(sticky: RegExp, text: string, from: number): string[] {
  const global = new RegExp(sticky.source, `${sticky.flags.replace(/[gy]/g, '')}g`);
  global.lastIndex = from;
  const out: string[] = [];
  for (let m = global.exec(text); m; m = global.exec(text)) out.push(JSON.stringify([m.index, m[0], m.indices ?? null]));
  return out;
}

describe('model shortcuts answer as their patterns', () => {
  it('REF citations: the patterns tried only where refWords finds REF find what they find from every position', () => {
    // The premise: both patterns begin with REF (after a word boundary).
    assert.ok(CITE.source.startsWith(String.raw`\bREF`) && CITE.sticky, CITE.source);
    assert.ok(REFTEL.source.startsWith(String.raw`\bREF`) && REFTEL.sticky, REFTEL.source);
    const rnd = seeded(76);
    let cites = 0;
    let reftels = 0;
    for (let n = 0; n < 6000; n++) {
      const text = generated(rnd, 1 + Math.floor(rnd() * 30));
      const from = Math.floor(rnd() * (text.length + 1));
      const at = refWords(text, from);
      for (const p of at) assert.equal(text.slice(p, p + 3).toUpperCase(), 'REF', `${JSON.stringify(text)} at ${p}`);
      const shown = (ms: RegExpExecArray[]) => ms.map((m) => JSON.stringify([m.index, m[0], m.indices ?? null]));
      const cite = shown(refMatches(CITE, text, at));
      assert.deepEqual(cite, byPattern(CITE, text, from), JSON.stringify(text));
      assert.deepEqual(shown(refMatches(REFTEL, text, at)), byPattern(REFTEL, text, from), JSON.stringify(text));
      cites += cite.length;
      reftels += byPattern(REFTEL, text, from).length;
    }
    // Matches of both, many of them.
    assert.ok(cites > 1000 && reftels > 400, `citations ${cites}, REFTEL ${reftels}`);
  });
});
