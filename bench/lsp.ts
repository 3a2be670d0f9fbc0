/**
 * The editor half of `npm run bench`: the bundled language server (`dist/server.js --stdio`)
 * driven over real LSP by the protocol tests' client (test/protocol/lsp-client.ts): start-up,
 * memory with many cables open, and how long a keystroke takes to become diagnostics.
 *
 * The server waits a debounce before linting a changed cable (server/src/lsp/scheduler.ts:
 * 50 ms plus 1 ms per 10 KB, at most 400 ms; a new change restarts the wait). Each edit here is
 * sent only once the previous one's diagnostics arrived, so every edit waits exactly one
 * debounce; the figures are given with it subtracted (the work: settings, parse, rules,
 * conversion and the pipe) and, separately, as the user sees them.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { INDEX_STATUS, SERVER_NODE_FLAGS, type IndexStatus } from '../server/src/lsp/protocol';
import { debounceDelay, QUIET_MS } from '../server/src/lsp/scheduler';
import { TestClient } from '../test/protocol/lsp-client';
import type { CorpusCable } from './corpus';
import { median, quantile, round, seeded } from './stats';

export interface LatencyFigures {
  kb: number;
  edits: number;
  /** The server's debounce for this text, included in `total*` and subtracted from p50/p95/p99. */
  debounceMs: number;
  p50: number;
  p95: number;
  p99: number;
  totalP50: number;
  totalP95: number;
  openMs: number;
  diagnostics: number;
}

/** Spawn → initialize result, a fresh server each time; milliseconds. */
export async function startupTimes(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const client = await TestClient.start({ nodeFlags: SERVER_NODE_FLAGS });
    times.push(performance.now() - t0);
    await client.stop();
  }
  return times;
}

/** Resident set of a process from /proc (Linux); undefined elsewhere. */
function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Server RSS after opening `cables` (each linted: its diagnostics awaited), MB: right after the
 * last one, and at rest: once the server, quiet for QUIET_MS, has given back what the burst took
 * (its log says so; at most QUIET_MS + 5 s later).
 */
export async function rssAfterOpening(cables: readonly CorpusCable[]): Promise<{ docs: number; rssMb: number | undefined; rssMbAtRest: number | undefined; idleRssMb: number | undefined }> {
  const client = await TestClient.start({ nodeFlags: SERVER_NODE_FLAGS });
  try {
    const idle = rssMb(client.process.pid);
    let i = 0;
    for (const c of cables) await client.openAndWait(`untitled:bench-${i++}-${c.name}`, c.text);
    const opened = rssMb(client.process.pid);
    const t0 = performance.now();
    const released = () => client.logs.some((l) => l.message.startsWith('cable-lint: quiet, heap given back'));
    while (!released() && performance.now() - t0 < QUIET_MS + 5000) await new Promise((r) => setTimeout(r, 50));
    // The pages go back as the second collection ends; a moment later the figure is settled.
    await new Promise((r) => setTimeout(r, 500));
    // No release logged (a server without it): no figure at rest rather than one that is not.
    return { docs: cables.length, rssMb: opened, rssMbAtRest: released() ? rssMb(client.process.pid) : undefined, idleRssMb: idle };
  } finally {
    await client.stop();
  }
}

/**
 * How the client learns a change's diagnostics. `push`: the server publishes them after its
 * debounce (Neovim, Helix, Emacs, any client without LSP 3.17 pull). `pull`: what VS Code's
 * client does, a `textDocument/diagnostic` request sent right behind every `didChange`
 * (vscode-languageclient's `diagnosticPullOptions.onChange`, on by default); no debounce, so the
 * edits come at a fast typist's pace (`TYPIST_MS` apart), not back to back: the pause between
 * keys is the server's idle time, as the debounce is in push mode.
 */
export type DiagnosticsMode = 'push' | 'pull';

/** The pause before each pulled edit: ten keys a second. */
export const TYPIST_MS = 100;

/**
 * Opens `text` and types `edits` single characters at random places (seeded): a letter typed,
 * a character deleted or a space typed, in turn, each at an independent random offset.
 */
export async function editLatency(name: string, text: string, edits: number, seed: number, log: (s: string) => void, mode: DiagnosticsMode = 'push'): Promise<LatencyFigures> {
  const client = await TestClient.start({ nodeFlags: SERVER_NODE_FLAGS, pull: mode === 'pull' });
  try {
    const uri = `untitled:bench-${name}`;
    const t0 = performance.now();
    let resultId: string | undefined;
    let first: number;
    if (mode === 'pull') {
      const report = await client.openAndPull(uri, text);
      first = report.kind === 'full' ? report.items.length : 0;
      resultId = report.resultId;
    } else {
      first = (await client.openAndWait(uri, text)).length;
    }
    const openMs = performance.now() - t0;
    let doc = TextDocument.create(uri, 'cable', 1, text);
    const rnd = seeded(seed);
    const times: number[] = [];
    const debounces: number[] = [];
    for (let i = 0; i < edits; i++) {
      const current = doc.getText();
      const offset = Math.floor(rnd() * current.length);
      const at = doc.positionAt(offset);
      const kind = i % 3;
      const letter = String.fromCharCode(65 + Math.floor(rnd() * 26));
      const change =
        kind === 1 && offset < current.length
          ? { range: { start: at, end: doc.positionAt(offset + 1) }, text: '' }
          : { range: { start: at, end: at }, text: kind === 2 ? ' ' : letter };
      const version = i + 2;
      doc = TextDocument.update(doc, [change], version);
      debounces.push(mode === 'pull' ? 0 : debounceDelay(doc.getText().length));
      if (mode === 'pull') {
        await new Promise((r) => setTimeout(r, TYPIST_MS));
        const start = performance.now();
        const report = await client.changeAndPull(uri, version, [change], resultId);
        times.push(performance.now() - start);
        resultId = report.resultId;
        continue;
      }
      const published = client.nextDiagnostics(uri, version, 120_000);
      const start = performance.now();
      await client.change(uri, version, [change]);
      await published;
      times.push(performance.now() - start);
    }
    const debounce = median(debounces);
    const net = times.map((t, i) => t - debounces[i]!);
    const figures: LatencyFigures = {
      kb: round(Buffer.byteLength(text) / 1024),
      edits,
      debounceMs: debounce,
      p50: round(quantile(net, 0.5)),
      p95: round(quantile(net, 0.95)),
      p99: round(quantile(net, 0.99)),
      totalP50: round(quantile(times, 0.5)),
      totalP95: round(quantile(times, 0.95)),
      openMs: round(openMs),
      diagnostics: first,
    };
    log(
      `  ${name} (${mode}): ${figures.kb} KB, ${edits} edits: work p50 ${figures.p50} ms, p95 ${figures.p95} ms, p99 ${figures.p99} ms ` +
        `(+ debounce ${debounce} ms; as felt p50 ${figures.totalP50} ms, p95 ${figures.totalP95} ms); open ${figures.openMs} ms`,
    );
    return figures;
  } finally {
    await client.stop();
  }
}

export interface IndexingFigures {
  files: number;
  /** initialized → the index complete (cableLint/indexStatus ready), ms. */
  timeToIndexMs: number;
  /** Server RSS with the index complete (3 s after, the indexing worker gone), and with an empty workspace (same document open), MB. */
  rssMbIndexed: number | null;
  /** The same the moment indexing completed. */
  rssMbAtReady: number | null;
  rssMbEmptyWorkspace: number | null;
  /** The index's own estimate of the heap its entries hold, MB. */
  indexMb: number;
  /** What `cableLint.index.maxMemoryMB` was last checked against: the server's heap growth where measured, MB. */
  indexMemory: { measured: 'heap' | 'estimate'; mb: number };
  /** Keystroke → diagnostics (debounce subtracted) while indexing ran, and with an empty workspace. */
  keystrokeWhileIndexing: { edits: number; p50: number; p95: number };
  keystrokeBaseline: { edits: number; p50: number; p95: number };
}

async function typeInto(client: TestClient, uri: string, text: string, seed: number, keepGoing: (i: number) => Promise<boolean>): Promise<number[]> {
  let doc = TextDocument.create(uri, 'cable', 1, text);
  await client.openAndWait(uri, text);
  const rnd = seeded(seed);
  const net: number[] = [];
  for (let i = 0; await keepGoing(i); i++) {
    const offset = Math.floor(rnd() * doc.getText().length);
    const at = doc.positionAt(offset);
    const change = { range: { start: at, end: at }, text: String.fromCharCode(65 + Math.floor(rnd() * 26)) };
    const version = i + 2;
    doc = TextDocument.update(doc, [change], version);
    const published = client.nextDiagnostics(uri, version, 120_000);
    const start = performance.now();
    await client.change(uri, version, [change]);
    await published;
    net.push(performance.now() - start - debounceDelay(doc.getText().length));
  }
  return net;
}

/**
 * The workspace index over the corpus as a workspace folder (its `.txt` files included by
 * `cableLint.index.include`): time to a complete index, RSS with it, and keystroke latency
 * while it runs against the same typing with an empty workspace, in the same run.
 */
export async function indexingFigures(corpus: string, emptyFolder: string, text: string, baselineEdits: number, log: (s: string) => void): Promise<IndexingFigures> {
  const base = await TestClient.start({ nodeFlags: SERVER_NODE_FLAGS, workspaceFolder: emptyFolder });
  let baseline: number[];
  let rssEmpty: number | undefined;
  try {
    baseline = await typeInto(base, 'untitled:bench-index-baseline', text, 7, async (i) => i < baselineEdits);
    rssEmpty = rssMb(base.process.pid);
  } finally {
    await base.stop();
  }
  const t0 = performance.now();
  const client = await TestClient.start({ nodeFlags: SERVER_NODE_FLAGS, workspaceFolder: corpus, sections: { 'cableLint.index': { include: ['**/*.txt'] } } });
  try {
    let status = { state: 'off', bytes: 0, memory: { measured: 'estimate', bytes: 0 } } as IndexStatus;
    let readyAt: number | undefined;
    const poll = async () => {
      status = await client.request<IndexStatus>(INDEX_STATUS, null);
      if (status.state === 'ready' && readyAt === undefined) readyAt = performance.now();
      return status.state !== 'ready';
    };
    const during = await typeInto(client, 'untitled:bench-index-typing', text, 7, async () => poll());
    while (await poll()) await new Promise((r) => setTimeout(r, 20));
    // The indexing worker ends with the run; its heap takes a moment to go back to the system.
    const rssAtReady = rssMb(client.process.pid);
    await new Promise((r) => setTimeout(r, 3000));
    const figures: IndexingFigures = {
      files: status.state === 'ready' ? status.files : 0,
      timeToIndexMs: round((readyAt ?? performance.now()) - t0),
      rssMbIndexed: ((m) => (m === undefined ? null : round(m)))(rssMb(client.process.pid)),
      rssMbAtReady: rssAtReady === undefined ? null : round(rssAtReady),
      rssMbEmptyWorkspace: rssEmpty === undefined ? null : round(rssEmpty),
      indexMb: round(status.bytes / 1024 / 1024),
      indexMemory: { measured: status.memory.measured, mb: round(status.memory.bytes / 1024 / 1024) },
      keystrokeWhileIndexing: { edits: during.length, p50: round(quantile(during, 0.5)), p95: round(quantile(during, 0.95)) },
      keystrokeBaseline: { edits: baseline.length, p50: round(quantile(baseline, 0.5)), p95: round(quantile(baseline, 0.95)) },
    };
    log(
      `  ${figures.files} cables indexed in ${figures.timeToIndexMs} ms; RSS ${figures.rssMbIndexed} MB (at completion ${figures.rssMbAtReady} MB; empty workspace ${figures.rssMbEmptyWorkspace} MB; index ~${figures.indexMb} MB, heap growth ${figures.indexMemory.mb} MB ${figures.indexMemory.measured === 'heap' ? 'measured' : 'estimated'}); ` +
        `keystroke while indexing p50 ${figures.keystrokeWhileIndexing.p50} / p95 ${figures.keystrokeWhileIndexing.p95} ms over ${during.length} edits, ` +
        `empty workspace p50 ${figures.keystrokeBaseline.p50} / p95 ${figures.keystrokeBaseline.p95} ms`,
    );
    return figures;
  } finally {
    await client.stop();
  }
}
