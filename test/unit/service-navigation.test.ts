import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { parseCable } from '../../grammar/src/index';
import { definition, documentHighlights, findParagraphReferences, references } from '../../server/src/service/index';
import { allFixtures, inDocument, positionOf, syntheticText, textAt } from './service-fixtures';

const synthetic = parseCable(syntheticText);

const CROSS = `C O N F I D E N T I A L ROME 000123

E.O. 12958: DECL: 01/01/2030
TAGS: PREL IT
SUBJECT: CROSS-REFERENCES

REF: A. STATE 1
     B. ROME 2

Classified By: DCM A. Smith, reasons 1.4 (b) and (d).

1. (C) SUMMARY: See paras 3 and 4 (REF A). END SUMMARY.

2. (C) As paragraph 3 explains, REFS A AND B agree.

3. (C) Detail; compare ¶4 and REF B para 2.

4. (C) More; see para 9 and para 1.4 percent.
SMITH
`;
const cross = parseCable(CROSS);

describe('service: REF citations', () => {
  it('goes from REF A in the text to item A of the REF list', () => {
    const d = definition(synthetic, positionOf(synthetic, '(REF A)', 5));
    assert.ok(d);
    assert.equal(textAt(synthetic, d), 'A.');
    assert.equal(d.start.line, 23);
    // From the keyword as well.
    assert.deepEqual(definition(synthetic, positionOf(synthetic, '(REF A)', 2)), d);
  });

  it('lists every citation of an item, with or without its declaration', () => {
    const at = positionOf(cross, 'A. STATE 1');
    const uses = references(cross, at, false);
    assert.deepEqual(uses.map((r) => [r.start.line, textAt(cross, r)]), [
      [11, 'A'],
      [13, 'A'],
    ]);
    const all = references(cross, at, true);
    assert.equal(all.length, 3);
    assert.equal(textAt(cross, all[0]!), 'A.');
  });

  it('highlights the declaration as a write and citations as reads', () => {
    const hl = documentHighlights(cross, positionOf(cross, 'AND B agree', 4));
    assert.deepEqual(hl.map((h) => [h.range.start.line, textAt(cross, h.range), h.kind]), [
      [7, 'B.', DocumentHighlightKind.Write],
      [13, 'B', DocumentHighlightKind.Read],
      [15, 'B', DocumentHighlightKind.Read],
    ]);
  });
});

describe('service: paragraph references', () => {
  it('finds para/paragraph/paras/¶ references with the exact digits and resolves them', () => {
    const refs = findParagraphReferences(cross);
    assert.deepEqual(
      refs.map((r) => [r.range.start.line, textAt(cross, r.range), r.paragraph?.number ?? null]),
      [
        [11, '3', 3],
        [11, '4', 4],
        [13, '3', 3],
        [15, '4', 4],
        [17, '9', null],
      ],
    );
  });

  it('skips paragraphs of another cable and decimals', () => {
    const refs = findParagraphReferences(cross);
    assert.ok(!refs.some((r) => r.range.start.line === 15 && textAt(cross, r.range) === '2'), 'REF B para 2 is not ours');
    assert.ok(!refs.some((r) => r.range.start.line === 17 && textAt(cross, r.range) === '1'), 'para 1.4 is not a reference');
  });

  it('goes from "para 4" to paragraph 4 and back', () => {
    const d = definition(cross, positionOf(cross, '¶4', 1));
    assert.ok(d);
    assert.equal(d.start.line, 17);
    assert.equal(textAt(cross, d), '4.');
    const back = references(cross, { line: 17, character: 0 }, true);
    assert.deepEqual(back.map((r) => [r.start.line, textAt(cross, r)]), [
      [17, '4.'],
      [11, '4'],
      [15, '4'],
    ]);
  });

  it('answers null or [] off any reference and outside the document', () => {
    assert.equal(definition(cross, positionOf(cross, 'More;')), null);
    assert.equal(definition(cross, positionOf(cross, 'para 9', 5)), null);
    assert.deepEqual(references(cross, { line: 99, character: 0 }, true), []);
    assert.deepEqual(documentHighlights(cross, { line: 0, character: 999 }), []);
  });
});

describe('service: navigation on every fixture', () => {
  it('returns ranges inside the document from every citation and paragraph number', () => {
    for (const { name, cable } of allFixtures()) {
      const starts = [
        ...findParagraphReferences(cable).map((r) => r.range.start),
        ...cable.paragraphs.map((p) => p.numberText.range.start),
        ...(cable.refs?.items.map((i) => i.range.start) ?? []),
      ];
      for (const at of starts) {
        const d = definition(cable, at);
        if (d) assert.ok(inDocument(cable, d), `${name}: definition outside`);
        for (const r of references(cable, at, true)) assert.ok(inDocument(cable, r), `${name}: reference outside`);
        for (const h of documentHighlights(cable, at)) assert.ok(inDocument(cable, h.range), `${name}: highlight outside`);
      }
    }
  });
});
