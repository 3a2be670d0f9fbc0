/**
 * Room made for a lint while nobody waits (host/node/memory.ts `youngRoom`): when an edit starts
 * its debounce, the young generation is collected if the work the edit brings would not fit in
 * what is left of it. The policy with a heap the test sets, then once against V8 itself. The
 * protocol test (test/protocol/scheduling.test.ts) shows the real server's scavenges leaving its lints.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getHeapSpaceStatistics } from 'node:v8';
import { MARGIN, MEASURED_FROM_CHARS, PRIOR_BYTES_PER_CHAR, V8_TASK_TRIGGER, youngRoom, type YoungFigures } from '../../server/src/host/node/memory';

const MB = 1024 * 1024;
const KB100 = 100 * 1024;
/** What must stay free of a young generation of `capacity` so that V8's own collection task does not run after the lint. */
const headroom = (capacity: number) => (1 - V8_TASK_TRIGGER) * capacity;

/** A young generation whose figures the test sets; a collection leaves `survivors` in it. */
function fakeYoung(capacity = 16 * MB, survivors = 1 * MB) {
  const young = { used: 0, capacity };
  let collections = 0;
  const makeRoom = youngRoom(
    (): YoungFigures => ({ used: young.used, room: young.capacity - young.used, capacity: young.capacity }),
    () => {
      collections++;
      young.used = survivors;
    },
  );
  return { young, makeRoom, collections: () => collections };
}

describe('youngRoom: a collection in the wait, not in the lint', () => {
  it('before any edit was measured, expects the prior cost per character', () => {
    const enough = fakeYoung();
    enough.young.used = 16 * MB - headroom(16 * MB) - KB100 * PRIOR_BYTES_PER_CHAR;
    assert.equal(enough.makeRoom(KB100), undefined, 'exactly enough room below V8\'s trigger: nothing to do');
    assert.equal(enough.collections(), 0);
    const short = fakeYoung();
    short.young.used = 16 * MB - headroom(16 * MB) - KB100 * PRIOR_BYTES_PER_CHAR + 1;
    assert.deepEqual(short.makeRoom(KB100), { room: headroom(16 * MB) + KB100 * PRIOR_BYTES_PER_CHAR - 1, expected: KB100 * PRIOR_BYTES_PER_CHAR });
    assert.equal(short.collections(), 1);
    assert.equal(short.young.used, 1 * MB, 'collected');
  });

  it('does nothing when the work would not fit below V8\'s trigger in an empty young generation either', () => {
    const h = fakeYoung(16 * MB);
    h.young.used = 15 * MB;
    const chars = Math.ceil((16 * MB - headroom(16 * MB) + 1) / PRIOR_BYTES_PER_CHAR);
    assert.equal(h.makeRoom(chars), undefined);
    assert.equal(h.collections(), 0);
  });

  it('learns what an edit takes from the growth between edits: the median of recent ones, with a margin', () => {
    const h = fakeYoung(64 * MB);
    // Eight edits of a 100 KB text, each bringing 1 MB of work: 10.24 bytes per character.
    for (let n = 0; n < 9; n++) {
      assert.equal(h.makeRoom(KB100), undefined, `edit ${n}: plenty of room`);
      h.young.used += 1 * MB;
    }
    // Expected now 1 MB with the margin for the same text: that much room suffices, less does not.
    assert.ok(MARGIN > 1 && MARGIN < 2);
    h.young.used = 64 * MB - headroom(64 * MB) - MARGIN * MB;
    assert.equal(h.makeRoom(KB100), undefined, 'room for the learned cost, well below the prior 3.2 MB');
    assert.equal(h.collections(), 0);
    h.young.used += 1 * MB;
    const made = h.makeRoom(KB100);
    assert.ok(made, 'too little room for the learned cost');
    assert.equal(made.expected, MARGIN * MB);
    assert.equal(h.collections(), 1);
  });

  it('an outlier (documents opened between two edits) does not move the median', () => {
    const h = fakeYoung(64 * MB);
    for (let n = 0; n < 9; n++) {
      h.makeRoom(KB100);
      h.young.used += n === 4 ? 40 * MB : 1 * MB;
      if (h.young.used > 50 * MB) h.young.used = 50 * MB;
    }
    h.young.used = 64 * MB - headroom(64 * MB) - MARGIN * MB + 1;
    assert.equal(h.makeRoom(KB100)?.expected, MARGIN * MB, 'one 40 MB gap among 1 MB gaps');
  });

  it('a gap with a collection in it is not a measure, nor is an edit of a small text', () => {
    const h = fakeYoung(64 * MB);
    h.young.used = 10 * MB;
    h.makeRoom(KB100);
    h.young.used = 2 * MB; // V8 scavenged between the two edits: no measure
    h.makeRoom(MEASURED_FROM_CHARS - 1);
    // What the small text's edit took (anything) is not counted either: the prior still holds.
    h.young.used = 64 * MB - headroom(64 * MB) - KB100 * PRIOR_BYTES_PER_CHAR + 1;
    const made = h.makeRoom(KB100);
    assert.equal(made?.expected, KB100 * PRIOR_BYTES_PER_CHAR);
  });

  it('against V8: collects the young generation when the work does not fit, and what was garbage is gone', () => {
    const makeRoom = youngRoom();
    // Garbage in the young generation, then an edit whose expected work fills all of it.
    let junk: object[] | undefined = Array.from({ length: 20_000 }, (_, i) => ({ i }));
    junk = undefined;
    void junk;
    const young = () => {
      const s = getHeapSpaceStatistics().find((x) => x.space_name === 'new_space')!;
      return { used: s.space_used_size, capacity: s.space_used_size + s.space_available_size };
    };
    const before = young();
    assert.ok(before.used > 0);
    const made = makeRoom(Math.floor((before.capacity * V8_TASK_TRIGGER) / PRIOR_BYTES_PER_CHAR));
    assert.ok(made, `no collection with ${before.used} of ${before.capacity} bytes used`);
    assert.ok(young().used < before.used, `young generation not smaller after the collection: ${young().used} vs ${before.used}`);
  });
});
