/**
 * npm run bench: how fast cable-lint is, against a bare scan and a peer linter measured in the
 * same run (issue 6). Writes bench/results.json and prints a short table. A measurement, not a
 * test: it asserts nothing and runs for minutes, so it is not part of CI.
 *
 *   1. throughput of full validation (what the CLI does per file by default: diagnostics and
 *      their records), of the same with the cable's facts (what `--format json` adds), of the
 *      diagnostics alone (what the editor computes) and of lex + parse, as ratios to a bare scan of the same strings in the same process
 *      (bench/inprocess.ts, bundled);
 *   2. markdownlint (default rules) on a 2 MB slice of the same strings;
 *   3. didChange → publishDiagnostics over real LSP, debounce given apart, and didChange →
 *      textDocument/diagnostic as VS Code pulls them (bench/lsp.ts);
 *   4. start-up, RSS with 200 cables open, bundle sizes;
 *   5. scaling with the number and size of cables and the length of a line;
 *   6. the CLI over the whole corpus, one thread and with workers, against `cat`;
 *   7. the workspace index over the corpus as a workspace: time to a complete index, RSS with it,
 *      and keystroke latency while it runs against an empty workspace (bench/lsp.ts).
 *
 * The machine is shared: in-process timings use CPU time (wall time mostly measures the
 * neighbours), every figure that is compared is measured in interleaved rounds, and the load
 * average is recorded with the results.
 *
 * Options: --quick (small sizes, for trying the script), --only=throughput,markdownlint,scaling,
 * lsp,startup,index,cli,size (a partial run merges into the existing results.json),
 * --against=DIR (another checkout, e.g. `git worktree add DIR f279a3c` with its node_modules: its
 * engine runs in the same throughput rounds, and the table gives this build's speed-up), --wall (wall
 * clock in process), --profile=parse|full|size:<chars>|line:<chars> (run the bundled profile
 * entry, which warms up and then profiles itself, and print the top self times instead of
 * benchmarking).
 * The corpus is ../shared/corpus/public, or $CABLE_CORPUS.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { topSelfTime, topTotalTime } from '../bench/cpuprofile-top';
import { corpusDir, readCorpus, syntheticCable, syntheticSource } from '../bench/corpus';
import type { InProcessOptions } from '../bench/inprocess';
import { editLatency, indexingFigures, rssAfterOpening, startupTimes, TYPIST_MS, type LatencyFigures } from '../bench/lsp';
import { median, round } from '../bench/stats';
import { ROOT } from '../test/protocol/lsp-client';

const OUT = join(ROOT, 'out', 'bench');
const RESULTS = join(ROOT, 'bench', 'results.json');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = flag('quick');
const ALL = ['throughput', 'markdownlint', 'scaling', 'lsp', 'startup', 'index', 'cli', 'size'];
const only = new Set(option('only')?.split(',') ?? ALL);
const log = (s: string) => process.stderr.write(`${s}\n`);

// Issue 14's targets; 12× full validation is its stretch, shown beside the target.
const GOALS = {
  parseRatio: 20,
  fullRatio: 25,
  fullRatioStretch: 12,
  markdownlintSpeedup: 140,
  p95At100KbMs: 15,
  startupMs: 300,
  rssMb: 100,
  bundleKb: 1024,
};

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none' } as const;

async function bundleBench(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
  await Promise.all([
    build({ ...common, entryPoints: [join(ROOT, 'bench', 'inprocess.ts')], outfile: join(OUT, 'inprocess.js'), external: ['markdownlint'] }),
    build({ ...common, entryPoints: [join(ROOT, 'bench', 'profile.ts')], outfile: join(OUT, 'profile.js') }),
  ]);
}

/**
 * `--against=DIR`: the engine of another checkout (a `git worktree add DIR <commit>` with its
 * node_modules), bundled from bench/against-entry.ts as if that file sat in DIR/bench/, for the
 * throughput rounds to run beside this build's. Its label is DIR's commit.
 */
async function bundleAgainst(dir: string): Promise<{ bundle: string; label: string }> {
  const other = resolve(dir);
  if (!existsSync(join(other, 'grammar', 'src', 'index.ts')) || !existsSync(join(other, 'server', 'src', 'api.ts'))) {
    throw new Error(`--against: ${other} is not a checkout of cable-lint (no grammar/src/index.ts, server/src/api.ts)`);
  }
  const bundle = join(OUT, 'against.js');
  await build({
    ...common,
    stdin: { contents: readFileSync(join(ROOT, 'bench', 'against-entry.ts'), 'utf8'), resolveDir: join(other, 'bench'), sourcefile: 'against-entry.ts', loader: 'ts' },
    outfile: bundle,
  });
  let label = other;
  try {
    label = execFileSync('git', ['-C', other, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: the folder names it
  }
  return { bundle, label };
}

/** The bundles the .vsix ships (minified, as `npm run package` builds them); sizes in KB. */
async function shippedSizes(): Promise<{ server: number; client: number }> {
  const dir = join(OUT, 'shipped');
  await Promise.all([
    build({ ...common, minify: true, entryPoints: [join(ROOT, 'server', 'src', 'lsp', 'main.ts')], outfile: join(dir, 'server.js') }),
    build({ ...common, minify: true, entryPoints: [join(ROOT, 'client', 'src', 'extension.ts')], outfile: join(dir, 'extension.js'), external: ['vscode'] }),
  ]);
  return { server: kb(join(dir, 'server.js')), client: kb(join(dir, 'extension.js')) };
}

const kb = (path: string) => round(statSync(path).size / 1024);

function runInProcess(phases: string[], o: InProcessOptions): Record<string, unknown> {
  const optionsFile = join(OUT, 'options.json');
  const outFile = join(OUT, 'inprocess.json');
  writeFileSync(optionsFile, JSON.stringify(o));
  const r = spawnSync(process.execPath, ['--expose-gc', join(OUT, 'inprocess.js'), optionsFile, outFile, phases.join(',')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`in-process benchmark failed (${r.status})`);
  return JSON.parse(readFileSync(outFile, 'utf8')) as Record<string, unknown>;
}

/** Wall, user and system seconds of a shell command (bash's `time`), output and exit status discarded (lint findings exit 1). */
function timed(command: string): { real: number; user: number; sys: number } {
  const out = execFileSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; { time ${command} >/dev/null 2>&1 ; } 2>&1; exit 0`], { cwd: ROOT, encoding: 'utf8' });
  const [real, user, sys] = out.trim().split(/\s+/).slice(-3).map(Number) as [number, number, number];
  return { real, user, sys };
}

function cliOverCorpus(dir: string, runs: number) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  const mb = files.reduce((a, f) => a + statSync(join(dir, f)).size, 0) / 1024 / 1024;
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const cli = `${q(process.execPath)} bin/cable-lint.js`;
  const commands = {
    cat: `cat ${q(dir)}/*.txt`,
    singleThread: `${cli} --concurrency off ${q(dir)}`,
    workers: `${cli} --concurrency auto ${q(dir)}`,
  };
  const samples: Record<string, Array<{ real: number; user: number; sys: number }>> = { cat: [], singleThread: [], workers: [] };
  log(`cli: ${files.length} files, ${mb.toFixed(1)} MB, ${runs} runs each (interleaved)`);
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of Object.entries(commands)) samples[k]!.push(timed(c));
    log(`  run ${i + 1}/${runs}: ${Object.keys(commands).map((k) => `${k} ${samples[k]![i]!.real.toFixed(2)} s`).join(', ')}`);
  }
  const summary = (k: string) => {
    const s = samples[k]!;
    return { wallS: round(median(s.map((x) => x.real))), cpuS: round(median(s.map((x) => x.user + x.sys))) };
  };
  const single = summary('singleThread');
  const workers = summary('workers');
  const cat = summary('cat');
  return {
    files: files.length,
    mb: round(mb),
    runs,
    cat,
    singleThread: { ...single, mbPerS: round(mb / single.wallS), ratioToCat: round(single.wallS / cat.wallS) },
    workers: { ...workers, mbPerS: round(mb / workers.wallS), ratioToCat: round(workers.wallS / cat.wallS) },
  };
}

function machine(): string {
  const c = cpus();
  return `${c[0]?.model.trim() ?? 'unknown CPU'}, ${c.length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, ${process.platform} ${process.arch}, node ${process.version}`;
}

function profile(what: string, corpus: string): void {
  const [mode, size] = what.split(':');
  const file = join(OUT, `${mode}.cpuprofile`);
  const argv = [file, corpus, mode!, ...(size ? [size, '20'] : ['10'])];
  // The entry warms up and profiles itself (node:inspector): a profile of warm code, as the throughput rounds measure.
  const r = spawnSync(process.execPath, [join(OUT, 'profile.js'), ...argv], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`profile run failed (${r.status})`);
  const p = JSON.parse(readFileSync(file, 'utf8'));
  console.log(`${file}\n\nself time:`);
  for (const x of topSelfTime(p, 25)) console.log(`${String(x.ms).padStart(7)} ms ${String(x.share).padStart(5)} %  ${x.fn}`);
  console.log('\ntotal time (with callees):');
  for (const x of topTotalTime(p, 40)) console.log(`${String(x.ms).padStart(7)} ms ${String(x.share).padStart(5)} %  ${x.fn}`);
}

type Results = Record<string, unknown> & {
  lsp?: Record<string, LatencyFigures>;
  lspPull?: Record<string, LatencyFigures>;
};

function table(r: Results): string {
  const f = (x: unknown, digits = 3) => (typeof x === 'number' ? String(round(x, digits)) : '—');
  const ok = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : 'MISSED');
  const t = r.throughput as { bareScan: { mbPerS: number }; lexOnly: { ratioToBareScan: number }; parseOnly: { mbPerS: number; ratioToBareScan: number }; lintOnly?: { mbPerS: number; ratioToBareScan: number }; fullValidation: { mbPerS: number; ratioToBareScan: number }; jsonReport?: { mbPerS: number; ratioToBareScan: number } } | undefined;
  const md = r.markdownlint as { mbPerS: number; speedup: number; ratioToBareScan: number } | undefined;
  const lsp = r.lsp;
  const sc = r.scaling as { slope: number; countSlope: number; lineLengthSlope: number; superLinear: string[] } | undefined;
  const cli = r.cli as { cat: { wallS: number }; singleThread: { wallS: number; mbPerS: number; ratioToCat: number }; workers: { wallS: number; mbPerS: number; ratioToCat: number } } | undefined;
  const bundle = r.bundleKb as { server: number; client: number } | undefined;
  const ix = r.index as import('../bench/lsp').IndexingFigures | undefined;
  const shipped = r.shippedBundleKb as { server: number; client: number } | undefined;
  const rows: Array<[string, string, string, string]> = [
    ['bare scan (split + one regex per line)', t ? `${f(t.bareScan.mbPerS)} MB/s` : '—', '1×', ''],
    ['lex only', t ? `${f(t.lexOnly.ratioToBareScan)}× scan` : '—', '', ''],
    ['lex + parse', t ? `${f(t.parseOnly.mbPerS)} MB/s, ${f(t.parseOnly.ratioToBareScan)}× scan` : '—', `≤ ${GOALS.parseRatio}×`, ok(t && t.parseOnly.ratioToBareScan <= GOALS.parseRatio)],
    ['lex + parse + rules (diagnostics only, as the editor)', t?.lintOnly ? `${f(t.lintOnly.mbPerS)} MB/s, ${f(t.lintOnly.ratioToBareScan)}× scan` : '—', '', ''],
    [
      'full validation (the CLI, stylish: + records)',
      t ? `${f(t.fullValidation.mbPerS)} MB/s, ${f(t.fullValidation.ratioToBareScan)}× scan` : '—',
      `≤ ${GOALS.fullRatio}× (stretch ${GOALS.fullRatioStretch}×)`,
      ok(t && t.fullValidation.ratioToBareScan <= GOALS.fullRatio) + (t && t.fullValidation.ratioToBareScan <= GOALS.fullRatioStretch ? ', stretch met' : ''),
    ],
    ['  with the cable\'s facts (--format json, ndjson)', t?.jsonReport ? `${f(t.jsonReport.mbPerS)} MB/s, ${f(t.jsonReport.ratioToBareScan)}× scan` : '—', '', ''],
  ];
  const vs = (r.throughput as { against?: { build: string; speedup: { parse: number; full: number; json: number }; parseOnly: { ratioToBareScan: number }; fullValidation: { ratioToBareScan: number } } } | undefined)?.against;
  if (vs) {
    rows.push([
      `against ${vs.build} (--against), same rounds`,
      `speed-up: lex + parse ${f(vs.speedup.parse)}×, full ${f(vs.speedup.full)}×, with facts ${f(vs.speedup.json)}× (${vs.build}: ${f(vs.parseOnly.ratioToBareScan)}×, ${f(vs.fullValidation.ratioToBareScan)}× scan)`,
      '',
      '',
    ]);
  }
  rows.push(
    ['markdownlint (2 MB slice)', md ? `${f(md.mbPerS)} MB/s, ${f(md.ratioToBareScan)}× scan; cable-lint ${f(md.speedup)}× faster` : '—', `≥ ${GOALS.markdownlintSpeedup}×`, ok(md && md.speedup >= GOALS.markdownlintSpeedup)],
  );
  for (const [k, label] of [['largestCorpus', 'largest corpus cable'], ['100KB', '100 KB cable'], ['1MB', '1 MB cable']] as const) {
    const l = lsp?.[k];
    rows.push([
      `didChange → diagnostics, ${label}`,
      l ? `p50 ${f(l.p50)} / p95 ${f(l.p95)} / p99 ${f(l.p99)} ms + ${l.debounceMs} ms debounce` : '—',
      k === '100KB' ? `p95 < ${GOALS.p95At100KbMs} ms` : '',
      k === '100KB' ? ok(l && l.p95 < GOALS.p95At100KbMs) : '',
    ]);
  }
  for (const [k, label] of [['largestCorpus', 'largest corpus cable'], ['100KB', '100 KB cable'], ['1MB', '1 MB cable']] as const) {
    const l = r.lspPull?.[k];
    rows.push([`  pulled (VS Code; keys ${TYPIST_MS} ms apart), ${label}`, l ? `p50 ${f(l.p50)} / p95 ${f(l.p95)} / p99 ${f(l.p99)} ms, no debounce` : '—', '', '']);
  }
  rows.push(
    ['spawn → initialize (median of 10)', typeof r.startupMs === 'number' ? `${f(r.startupMs)} ms` : '—', `< ${GOALS.startupMs} ms`, ok(typeof r.startupMs === 'number' ? r.startupMs < GOALS.startupMs : undefined)],
    ['server RSS, 200 cables open, right after', typeof r.rssMb200Docs === 'number' ? `${f(r.rssMb200Docs)} MB` : '—', '', ''],
    [
      'server RSS, 200 cables open, at rest (quiet 4 s)',
      typeof r.rssMb200DocsAtRest === 'number' ? `${f(r.rssMb200DocsAtRest)} MB` : '—',
      `< ${GOALS.rssMb} MB`,
      ok(typeof r.rssMb200DocsAtRest === 'number' ? r.rssMb200DocsAtRest < GOALS.rssMb : undefined),
    ],
    [
      'dist/server.js, dist/extension.js',
      bundle ? `${f(bundle.server, 4)} KB, ${f(bundle.client, 4)} KB` : '—',
      '< 1 MB each',
      ok(bundle ? bundle.server < GOALS.bundleKb && bundle.client < GOALS.bundleKb : undefined),
    ],
    [
      '  as shipped in the .vsix (minified)',
      shipped ? `${f(shipped.server, 4)} KB, ${f(shipped.client, 4)} KB` : '—',
      '< 1 MB each',
      ok(shipped ? shipped.server < GOALS.bundleKb && shipped.client < GOALS.bundleKb : undefined),
    ],
    ['scaling slope (cost vs size; 1 = linear)', sc ? `size ${f(sc.slope)}, count ${f(sc.countSlope)}, line length ${f(sc.lineLengthSlope)}` : '—', '≈ 1', ok(sc ? sc.superLinear.length === 0 : undefined)],
    ['CLI over the corpus, one thread', cli ? `${f(cli.singleThread.wallS)} s, ${f(cli.singleThread.mbPerS)} MB/s, ${f(cli.singleThread.ratioToCat)}× cat` : '—', '', ''],
    ['CLI over the corpus, worker threads', cli ? `${f(cli.workers.wallS)} s, ${f(cli.workers.mbPerS)} MB/s, ${f(cli.workers.ratioToCat)}× cat` : '—', '', ''],
    ['workspace index of the corpus: time, RSS', ix ? `${f(ix.files)} cables in ${f(ix.timeToIndexMs / 1000)} s, RSS ${f(ix.rssMbIndexed)} MB (empty ${f(ix.rssMbEmptyWorkspace)} MB)` : '—', '', ''],
    [
      '  keystroke p95 while indexing',
      ix ? `${f(ix.keystrokeWhileIndexing.p95)} ms over ${ix.keystrokeWhileIndexing.edits} edits (empty workspace ${f(ix.keystrokeBaseline.p95)} ms)` : '—',
      '≤ empty workspace',
      ok(ix ? ix.keystrokeWhileIndexing.p95 <= ix.keystrokeBaseline.p95 * 1.1 : undefined),
    ],
  );
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => `${row[0].padEnd(w[0]!)}  ${row[1].padEnd(w[1]!)}  ${row[2].padEnd(w[2]!)}  ${row[3]}`.trimEnd()).join('\n');
}

async function main(): Promise<void> {
  const corpus = corpusDir(ROOT);
  if (!existsSync(join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run npm run build first (npm run bench does)');
  await bundleBench();
  const what = option('profile');
  if (what) return profile(what, corpus);

  const loadBefore = loadavg();
  const started = Date.now();
  const previous: Results = existsSync(RESULTS) && only.size < ALL.length ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : {};
  const r: Results = { ...previous };
  const o: InProcessOptions = {
    corpus,
    targetMb: quick ? 5 : 50,
    rounds: quick ? 2 : 5,
    markdownlintMb: quick ? 0.3 : 2,
    markdownlintRounds: quick ? 2 : 5,
    counts: [1, 10, 100, 1000],
    sizes: quick ? [1024, 10240, 102400, 1048576] : [1024, 10240, 102400, 1048576, 10485760],
    lineLengths: quick ? [1000, 10000, 100000] : [1000, 10000, 100000, 1000000],
    giveUpSeconds: 30,
    clock: flag('wall') ? 'wall' : 'cpu',
  };
  const against = option('against');
  if (against && only.has('throughput')) o.against = await bundleAgainst(against);

  const inProcess = ['throughput', 'markdownlint', 'scaling'].filter((p) => only.has(p));
  if (inProcess.length) {
    const x = runInProcess(inProcess, o);
    r.clock = o.clock;
    if (x.throughput) {
      const t = x.throughput as { fullValidation: unknown; parseOnly: unknown };
      r.throughput = x.throughput;
      r.fullValidation = t.fullValidation;
      r.parseOnly = t.parseOnly;
    }
    if (x.markdownlint) r.markdownlint = x.markdownlint;
    if (x.scaling) r.scaling = x.scaling;
  }

  const cables = only.has('lsp') || only.has('startup') || only.has('index') ? readCorpus(corpus) : [];
  if (only.has('startup')) {
    log('lsp: spawn → initialize, 10 runs');
    const times = await startupTimes(10);
    r.startupMs = round(median(times));
    r.startupMsAll = times.map((t) => round(t));
    log(`  median ${r.startupMs} ms`);
    // 200 cables spread over the corpus, not the first 200 by name (one year, one post).
    const step = Math.max(1, Math.floor(cables.length / 200));
    const sample = cables.filter((_, i) => i % step === 0).slice(0, 200);
    log(`lsp: RSS after opening ${sample.length} cables`);
    const rss = await rssAfterOpening(sample);
    r.rssMb200Docs = rss.rssMb === undefined ? null : round(rss.rssMb);
    r.rssMb200DocsAtRest = rss.rssMbAtRest === undefined ? null : round(rss.rssMbAtRest);
    r.rssMbIdle = rss.idleRssMb === undefined ? null : round(rss.idleRssMb);
    log(`  ${r.rssMb200Docs} MB right after, ${r.rssMb200DocsAtRest} MB at rest (idle after initialize ${r.rssMbIdle} MB)`);
  }
  if (only.has('lsp')) {
    const edits = quick ? 30 : 200;
    const largest = cables.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const src = syntheticSource(cables);
    log(`lsp: didChange → publishDiagnostics, ${edits} single-character edits at random places`);
    r.lsp = {
      largestCorpus: { ...(await editLatency(`largest-${largest.name}`, largest.text, edits, 1, log)), cable: largest.name } as LatencyFigures,
      '100KB': await editLatency('synthetic-100KB', syntheticCable(src, 100 * 1024), edits, 2, log),
      '1MB': await editLatency('synthetic-1MB', syntheticCable(src, 1024 * 1024), edits, 3, log),
    };
    log(`lsp: didChange + textDocument/diagnostic (VS Code's pull), the same edits`);
    r.lspPull = {
      largestCorpus: { ...(await editLatency(`largest-${largest.name}`, largest.text, edits, 1, log, 'pull')), cable: largest.name } as LatencyFigures,
      '100KB': await editLatency('synthetic-100KB', syntheticCable(src, 100 * 1024), edits, 2, log, 'pull'),
      '1MB': await editLatency('synthetic-1MB', syntheticCable(src, 1024 * 1024), edits, 3, log, 'pull'),
    };
  }
  if (only.has('index')) {
    // A typical cable (the median size) typed into while the corpus is indexed.
    const typical = [...cables].sort((a, b) => a.bytes - b.bytes)[Math.floor(cables.length / 2)]!;
    const empty = join(OUT, 'empty-workspace');
    mkdirSync(empty, { recursive: true });
    log(`lsp: indexing ${cables.length} cables as a workspace while typing into ${typical.name}`);
    r.index = await indexingFigures(corpus, empty, typical.text, quick ? 20 : 100, log);
  }
  if (only.has('size')) {
    r.bundleKb = { server: kb(join(ROOT, 'dist', 'server.js')), client: kb(join(ROOT, 'dist', 'extension.js')) };
    r.shippedBundleKb = await shippedSizes();
  }
  if (only.has('cli')) r.cli = cliOverCorpus(corpus, quick ? 1 : 3);

  const loadAfter = loadavg();
  Object.assign(r, {
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage: { before: loadBefore.map((x) => round(x)), after: loadAfter.map((x) => round(x)) },
    durationS: Math.round((Date.now() - started) / 1000),
    quick,
    goals: GOALS,
  });
  // Key order: the issue's keys first, then the details.
  const ordered: Results = {};
  for (const k of ['date', 'machine', 'loadAverage', 'clock', 'fullValidation', 'parseOnly', 'markdownlint', 'lsp', 'lspPull', 'startupMs', 'rssMb200Docs', 'rssMb200DocsAtRest', 'bundleKb', 'scaling']) {
    if (k in r) ordered[k] = r[k];
  }
  Object.assign(ordered, r);
  delete ordered.sink;
  if (!quick) writeFileSync(RESULTS, JSON.stringify(ordered, null, 2) + '\n');
  console.log(`\ncable-lint benchmark, ${ordered.date}\n${ordered.machine}\nload average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ${loadAfter.map((x) => x.toFixed(2)).join(' ')} after; in-process clock: ${o.clock} time\n`);
  console.log(table(ordered));
  console.log(quick ? '\n(--quick: results.json not written)' : `\nwritten ${RESULTS}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
