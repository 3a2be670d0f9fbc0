import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HeaderField, Range } from '../../grammar/src/ast';
import { outermostFields } from '../../server/src/model/header';
import { seeded } from '../seeded';

/**
 * Code that grew faster than the text (found by `npm run shapes`) was replaced by a linear pass;
 * each is checked here against the simple pairwise code it replaced, on generated inputs built
 * to have the ties and overlaps that code decided.
 */

type Field = { kind: HeaderField['kind']; range: Range; id: number };

const KINDS: HeaderField['kind'][] = ['TagsLine', 'EoLine', 'ClassifiedBy', 'SubjectLine', 'RefList'];

describe('header fields inside another', () => {
  /** The pairwise test model/header.ts ran until a 1 MB page of TAGS lines took 1.5 s. */
  function byPairs(fields: readonly Field[]): Field[] {
    return fields.filter(
      (f) =>
        !fields.some(
          (g) =>
            g !== f &&
            g.range.start.offset < f.range.start.offset &&
            (f.range.start.offset < g.range.end.offset ||
              (f.kind === 'EoLine' && g.kind === 'ClassifiedBy' && g.range.start.line === f.range.start.line)),
        ),
    );
  }

  it('leaves out the fields the pairwise test left out, in the same order', () => {
    const rnd = seeded(2801);
    let dropped = 0;
    for (let n = 0; n < 4000; n++) {
      const count = Math.floor(rnd() * 14);
      const fields: Field[] = [];
      for (let id = 0; id < count; id++) {
        // Starts on a coarse grid, so that fields start together and on one line (20 columns a line).
        const start = Math.floor(rnd() * 12) * 7;
        const end = start + Math.floor(rnd() * 30);
        const at = (offset: number) => ({ offset, line: Math.floor(offset / 20), character: offset % 20 });
        fields.push({ kind: KINDS[Math.floor(rnd() * KINDS.length)]!, range: { start: at(start), end: at(end) }, id });
      }
      // In document order mostly, as the tree keeps them; not always.
      if (rnd() < 0.7) fields.sort((a, b) => a.range.start.offset - b.range.start.offset);
      const expected = byPairs(fields);
      assert.deepEqual(outermostFields(fields).map((f) => f.id), expected.map((f) => f.id), JSON.stringify(fields));
      dropped += fields.length - expected.length;
    }
    assert.ok(dropped > 1000, `the inputs had fields inside others (${dropped})`);
  });
});
