/**
 * The Node server's heap, given back after a burst of work. V8 sizes its heap for the rate it
 * was allocated at: after opening 200 cables the server held ~10 MB it no longer used (RSS
 * 105 MB, live heap 20 MB), and still did 22 s later, quiet all along.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HeapFigures } from '../host';

let gc: (() => void) | undefined | null = null;

/**
 * A full collection: for a count of the live heap alone (the index's memory cap), or to give
 * memory back (`heapReleaser`). Without `--expose-gc` the function is
 * had as jest's leak detector has it: the flag set at run time, `gc` read from a fresh context.
 */
export function collectGarbage(): void {
  if (gc === null) {
    const own = (globalThis as { gc?: () => void }).gc;
    try {
      if (typeof own === 'function') gc = own;
      else {
        setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as () => void;
      }
    } catch {
      gc = undefined;
    }
  }
  gc?.();
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
