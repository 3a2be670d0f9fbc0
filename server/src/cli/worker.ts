/**
 * Worker threads for many files: each runs the same per-file code as the main thread over the
 * batches it is handed; the main thread puts the results back in input order, so the output is
 * the same with or without workers.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigError } from '../config/settings';
import { InputError } from '../host/errors';
import type { InputFile } from '../host/node/files';
import { processFile, sessionFor, type FileOutcome, type RunSpec, type SkippedFile } from './process';

const WORKER_MARK = 'cable-lint-worker';

/** Below this many files a worker's start-up (loading the bundle, ~0.1 s) costs more than it saves. */
export const WORKER_THRESHOLD = 200;

interface BatchMessage {
  id: number;
  files: InputFile[];
}

type ReplyMessage =
  | { id: number; outcomes: (FileOutcome | SkippedFile)[] }
  | { id: number; error: { name: string; message: string; stack?: string } };

/** The bundle this code runs from, which a worker loads again; undefined when not bundled. */
function workerScript(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.js') ? __filename : undefined;
}

/** How many threads to use for `count` files: 0 means none (lint on the main thread). */
export function threadCount(setting: 'auto' | 'off' | number, count: number): number {
  if (setting === 'off' || workerScript() === undefined) return 0;
  if (setting === 'auto') {
    if (count < WORKER_THRESHOLD) return 0;
    // One core stays with the main thread, which reads and decodes the files. On two cores the
    // corpus ran no faster with workers (21.6 s against 25.1 s single-threaded under load,
    // 8.1 s against 8.5 s in the benchmark), so auto means one thread there.
    const cores = availableParallelism();
    return cores > 2 ? Math.min(cores - 1, 8, Math.ceil(count / 100)) : 0;
  }
  return Math.min(setting, count);
}

/**
 * Runs every file through `threads` workers in batches handed out as workers free up (cables
 * vary a hundredfold in size). Resolves to the outcomes in input order (`onOutcome` hears each
 * as it arrives, in any order); rejects with the first
 * error any file raised (an InputError or ConfigError keeps its class, for exit status 2).
 */
export function runInWorkers(
  files: readonly InputFile[],
  spec: RunSpec,
  threads: number,
  onProgress?: (done: number) => void,
  onOutcome?: (index: number, outcome: FileOutcome | SkippedFile) => void,
): Promise<(FileOutcome | SkippedFile)[]> {
  const script = workerScript()!;
  const results: (FileOutcome | SkippedFile)[] = new Array(files.length);
  const batchSize = Math.max(1, Math.min(64, Math.ceil(files.length / (threads * 8))));
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  return new Promise<(FileOutcome | SkippedFile)[]>((resolvePromise, reject) => {
    let failed = false;
    let active = 0;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const feed = (worker: Worker) => {
      if (failed) return;
      if (next >= files.length) {
        void worker.terminate();
        return;
      }
      const start = next;
      next = Math.min(files.length, next + batchSize);
      worker.postMessage({ id: start, files: files.slice(start, next) } satisfies BatchMessage);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(script, { workerData: { mark: WORKER_MARK, spec } });
      workers.push(worker);
      active++;
      worker.on('message', (reply: ReplyMessage) => {
        if ('error' in reply) {
          const E = reply.error.name === 'ConfigError' ? ConfigError : reply.error.name === 'InputError' ? InputError : Error;
          const err = new E(reply.error.message);
          if (E === Error && reply.error.stack) err.stack = reply.error.stack;
          fail(err);
          return;
        }
        reply.outcomes.forEach((o, k) => {
          results[reply.id + k] = o;
          onOutcome?.(reply.id + k, o);
        });
        done += reply.outcomes.length;
        onProgress?.(done);
        feed(worker);
      });
      worker.on('error', (err) => fail(err));
      worker.on('exit', () => {
        active--;
        if (active === 0 && !failed) {
          if (done === files.length) resolvePromise(results);
          else fail(new Error(`worker threads stopped after ${done} of ${files.length} files`));
        }
      });
      feed(worker);
    }
  });
}

/** The worker side: started by runInWorkers with the run's settings. */
function serve(spec: RunSpec): void {
  let session: ReturnType<typeof sessionFor> | undefined;
  parentPort!.on('message', (batch: BatchMessage) => {
    try {
      session ??= sessionFor(spec);
      const outcomes = batch.files.map((f) => processFile(f, session!, spec));
      parentPort!.postMessage({ id: batch.id, outcomes } satisfies ReplyMessage);
    } catch (err) {
      const e = err as Error;
      parentPort!.postMessage({ id: batch.id, error: { name: e?.name ?? 'Error', message: e?.message ?? String(err), ...(e?.stack ? { stack: e.stack } : {}) } } satisfies ReplyMessage);
    }
  });
}

if (!isMainThread && (workerData as { mark?: string } | undefined)?.mark === WORKER_MARK) {
  serve((workerData as { spec: RunSpec }).spec);
}
