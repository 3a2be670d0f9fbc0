import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSymbol, SelectionRange } from 'vscode-languageserver-types';
import { parseCable } from '../../grammar/src/index';
import { documentSymbols, foldingRanges, selectionRanges } from '../../server/src/service/index';
import { allFixtures, inDocument, positionOf, rangeContains, seed000Text, seed002Text, syntheticText, textAt } from './service-fixtures';

const synthetic = parseCable(syntheticText);
const fixtures = allFixtures();

function find(symbols: readonly DocumentSymbol[], name: string | RegExp): DocumentSymbol | undefined {
  for (const s of symbols) {
    if (typeof name === 'string' ? s.name === name : name.test(s.name)) return s;
    const hit = find(s.children ?? [], name);
    if (hit) return hit;
  }
  return undefined;
}

function parentOf(symbols: readonly DocumentSymbol[], child: DocumentSymbol): DocumentSymbol | undefined {
  for (const s of symbols) {
    if (s.children?.includes(child)) return s;
    const hit = parentOf(s.children ?? [], child);
    if (hit) return hit;
  }
  return undefined;
}

describe('service: document symbols', () => {
  const symbols = documentSymbols(synthetic);

  it('lists envelope, banner, header fields, sections and signature at the top, in order', () => {
    assert.deepEqual(
      symbols.map((s) => s.name),
      [
        'Envelope',
        'C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000457',
        'E.O. 12958',
        'TAGS',
        'SUBJECT',
        'REF',
        'Classified By',
        'Section 1 of 2',
        'Section 2 of 2',
        'EXAMPLE',
      ],
    );
  });

  it('puts the envelope lines under the envelope and the captions under the banner', () => {
    const env = symbols[0]!;
    assert.equal(env.children?.length, 10);
    assert.equal(env.children?.[4]?.name, 'P 141530Z MAY 08');
    assert.equal(env.children?.[4]?.detail, 'Wednesday 14 May 2008, 15:30 UTC');
    assert.deepEqual(symbols[1]!.children?.map((c) => c.name), ['SIPDIS', 'NOFORN', 'DEPT FOR EUR/NB AND EEB/ESC']);
  });

  it('lists REF items as children of REF', () => {
    assert.deepEqual(find(symbols, 'REF')!.children?.map((c) => c.name), ['A. REYKJAVIK 412', 'B. 07 REYKJAVIK 1188', 'C. STATE 50123']);
  });

  it('names paragraphs by number and first words, with the portion mark as detail, grouped by section', () => {
    const s1 = find(symbols, 'Section 1 of 2')!;
    const s2 = find(symbols, 'Section 2 of 2')!;
    assert.deepEqual(s1.children?.map((c) => c.name), ['1. SUMMARY: A state-owned utility…', '2. The Industry Ministry announced…', '3. A senior ministry contact…']);
    assert.deepEqual(s2.children?.map((c) => c.name), ['4. Danish and Norwegian diplomats…', '5. COMMENT: The plan fits…']);
    const p3 = s1.children![2]!;
    assert.equal(p3.detail, '(C/NF)');
    assert.equal(parentOf(symbols, p3), s1);
    // The page marker line that follows paragraph 3 belongs to section 2, not to the paragraph.
    assert.equal(p3.range.end.line, 42);
    assert.equal(s2.selectionRange.start.line, 44);
  });

  it('nests blocks and sub-paragraphs inside their paragraph', () => {
    const p1 = find(symbols, /^1\. /)!;
    assert.deepEqual(p1.children?.map((c) => [c.name, c.detail]), [['SUMMARY', 'closed']]);
    const p3 = find(symbols, /^3\. /)!;
    assert.deepEqual(p3.children?.map((c) => c.name), ['A. lenders want sovereign guarantees…', 'B. the utility has only…', 'C. a rival bid is…']);
    const p5 = find(symbols, /^5\. /)!;
    assert.deepEqual(p5.children?.map((c) => c.name), ['COMMENT']);
  });

  it('groups seed 002 by its decimal page markers and nests lettered items under headings', () => {
    const seed = documentSymbols(parseCable(seed002Text));
    const sections = seed.filter((s) => /^Section /.test(s.name));
    assert.deepEqual(sections.map((s) => s.name), [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Section ${n} of 8`));
    const overview = find(seed, 'OVERVIEW')!;
    assert.equal(parentOf(seed, overview), sections[0]);
    assert.deepEqual(overview.children?.map((c) => c.name.slice(0, 2)), ['A.', 'B.', 'C.']);
    // Item D of the overview starts after the section 2 marker: it is listed in section 2.
    assert.ok(sections[1]!.children?.some((c) => c.name.startsWith('D. Throughout the year')));
    assert.equal(seed[0]!.name, 'Publication wrapper');
    assert.equal(seed[seed.length - 1]!.name, 'JACOBSON');
  });

  it('names seed 000 paragraphs by their normalised numbers (¶ artefact removed)', () => {
    const seed = documentSymbols(parseCable(seed000Text));
    const numbers = seed.filter((s) => /^\d+\. /.test(s.name)).map((s) => Number(s.name.split('.')[0]));
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('keeps every child inside its parent and every selection range inside its range, on every fixture', () => {
    for (const { name, cable } of fixtures) {
      const check = (s: DocumentSymbol, parent?: DocumentSymbol) => {
        assert.ok(inDocument(cable, s.range), `${name}: ${s.name} range outside the document`);
        assert.ok(rangeContains(s.range, s.selectionRange), `${name}: ${s.name} selection outside its range`);
        if (parent) assert.ok(rangeContains(parent.range, s.range), `${name}: ${s.name} outside its parent ${parent.name}`);
        assert.ok(s.name.trim().length > 0, `${name}: empty symbol name`);
        for (const c of s.children ?? []) check(c, s);
      };
      for (const s of documentSymbols(cable)) check(s);
    }
  });
});

describe('service: lettered items span their text (issue 15 item 6)', () => {
  const nested = [
    'UNCLAS ROME 000123',
    '',
    'E.O. 12958: N/A',
    'TAGS: PREL IT',
    'SUBJECT: NESTED LISTS',
    '',
    '1. (U) Three points:',
    '',
    'A. The first point,',
    'which wraps.',
    '',
    '(a) a detail',
    'of the first point;',
    '',
    '(b) another.',
    '',
    'B. The second point.',
    'It wraps too.',
    '',
    '2. (U) Done.',
    '',
    'SMITH',
    '',
  ].join('\n');
  const cable = parseCable(nested);
  const lines = (s: DocumentSymbol): unknown[] => [s.name, s.range.start.line, s.range.end.line, (s.children ?? []).map(lines)];

  it('an item runs to the next item of its list or an outer one, and holds the list nested in it', () => {
    const p1 = find(documentSymbols(cable), /^1\. /)!;
    assert.deepEqual(p1.children?.map(lines), [
      ['A. The first point, which…', 8, 14, [['(a) a detail of the…', 11, 12, []], ['(b) another.', 14, 14, []]]],
      ['B. The second point. It…', 16, 17, []],
    ]);
  });

  it('folds every item of more than one line', () => {
    const ranges = foldingRanges(cable).map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(ranges, [
      [0, 4],
      [6, 17],
      [8, 14],
      [11, 12],
      [16, 17],
    ]);
  });
});

describe('service: folding ranges', () => {
  it('folds the envelope, the header block, the REF list, sections, paragraphs and blocks', () => {
    const ranges = foldingRanges(synthetic).map((r) => [r.startLine, r.endLine]);
    for (const want of [
      [0, 9], // envelope
      [10, 28], // banner through Classified By
      [23, 25], // REF list
      [30, 33], // paragraph 1 (its SUMMARY starts on the same line)
      [38, 42], // paragraph 3, without the page marker after it
      [44, 53], // section 2
      [46, 48], // paragraph 4
    ]) {
      assert.ok(ranges.some((r) => r[0] === want[0] && r[1] === want[1]), `missing fold ${want.join('-')}`);
    }
  });

  it('never folds a single line, never starts two folds on one line, and stays in the document', () => {
    for (const { name, cable } of fixtures) {
      const ranges = foldingRanges(cable);
      const starts = new Set<number>();
      for (const r of ranges) {
        assert.ok(r.endLine > r.startLine, `${name}: one-line fold at ${r.startLine}`);
        assert.ok(r.startLine >= 0 && r.endLine < cable.lines.length, `${name}: fold outside the document`);
        assert.ok(!starts.has(r.startLine), `${name}: two folds start on line ${r.startLine}`);
        starts.add(r.startLine);
      }
    }
  });
});

describe('service: selection ranges', () => {
  const chain = (r: SelectionRange): string[] => {
    const out: string[] = [];
    for (let s: SelectionRange | undefined = r; s; s = s.parent) out.push(textAt(synthetic, s.range));
    return out;
  };

  it('expands a tag code to the TAGS line, the header block and the document', () => {
    const [r] = selectionRanges(synthetic, [positionOf(synthetic, 'EINV', 1)]);
    const texts = chain(r!);
    assert.equal(texts[0], 'EINV');
    assert.ok(texts.includes('TAGS: PREL ENRG EINV IC DA NO'));
    assert.equal(texts[texts.length - 1], synthetic.text);
  });

  it('expands a word in a paragraph to the paragraph, then its section', () => {
    const [r] = selectionRanges(synthetic, [positionOf(synthetic, 'deep-drilling', 3)]);
    const texts = chain(r!);
    assert.equal(texts[0], 'deep-drilling');
    const para = texts.findIndex((t) => t.startsWith('3. (C/NF) A senior ministry contact'));
    const section = texts.findIndex((t) => t.startsWith('1. (C) SUMMARY') && t.endsWith('non-Nordic firm.'));
    assert.ok(para > 0, 'paragraph 3 in the chain');
    assert.ok(section > para, 'section 1 after paragraph 3');
  });

  it('gives strictly growing ranges for every position of every line start', () => {
    for (const { name, cable } of fixtures.slice(0, 20)) {
      const positions = cable.lines.map((_, line) => ({ line, character: 0 }));
      for (const r of selectionRanges(cable, positions)) {
        for (let s: SelectionRange | undefined = r; s?.parent; s = s.parent) {
          assert.ok(rangeContains(s.parent.range, s.range), `${name}: parent does not contain child`);
          assert.notDeepEqual(s.parent.range, s.range, `${name}: equal nested ranges`);
          assert.ok(inDocument(cable, s.range), `${name}: selection outside the document`);
        }
      }
    }
  });

  it('answers outside the document without throwing', () => {
    assert.deepEqual(selectionRanges(synthetic, [{ line: 0, character: 0 }, { line: 999, character: 0 }]), []);
    assert.equal(selectionRanges(synthetic, [{ line: 0, character: 0 }, { line: 56, character: 0 }]).length, 2);
    assert.deepEqual(documentSymbols(parseCable('')), []);
  });
});
