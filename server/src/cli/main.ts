/**
 * `cable-lint` (bin/cable-lint.js runs `main`). Exit status: 0 no errors, 1 errors, 2 usage,
 * configuration or I/O errors, which print one line on stderr and never a stack trace.
 */
import { resolve } from 'node:path';
import { version } from '../../../package.json';
import { buildReport, lintSource, listRules, type FileReport, type LintSession, type LintSource } from '../api';
import { ConfigResolver } from '../config/discover';
import { ConfigError } from '../config/settings';
import { HELP, parseCliArgs, UsageError, type CliArgs } from './args';
import { decodeCable, expandPaths, InputError, readCableFile } from './files';
import { COLOURS, formatJson, formatRulesJson, formatRulesTable, formatStylish, PLAIN, useColour } from './formatters';

export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  readStdin(): Promise<Uint8Array>;
  env: NodeJS.ProcessEnv;
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

/** Texts to lint, in command-line order; each file once. */
async function collectSources(args: CliArgs, io: CliIo): Promise<LintSource[]> {
  const sources: LintSource[] = [];
  const seen = new Set<string>();
  for (const p of args.paths) {
    if (p === '-') {
      let bytes: Uint8Array;
      try {
        bytes = await io.readStdin();
      } catch (err) {
        throw new InputError(`cannot read stdin: ${(err as Error).message}`);
      }
      const name = args.stdinFilename;
      sources.push(
        name !== undefined
          ? { text: decodeCable(bytes), path: name, absolutePath: resolve(name) }
          : { text: decodeCable(bytes), path: '<stdin>' },
      );
      continue;
    }
    for (const f of expandPaths([p])) {
      if (seen.has(f.absolutePath)) continue;
      seen.add(f.absolutePath);
      sources.push({ text: readCableFile(f.path), path: f.path, absolutePath: f.absolutePath });
    }
  }
  return sources;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCliArgs(argv);
  const colour = useColour(io.stdout.isTTY, io.env) ? COLOURS : PLAIN;
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
  // A bad --config fails before any file is read.
  const resolver = new ConfigResolver(args.config);
  const sources = await collectSources(args, io);
  const session: LintSession = {
    resolver,
    rules: args.rules,
    now: new Date(),
    ...(args.profile ? { profile: args.profile } : {}),
    ...(args.referenceId !== undefined ? { referenceId: args.referenceId } : {}),
  };
  const files: FileReport[] = sources.map((s) => lintSource(s, session));
  const report = buildReport(files);
  io.stdout.write(args.format === 'json' ? formatJson(report) : formatStylish(report, colour));
  return report.summary.errors > 0 ? 1 : 0;
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[] = process.argv.slice(2), io: CliIo = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof InputError) {
      io.stderr.write(`cable-lint: ${err.message}\n`);
      return 2;
    }
    // A defect in cable-lint itself: the stack is what a bug report needs.
    io.stderr.write(`cable-lint: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 2;
  }
}
