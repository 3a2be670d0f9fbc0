/**
 * The server's off-thread linter (server/src/lsp/lint-worker.ts) over a stand-in worker thread:
 * which worker runs which job, and when a worker is stopped. A job no longer wanted is answered
 * with nothing at once and left to finish in its warm worker (a fresh one lints a 1 MB cable 5-9x
 * slower: cold code), unless it runs on past its grace.
 */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import type { Worker } from 'node:worker_threads';
import type { LintJob, LintOutcome } from '../../server/src/lsp/lint-job';
import { abandonedGraceMs, OffThreadLinter } from '../../server/src/lsp/lint-worker';

/** A worker thread that records the jobs posted to it and answers when told. */
class FakeWorker extends EventEmitter {
  readonly posted: Array<{ id: number; job: LintJob }> = [];
  terminated = false;
  postMessage(message: { id: number; job: LintJob }): void {
    this.posted.push(message);
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(1);
  }
  /** Answers the last job posted, as serveLintJobs does. */
  answer(outcome: LintOutcome): void {
    this.emit('message', { id: this.posted.at(-1)!.id, outcome });
  }
}

const outcome = (n: number): LintOutcome => ({ profile: 'draft', diagnostics: [], lsp: Array.from({ length: n }, () => ({}) as LintOutcome['lsp'][number]) });
const job = (uri: string, version: number, chars = 300_000): LintJob => ({
  uri,
  version,
  text: 'x'.repeat(chars),
  settings: {} as LintJob['settings'],
  now: '2010-01-01T00:00:00Z',
  docsBase: '',
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function linter(graceMs?: number) {
  const workers: FakeWorker[] = [];
  const errors: string[] = [];
  const l = new OffThreadLinter(
    (m) => errors.push(m),
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    graceMs === undefined ? undefined : () => graceMs,
  );
  return { l, workers, errors };
}

describe('the off-thread linter', () => {
  it('answers a job from its worker, and runs the next in the same worker', async () => {
    const { l, workers, errors } = linter();
    const first = l.lint(job('a', 1));
    workers[0]!.answer(outcome(2));
    assert.equal((await first)?.lsp.length, 2);
    const second = l.lint(job('b', 1));
    workers[0]!.answer(outcome(3));
    assert.equal((await second)?.lsp.length, 3);
    assert.equal(workers.length, 1);
    assert.deepEqual(errors, []);
    l.dispose();
  });

  it('a newer version answers the older at once with nothing, lets it finish in the warm worker, then runs there', async () => {
    const { l, workers } = linter();
    const v1 = l.lint(job('a', 1));
    const v2 = l.lint(job('a', 2));
    assert.equal(await v1, undefined);
    // Not stopped: the newer job waits for the worker.
    assert.equal(workers[0]!.terminated, false);
    assert.deepEqual(workers[0]!.posted.map((p) => p.job.version), [1]);
    // The stale answer is dropped; the newer job goes to the same worker.
    workers[0]!.answer(outcome(9));
    assert.deepEqual(workers[0]!.posted.map((p) => p.job.version), [1, 2]);
    workers[0]!.answer(outcome(1));
    assert.equal((await v2)?.lsp.length, 1);
    assert.equal(workers.length, 1);
    l.dispose();
  });

  it('a cancel (a pull cancelled, the document closed) answers the running job with nothing and keeps its worker', async () => {
    const { l, workers } = linter();
    const running = l.lint(job('a', 1));
    l.cancel('a');
    assert.equal(await running, undefined);
    assert.equal(workers[0]!.terminated, false);
    workers[0]!.answer(outcome(4));
    const next = l.lint(job('b', 1));
    assert.deepEqual(workers[0]!.posted.map((p) => p.job.uri), ['a', 'b']);
    workers[0]!.answer(outcome(5));
    assert.equal((await next)?.lsp.length, 5);
    l.dispose();
  });

  it('stops a worker whose abandoned job runs on past its grace, and runs the waiting job in a new one', async () => {
    const { l, workers } = linter(30);
    const v1 = l.lint(job('a', 1));
    const v2 = l.lint(job('a', 2));
    assert.equal(await v1, undefined);
    await sleep(80);
    assert.equal(workers[0]!.terminated, true);
    assert.equal(workers.length, 2);
    assert.deepEqual(workers[1]!.posted.map((p) => p.job.version), [2]);
    // A late answer from the stopped worker is not taken for the new job's.
    workers[0]!.emit('message', { id: workers[0]!.posted[0]!.id, outcome: outcome(7) });
    workers[1]!.answer(outcome(8));
    assert.equal((await v2)?.lsp.length, 8);
    l.dispose();
  });

  it('a job that finishes within its grace leaves no timer to stop the worker later', async () => {
    const { l, workers } = linter(30);
    void l.lint(job('a', 1));
    const v2 = l.lint(job('a', 2));
    workers[0]!.answer(outcome(1));
    workers[0]!.answer(outcome(2));
    assert.equal((await v2)?.lsp.length, 2);
    await sleep(80);
    assert.equal(workers[0]!.terminated, false);
    assert.equal(workers.length, 1);
    l.dispose();
  });

  it('gives an abandoned job 1 s plus 1 ms per 5,000 characters', () => {
    assert.equal(abandonedGraceMs(0), 1000);
    assert.equal(abandonedGraceMs(1024 * 1024), 1209);
    assert.equal(abandonedGraceMs(20_000_000), 5000);
  });
});
