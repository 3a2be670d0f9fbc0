// Shared by the cli*.test.ts files: run the real command (`node bin/cable-lint.js`, which loads
// dist/cli.js; `npm test` builds it first) in temporary folders.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../../server/src/rules/index';
import { assertValidFileReport, assertValidReport } from '../report-schema';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'cable-lint.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    timeout: 120_000,
  });
  const run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  checkReportOutput(args, run);
  return run;
}

/**
 * Every report the CLI prints in a test is held to the published schema: `--format json` on
 * stdout as one report, `--format ndjson` as one file report a line.
 */
function checkReportOutput(args: readonly string[], run: Run): void {
  const i = args.findIndex((a) => a === '--format' || a === '-f');
  const format = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--format='))?.slice('--format='.length);
  if ((format !== 'json' && format !== 'ndjson') || (run.status !== 0 && run.status !== 1) || args.includes('--output-file') || args.includes('-o')) return;
  if (args.includes('--print-rules') || args.includes('--print-config')) return;
  const where = `cable-lint ${args.join(' ')}`;
  if (format === 'json') assertValidReport(JSON.parse(run.stdout), where);
  else for (const line of run.stdout.split('\n').filter((l) => l.trim())) assertValidFileReport(JSON.parse(line), where);
}

export function jsonRun(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}) {
  const r = cli(['--format', 'json', ...args], opts);
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return { ...r, report: JSON.parse(r.stdout) };
}

/** A scratch folder for one test file; `tree` writes files below it. */
export function scratch(prefix: string) {
  const base = mkdtempSync(join(tmpdir(), `cable-lint-${prefix}-`));
  return {
    base,
    tree(name: string, files: Record<string, string | Buffer>): string {
      const dir = join(base, name);
      mkdirSync(dir, { recursive: true });
      for (const [rel, content] of Object.entries(files)) {
        mkdirSync(join(dir, rel, '..'), { recursive: true });
        writeFileSync(join(dir, rel), content);
      }
      return dir;
    },
    remove() {
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** A config that silences the whole catalogue except the rules given (by id). */
export function onlyRules(rules: Record<string, unknown>, extra: object = {}): string {
  const all: Record<string, unknown> = Object.fromEntries(allRules.map((r) => [r.id, 'off']));
  return JSON.stringify({ rules: { ...all, ...rules }, ...extra }, null, 1);
}

/**
 * A draft with three fixable TAGS problems and nothing else the fixes touch: PRELL is one edit
 * from PREL (CBL061, a single candidate, so safe), ECON is repeated (CBL064), and once PRELL
 * reads PREL, PREL is repeated too. Paragraph 3 is missing (CBL081), which no fix may change.
 */
export const FIXABLE = [
  'UNCLAS ROME 000123',
  '',
  'E.O. 13526: N/A',
  'TAGS: PREL PRELL ECON ECON',
  'SUBJECT: TEST OF FIXES',
  '',
  '1. (U) FIRST PARAGRAPH.',
  '',
  '2. (U) SECOND PARAGRAPH.',
  '',
  '4. (U) THIRD PARAGRAPH.',
  '',
  'SMITH',
  '',
].join('\n');

/** A transmitted cable whose envelope has a line that is no envelope line: CBL000 at line 5. */
export const BROKEN = [
  'VZCZCXYZ0000',
  'OO RUEHWEB',
  'DE RUEHRK #0457/01 1351530',
  'ZNY CCCCC ZZH',
  'THIS LINE DOES NOT BELONG HERE',
  'O 141530Z MAY 08',
  'FM AMEMBASSY REYKJAVIK',
  'TO SECSTATE WASHDC PRIORITY 1234',
  'BT',
  'UNCLAS REYKJAVIK 000457',
  '',
  'E.O. 12958: N/A',
  'TAGS: PREL PRELL IC',
  'SUBJECT: TEST',
  '',
  '1. (U) TEXT.',
  '',
  'SMITH',
  'BT',
  '#0457',
  'NNNN',
  '',
].join('\n');
