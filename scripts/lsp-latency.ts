/**
 * npm run lsp-latency: how long an editor waits for the bundled language server.
 *
 *   1. spawn → initialize result: a fresh `node dist/server.js --stdio` each time, median of 10;
 *   2. didChange → publishDiagnostics: 50 one-character edits (typing a letter, then deleting
 *      it, in the middle of the text), each sent once the previous edit's diagnostics arrived,
 *      median and p95, on the largest cable of the public corpus and on a synthetic 1 MB cable
 *      made of real paragraphs from the corpus. The debounce the server waits before linting is
 *      part of that time and is also given on its own, with the time net of it.
 *
 * A measurement, not a test: it asserts nothing. Needs `npm run build` first (the npm script
 * does it). The corpus is ../shared/corpus/public, or the folder in $CABLE_CORPUS.
 * `--write-synthetic <file>` writes the synthetic cable and stops.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { debounceDelay } from '../server/src/lsp/scheduler';
import { ROOT, TestClient } from '../test/protocol/lsp-client';

const CORPUS = process.env.CABLE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus', 'public');
const SPAWNS = 10;
const EDITS = 50;
const ONE_MB = 1024 * 1024;

function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

/** Nearest-rank quantile. */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

function corpusFiles(): string[] {
  if (!existsSync(CORPUS)) throw new Error(`no corpus at ${CORPUS} (set CABLE_CORPUS)`);
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(CORPUS, f));
}

const read = (path: string) => readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');

/** `1. `, `¶1. ` (the corpus writes the pilcrow), with the portion mark if any. */
const PARAGRAPH_START = /^\s*¶?\s?(\d{1,3})\.\s+(?:\((?:TS|S|C|SBU|U)(?:\/[A-Z/ ,]*)?\)\s*)?(?=\S)/;

/** The numbered paragraphs of a cable, number and mark removed: each runs to the next blank line. */
function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      if (current) out.push(current.join('\n'));
      current = undefined;
    } else if (PARAGRAPH_START.test(line)) {
      if (current) out.push(current.join('\n'));
      current = [line.replace(PARAGRAPH_START, '')];
    } else if (current) {
      current.push(line.trimEnd());
    }
  }
  if (current) out.push(current.join('\n'));
  return out.filter((p) => p.length > 80);
}

/**
 * A 1 MB transmitted cable: the envelope and header of a real corpus cable, then real
 * paragraphs taken in turn from the corpus, numbered 1, 2, 3 … and portion-marked as the
 * banner allows, then a signature.
 */
function syntheticCable(files: string[]): { text: string; headerFrom: string; sources: number } {
  let header: string | undefined;
  let headerFrom = '';
  for (const f of files) {
    const text = read(f);
    const at = text.search(/^\s*¶?\s?1\.\s/m);
    if (at > 0 && /^VZCZC/m.test(text) && /^UNCLAS\b/m.test(text) && /^TAGS:/m.test(text) && /^SUBJECT:/m.test(text)) {
      header = text.slice(text.search(/^VZCZC/m), at);
      headerFrom = f;
      break;
    }
  }
  if (!header) throw new Error('no corpus cable with an envelope, an UNCLAS banner and numbered paragraphs');
  const parts = [header.trimEnd(), ''];
  let size = header.length;
  let n = 0;
  let sources = 0;
  while (size < ONE_MB) {
    const before = size;
    for (const f of files) {
      const paragraphs = paragraphsOf(read(f));
      if (paragraphs.length === 0) continue;
      sources++;
      for (const p of paragraphs) {
        const block = `${++n}. (U) ${p}\n`;
        parts.push(block);
        size += block.length + 1;
        if (size >= ONE_MB) break;
      }
      if (size >= ONE_MB) break;
    }
    if (size === before) throw new Error('no numbered paragraphs in the corpus');
  }
  parts.push('SIGNATURE', '');
  return { text: parts.join('\n'), headerFrom, sources };
}

async function spawnToInitialize(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    const t0 = performance.now();
    const client = await TestClient.start();
    times.push(performance.now() - t0);
    await client.stop();
  }
  return times;
}

/** The offset of a word boundary inside the middle line of the text that has words. */
function editPoint(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let d = 0; d < lines.length; d++) {
    for (const line of [Math.floor(lines.length / 2) + d, Math.floor(lines.length / 2) - d]) {
      const m = /^[A-Za-z]+ /.exec(lines[line] ?? '');
      if (m) return { line, character: m[0].length - 1 };
    }
  }
  return { line: 0, character: 0 };
}

async function changeToDiagnostics(name: string, text: string): Promise<void> {
  const client = await TestClient.start();
  try {
    const uri = `untitled:latency-${name}`;
    const t0 = performance.now();
    const first = await client.openAndWait(uri, text);
    const openMs = performance.now() - t0;
    const at = editPoint(text);
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const version = i + 2;
      // Type a letter, then delete it: the text alternates between two states.
      const change =
        i % 2 === 0
          ? { range: { start: at, end: at }, text: 'e' }
          : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
      const published = client.nextDiagnostics(uri, version, 60_000);
      const start = performance.now();
      await client.change(uri, version, [change]);
      await published;
      times.push(performance.now() - start);
    }
    const debounce = debounceDelay(text.length);
    const net = times.map((t) => t - debounce);
    console.log(
      [
        `${name}: ${(text.length / 1024).toFixed(0)} KB, ${text.split('\n').length} lines, ${first.length} diagnostics`,
        `  open → first diagnostics: ${ms(openMs)}`,
        `  didChange → publishDiagnostics (${EDITS} edits): median ${ms(median(times))}, p95 ${ms(quantile(times, 0.95))}`,
        `    of which debounce: ${debounce} ms (50 ms + 1 ms per 10 KB, at most 400 ms)`,
        `    net of the debounce: median ${ms(median(net))}, p95 ${ms(quantile(net, 0.95))}`,
      ].join('\n'),
    );
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const files = corpusFiles();
  // `--write-synthetic <file>` only writes the synthetic cable, to lint or open it by hand.
  const writeTo = process.argv.indexOf('--write-synthetic');
  if (writeTo >= 0) {
    writeFileSync(process.argv[writeTo + 1] ?? 'synthetic-1mb.cable', syntheticCable(files).text);
    return;
  }
  console.log(`cable-lint language server latency (node ${process.version}, ${files.length} corpus cables)\n`);

  const spawns = await spawnToInitialize();
  console.log(`spawn → initialize result (${SPAWNS} runs): median ${ms(median(spawns))}, min ${ms(Math.min(...spawns))}, max ${ms(Math.max(...spawns))}\n`);

  const largest = files.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  await changeToDiagnostics(`largest corpus cable ${largest.split(/[\\/]/).pop()}`, read(largest));
  console.log('');

  const synthetic = syntheticCable(files);
  console.log(`synthetic cable: header of ${synthetic.headerFrom.split(/[\\/]/).pop()}, paragraphs of ${synthetic.sources} corpus cables`);
  await changeToDiagnostics('synthetic 1 MB cable', synthetic.text);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
