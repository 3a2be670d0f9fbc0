import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from '../../grammar/src/ast';
import { parseCable } from '../../grammar/src/index';
import { rangeAt, splitLines } from '../../grammar/src/positions';
import { lint } from '../../server/src/lint';
import type { Diagnostic } from '../../server/src/engine/types';
import { applyEdits, disjointEdits, fixAll, quickFixes, renumberParagraphs } from '../../server/src/service/index';
import { readCable, root, seed000Text } from './service-fixtures';

const now = new Date(Date.UTC(2026, 10, 23));

/** A diagnostic with hand-made fixes over `text`, located by offsets. */
function diag(text: string, at: [number, number], fixes: { safe: boolean; edits: [number, number, string][] }[]): Diagnostic {
  const lines = splitLines(text);
  return {
    ruleId: 'CBL999',
    ruleName: 'test',
    severity: 'warning',
    message: 'test',
    range: rangeAt(lines, at[0], at[1]),
    fixes: fixes.map((f, i) => ({
      title: `fix ${i}`,
      safe: f.safe,
      edits: f.edits.map(([a, b, newText]) => ({ range: rangeAt(lines, a, b), newText })),
    })),
  };
}

describe('service: the fix-safety words check in quick fixes and fix-all', () => {
  // The shape of CBL041's fix before its title named DECLASSIFY (07LISBON2960): the rule calls it
  // safe, but it drops a word its title does not name, so neither the editor nor --fix may apply it.
  const text = 'E.O. 12958: DECLASSIFY 11/29/2027\nTAGS: PRELL PO\n';
  const eo = diag(text, [0, 33], [{ safe: true, edits: [[0, 33, 'E.O. 12958: DECL: 11/29/2027']] }]);
  eo.fixes![0]!.title = 'Write "E.O. 12958: DECL: 11/29/2027"';
  const tags = diag(text, [40, 45], [{ safe: true, edits: [[40, 45, 'PREL']] }]);
  tags.fixes![0]!.title = 'Replace PRELL with PREL';
  const whole = { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } };

  it('withholds a safe fix that changes a word its title does not name, and keeps one that names it', () => {
    assert.deepEqual(quickFixes([eo, tags], whole, text).map((f) => f.title), ['Replace PRELL with PREL']);
    assert.equal(applyEdits(text, fixAll(text, [eo, tags])), 'E.O. 12958: DECLASSIFY 11/29/2027\nTAGS: PREL PO\n');
    const named = { ...eo, fixes: [{ ...eo.fixes![0]!, title: 'Write "E.O. 12958: DECL: 11/29/2027", shortening DECLASSIFY to DECL' }] };
    assert.equal(quickFixes([named], whole, text).length, 1);
    assert.equal(applyEdits(text, fixAll(text, [named, tags])), 'E.O. 12958: DECL: 11/29/2027\nTAGS: PREL PO\n');
  });
});

describe('service: applyEdits', () => {
  it('applies sorted edits by line and character, whatever their order, and skips overlaps', () => {
    const text = 'abc\ndef\nghi';
    const lines = splitLines(text);
    const e = (a: number, b: number, t: string) => ({ range: rangeAt(lines, a, b), newText: t });
    assert.equal(applyEdits(text, [e(8, 9, 'G'), e(0, 1, 'A')]), 'Abc\ndef\nGhi');
    assert.equal(applyEdits(text, [e(4, 7, 'X'), e(5, 6, 'Y')]), 'abc\nX\nghi');
    assert.equal(applyEdits(text, [e(3, 3, '!'), e(3, 3, '?')]), 'abc!?\ndef\nghi');
    assert.equal(applyEdits(text, []), text);
    assert.equal(applyEdits(text, [{ range: null, newText: 'x' } as never]), text);
  });
});

describe('service: quick fixes', () => {
  const text = 'TAGS: PRELL PGOV\n';
  const d = diag(text, [6, 11], [
    { safe: false, edits: [[6, 11, 'PRELA']] },
    { safe: true, edits: [[6, 11, 'PREL']] },
    { safe: true, edits: [[6, 11, 'PREM']] },
  ]);

  it('offers one fix per Fix of every diagnostic touching the range, the first safe one preferred', () => {
    const at = d.range.start;
    const fixes = quickFixes([d], { start: at, end: at });
    assert.deepEqual(fixes.map((f) => [f.title, f.safe, f.preferred]), [
      ['fix 0', false, false],
      ['fix 1', true, true],
      ['fix 2', true, false],
    ]);
    assert.equal(fixes[1]!.diagnostic, d);
  });

  it('offers nothing for a range elsewhere', () => {
    const elsewhere: Range = rangeAt(splitLines(text), 14, 15);
    assert.deepEqual(quickFixes([d], elsewhere), []);
  });
});

describe('service: fix all', () => {
  it('takes safe fixes only, whole, and drops later overlapping ones', () => {
    const text = 'AAAA BBBB CCCC\n';
    const ds = [
      diag(text, [0, 4], [{ safe: true, edits: [[0, 4, 'aaaa']] }]),
      diag(text, [2, 7], [{ safe: true, edits: [[2, 7, 'xx']] }]), // overlaps the first: dropped
      diag(text, [10, 14], [{ safe: false, edits: [[10, 14, 'nope']] }]), // unsafe
      diag(text, [5, 9], [{ safe: true, edits: [[5, 9, 'bbbb'], [9, 9, '!']] }]),
    ];
    const edits = fixAll(text, ds);
    assert.equal(applyEdits(text, edits), 'aaaa bbbb! CCCC\n');
    // Without the text the same edits come out (the LSP passes diagnostics only).
    assert.equal(applyEdits(text, fixAll(ds)), 'aaaa bbbb! CCCC\n');
  });

  it('drops edits that change nothing or fall outside the text', () => {
    const text = 'ABC\n';
    const lines = splitLines(text);
    const same = diag(text, [0, 3], [{ safe: true, edits: [[0, 3, 'ABC']] }]);
    const outside: Diagnostic = {
      ...same,
      fixes: [{ title: 'x', safe: true, edits: [{ range: { start: { offset: 40, line: 9, character: 0 }, end: { offset: 41, line: 9, character: 1 } }, newText: 'x' }] }],
    };
    assert.deepEqual(fixAll(text, [same, outside]), []);
    void lines;
  });

  for (const file of ['seed-000-dushanbe-50-partial-extract.txt', 'invalid-sections.cable']) {
    it(`is idempotent on ${file}: fixing twice gives the same text as fixing once`, () => {
      const text = file.startsWith('seed-000') ? seed000Text : readCable(`${root}/examples/${file}`);
      const once = applyEdits(text, fixAll(text, lint(text, { now }).diagnostics));
      assert.notEqual(once, text, 'the example has safe fixes');
      const twice = applyEdits(once, fixAll(once, lint(once, { now }).diagnostics));
      assert.equal(twice, once);
      // And the fixed edits do not overlap: applying them in reverse order gives the same text.
      const edits = fixAll(text, lint(text, { now }).diagnostics);
      assert.equal(applyEdits(text, [...edits].reverse()), once);
    });
  }

  it('removes the seed 000 pilcrow artefacts in one pass', () => {
    const once = applyEdits(seed000Text, fixAll(seed000Text, lint(seed000Text, { now }).diagnostics));
    const cable = parseCable(once);
    assert.deepEqual(
      cable.paragraphs.filter((p) => !p.ambiguous).map((p) => p.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    );
    assert.ok(cable.paragraphs.every((p) => !p.artefact));
  });
});

describe('service: renumber paragraphs', () => {
  const text = [
    'C O N F I D E N T I A L ROME 000123',
    '',
    'E.O. 12958: DECL: 01/01/2030',
    'TAGS: PREL IT',
    'SUBJECT: RENUMBERING',
    '',
    'Classified By: DCM A. Smith, reasons 1.4 (b) and (d).',
    '',
    '1. (C) First; see para 4 and paras 2 and 4.',
    '',
    '2. (C) Second, per REF A para 4.',
    '',
    '4. (C) Fourth; compare paragraph 2, ¶4 and para 7.',
    'SMITH',
    '',
  ].join('\n');

  it('renumbers 1, 2, 4 to 1, 2, 3 and the references to 4 with them, keeping every other character', () => {
    const out = applyEdits(text, renumberParagraphs(parseCable(text)));
    const expected = text
      .replace('see para 4 and paras 2 and 4', 'see para 3 and paras 2 and 3')
      .replace('\n4. (C) Fourth; compare paragraph 2, ¶4', '\n3. (C) Fourth; compare paragraph 2, ¶3');
    assert.equal(out, expected);
    // `REF A para 4` is another cable's paragraph; `para 7` points nowhere: both unchanged.
    assert.match(out, /per REF A para 4\./);
    assert.match(out, /and para 7\./);
  });

  it('keeps the pilcrow and the seed 000 artefact style, changing only the number', () => {
    const pil = 'UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: PREL IT\nSUBJECT: X\n\n¶1. (U) A.\n\n¶3. (U) B; see ¶3.\n';
    assert.equal(applyEdits(pil, renumberParagraphs(parseCable(pil))), pil.replace('¶3. (U) B; see ¶3.', '¶2. (U) B; see ¶2.'));
    // Seed 000 is numbered 1..11 once the artefact is read: nothing to renumber.
    assert.deepEqual(renumberParagraphs(parseCable(seed000Text)), []);
  });

  it("changes a paragraph written '- ¶5.' once: its own ¶5 is its number, not a reference to itself (issue 15 item 17)", () => {
    const own = '1. (U) First paragraph.\n\n- ¶5. (U) Second paragraph.';
    const edits = renumberParagraphs(parseCable(own));
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]),
      [[2, 3, 4, '2']],
    );
    assert.equal(disjointEdits(edits)?.length, edits.length, 'no two edits overlap');
  });

  it('is a no-op on a correctly numbered cable, and a second renumbering changes nothing', () => {
    const once = applyEdits(text, renumberParagraphs(parseCable(text)));
    assert.deepEqual(renumberParagraphs(parseCable(once)), []);
  });
});

describe('service: disjointEdits, the rule every workspace edit the server sends obeys (issue 15 item 17)', () => {
  const e = (l1: number, c1: number, l2: number, c2: number, newText: string) => ({ range: { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } }, newText });

  it('sorts by position and keeps one copy of an edit repeated exactly', () => {
    assert.deepEqual(disjointEdits([e(2, 3, 2, 4, '2'), e(0, 0, 0, 1, '1'), e(2, 3, 2, 4, '2')]), [e(0, 0, 0, 1, '1'), e(2, 3, 2, 4, '2')]);
  });

  it('refuses edits that overlap, across lines too, or the same range rewritten two ways', () => {
    assert.equal(disjointEdits([e(2, 3, 2, 4, '2'), e(2, 3, 2, 4, '3')]), undefined);
    assert.equal(disjointEdits([e(1, 0, 3, 0, ''), e(2, 5, 2, 6, 'x')]), undefined);
    assert.equal(disjointEdits([e(1, 0, 1, 5, 'a'), e(1, 4, 1, 8, 'b')]), undefined);
    assert.equal(disjointEdits([e(1, 0, 1, 5, 'a'), e(1, 2, 1, 2, 'inside')]), undefined);
  });

  it('allows edits that only touch, and insertions at one point in their given order', () => {
    const touching = [e(1, 0, 1, 5, 'a'), e(1, 5, 1, 8, 'b')];
    assert.deepEqual(disjointEdits(touching), touching);
    const atStart = [e(1, 0, 1, 0, 'first '), e(1, 0, 1, 5, 'a')];
    assert.deepEqual(disjointEdits(atStart), atStart);
    const inserts = [e(4, 2, 4, 2, 'x'), e(4, 2, 4, 2, 'y')];
    assert.deepEqual(disjointEdits(inserts), inserts);
  });
});
