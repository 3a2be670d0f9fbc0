import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HeaderField, Range } from '../../grammar/src/ast';
import { parseCable } from '../../grammar/src/index';
import { outermostFields } from '../../server/src/model/header';
import { headerConflicts } from '../../server/src/rules/CBL050-header-order';
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

describe('header fields out of order (CBL050)', () => {
  /** The pairwise run and the walks to the conflicting field CBL050 did until 16,000 TAGS lines after Classified By took 380 ms. */
  function byPairs(ranks: readonly number[]): { field: number; other: number; follows: boolean }[] {
    const n = ranks.length;
    const len = new Array<number>(n).fill(1);
    const prev = new Array<number>(n).fill(-1);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++)
        if (ranks[j]! <= ranks[i]! && len[j]! + 1 > len[i]!) {
          len[i] = len[j]! + 1;
          prev[i] = j;
        }
    let end = 0;
    for (let i = 1; i < n; i++) if (len[i]! > len[end]!) end = i;
    const keep = new Set<number>();
    for (let i = n ? end : -1; i >= 0; i = prev[i]!) keep.add(i);
    const out: { field: number; other: number; follows: boolean }[] = [];
    for (let i = 0; i < n; i++) {
      if (keep.has(i)) continue;
      let other = -1;
      let follows = true;
      for (let j = 0; j < i && other < 0; j++) if (keep.has(j) && ranks[j]! > ranks[i]!) other = j;
      if (other < 0) {
        follows = false;
        for (let j = n - 1; j > i && other < 0; j--) if (keep.has(j) && ranks[j]! < ranks[i]!) other = j;
      }
      out.push({ field: i, other, follows });
    }
    return out;
  }

  it('reports the fields the pairwise run reported, against the same field, ties included', () => {
    const rnd = seeded(2802);
    let reported = 0;
    for (let n = 0; n < 3000; n++) {
      // Mostly TAGS lines (rank 1) among the single fields, in runs, as a pasted page has them.
      const ranks: number[] = [];
      const length = Math.floor(rnd() * (rnd() < 0.1 ? 300 : 30));
      while (ranks.length < length) {
        const rank = rnd() < 0.5 ? 1 : Math.floor(rnd() * 5);
        const run = rnd() < 0.3 ? 1 + Math.floor(rnd() * 20) : 1;
        for (let k = 0; k < run && ranks.length < length; k++) ranks.push(rank);
      }
      const expected = byPairs(ranks);
      assert.deepEqual(headerConflicts(ranks), expected, JSON.stringify(ranks));
      reported += expected.length;
    }
    assert.ok(reported > 1000, `the inputs had fields out of order (${reported})`);
  });
});

describe("the tree's header fields in order (headerOrder)", () => {
  const LINES = ['E.O. 12958: DECL: 05/14/2018', 'TAGS: PREL ENRG', 'TAGS: EINV IC', 'SUBJECT: ICELAND: GEOTHERMAL PLAN', 'REF: A. STATE 50123', 'Classified By: Ambassador Jane Q. Example for reasons 1.4 (b)', ''];

  it('holds every TAGS line and the last of each other field read, by position, however the header repeats', () => {
    // Each field put in the place of the one it replaces (a copy of the list per field was quadratic in TAGS lines).
    const rnd = seeded(2803);
    for (let n = 0; n < 300; n++) {
      const header: string[] = [];
      const count = 1 + Math.floor(rnd() * 40);
      for (let i = 0; i < count; i++) header.push(LINES[Math.floor(rnd() * LINES.length)]!);
      const cable = parseCable(`UNCLAS REYKJAVIK 000457\n\nSIPDIS\n\n${header.join('\n')}\n\n1. (U) TEXT.\n`);
      const expected = [...cable.tags, cable.eo, cable.subject, cable.refs, cable.classifiedBy]
        .filter((f): f is HeaderField => f !== undefined)
        .sort((a, b) => a.range.start.offset - b.range.start.offset);
      assert.deepEqual(cable.headerOrder.map((f) => f.range.start.offset), expected.map((f) => f.range.start.offset), header.join(' | '));
      assert.ok(cable.headerOrder.every((f, i) => f === expected[i]), header.join(' | '));
    }
  });
});
