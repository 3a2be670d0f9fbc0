/**
 * Linting off the request path. The engine is synchronous: a multi-megabyte document takes
 * seconds to parse and lint, and on the connection's thread every hover, completion and
 * keystroke of every other document would wait behind it. Documents from LARGE_DOCUMENT
 * characters up are linted in a worker thread started from the server bundle itself; smaller
 * ones in place, where a worker round trip would cost more than it saves.
 */
import { parentPort, type Worker } from 'node:worker_threads';
import { type LintJob, type LintOutcome, type OffThreadLinting, runLintJob } from './lint-job';

/** From this many characters (about 256 KB, some 50 ms of linting) a document is linted off-thread. */
export const LARGE_DOCUMENT = 256 * 1024;

type Reply = { id: number; outcome: LintOutcome } | { id: number; error: string };

interface Running {
  id: number;
  uri: string;
  /** Characters of the job's text. */
  chars: number;
  resolve: (outcome: LintOutcome | undefined) => void;
  reject: (err: Error) => void;
  /** Set when the job is no longer wanted: its answer is dropped, and the worker stopped if it runs on past this. */
  abandoned?: ReturnType<typeof setTimeout>;
}

/**
 * How long a job no longer wanted may run on before its worker is stopped: 1 s, plus 1 ms per
 * 5,000 characters (a warm worker lints 10-15 MB/s; 5 MB/s leaves room for a loaded machine).
 */
export function abandonedGraceMs(chars: number): number {
  return 1000 + Math.floor(chars / 5000);
}

/**
 * One worker thread, one job at a time. A job that is no longer wanted (a newer version, the
 * document closed, the request cancelled) is answered at once with nothing, and left to finish
 * in its worker, its answer dropped: the next job then runs in a warm worker. A fresh worker would
 * load the bundle and parse and lint with cold code: a 1 MB cable took 850-1,100 ms there against
 * 110-180 ms warm, so stopping the worker at each keystroke of a burst made the last one wait the
 * longest. Only a job that runs on past `abandonedGraceMs` is stopped, with its worker.
 */
export class OffThreadLinter implements OffThreadLinting {
  private worker: Worker | undefined;
  private running: Running | undefined;
  private queue: { job: LintJob; running: Running }[] = [];
  private nextId = 0;
  private disposed = false;

  /**
   * `startWorker` starts a thread that serves `serveLintJobs` (Node: the bundle again, from
   * host/node/bundle-worker.ts, handed in by main.ts); without it, every document is linted in place.
   * `graceMs` is how long an abandoned job may run on (`abandonedGraceMs` unless a test says).
   */
  constructor(
    private readonly onError: (message: string) => void,
    private readonly startWorker: ((onOutput: (text: string) => void) => Worker) | undefined,
    private readonly graceMs: (chars: number) => number = abandonedGraceMs,
  ) {}

  /** Whether a document this long goes to the worker (never when no worker can be started). */
  wants(length: number): boolean {
    return length >= LARGE_DOCUMENT && this.startWorker !== undefined;
  }

  /** Resolves with the outcome, or undefined when the job was cancelled first. */
  lint(job: LintJob): Promise<LintOutcome | undefined> {
    // Only the latest version of a document is worth linting.
    this.cancel(job.uri);
    return new Promise((resolve, reject) => {
      const running: Running = { id: ++this.nextId, uri: job.uri, chars: job.text.length, resolve, reject };
      this.queue.push({ job, running });
      this.pump();
    });
  }

  /** Drops queued and running jobs of a document. */
  cancel(uri: string): void {
    for (const q of this.queue.filter((q) => q.running.uri === uri)) q.running.resolve(undefined);
    this.queue = this.queue.filter((q) => q.running.uri !== uri);
    if (this.running?.uri === uri) this.abandon(this.running);
  }

  private abandon(running: Running): void {
    if (running.abandoned) return;
    running.resolve(undefined);
    running.abandoned = setTimeout(() => {
      if (this.running === running) this.stopWorker();
    }, this.graceMs(running.chars));
  }

  dispose(): void {
    this.disposed = true;
    for (const q of this.queue) q.running.resolve(undefined);
    this.queue = [];
    this.stopWorker();
  }

  private stopWorker(): void {
    const running = this.running;
    this.running = undefined;
    clearTimeout(running?.abandoned);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
    running?.resolve(undefined);
    this.pump();
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = next.running;
    const worker = this.ensureWorker();
    worker.postMessage({ id: next.running.id, job: next.job });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.startWorker!((text) => this.onError(`lint worker: ${text}`));
    worker.on('message', (reply: Reply) => {
      const running = this.running;
      if (worker !== this.worker || !running || running.id !== reply.id) return;
      this.running = undefined;
      clearTimeout(running.abandoned);
      // An abandoned job was settled already, with nothing.
      if (!running.abandoned) {
        if ('error' in reply) running.reject(new Error(reply.error));
        else running.resolve(reply.outcome);
      }
      this.pump();
    });
    const lost = (why: string) => {
      if (worker !== this.worker) return;
      this.worker = undefined;
      const running = this.running;
      this.running = undefined;
      clearTimeout(running?.abandoned);
      this.onError(`lint worker stopped: ${why}`);
      running?.reject(new Error(`lint worker stopped: ${why}`));
      this.pump();
    };
    worker.on('error', (err) => lost(err?.stack ?? String(err)));
    worker.on('exit', (code) => lost(`exit ${code}`));
    this.worker = worker;
    return worker;
  }
}

export function serveLintJobs(): void {
  parentPort!.on('message', ({ id, job }: { id: number; job: LintJob }) => {
    let reply: Reply;
    try {
      reply = { id, outcome: runLintJob(job) };
    } catch (err) {
      reply = { id, error: (err as Error)?.stack ?? String(err) };
    }
    parentPort!.postMessage(reply);
  });
}
