import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cable } from '../../grammar/src/ast';
import { parseCable } from '../../grammar/src/index';
import { semanticTokens, semanticTokensLegend } from '../../server/src/service/index';
import { allFixtures, syntheticText } from './service-fixtures';

interface Decoded {
  line: number;
  character: number;
  length: number;
  text: string;
  type: string;
  modifiers: string[];
}

/** Undoes LSP's relative encoding. */
function decode(cable: Cable, data: number[]): Decoded[] {
  assert.equal(data.length % 5, 0);
  const out: Decoded[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length, type, mods] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += dl;
    character = dl === 0 ? character + dc : dc;
    const l = cable.lines[line]!;
    out.push({
      line,
      character,
      length,
      text: cable.text.slice(l.start + character, l.start + character + length),
      type: semanticTokensLegend.tokenTypes[type]!,
      modifiers: semanticTokensLegend.tokenModifiers.filter((_, bit) => mods & (1 << bit)),
    });
  }
  return out;
}

describe('service: semantic tokens', () => {
  const synthetic = parseCable(syntheticText);
  const tokens = decode(synthetic, semanticTokens(synthetic));
  const typeOf = (text: string, line?: number) => tokens.find((t) => t.text === text && (line === undefined || t.line === line))?.type;

  it('colours the envelope: transmission id, prosigns, routing indicators, DTG', () => {
    assert.equal(typeOf('VZCZCXRO4570'), 'macro');
    assert.equal(typeOf('PP'), 'keyword');
    assert.equal(typeOf('RUEHCP', 1), 'namespace');
    assert.equal(typeOf('RUEHRK'), 'namespace');
    assert.equal(typeOf('DE'), 'keyword');
    assert.equal(typeOf('1351530'), 'number');
    assert.equal(typeOf('141530Z MAY 08'), 'number');
    assert.equal(typeOf('FM'), 'keyword');
  });

  it('colours the banner level, section marker, captions, keywords and tag codes', () => {
    assert.equal(typeOf('C O N F I D E N T I A L'), 'type');
    assert.equal(typeOf('SECTION 01 OF 02'), 'decorator');
    assert.equal(typeOf('SIPDIS'), 'macro');
    assert.equal(typeOf('E.O.'), 'keyword');
    assert.equal(typeOf('TAGS'), 'keyword');
    assert.equal(typeOf('PREL'), 'enumMember');
    assert.equal(typeOf('IC'), 'enumMember');
    assert.equal(typeOf('Classified By:'), 'keyword');
  });

  it('colours paragraph numbers as declarations, portion marks, markers, blocks, REF links and the signature', () => {
    const p3 = tokens.find((t) => t.text === '3.' && t.character === 0)!;
    assert.equal(p3.type, 'number');
    assert.deepEqual(p3.modifiers, ['declaration']);
    assert.equal(typeOf('(C/NF)'), 'type');
    assert.equal(typeOf('REYKJAVIK 00000457  002 OF 002'), 'decorator');
    assert.equal(typeOf('SUMMARY:'), 'keyword');
    assert.equal(typeOf('END COMMENT'), 'keyword');
    assert.equal(typeOf('EXAMPLE'), 'string');
    const refA = tokens.find((t) => t.text === 'A.' && t.line === 23)!;
    assert.deepEqual([refA.type, refA.modifiers], ['variable', ['declaration']]);
  });

  it('is sorted, non-overlapping, single-line and inside its line, on every fixture', () => {
    for (const { name, cable } of allFixtures()) {
      const data = semanticTokens(cable);
      const decoded = decode(cable, data);
      let prevLine = -1;
      let prevEnd = 0;
      for (const t of decoded) {
        const l = cable.lines[t.line];
        assert.ok(l, `${name}: token on a missing line`);
        assert.ok(t.length > 0, `${name}: empty token`);
        assert.ok(t.character + t.length <= l.end - l.start, `${name}: token past the end of line ${t.line}`);
        assert.ok(t.line > prevLine || t.character >= prevEnd, `${name}: overlapping or unsorted token at ${t.line}:${t.character}`);
        assert.ok(t.type, `${name}: unknown token type`);
        prevLine = t.line;
        prevEnd = t.character + t.length;
      }
    }
  });
});
