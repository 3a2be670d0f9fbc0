/**
 * The in-process half of `npm run bench`: throughput of the engine against a bare scan of the same
 * strings, markdownlint on a slice of them, and how cost grows with the number and the size of
 * cables. scripts/bench.ts bundles this file with esbuild (so the engine measured is bundled code,
 * as users run it) and runs it in a plain `node --expose-gc` child, which writes its figures as
 * JSON to the file named by its argument.
 *
 * Every figure that is compared is measured in the same process, in interleaved rounds (scan,
 * engine, scan, engine …), so a neighbour's load falls on both sides of a ratio alike.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lex, parseCable } from '../grammar/src/index';
import { lintSource, type LintSession } from '../server/src/api';
import { composeLintSettings, lintUnder, type LintSettings } from '../server/src/config/lint-settings';
import { effectiveSettings } from '../server/src/config/settings';
import { referenceIdFromPath } from '../server/src/host/reference-id';
import type { RuleContext } from '../server/src/engine/types';
import { modelOf } from '../server/src/model/index';
import { allRules } from '../server/src/rules/index';
import { type CorpusCable, envelopeOrderCable, longLineCable, longTagsCable, nestedNotesCable, readCorpus, refItemsCable, syntheticCable, syntheticSource, tagsLinesCable } from './corpus';
import { logLogSlope, median, round, seeded } from './stats';

export interface InProcessOptions {
  corpus: string;
  /** Text per throughput round, MB; the corpus is repeated to reach it. */
  targetMb: number;
  rounds: number;
  markdownlintMb: number;
  markdownlintRounds: number;
  counts: number[];
  sizes: number[];
  lineLengths: number[];
  /** Seconds a single run may take before a scaling series stops growing. */
  giveUpSeconds: number;
  clock: 'cpu' | 'wall';
  /** Another build's engine (scripts/bench.ts `--against`), bundled: run in the same rounds as this one's. */
  against?: { bundle: string; label: string };
}

/** What scripts/bench.ts bundles from another checkout for `--against` (bench/against-entry.ts). */
export interface OtherEngine {
  parse(text: string): number;
  full(text: string, name: string): number;
  json(text: string, name: string): number;
}

const MB = 1024 * 1024;
// Results are folded into this so no measured call can be optimised away.
let sink = 0;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * The bare scan: split into lines and test one regular expression per line, the least any
 * line-oriented checker must do.
 */
const SCAN = /^\s*\d{1,3}\.\s+\S/;
function bareScan(text: string): number {
  let hits = 0;
  for (const line of text.split('\n')) if (SCAN.test(line)) hits++;
  return hits;
}

function parseOnly(text: string): number {
  return parseCable(text).paragraphs.length;
}

function lexOnly(text: string): number {
  return lex(text).tokens.length;
}

const NOW = new Date('2010-01-01T00:00:00Z');
// No config files: what the CLI does per file once its configuration is known, minus the read.
const SESSION: LintSession = { now: NOW };

/** What the CLI does per file by default (stylish output): the diagnostics and their records. */
function fullValidation(c: CorpusCable): number {
  return lintSource({ text: c.text, path: c.name, absolutePath: join('/corpus', c.name) }, SESSION, { facts: false }).diagnostics.length;
}

/** What the CLI does per file for `--format json` or `ndjson`: full validation and the cable's facts. */
function jsonReport(c: CorpusCable): number {
  const r = lintSource({ text: c.text, path: c.name, absolutePath: join('/corpus', c.name) }, SESSION);
  return r.diagnostics.length + r.cable.paragraphs;
}

function settingsOf(c: CorpusCable): LintSettings {
  return composeLintSettings(effectiveSettings(undefined, {}), { referenceId: referenceIdFromPath(c.name), path: join('/corpus', c.name) });
}

/** Each cable's settings, composed before the timing: the server composes a document's once, not per lint. */
const documentSettings = new WeakMap<CorpusCable, LintSettings>();

/**
 * The diagnostics alone, under the same settings as `fullValidation`: what the editor computes
 * for a document on each change (server/src/lsp lints with lintUnder under the document's settings,
 * composed when they change, and converts the diagnostics), without the file report the CLI
 * builds (the cable's facts, the diagnostic records).
 */
function lintOnly(c: CorpusCable): number {
  return lintUnder(parseCable(c.text), documentSettings.get(c)!, NOW).diagnostics.length;
}

/**
 * Seconds on the clock the run chose: CPU time of this process by default, because on a shared
 * machine wall time mostly measures the neighbours (a load of 7 on 2 cores stretched it 3.5×);
 * `wall` for the time a user waits on an idle machine.
 */
let clockKind: 'cpu' | 'wall' = 'cpu';
function now(): number {
  if (clockKind === 'wall') return performance.now() / 1000;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function time(run: () => void): number {
  const t0 = now();
  run();
  return now() - t0;
}

/** Runs `run` until at least `minSeconds` have passed (and at least once); seconds per run. */
function perRun(run: () => void, minSeconds: number): number {
  let n = 0;
  const t0 = now();
  do {
    run();
    n++;
  } while (now() - t0 < minSeconds);
  return (now() - t0) / n;
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rnd = seeded(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const totalBytes = (cs: readonly CorpusCable[]) => cs.reduce((a, c) => a + c.bytes, 0);

type Phase = { name: string; run: (c: CorpusCable) => number };

/** Interleaved rounds of each phase over `cables`; seconds per round by phase. */
function rounds(cables: readonly CorpusCable[], phases: Phase[], count: number, log: (s: string) => void): Record<string, number[]> {
  const out: Record<string, number[]> = Object.fromEntries(phases.map((p) => [p.name, []]));
  for (let r = 0; r < count; r++) {
    for (const p of phases) {
      gc();
      const s = time(() => {
        for (const c of cables) sink += p.run(c);
      });
      out[p.name]!.push(s);
    }
    log(`  round ${r + 1}/${count}: ${phases.map((p) => `${p.name} ${out[p.name]![r]!.toFixed(2)} s`).join(', ')}`);
  }
  return out;
}

function throughput(corpus: CorpusCable[], o: InProcessOptions, log: (s: string) => void) {
  const repeat = Math.max(1, Math.ceil((o.targetMb * MB) / totalBytes(corpus)));
  const texts: CorpusCable[] = [];
  for (let i = 0; i < repeat; i++) texts.push(...corpus);
  const bytes = totalBytes(texts);
  log(`throughput: ${corpus.length} cables × ${repeat} = ${(bytes / MB).toFixed(1)} MB per round, ${o.rounds} rounds`);
  for (const c of corpus) documentSettings.set(c, settingsOf(c));
  // Warm-up: let the JIT see every phase before anything is timed.
  const warm = corpus.slice(0, 300);
  for (const c of warm) sink += bareScan(c.text) + lexOnly(c.text) + parseOnly(c.text) + lintOnly(c) + fullValidation(c) + jsonReport(c);
  const phases: Phase[] = [
    { name: 'scan', run: (c) => bareScan(c.text) },
    { name: 'lex', run: (c) => lexOnly(c.text) },
    { name: 'parse', run: (c) => parseOnly(c.text) },
    { name: 'lint', run: lintOnly },
    { name: 'full', run: fullValidation },
    { name: 'json', run: jsonReport },
  ];
  // The other build's phases run in the same rounds, each right after this build's, so that a
  // neighbour's load and the collector's state fall on both alike: a ratio of builds, unlike a
  // ratio to the bare scan, does not move with how fast the machine scans that day.
  const other = o.against ? (require(o.against.bundle) as OtherEngine) : undefined;
  if (other) {
    for (const c of warm) sink += other.parse(c.text) + other.full(c.text, c.name) + other.json(c.text, c.name);
    phases.splice(3, 0, { name: 'parse@against', run: (c) => other.parse(c.text) });
    phases.push({ name: 'full@against', run: (c) => other.full(c.text, c.name) }, { name: 'json@against', run: (c) => other.json(c.text, c.name) });
  }
  const t = rounds(texts, phases, o.rounds, log);
  const mbps = (xs: number[]) => bytes / MB / median(xs);
  // Ratio per round (both sides under the same load), then the median of those.
  const ratio = (name: string) => median(t[name]!.map((s, i) => s / t.scan![i]!));
  return {
    mb: round(bytes / MB),
    rounds: o.rounds,
    secondsPerRound: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.map((x) => round(x))])),
    bareScan: { mbPerS: round(mbps(t.scan!)) },
    lexOnly: { mbPerS: round(mbps(t.lex!)), ratioToBareScan: round(ratio('lex')) },
    parseOnly: { mbPerS: round(mbps(t.parse!)), ratioToBareScan: round(ratio('parse')) },
    lintOnly: { mbPerS: round(mbps(t.lint!)), ratioToBareScan: round(ratio('lint')) },
    fullValidation: { mbPerS: round(mbps(t.full!)), ratioToBareScan: round(ratio('full')) },
    jsonReport: { mbPerS: round(mbps(t.json!)), ratioToBareScan: round(ratio('json')) },
    ...(o.against && {
      against: {
        build: o.against.label,
        // How many times faster this build is than the other, round by round, then the median.
        speedup: {
          parse: round(median(t['parse@against']!.map((s, i) => s / t.parse![i]!))),
          full: round(median(t['full@against']!.map((s, i) => s / t.full![i]!))),
          json: round(median(t['json@against']!.map((s, i) => s / t.json![i]!))),
        },
        parseOnly: { mbPerS: round(mbps(t['parse@against']!)), ratioToBareScan: round(ratio('parse@against')) },
        fullValidation: { mbPerS: round(mbps(t['full@against']!)), ratioToBareScan: round(ratio('full@against')) },
        jsonReport: { mbPerS: round(mbps(t['json@against']!)), ratioToBareScan: round(ratio('json@against')) },
      },
    }),
  };
}

async function markdownlint(corpus: CorpusCable[], o: InProcessOptions, log: (s: string) => void) {
  // markdownlint is an ES module; the bundle keeps this import as it is and Node resolves it
  // from node_modules at run time.
  const { lint } = (await import('markdownlint/sync')) as {
    lint: (options: { strings: Record<string, string> }) => Record<string, unknown[]>;
  };
  const slice: CorpusCable[] = [];
  for (const c of shuffled(corpus, 6)) {
    if (totalBytes(slice) >= o.markdownlintMb * MB) break;
    slice.push(c);
  }
  const bytes = totalBytes(slice);
  log(`markdownlint: ${slice.length} cables, ${(bytes / MB).toFixed(2)} MB, ${o.markdownlintRounds} rounds`);
  for (const c of slice.slice(0, 20)) sink += lint({ strings: { [c.name]: c.text } })[c.name]!.length;
  const t = rounds(
    slice,
    [
      { name: 'scan', run: (c) => bareScan(c.text) },
      { name: 'full', run: fullValidation },
      // Default rules, one call per cable, the same per-string harness as the other phases.
      { name: 'markdownlint', run: (c) => lint({ strings: { [c.name]: c.text } })[c.name]!.length },
    ],
    o.markdownlintRounds,
    log,
  );
  return {
    mb: round(bytes / MB),
    cables: slice.length,
    mbPerS: round(bytes / MB / median(t.markdownlint!)),
    cableLintMbPerS: round(bytes / MB / median(t.full!)),
    speedup: round(median(t.markdownlint!.map((s, i) => s / t.full![i]!))),
    ratioToBareScan: round(median(t.markdownlint!.map((s, i) => s / t.scan![i]!))),
  };
}

/** Seconds per run of each rule's check alone on one parsed cable (the rules `lint()` runs, all of them). */
function ruleTimes(text: string, minSeconds: number): Record<string, number> {
  const cable = parseCable(text);
  const out: Record<string, number> = {};
  for (const rule of allRules) {
    const ctx: RuleContext = {
      cable,
      // Built once for all rules, as lint() does: a rule's time is its check over the model.
      model: modelOf(cable),
      profile: 'transmitted',
      options: {},
      now: NOW,
      severity: rule.defaultSeverity,
      report: () => void sink++,
    };
    const run = () => {
      try {
        rule.check(ctx);
      } catch {
        // a rule that throws is the correctness suite's business, not the benchmark's
      }
    };
    // The median of three: one collection of a 10 MB tree inside a short window reads as growth.
    out[rule.id] = median([0, 1, 2].map(() => perRun(run, minSeconds)));
  }
  return out;
}

interface SeriesPoint {
  x: number;
  bytes: number;
  parseS: number;
  fullS: number;
  fullMbPerS: number;
}

/** Seconds per run of parse and of full validation for each text, growing until one run takes too long. */
function series(texts: Array<{ x: number; text: string }>, o: InProcessOptions, log: (s: string) => void, label: string): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (const { x, text } of texts) {
    const c: CorpusCable = { name: '00BENCH1.txt', text, bytes: Buffer.byteLength(text) };
    gc();
    const first = time(() => void (sink += fullValidation(c)));
    const minSeconds = Math.min(1, Math.max(0.3, first * 3));
    const fullS = median([0, 1, 2].map(() => perRun(() => void (sink += fullValidation(c)), minSeconds)));
    const parseS = median([0, 1, 2].map(() => perRun(() => void (sink += parseOnly(text)), minSeconds)));
    points.push({ x, bytes: c.bytes, parseS: round(parseS), fullS: round(fullS), fullMbPerS: round(c.bytes / MB / fullS) });
    log(`  ${label} ${x}: ${(c.bytes / 1024).toFixed(0)} KB, parse ${(parseS * 1000).toFixed(1)} ms, full ${(fullS * 1000).toFixed(1)} ms, ${(c.bytes / MB / fullS).toFixed(2)} MB/s`);
    if (first > o.giveUpSeconds) {
      log(`  ${label}: one run took ${first.toFixed(1)} s, not growing further`);
      break;
    }
  }
  return points;
}

/** Exponent of the growth between the last two points: 1 linear, 2 quadratic. */
function localSlope(points: Array<{ bytes: number; s: number }>): number {
  if (points.length < 2) return Number.NaN;
  const [a, b] = points.slice(-2) as [{ bytes: number; s: number }, { bytes: number; s: number }];
  return Math.log(b.s / a.s) / Math.log(b.bytes / a.bytes);
}

function scaling(corpus: CorpusCable[], o: InProcessOptions, log: (s: string) => void) {
  log('scaling: number of cables');
  const sample = shuffled(corpus, 42);
  const counts = o.counts.filter((n) => n <= corpus.length).map((n) => {
    const set = sample.slice(0, n);
    const bytes = totalBytes(set);
    gc();
    const s = median([0, 1, 2].map(() => perRun(() => set.forEach((c) => void (sink += fullValidation(c))), 0.5)));
    log(`  ${n} cables: ${(bytes / 1024).toFixed(0)} KB, ${(s * 1000).toFixed(1)} ms, ${(bytes / MB / s).toFixed(2)} MB/s`);
    return { cables: n, bytes, fullS: round(s), fullMbPerS: round(bytes / MB / s) };
  });

  const src = syntheticSource(corpus);
  log(`scaling: cable size (header of ${src.headerFrom}, ${src.paragraphs.length} corpus paragraphs)`);
  const sizes = series(o.sizes.map((x) => ({ x, text: syntheticCable(src, x) })), o, log, 'size');
  log('scaling: length of one line');
  const lines = series(o.lineLengths.map((x) => ({ x, text: longLineCable(src, x) })), o, log, 'line');
  // The shapes the fuzzer and `npm run shapes` found super-linear, each grown 10× and 100×.
  log('scaling: pathological shapes');
  const shapes = {
    nestedNotes: series([100, 1_000, 10_000].map((x) => ({ x, text: nestedNotesCable(src, x) })), o, log, 'nested (NOTE:'),
    tagsOnOneLine: series([200, 2_000, 20_000].map((x) => ({ x, text: longTagsCable(src, x) })), o, log, 'TAGS codes'),
    refItems: series([50, 500, 5_000].map((x) => ({ x, text: refItemsCable(src, x) })), o, log, 'REF items'),
    // Found by `npm run shapes`: CBL001 was quadratic in envelope lines, the header's fields, CBL050 and the parse in TAGS lines.
    envelopeLines: series([250, 2_500, 25_000].map((x) => ({ x, text: envelopeOrderCable(src, x) })), o, log, 'FM/ZNR pairs'),
    tagsLines: series([300, 3_000, 30_000].map((x) => ({ x, text: tagsLinesCable(src, x) })), o, log, 'TAGS lines'),
  };

  // Which rules grow faster than the text: each rule alone on the two largest cables that ran.
  const big = sizes.slice(-2);
  let rules: Array<{ rule: string; msSmall: number; msLarge: number; exponent: number }> = [];
  if (big.length === 2) {
    const [a, b] = big as [SeriesPoint, SeriesPoint];
    log(`scaling: each rule alone at ${(a.bytes / MB).toFixed(1)} and ${(b.bytes / MB).toFixed(1)} MB`);
    const ta = ruleTimes(syntheticCable(src, a.x), 0.05);
    const tb = ruleTimes(syntheticCable(src, b.x), 0.05);
    rules = Object.keys(ta)
      .map((rule) => ({
        rule,
        msSmall: round(ta[rule]! * 1000),
        msLarge: round(tb[rule]! * 1000),
        exponent: round(Math.log(tb[rule]! / ta[rule]!) / Math.log(b.bytes / a.bytes)),
      }))
      .sort((x, y) => y.msLarge - x.msLarge);
  }

  const slope = logLogSlope(sizes.map((p) => ({ x: p.bytes, y: p.fullS })));
  const lineSlope = logLogSlope(lines.map((p) => ({ x: p.bytes, y: p.fullS })));
  const superLinear: string[] = [];
  const flag = (what: string, s: number) => {
    if (s > 1.15) superLinear.push(`${what}: cost grows as size^${s.toFixed(2)}`);
  };
  flag('cable size (whole series)', slope);
  flag('cable size (last step)', localSlope(sizes.map((p) => ({ bytes: p.bytes, s: p.fullS }))));
  flag('line length (whole series)', lineSlope);
  flag('line length (last step)', localSlope(lines.map((p) => ({ bytes: p.bytes, s: p.fullS }))));
  for (const r of rules) if (r.msLarge > 5 && r.exponent > 1.15) flag(`rule ${r.rule}`, r.exponent);
  const shapeSlopes = Object.fromEntries(Object.entries(shapes).map(([k, points]) => [k, round(logLogSlope(points.map((p) => ({ x: p.bytes, y: p.fullS }))))]));
  for (const [k, v] of Object.entries(shapeSlopes)) flag(k, v);
  return {
    slope: round(slope),
    countSlope: round(logLogSlope(counts.map((p) => ({ x: p.bytes, y: p.fullS })))),
    lineLengthSlope: round(lineSlope),
    superLinear,
    counts,
    sizes,
    lineLengths: lines,
    shapeSlopes,
    shapes,
    slowestRules: rules.slice(0, 8),
  };
}

async function main(): Promise<void> {
  const [optionsFile, outFile, only] = process.argv.slice(2);
  if (!optionsFile || !outFile) throw new Error('usage: inprocess <options.json> <out.json> [throughput,markdownlint,scaling]');
  const o = JSON.parse(readFileSync(optionsFile, 'utf8')) as InProcessOptions;
  clockKind = o.clock;
  const want = new Set((only ?? 'throughput,markdownlint,scaling').split(','));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const corpus = readCorpus(o.corpus);
  const out: Record<string, unknown> = {};
  if (want.has('throughput')) out.throughput = throughput(corpus, o, log);
  if (want.has('markdownlint')) out.markdownlint = await markdownlint(corpus, o, log);
  if (want.has('scaling')) out.scaling = scaling(corpus, o, log);
  out.sink = sink % 1000;
  writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
}

main().catch((err) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
