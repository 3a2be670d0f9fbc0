/**
 * The Node server's heap: given back after a burst of work (`heapReleaser`), its young
 * generation collected while an edit waits for its lint rather than during the lint (`youngRoom`),
 * and trees kept out of the old generation (`allocateYoung`).
 * V8 sizes its heap for the rate it was allocated at: after opening 200 cables the server held
 * ~10 MB it no longer used (RSS 105 MB, live heap 20 MB), and still did 22 s later, quiet all along.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HeapFigures } from '../host';

type GcFunction = (options?: { type: 'major' | 'minor' }) => void;
let gc: GcFunction | undefined | null = null;

/**
 * V8's collector, had as jest's leak detector has it when the process runs without
 * `--expose-gc`: the flag set at run time, `gc` read from a fresh context.
 */
function gcFunction(): GcFunction | undefined {
  if (gc === null) {
    const own = (globalThis as { gc?: GcFunction }).gc;
    try {
      if (typeof own === 'function') gc = own;
      else {
        setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as GcFunction;
      }
    } catch {
      gc = undefined;
    }
  }
  return gc;
}

/** A full collection: for a count of the live heap alone (the index's memory cap), or to give memory back (`heapReleaser`). */
export function collectGarbage(): void {
  gcFunction()?.();
}

/** A collection of the young generation alone (a scavenge), to make room before a lint (`youngRoom`). */
export function collectYoung(): void {
  gcFunction()?.({ type: 'minor' });
}

/**
 * Turns off V8's allocation-site pretenuring for the process (its flags are the process's: workers
 * too). V8 watches, at each young-generation collection, how many objects from each allocation
 * site survived; a site whose objects nearly all survived (a ratio of 85 % or more) is from then
 * on allocated straight in the old generation. A parse builds a tree that is all alive until it
 * ends, so the first collections that fall inside parses (opening a cable, the first edits) had
 * V8 decide "tenure" for the tree's sites (ratios 0.91-1.0 under `--trace-pretenuring-statistics`),
 * for good: every later keystroke's tree, dropped at the next keystroke, went to the old
 * generation, which grew ~0.9 MB an edit of a 100 KB cable and was marked and compacted every
 * ~50 edits (4-5 full collections in 200 edits; 1 with this). What the server keeps (the open
 * documents' texts) reaches the old generation anyway, by surviving two young collections.
 * Measured at load 4-5, 200 edits of the 100 KB bench cable in turn with and without:
 * keystroke work p50 12.8 -> 7.7 and 14.8 -> 10.1 ms.
 */
export function allocateYoung(): void {
  try {
    setFlagsFromString('--no-allocation-site-pretenuring');
  } catch {
    // A runtime that does not take V8 flags keeps V8's policy.
  }
}

/** Below this growth of the heap since the last release, a quiet spell costs nothing. */
export const RELEASE_AFTER_GROWTH = 4 * 1024 * 1024;

/**
 * Returns a function to call when the server has been quiet after work: when the heap has taken
 * `RELEASE_AFTER_GROWTH` or more from the system since the last release, two full collections, a
 * turn apart (measured: the first frees and leaves the resident set where it was, the second, with
 * no allocation in between, gives the pages back: 200 cables open, RSS 105 → 94 MB); else
 * nothing. `done` hears the heap before and after, for the server's log.
 */
export function heapReleaser(
  figures: () => HeapFigures = () => process.memoryUsage(),
  collect: () => void = collectGarbage,
  later: (run: () => void) => void = (run) => void setImmediate(run),
): (done: (before: HeapFigures, after: HeapFigures) => void) => void {
  let base = figures().heapTotal;
  return (done) => {
    const before = figures();
    // A heap V8 shrank by itself since: growth counts from there.
    base = Math.min(base, before.heapTotal);
    if (before.heapTotal - base < RELEASE_AFTER_GROWTH) return;
    collect();
    later(() => {
      collect();
      const after = figures();
      base = after.heapTotal;
      done(before, after);
    });
  };
}

/** The young generation as V8 reports it: what is allocated in it and what is left before it is collected. */
export interface YoungFigures {
  used: number;
  room: number;
  capacity: number;
}

function youngFigures(): YoungFigures {
  let used = 0;
  let room = Infinity;
  let capacity = 0;
  for (const s of getHeapSpaceStatistics()) {
    if (s.space_name === 'new_space') {
      used += s.space_used_size;
      room = Math.min(room, s.space_available_size);
      capacity = s.space_used_size + s.space_available_size;
    } else if (s.space_name === 'new_large_object_space') {
      // Large arrays (a long cable's tokens) are young too, with their own allowance.
      used += s.space_used_size;
      room = Math.min(room, s.space_available_size);
    }
  }
  return { used, room: room === Infinity ? 0 : room, capacity };
}

/** Before any edit has been measured: parse + lint of the 100 KB bench cable took ~29 bytes per character, rounded up. */
export const PRIOR_BYTES_PER_CHAR = 32;
/** Edits of smaller texts are not measured: their fixed costs would read as a large cost per character. */
export const MEASURED_FROM_CHARS = 16 * 1024;
/** How many recent edits the estimate remembers. */
const SAMPLES = 8;
/** Room made for the typical edit's allocation and then some: edits of one text vary a little. */
export const MARGIN = 1.25;
/**
 * V8 collects the young generation by itself, in a task, once it is this full (its flag
 * `scavenge_task_trigger`, 80 %): a lint that leaves it fuller meets that collection just after
 * it, before its diagnostics reach the client (seen: 1-5 of ~29 edits of a 50 KB cable).
 */
export const V8_TASK_TRIGGER = 0.8;

/**
 * A scavenge costs what survives it, and while a cable is parsed its tree so far survives: in the
 * server (4 MB semi-spaces), 27-36 of 131 lints of the 100 KB bench cable met one, 4-10 ms each,
 * on the way to the user's diagnostics; V8's own idle-time scavenge task did not prevent them. The
 * debounce before each lint is idle time; the collection belongs there (then none met one).
 *
 * Returns the function to call when an edit to a text of `chars` characters starts its wait:
 * when the work an edit brings (what the young generation took between the previous two edits,
 * per character; the median of recent ones) would not fit in what is left of the young
 * generation below V8's own trigger but would in an empty one, it is collected now. Returns the
 * figures when it did.
 */
export function youngRoom(
  figures: () => YoungFigures = youngFigures,
  collect: () => void = collectYoung,
): (chars: number) => { room: number; expected: number } | undefined {
  const samples: number[] = [];
  let previous: { used: number; chars: number } | undefined;
  const perChar = () => {
    if (samples.length === 0) return PRIOR_BYTES_PER_CHAR;
    const sorted = [...samples].sort((x, y) => x - y);
    return sorted[Math.floor(sorted.length / 2)]! * MARGIN;
  };
  return (chars) => {
    const young = figures();
    // Fewer bytes than after the previous edit: a collection came in between, not a measure.
    if (previous && previous.chars >= MEASURED_FROM_CHARS && young.used >= previous.used) {
      samples.push((young.used - previous.used) / previous.chars);
      if (samples.length > SAMPLES) samples.shift();
    }
    const expected = chars * perChar();
    // Room left below V8's own trigger, and whether the work fits below it at all.
    const headroom = (1 - V8_TASK_TRIGGER) * young.capacity;
    const needed = young.room - headroom < expected && expected <= young.capacity - headroom;
    if (needed) collect();
    previous = { used: needed ? figures().used : young.used, chars };
    return needed ? { room: young.room, expected } : undefined;
  };
}
