/**
 * `npm run fuzz [-- --runs N] [--seed S]`: the engine's robustness properties (test/fuzz/properties.ts)
 * over many generated inputs (default 1,000,000), outside CI. npm runs it as an esbuild bundle
 * (out/fuzz.cjs): the bundled engine, as users run it, is several times faster than under tsx. Prints progress, every failing input
 * (shrunk, saved under test-results/fuzz/), and the slowest inputs (the first 20 saved there too), so
 * a hang shows as a name, not as silence.
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cableInput, checkText, seedCables } from '../test/fuzz/properties';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000000' }, seed: { type: 'string' }, slow: { type: 'string', default: '2000' } } });
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const slowMs = Number(values.slow);
const seeds = seedCables();
const outDir = join(process.cwd(), 'test-results', 'fuzz');

const MAX_SAVED_SLOW = 20;
let done = 0;
let failures = 0;
const slowest: Array<{ ms: number; length: number; head: string }> = [];
const started = Date.now();

const property = fc.property(cableInput(seeds), (text) => {
  const t0 = performance.now();
  const broken = checkText(text);
  const ms = performance.now() - t0;
  done++;
  if (ms > slowMs) {
    slowest.push({ ms: Math.round(ms), length: text.length, head: JSON.stringify(text.slice(0, 60)) });
    // Kept so that a super-linear case can be profiled, not just named.
    let saved = '';
    if (slowest.length <= MAX_SAVED_SLOW) {
      mkdirSync(outDir, { recursive: true });
      saved = join(outDir, `slow-${seed}-${done}.txt`);
      writeFileSync(saved, text);
    }
    console.log(`slow input: ${Math.round(ms)} ms, ${text.length} chars, ${JSON.stringify(text.slice(0, 60))}${saved ? ` (saved to ${saved})` : ''}`);
  }
  if (done % 1_000 === 0) {
    const rate = done / ((Date.now() - started) / 1000);
    console.log(`${done.toLocaleString('en')} inputs, ${failures} failures, ${rate.toFixed(0)} inputs/s`);
  }
  if (broken) throw new Error(broken);
});

console.log(`fuzz: ${runs.toLocaleString('en')} inputs from ${seeds.length} real cables, seed ${seed}`);
// A long run stopped by hand still reports what it tried.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.log(`stopped after ${done.toLocaleString('en')} inputs in ${((Date.now() - started) / 1000).toFixed(0)} s, ${failures} failure(s)`);
    process.exit(failures ? 1 : 130);
  });
}
const details = fc.check(property, { numRuns: runs, seed, endOnFailure: false });
if (details.failed) {
  failures++;
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `failure-${seed}.txt`);
  writeFileSync(file, String(details.counterexample?.[0] ?? ''));
  console.log(`FAILED after ${details.numRuns} inputs (seed ${seed}, path ${details.counterexamplePath}): ${(details.errorInstance as Error)?.message}`);
  console.log(`shrunk input saved to ${file}`);
}
const secs = (Date.now() - started) / 1000;
console.log(`${details.numRuns.toLocaleString('en')} inputs in ${secs.toFixed(0)} s, ${failures} failure(s); slowest: ${slowest.sort((a, b) => b.ms - a.ms).slice(0, 5).map((s) => `${s.ms} ms (${s.length} chars)`).join(', ') || 'none over ' + slowMs + ' ms'}`);
process.exit(details.failed ? 1 : 0);
