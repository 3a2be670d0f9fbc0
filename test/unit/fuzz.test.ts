/**
 * A few thousand generated inputs through the engine's robustness properties on every test run;
 * `npm run fuzz` runs the same properties over a million (scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { QUICK, cableInput, checkRanges, checkText, seedCables } from '../fuzz/properties';

const seeds = seedCables();

type Diagnostic = Parameters<typeof checkRanges>[1][number];

describe('engine robustness (generated inputs)', () => {
  it('has real cables to mutate', () => {
    assert.ok(seeds.length >= 60, `only ${seeds.length} seed cables`);
  });

  it('never throws, keeps every range inside the text, and fixes converge without losing letters', () => {
    fc.assert(
      fc.property(cableInput(seeds, QUICK), (text) => {
        const broken = checkText(text);
        assert.equal(broken, undefined, broken);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
  });

  it('holds on the inputs the long runs broke it with (npm run fuzz, seeds 20261121 and 20261122)', () => {
    const tabbed = Array.from({ length: 300 }, (_, i) => `${i + 1}. (U) Text.\tMore.${i === 250 ? '\uFFFD' : ''}`).join(' ');
    for (const [name, text] of [
      // A LaTeX paragraph number: the fix's title did not name the markup it removes.
      ['LaTeX number', '$\\underline{\\P}1. (C) '],
      // A cable reflowed into one line with 300 tabs: fix-all needed a pass per hundred.
      ['300 tabs on one line', `UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: PREL IT\nSUBJECT: X\n\n${tabbed}\n`],
    ] as const) {
      assert.equal(checkText(text), undefined, name);
    }
  });

  it('the property catches what it claims to: a range past the end is reported', () => {
    // Four lines as LSP counts them: 18, 15 (ended by a lone \r) and 10 characters, then an empty last line.
    const text = 'UNCLAS ROME 000123\r\nE.O. 12958: N/A\rTAGS: PREL\n';
    const at = (line: number, character: number) => ({ line, character, offset: 0 });
    const diagnostic = (start: ReturnType<typeof at>, end: ReturnType<typeof at>, extra: Partial<Diagnostic> = {}): Diagnostic => ({
      ruleId: 'CBL999',
      ruleName: 'planted',
      severity: 'info',
      message: 'planted',
      range: { start, end },
      ...extra,
    });
    const inside = diagnostic(at(0, 0), at(0, 18));
    assert.equal(checkRanges(text, [inside, diagnostic(at(1, 15), at(3, 0))]), undefined, 'line ends and the empty last line are inside');
    const bad: Array<[string, Diagnostic]> = [
      ['one column past the end of line 0', diagnostic(at(0, 0), at(0, 19))],
      ['past line 1, which a lone \\r ends', diagnostic(at(1, 16), at(1, 16))],
      ['a line after the last', diagnostic(at(4, 0), at(4, 0))],
      ['an end before the start', diagnostic(at(0, 5), at(0, 2))],
      ['a negative column', diagnostic(at(0, -1), at(0, 2))],
      ['a column between two code units', diagnostic(at(0, 0.5), at(0, 2))],
      ['a related location past the end', { ...inside, related: [{ message: 'here', range: { start: at(2, 0), end: at(2, 11) } }] }],
      ['a fix edit past the end', { ...inside, fixes: [{ title: 'planted', safe: true, edits: [{ range: { start: at(3, 0), end: at(3, 1) }, newText: '' }] }] }],
    ];
    for (const [what, d] of bad) {
      assert.match(checkRanges(text, [inside, d]) ?? 'accepted', /^CBL999 range outside the document or reversed/, `the range checker rejects ${what}`);
    }
  });
});
