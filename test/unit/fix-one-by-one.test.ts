/**
 * A user fixes diagnostics one quick fix at a time. Each fix must leave the rest of the artefacts
 * recognised, so that fixing them one by one ends where fix-all ends (seed 000's `11.`…`111.`).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/lint';
import { applyEdits, fixAll } from '../../server/src/service/index';

const SEED = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'seed-000-dushanbe-50-partial-extract.txt'), 'utf8');
const NOW = new Date('2026-11-23T12:00:00Z');
const pilcrows = (text: string) => lint(text, { now: NOW }).diagnostics.filter((d) => d.ruleId === 'CBL084');

describe('fixing the pilcrow artefact one line at a time', () => {
  it('after the first line is fixed, the other ten are still CBL084, and nothing else appears', () => {
    const first = pilcrows(SEED)[0]!;
    assert.equal(first.range.start.line, 13, 'the first artefact is `- 11.` on line 14');
    const once = applyEdits(SEED, first.fixes![0]!.edits);
    assert.equal(once.split('\n')[13]!.slice(0, 3), '1. ', 'line 14 now starts with 1.');
    const after = lint(once, { now: NOW }).diagnostics;
    assert.deepEqual(
      after.map((d) => `${d.ruleId}:${d.range.start.line + 1}`),
      [15, 19, 20, 21, 25, 29, 35, 36, 37, 38].map((l) => `CBL084:${l}`),
    );
  });

  it('fixing them one by one ends with the text fix-all gives', () => {
    let text = SEED;
    for (let step = 0; step < 11; step++) {
      const d = pilcrows(text)[0];
      assert.ok(d, `artefact left at step ${step}`);
      text = applyEdits(text, d.fixes![0]!.edits);
    }
    assert.deepEqual(pilcrows(text), [], 'no CBL084 left');
    const all = applyEdits(SEED, fixAll(SEED, lint(SEED, { now: NOW }).diagnostics));
    assert.equal(text, all, 'same text as fix-all');
  });
});
