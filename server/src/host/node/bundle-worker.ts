/**
 * Worker threads that run the server bundle again (`dist/server.js`): the Node server lints large
 * documents in one (lsp/lint-worker.ts) and parses the workspace index's files in another
 * (cable-source.ts). The bundle's entry (lsp/main.ts) asks `workerRole()` which job it serves.
 */
import { isMainThread, Worker, workerData } from 'node:worker_threads';

/** The jobs a bundle worker serves. */
export type WorkerRole = 'lint' | 'index';

// Not the CLI's mark (cli/worker.ts): a thread of one must never take the other's jobs.
const MARK = 'cable-lint-server-worker';

declare const __filename: string | undefined;

/** The bundle this code runs from, which a worker loads again; undefined when not bundled (tests under tsx). */
export function bundleScript(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.js') ? __filename : undefined;
}

/**
 * Starts a worker on the bundle for `role`. It does not keep the process alive, and what it prints
 * goes to `onOutput` (over stdio, stdout is the protocol stream). Throws when not bundled.
 */
export function startBundleWorker(role: WorkerRole, onOutput: (text: string) => void): Worker {
  const script = bundleScript();
  if (script === undefined) throw new Error('not running from the bundle');
  const worker = new Worker(script, { workerData: { mark: MARK, role }, stdout: true, stderr: true });
  worker.unref();
  for (const stream of [worker.stdout, worker.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => onOutput(chunk.trimEnd()));
  }
  return worker;
}

/** The role this thread was started for by `startBundleWorker`; undefined on the main thread. */
export function workerRole(): WorkerRole | undefined {
  if (isMainThread) return undefined;
  const data = workerData as { mark?: string; role?: WorkerRole } | undefined;
  return data?.mark === MARK ? data.role : undefined;
}
