/**
 * A bundled entry to profile with `node --cpu-prof`: parses or fully validates corpus cables (or
 * one synthetic cable) in a loop. `npm run bench -- --profile parse|full|line` builds and runs it
 * and prints the functions with the most self time (bench/cpuprofile-top.ts).
 *
 *   node --cpu-prof out/bench/profile.js <corpus> parse|full [mb]
 *   node --cpu-prof out/bench/profile.js <corpus> size|line <characters> [mb]
 *   node --cpu-prof out/bench/profile.js <corpus> file <name.txt> [mb]   (full validation of one cable)
 */
import { join } from 'node:path';
import { parseCable } from '../grammar/src/index';
import { lintSource } from '../server/src/api';
import { type CorpusCable, longLineCable, readCorpus, syntheticCable, syntheticSource } from './corpus';

const [dir, mode = 'full', a = '5', b] = process.argv.slice(2);
if (!dir) throw new Error('usage: profile <corpus> parse|full|size|line [characters] [mb]');
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
let done = 0;
let sink = 0;
while (done < mb * 1024 * 1024) {
  for (const c of cables) {
    sink += mode === 'parse'
      ? parseCable(c.text).paragraphs.length
      : lintSource({ text: c.text, path: c.name, absolutePath: join('/corpus', c.name) }, session).diagnostics.length;
    done += c.bytes;
    if (done >= mb * 1024 * 1024) break;
  }
}
process.stderr.write(`${mode}: ${(done / 1024 / 1024).toFixed(1)} MB (${sink})\n`);
