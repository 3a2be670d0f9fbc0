import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cable } from '../../grammar/src/ast';
import { parseCable } from '../../grammar/src/index';
import { isTruncated } from '../../server/src/model/header';
import { modelOf } from '../../server/src/model/index';
import { CITE, REFTEL, refMatches, refWords } from '../../server/src/model/references';
import { readWrapper } from '../../server/src/model/wrapper';
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

  it('wrapper lines: the merged runs of the parts answer as a mark on every line of every part', () => {
    const dir = join(import.meta.dirname, '../fixtures/corpus');
    let wrapperLines = 0;
    let parts = 0;
    for (const name of readdirSync(dir)) {
      const cable = parseCable(readFileSync(join(dir, name), 'utf8'));
      const marks = new Uint8Array(cable.lines.length);
      for (const w of cable.wrapper) {
        const first = w.range.start.line;
        const last = w.range.end.character === 0 && w.range.end.line > first ? w.range.end.line - 1 : w.range.end.line;
        for (let l = first; l <= last && l < marks.length; l++) marks[l] = 1;
        parts++;
      }
      const wrapper = modelOf(cable).wrapper;
      for (let l = -1; l <= cable.lines.length; l++) {
        assert.equal(wrapper.isWrapperLine(l), marks[l] === 1, `${name} line ${l}`);
        if (marks[l] === 1) wrapperLines++;
      }
    }
    assert.ok(parts > 100 && wrapperLines > 150, `parts ${parts}, wrapper lines ${wrapperLines}`);
    // Parts in any order, overlapping, touching, ending at column 0 or past the text.
    const rnd = seeded(21);
    const lazy = <T>(_part: string, compute: () => T) => compute;
    for (let n = 0; n < 3000; n++) {
      const count = 1 + Math.floor(rnd() * 40);
      const lines = Array.from({ length: count }, (_, i) => ({ start: i * 10, end: i * 10 + 9 }));
      const wrapper = Array.from({ length: Math.floor(rnd() * 6) }, () => {
        const a = Math.floor(rnd() * (count + 3));
        const b = a + Math.floor(rnd() * 6);
        return { range: { start: { line: a, character: 0 }, end: { line: b, character: rnd() < 0.4 ? 0 : 5 } } };
      });
      const marks = new Uint8Array(count);
      for (const w of wrapper) {
        const first = w.range.start.line;
        const last = w.range.end.character === 0 && w.range.end.line > first ? w.range.end.line - 1 : w.range.end.line;
        for (let l = first; l <= last && l < marks.length; l++) marks[l] = 1;
      }
      const meaning = readWrapper({ wrapper, lines } as unknown as Cable, lazy);
      for (let l = -2; l <= count + 8; l++) assert.equal(meaning.isWrapperLine(l), marks[l] === 1, `${JSON.stringify(wrapper)} line ${l}`);
      // Asked out of order too (the lookup starts from the run of the last ask).
      for (let k = 0; k < 30; k++) {
        const l = Math.floor(rnd() * (count + 10)) - 2;
        assert.equal(meaning.isWrapperLine(l), marks[l] === 1, `${JSON.stringify(wrapper)} line ${l}, asked out of order`);
      }
    }
  });

  it('a field cut short: read from its end, as the pattern `(?:\\.\\.\\.|…)\\s*$` finds it', () => {
    const pattern = /(?:\.\.\.|\u2026)\s*$/;
    const pieces = ['.', '..', '...', '\u2026', ' ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u200b', 'A', 'x', '1', '(b)', '…x'];
    const rnd = seeded(46);
    let cut = 0;
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = Math.floor(rnd() * 9); k > 0; k--) text += pieces[Math.floor(rnd() * pieces.length)];
      assert.equal(isTruncated(text), pattern.test(text), JSON.stringify(text));
      if (pattern.test(text)) cut++;
    }
    assert.ok(cut > 2000 && cut < 18000, `cut ${cut}`);
  });
});
