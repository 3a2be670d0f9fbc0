/**
 * A few thousand generated inputs through the engine's robustness properties on every test run;
 * `npm run fuzz` runs the same properties over a million (scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { QUICK, cableInput, checkText, seedCables } from '../fuzz/properties';

const seeds = seedCables();

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
    // The empty text has one line of length 0; every engine range on it must be (0,0).
    assert.equal(checkText(''), undefined);
  });
});
