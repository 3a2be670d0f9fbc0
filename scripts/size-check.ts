/**
 * node --import tsx scripts/size-check.ts [--mb 10]: how long a huge document takes and how much
 * memory it needs, through the CLI (bin/cable-lint.js as a child process, wall time and peak
 * RSS) and through the language server (didOpen → publishDiagnostics, peak RSS of the server
 * process, lint worker included). Two inputs: a cable made of the committed real cables'
 * paragraphs, and random printable text. The goal is under 3 s for 10 MB.
 *
 * A measurement, not a test: it asserts nothing. Needs `npm run build` first (dist/).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, TestClient } from '../test/protocol/lsp-client';
import { cableLike, randomPrintable } from '../test/protocol/robustness-inputs';

const at = process.argv.indexOf('--mb');
const MB = at > 0 ? Number(process.argv[at + 1]) : 10;
const BIN = join(ROOT, 'bin', 'cable-lint.js');

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * The CLI in a child that reports its own peak RSS on exit (fd 3), since Node does not give a
 * child's resource usage to its parent.
 */
function cli(file: string): Promise<{ ms: number; status: number | null; maxRss: number; stderr: string }> {
  const wrapper = `
    process.argv = [process.argv[0], ${JSON.stringify(BIN)}, '--format', 'json', ${JSON.stringify(file)}];
    process.on('exit', () => require('fs').writeSync(3, String(process.resourceUsage().maxRSS * 1024)));
    import(${JSON.stringify(BIN)});`;
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', wrapper], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let rss = '';
    let stderr = '';
    child.stdio[3]!.on('data', (b: Buffer) => (rss += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (status) => resolve({ ms: performance.now() - t0, status, maxRss: Number(rss), stderr }));
  });
}

function peakRss(pid: number): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function server(text: string): Promise<{ ms: number; diagnostics: number; maxRss?: number; errors: string[] }> {
  const client = await TestClient.start();
  try {
    const uri = 'untitled:size-check';
    const published = client.nextDiagnostics(uri, 1, 600_000);
    const t0 = performance.now();
    await client.open(uri, text);
    const { diagnostics } = await published;
    const ms = performance.now() - t0;
    const maxRss = peakRss(client.process.pid!);
    return { ms, diagnostics: diagnostics.length, ...(maxRss !== undefined ? { maxRss } : {}), errors: client.errorLogs() };
  } finally {
    await client.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cable-lint-size-'));
try {
  console.log(`size check: ${MB} MB inputs (goal: under 3 s each)\n`);
  console.log('input          bytes      CLI time  CLI peak RSS  CLI exit  server time  server peak RSS  diagnostics');
  for (const [name, make] of [
    ['cable-like', () => cableLike(MB * 1024 * 1024)],
    ['random', () => randomPrintable(MB * 1024 * 1024)],
  ] as const) {
    const text = make();
    const file = join(dir, `${name}.cable`);
    writeFileSync(file, text);
    const c = await cli(file);
    if (c.status !== 0 && c.status !== 1) console.error(`CLI failed (${c.status}): ${c.stderr}`);
    const s = await server(text);
    if (s.errors.length > 0) console.error(`server logged: ${s.errors.join('\n')}`);
    console.log(
      [
        name.padEnd(12),
        String(Buffer.byteLength(text)).padStart(9),
        `${(c.ms / 1000).toFixed(2)} s`.padStart(11),
        mb(c.maxRss).padStart(13),
        String(c.status).padStart(9),
        `${(s.ms / 1000).toFixed(2)} s`.padStart(12),
        (s.maxRss !== undefined ? mb(s.maxRss) : 'n/a').padStart(16),
        String(s.diagnostics).padStart(12),
      ].join(' '),
    );
  }
  console.log('\nCLI time is the whole process (start-up, read, lint, JSON report); server time is didOpen → publishDiagnostics.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
