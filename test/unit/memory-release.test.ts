/**
 * Memory given back after work (host/node/memory.ts, lsp/scheduler.ts): the server waits for a
 * quiet spell after linting, then collects twice, a turn apart, when its heap has taken enough from
 * the system since the last time; otherwise it does nothing. The protocol test
 * (test/protocol/scheduling.test.ts) shows the real server doing it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { heapReleaser, RELEASE_AFTER_GROWTH } from '../../server/src/host/node/memory';
import type { HeapFigures } from '../../server/src/host/host';
import { WhenQuiet } from '../../server/src/lsp/scheduler';

const MB = 1024 * 1024;

/** A heap whose figures the test sets, a collector that records each call, and turns run by hand. */
function fakeHeap(start: HeapFigures) {
  const heap = { ...start };
  const events: string[] = [];
  const turns: Array<() => void> = [];
  const release = heapReleaser(
    () => ({ ...heap }),
    () => {
      events.push(`collect at ${heap.heapTotal / MB}`);
      // What a collection does to the figures once the second one gives the pages back.
      if (events.filter((e) => e.startsWith('collect')).length % 2 === 0) {
        heap.heapTotal = 30 * MB;
        heap.heapUsed = 19 * MB;
      }
    },
    (run) => void turns.push(run),
  );
  const reports: Array<[HeapFigures, HeapFigures]> = [];
  const quiet = () => release((before, after) => reports.push([before, after]));
  const nextTurn = () => turns.shift()?.();
  return { heap, events, quiet, nextTurn, reports, pendingTurns: () => turns.length };
}

describe('heapReleaser: memory given back when quiet', () => {
  it('does nothing while the heap has taken less than the threshold since start', () => {
    const h = fakeHeap({ heapTotal: 20 * MB, heapUsed: 10 * MB });
    h.heap.heapTotal += RELEASE_AFTER_GROWTH - 1;
    h.quiet();
    assert.deepEqual(h.events, []);
    assert.equal(h.pendingTurns(), 0);
    assert.deepEqual(h.reports, []);
  });

  it('past the threshold: one collection now, a second a turn later, then reports before and after', () => {
    const h = fakeHeap({ heapTotal: 20 * MB, heapUsed: 10 * MB });
    h.heap.heapTotal = 40 * MB;
    h.heap.heapUsed = 32 * MB;
    h.quiet();
    assert.deepEqual(h.events, ['collect at 40'], 'the first collection at once');
    assert.equal(h.reports.length, 0, 'nothing reported before the second');
    h.nextTurn();
    assert.deepEqual(h.events, ['collect at 40', 'collect at 40']);
    assert.equal(h.reports.length, 1);
    const [before, after] = h.reports[0]!;
    assert.deepEqual(before, { heapTotal: 40 * MB, heapUsed: 32 * MB });
    assert.deepEqual(after, { heapTotal: 30 * MB, heapUsed: 19 * MB });
  });

  it('measures the next growth from where the last release left the heap', () => {
    const h = fakeHeap({ heapTotal: 20 * MB, heapUsed: 10 * MB });
    h.heap.heapTotal = 40 * MB;
    h.quiet();
    h.nextTurn();
    assert.equal(h.heap.heapTotal, 30 * MB);
    // 33 MB: grown by 3 MB since the release (30 MB), below the threshold though 13 MB above the start.
    h.heap.heapTotal = 33 * MB;
    h.quiet();
    assert.equal(h.events.length, 2, 'no collection for growth below the threshold since the last release');
    h.heap.heapTotal = 30 * MB + RELEASE_AFTER_GROWTH;
    h.quiet();
    assert.equal(h.events.length, 3, 'the threshold reached again: collected again');
  });
});

it('heapReleaser: a heap that V8 shrank by itself counts its growth from there', () => {
  const h = fakeHeap({ heapTotal: 40 * MB, heapUsed: 20 * MB });
  h.heap.heapTotal = 25 * MB; // V8's own collections gave pages back
  h.quiet();
  assert.deepEqual(h.events, [], 'smaller than at start: nothing to give back');
  h.heap.heapTotal = 25 * MB + RELEASE_AFTER_GROWTH;
  h.quiet();
  assert.equal(h.events.length, 1, 'grown by the threshold since the low point, though below the start: collected');
});

describe('WhenQuiet: a task once per quiet spell after work', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('runs once, no sooner than the quiet time after the last piece of work', async () => {
    const runs: number[] = [];
    // 300 ms quiet against 20 ms gaps: a loaded machine stretching a gap must not end the spell.
    const quiet = new WhenQuiet(300, () => runs.push(performance.now()));
    quiet.worked();
    await sleep(20);
    quiet.worked();
    await sleep(20);
    const last = performance.now();
    quiet.worked();
    await sleep(900);
    assert.equal(runs.length, 1, 'three pieces of work, one quiet spell: one run');
    assert.ok(runs[0]! - last >= 299, `ran ${(runs[0]! - last).toFixed(1)} ms after the last work, before the quiet time`);
    await sleep(400);
    assert.equal(runs.length, 1, 'a quiet spell that goes on runs the task only once');
    quiet.worked();
    await sleep(900);
    assert.equal(runs.length, 2, 'work again, then quiet: a second run');
    quiet.dispose();
  });

  it('disposed: a pending run never happens', async () => {
    let ran = false;
    const quiet = new WhenQuiet(30, () => (ran = true));
    quiet.worked();
    quiet.dispose();
    await sleep(120);
    assert.equal(ran, false);
  });
});
