/**
 * A bundled entry to profile: parses or fully validates corpus cables (or one synthetic cable) in
 * a loop (full validation as the CLI does it by default, without the cable's facts). `npm run
 * bench -- --profile parse|full|line` builds and runs it and prints the functions with the most
 * self time (bench/cpuprofile-top.ts).
 *
 *   node out/bench/profile.js <out.cpuprofile> <corpus> parse|full [mb]
 *   node out/bench/profile.js <out.cpuprofile> <corpus> size|line <characters> [mb]
 *   node out/bench/profile.js <out.cpuprofile> <corpus> file <name.txt> [mb]   (full validation of one cable)
 *
 * The profile covers warm code only, as the throughput figures do: the same texts are run once
 * before the profiler starts. A profile of one cold pass (`node --cpu-prof` over the whole
 * process, as this harness was) charged the parse with its JIT warm-up: a first pass over 10 MB
 * parses 3–4× slower than the third, so the parse looked half of full validation there while the
 * throughput rounds, warm, measured a third.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { parseCable } from '../grammar/src/index';
import { lintSource } from '../server/src/api';
import { type CorpusCable, longLineCable, readCorpus, syntheticCable, syntheticSource } from './corpus';

const [out, dir, mode = 'full', a = '5', b] = process.argv.slice(2);
if (!out || !dir) throw new Error('usage: profile <out.cpuprofile> <corpus> parse|full|size|line|file [characters|name] [mb]');
const corpus = readCorpus(dir);
let cables: CorpusCable[] = corpus;
let mb = Number(a);
if (mode === 'size' || mode === 'line') {
  const src = syntheticSource(corpus);
  const text = mode === 'size' ? syntheticCable(src, Number(a)) : longLineCable(src, Number(a));
  cables = [{ name: '00BENCH1.txt', text, bytes: Buffer.byteLength(text) }];
  mb = Number(b ?? '5');
} else if (mode === 'file') {
  cables = corpus.filter((c) => c.name === a);
  if (cables.length === 0) throw new Error(`no ${a} in the corpus`);
  mb = Number(b ?? '5');
}
const session = { now: new Date('2010-01-01T00:00:00Z') };
let sink = 0;

/** `mb` megabytes of the cables, in turn; seconds of CPU time. */
function pass(): number {
  const t0 = process.cpuUsage();
  let done = 0;
  while (done < mb * 1024 * 1024) {
    for (const c of cables) {
      sink += mode === 'parse'
        ? parseCable(c.text).paragraphs.length
        : lintSource({ text: c.text, path: c.name, absolutePath: join('/corpus', c.name) }, session, { facts: false }).diagnostics.length;
      done += c.bytes;
      if (done >= mb * 1024 * 1024) break;
    }
  }
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1e6;
}

const inspector = new Session();
inspector.connect();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => inspector.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));

async function main(): Promise<void> {
  const warm = [pass(), pass()];
  await post('Profiler.enable');
  await post('Profiler.start');
  const profiled = pass();
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  writeFileSync(out!, JSON.stringify(profile));
  process.stderr.write(`${mode}: ${mb} MB a pass; CPU s: warm-up ${warm.map((s) => s.toFixed(2)).join(', ')}, profiled ${profiled.toFixed(2)} (${sink % 1000})\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
