/**
 * Debounce before linting a changed document: 50 ms, plus 1 ms per 10 KB of text so that a
 * burst of keystrokes in a very large file (a whole published page, seed 000's 845-character
 * lines) does not queue one full lint per key, capped at 400 ms so feedback never lags more.
 * A 20 KB draft waits 52 ms; a 1 MB file 152 ms; 3.5 MB and more 400 ms.
 */
export function debounceDelay(textLength: number): number {
  return Math.min(400, 50 + Math.floor(textLength / 10_240));
}

/** One pending timer per document: a new change replaces the pending run. */
export class Debouncer {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  schedule(key: string, delayMs: number, run: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run();
      }, delayMs),
    );
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** How long the server waits, quiet after linting, before it gives memory back. */
export const QUIET_MS = 4000;

/**
 * Runs `task` once the server has been quiet for `quietMs` after work: every piece of work
 * (`worked`) starts the wait again, and a quiet spell runs the task once, however long it lasts.
 */
export class WhenQuiet {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly quietMs: number,
    private readonly task: () => void,
  ) {}

  worked(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.task();
    }, this.quietMs);
    // A quiet server must still exit when its connection ends.
    (this.timer as { unref?: () => void }).unref?.();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * How long after answering a pull for a change's diagnostics the server makes room in its young
 * generation for the next lint: past the reply's write, well inside the pause before a typist's
 * next key (100 ms and more).
 */
export const ROOM_AFTER_PULL_MS = 10;
