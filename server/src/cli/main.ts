/**
 * `cable-lint` (bin/cable-lint.js runs `main`). Exit status: 0 no errors, 1 errors (or more
 * warnings than `--max-warnings`), 2 usage, configuration or I/O errors, which print one line on
 * stderr and never a stack trace.
 */
import { resolve } from 'node:path';
import packageJson from '../../../package.json';
import { buildReport, listRules, type FileFindings, type FindingsReport, type LintSession } from '../api';
import { decodeCableWithEncoding, encodeCable } from '../host/decode';
import { InputError } from '../host/errors';
import { commandLineInputs, type CommandLineInput } from '../host/node/inputs';
import { ConfigResolver } from '../host/node/config-files';
import { fileExists, fileStamp, readBytes, writeFileAtomic, writeTextFile } from '../host/node/files';
import { readRuleDoc } from '../host/node/rule-docs';
import { ConfigError } from '../config/settings';
import { printable } from '../engine/message';
import { HELP, parseCliArgs, UsageError, type CliArgs } from './args';
import { lineDiff } from './diff';
import {
  COLOURS,
  formatGithub,
  formatJson,
  formatNdjsonLine,
  formatJunit,
  formatRulesJson,
  formatRulesTable,
  formatSarif,
  formatStats,
  formatStylish,
  PLAIN,
  ruleStats,
  useColour,
  type Style,
} from './formatters';
import { initConfigText, printConfig } from './config-commands';
import { processFile, processSource, type FileOutcome, type RunSpec, type SkippedFile } from './process';
import { ruleHelp } from './rule-help';
import { runInWorkers, threadCount } from './worker';
import { runFmt } from './fmt';
import { runRefs } from './refs';

const { version } = packageJson;

/** The package's repository, when package.json names one (it names none while there is no public home). */
function repositoryUrl(): string | undefined {
  const repository = (packageJson as { repository?: string | { url?: string } }).repository;
  return typeof repository === 'string' ? repository : repository?.url;
}

export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  readStdin(): Promise<Uint8Array>;
  env: NodeJS.ProcessEnv;
  cwd?: string;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => readAll(process.stdin),
  env: process.env,
};

/** More files than this get a progress bar (on a terminal's stderr only). */
const PROGRESS_THRESHOLD = 300;

/** A one-line bar redrawn in place; silent unless stderr is a terminal. */
function progressBar(io: CliIo, total: number): { update(done: number): void; clear(): void } {
  if (io.stderr.isTTY !== true || total <= PROGRESS_THRESHOLD) return { update() {}, clear() {} };
  let shown = -1;
  const width = Math.max(10, Math.min(40, (io.stderr.columns ?? 80) - 30));
  return {
    update(done) {
      const step = Math.floor((done / total) * width);
      if (step === shown && done !== total) return;
      shown = step;
      io.stderr.write(`\r[${'#'.repeat(step)}${'-'.repeat(width - step)}] ${done}/${total} files`);
    },
    clear() {
      if (shown >= 0) io.stderr.write('\r\u001b[K');
    },
  };
}

function describeFixes(applied: readonly { ruleId: string }[]): string {
  const counts = new Map<string, number>();
  for (const a of applied) counts.set(a.ruleId, (counts.get(a.ruleId) ?? 0) + 1);
  const parts = [...counts].map(([id, n]) => (n > 1 ? `${id} \u00d7${n}` : id));
  return `${applied.length} fix${applied.length === 1 ? '' : 'es'} (${parts.join(', ')})`;
}

/**
 * Writes fixed files back (with `--fix`) and tells on stderr what changed, or (with
 * `--fix-dry-run`) what would change, as line diffs. A file that changed on disk since it was read
 * is left alone.
 */
function reportFixes(args: CliArgs, inputs: readonly CommandLineInput[], outcomes: readonly (FileOutcome | SkippedFile)[], io: CliIo, style: Style): void {
  outcomes.forEach((o, i) => {
    if ('skipped' in o) return;
    const fix = o.fix;
    if (!fix) return;
    // Paths are text from the file system: escaped like the cable's own text.
    const path = printable(o.report.path);
    if (fix.refused === 'parse-errors') {
      io.stderr.write(`cable-lint: not fixed ${path}: its parse has CBL000 errors (--fix-unsafe fixes it anyway)\n`);
      return;
    }
    for (const w of fix.withheld) io.stderr.write(`cable-lint: left out in ${path}:${w.line}: ${w.ruleId} "${printable(w.title)}" would change words it does not name\n`);
    if (!fix.changed || fix.output === undefined) return;
    const input = inputs[i]!;
    const file = 'file' in input ? input.file : undefined;
    if (args.fix === 'write' && file && o.read) {
      const current = fileStamp(file.absolutePath);
      if (!current || current.mtimeMs !== o.read.mtimeMs || current.size !== o.read.size) {
        io.stderr.write(`cable-lint: not fixed ${path}: it changed while being linted\n`);
        return;
      }
      const { bytes } = encodeCable(fix.output, o.read);
      writeFileAtomic(file.absolutePath, bytes);
      io.stderr.write(`${style.bold('fixed')} ${path}: ${describeFixes(fix.applied)}${fix.stable ? '' : `; more remain after ${fix.passes} passes`}\n`);
      return;
    }
    // Dry runs keep no copy of each original: the few files that would change are read again.
    const original = 'file' in input ? decodeCableWithEncoding(readBytes(input.file.absolutePath)).text : input.stdin.read.text;
    io.stderr.write(`${style.bold('would fix')} ${path}: ${describeFixes(fix.applied)}\n${dryRunDiff(original, fix.output, style)}`);
  });
}

/** Characters of a changed line shown around the change (published cables run a paragraph a line). */
const DIFF_WIDTH = 100;

/** A line cut to DIFF_WIDTH characters from `from`, marking what was cut with `…`. */
function clip(line: string, from: number): string {
  const start = Math.max(0, Math.min(from, line.length - DIFF_WIDTH));
  const end = start + DIFF_WIDTH;
  return (start > 0 ? '\u2026' : '') + line.slice(start, end) + (end < line.length ? '\u2026' : '');
}

/** The changed lines, each shown like all text from a file: controls written `U+XXXX`. */
function dryRunDiff(original: string, output: string, style: Style): string {
  const out: string[] = [];
  for (const h of lineDiff(original, output)) {
    out.push(style.dim(`  @@ line ${h.line}`));
    // Lines replaced one for one are shown from a little before their first difference.
    const from = (i: number, a: string[], b: string[]): number => {
      if (a.length !== b.length) return 0;
      const x = a[i]!;
      const y = b[i]!;
      let k = 0;
      while (k < x.length && k < y.length && x[k] === y[k]) k++;
      return Math.max(0, k - 20);
    };
    h.removed.forEach((l, i) => out.push(style.red(`  - ${printable(clip(l, from(i, h.removed, h.added)))}`)));
    h.added.forEach((l, i) => out.push(`  ${style.bold('+')} ${printable(clip(l, from(i, h.added, h.removed)))}`));
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

/** Errors only (`--quiet`), with the summary counted again. */
function onlyErrors(report: FindingsReport): FindingsReport {
  return buildReport(report.files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') })));
}

function render(args: CliArgs, report: FindingsReport, style: Style, cwd: string): string {
  switch (args.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, listRules(), { toolVersion: version, cwd, repositoryUrl: repositoryUrl(), help: (id) => {
        const page = readRuleDoc(id);
        return page !== undefined ? ruleHelp(page) : undefined;
      } });
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report);
    default:
      return formatStylish(report, style, args.fix !== 'none' ? { fixed: args.fix } : {});
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // The first subcommand; a folder named refs is `./refs`.
  if (argv[0] === 'refs') return await runRefs(argv.slice(1), io, io.cwd ?? process.cwd());
  const args = parseCliArgs(argv);
  const cwd = io.cwd ?? process.cwd();
  const toTerminal = args.outputFile === undefined;
  const colour = toTerminal && useColour(io.stdout.isTTY, io.env) ? COLOURS : PLAIN;
  const errColour = useColour(io.stderr.isTTY, io.env) ? COLOURS : PLAIN;
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.version) {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  if (args.printRules) {
    const rules = listRules();
    io.stdout.write(args.format === 'json' ? formatRulesJson(rules) : formatRulesTable(rules, colour));
    return 0;
  }
  if (args.init) {
    const target = resolve(cwd, '.cablelintrc.json');
    if (fileExists(target)) throw new UsageError(`--init: ${target} exists already; not overwritten`);
    writeTextFile(target, initConfigText(), { exclusive: true });
    io.stdout.write(`wrote ${printable(target)}\n`);
    return 0;
  }
  // A bad --config fails before any file is read.
  const resolver = new ConfigResolver(args.config);
  if (args.printConfig !== undefined) {
    io.stdout.write(printConfig(resolve(cwd, args.printConfig), args.printConfig, resolver, args));
    return 0;
  }
  // Stdin where `-` stands, each file once; ignored files named get a note.
  const inputs = await commandLineInputs(args, {
    cwd,
    readStdin: () => io.readStdin(),
    onIgnored: (name) => io.stderr.write(`cable-lint: ${printable(name)} is ignored by an ignore pattern; not linted (--no-ignore lints it)\n`),
  });
  const spec: RunSpec = {
    ...(args.config !== undefined ? { config: resolve(cwd, args.config) } : {}),
    rules: args.rules,
    ...(args.profile ? { profile: args.profile } : {}),
    ...(args.referenceId !== undefined ? { referenceId: args.referenceId } : {}),
    now: new Date().toISOString(),
    details: args.format === 'sarif',
    facts: args.format === 'json' || args.format === 'ndjson',
    fix: args.fix,
    fixUnsafe: args.fixUnsafe,
    ...(args.hidePublication ? { hidePublication: true } : {}),
  };
  const session: LintSession = {
    resolver,
    rules: spec.rules,
    now: new Date(spec.now),
    ...(spec.profile ? { profile: spec.profile } : {}),
    ...(spec.referenceId !== undefined ? { referenceId: spec.referenceId } : {}),
    ...(spec.hidePublication ? { hidePublication: true } : {}),
  };
  const files = inputs.flatMap((inp) => ('file' in inp ? [inp.file] : []));
  const threads = threadCount(args.concurrency, files.length);
  const progress = progressBar(io, files.length);
  const outcomes: (FileOutcome | SkippedFile)[] = new Array(inputs.length);
  /** The file report: the fixed text travels only for a dry run (with --fix it is in the file). */
  const fileReportOf = (o: FileOutcome): FileFindings => {
    if (!o.fix) return o.report;
    const { output, ...fix } = o.fix;
    return { ...o.report, fix: { ...fix, ...(args.fix === 'dry-run' && output !== undefined ? { output } : {}) } } as FileFindings;
  };
  /** A line of --format ndjson (errors only with --quiet). */
  const ndjsonLine = (o: FileOutcome | SkippedFile): string => {
    if ('skipped' in o) return '';
    const r = fileReportOf(o);
    return formatNdjsonLine(args.quiet ? { ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') } : r);
  };
  // --format ndjson to the terminal or a pipe: each file report as soon as it and those before it are in.
  const streaming = args.format === 'ndjson' && args.outputFile === undefined;
  let written = 0;
  const flush = () => {
    if (!streaming) return;
    while (written < inputs.length && outcomes[written] !== undefined) io.stdout.write(ndjsonLine(outcomes[written++]!));
  };
  const fileIndex = inputs.flatMap((inp, i) => ('file' in inp ? [i] : []));
  if (threads > 0) {
    await runInWorkers(files, spec, threads, (done) => progress.update(done), (k, o) => {
      outcomes[fileIndex[k]!] = o;
      flush();
    });
  }
  let done = 0;
  inputs.forEach((inp, i) => {
    if ('file' in inp) {
      if (threads > 0) return;
      outcomes[i] = processFile(inp.file, session, spec);
      progress.update(++done);
      flush();
      return;
    }
    const { name, read } = inp.stdin;
    outcomes[i] = processSource(
      name !== undefined ? { text: read.text, path: name, absolutePath: resolve(cwd, name) } : { text: read.text, path: '<stdin>' },
      session,
      spec,
    );
    flush();
  });
  progress.clear();
  for (const o of outcomes) {
    if ('skipped' in o) io.stderr.write(`cable-lint: ${printable(o.path)} looks binary (a NUL byte in its first 8 KB); not linted\n`);
  }

  if (args.fix !== 'none') {
    reportFixes(args, inputs, outcomes, io, errColour);
  }

  const full = buildReport(outcomes.flatMap((o) => ('skipped' in o ? [] : [fileReportOf(o)])));
  const report = args.quiet ? onlyErrors(full) : full;
  if (!streaming) {
    const text = args.format === 'ndjson' ? outcomes.map(ndjsonLine).join('') : render(args, report, colour, cwd);
    if (args.outputFile !== undefined) {
      writeTextFile(resolve(cwd, args.outputFile), text, { shown: args.outputFile });
    } else {
      io.stdout.write(text);
    }
  }
  if (args.stats) {
    const stats = formatStats(ruleStats(full), full.summary.files, args.format === 'stylish' && toTerminal ? colour : errColour);
    if (args.format === 'stylish' && toTerminal) io.stdout.write('\n' + stats);
    else io.stderr.write(stats);
  }
  let status = report.summary.errors > 0 ? 1 : 0;
  if (args.maxWarnings !== undefined && full.summary.warnings > args.maxWarnings) {
    io.stderr.write(`cable-lint: ${full.summary.warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    status = 1;
  }
  return status;
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[] = process.argv.slice(2), io: CliIo = processIo): Promise<number> {
  try {
    // `cable-lint fmt …` is the formatter; a file named fmt is linted as ./fmt.
    if (argv[0] === 'fmt') {
      const style = useColour(io.stdout.isTTY, io.env) ? COLOURS : PLAIN;
      return await runFmt(argv.slice(1), io as Parameters<typeof runFmt>[1], io.cwd ?? process.cwd(), style);
    }
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof InputError) {
      // Messages name paths and arguments: text from outside, escaped.
      io.stderr.write(`cable-lint: ${printable(err.message)}\n`);
      return 2;
    }
    // A defect in cable-lint itself: the stack is what a bug report needs.
    io.stderr.write(`cable-lint: internal error: ${printable((err as Error)?.stack ?? String(err)).replace(/U\+000A/g, '\n')}\n`);
    return 2;
  }
}
