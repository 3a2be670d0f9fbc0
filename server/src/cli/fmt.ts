/**
 * `cable-lint fmt`: the formatter (service/format.ts) on the command line, as users of black and
 * prettier expect: files rewritten in place by default, `--check` for CI (lists what would change,
 * exit 1), `--diff` to see the change, `-` for stdin to stdout. The width is CBL120's limit from
 * the file's `.cablelintrc.json`.
 */
import { resolve } from 'node:path';
import type { Profile } from '../../../grammar/src/ast';
import { composeLintSettings } from '../config/lint-settings';
import { ConfigError, effectiveSettings, profileFrom } from '../config/settings';
import { printable } from '../engine/message';
import { decodeCableWithEncoding, encodeCable, type CableEncoding } from '../host/decode';
import { commandLineInputs } from '../host/node/inputs';
import { ConfigResolver } from '../host/node/config-files';
import { fileStamp, readBytes, writeFileAtomic } from '../host/node/files';
import { formatText } from '../service/format';
import { parseCommandLine, UsageError } from './args';
import { lineDiff } from './diff';
import type { Style } from './formatters';

export const FMT_HELP = `Usage: cable-lint fmt [options] PATH...

Re-wraps the paragraphs of cables to the line length (CBL120's limit from
.cablelintrc.json, 69 by default), changing whitespace only: every word stays, in
order. A paragraph that fits is left as written; the envelope, the header fields,
REF lists, indented blocks, tables, and any paragraph that re-wrapped would read
differently are never touched. Files are rewritten in place, in their own encoding
and line ends. PATH is a file, a folder or a glob, as for cable-lint; - reads stdin
and writes the formatted text to stdout. Published copies (WikiLeaks pages,
reflowed text) are left as they are unless --force is given.

Options:
      --check                 write nothing: list the files that would change, and
                              exit 1 when there are any (for CI)
      --diff                  write nothing: show what would change as a diff, and
                              exit 1 when anything would
      --write                 rewrite the files in place (the default)
      --force                 format published copies too
  -c, --config FILE           use FILE instead of the nearest .cablelintrc.json
      --profile PROFILE       read every file as transmitted, draft or published
      --stdin-filename NAME   name for the text read from -, for its config
      --ignore-pattern GLOB   skip files matching GLOB; repeatable
      --no-ignore             neither .cablelintignore nor --ignore-pattern
  -h, --help                  show this help

Exit status: 0 done (or nothing to change), 1 with --check or --diff when a file
would change, 2 usage, configuration or I/O error.
`;

interface FmtArgs {
  help: boolean;
  mode: 'write' | 'check' | 'diff';
  force: boolean;
  config?: string;
  profile?: Profile;
  stdinFilename?: string;
  ignorePatterns: string[];
  noIgnore: boolean;
  paths: string[];
}

function parseFmtArgs(argv: readonly string[]): FmtArgs {
  const parsed = parseCommandLine(
    argv,
    {
      help: { type: 'boolean', short: 'h' },
      check: { type: 'boolean' },
      diff: { type: 'boolean' },
      write: { type: 'boolean' },
      force: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      profile: { type: 'string' },
      'stdin-filename': { type: 'string' },
      'ignore-pattern': { type: 'string', multiple: true },
      'no-ignore': { type: 'boolean' },
    },
    'fmt',
  );
  const v = parsed.values;
  const modes = [v.check && '--check', v.diff && '--diff', v.write && '--write'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`fmt: ${modes.join(' and ')} exclude each other`);
  const paths = parsed.positionals;
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('fmt: - (stdin) given more than once');
  if (v['stdin-filename'] !== undefined && !paths.includes('-')) throw new UsageError('fmt: --stdin-filename needs - (stdin) among the paths');
  let profile: Profile | undefined;
  try {
    if (v.profile !== undefined) profile = profileFrom(v.profile, '--profile');
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(`fmt: ${err.message}`);
    throw err;
  }
  const args: FmtArgs = {
    help: v.help ?? false,
    mode: v.check ? 'check' : v.diff ? 'diff' : 'write',
    force: v.force ?? false,
    ignorePatterns: v['ignore-pattern'] ?? [],
    noIgnore: v['no-ignore'] ?? false,
    paths,
  };
  if (v.config !== undefined) args.config = v.config;
  if (profile) args.profile = profile;
  if (v['stdin-filename'] !== undefined) args.stdinFilename = v['stdin-filename'];
  if (!args.help && paths.length === 0) throw new UsageError('fmt: no input: give files or folders, or - for stdin (see cable-lint fmt --help)');
  return args;
}

export interface FmtIo {
  stdout: { write(s: string | Uint8Array): unknown };
  stderr: { write(s: string): unknown };
  readStdin(): Promise<Uint8Array>;
}

/** A unified diff of one file's change, every line escaped as text from a file is. */
function unifiedDiff(path: string, before: string, after: string, style: Style): string {
  const out = [style.bold(`--- ${path}`), style.bold(`+++ ${path}`)];
  let shift = 0;
  for (const h of lineDiff(before, after)) {
    out.push(style.dim(`@@ -${h.line},${h.removed.length} +${h.line + shift},${h.added.length} @@`));
    for (const l of h.removed) out.push(style.red(`-${printable(l)}`));
    for (const l of h.added) out.push(`+${printable(l)}`);
    shift += h.added.length - h.removed.length;
  }
  return `${out.join('\n')}\n`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Runs `cable-lint fmt`; resolves to the exit status. Errors are thrown for main() to print. */
export async function runFmt(argv: readonly string[], io: FmtIo, cwd: string, style: Style): Promise<number> {
  const args = parseFmtArgs(argv);
  if (args.help) {
    io.stdout.write(FMT_HELP);
    return 0;
  }
  const resolver = new ConfigResolver(args.config);
  const now = new Date();
  let changed = 0;
  let unchanged = 0;
  const published: string[] = [];

  /** Formats one text; returns the new text, or undefined when it stays. */
  const format = (text: string, shown: string, absolutePath: string | undefined): string | undefined => {
    const config = resolver.configFor(absolutePath, cwd);
    const settings = composeLintSettings(effectiveSettings(config, { ...(args.profile ? { profile: args.profile } : {}) }));
    const result = formatText(text, { lint: { ...settings.options, now }, force: args.force });
    if (result.skipped === 'published') published.push(shown);
    for (const line of result.kept) {
      io.stderr.write(`cable-lint: ${shown}:${line + 1}: a paragraph over ${result.width} characters is left as written: re-wrapped it would read differently\n`);
    }
    if (result.text === text) {
      unchanged++;
      return undefined;
    }
    changed++;
    return result.text;
  };

  const inputs = await commandLineInputs(args, {
    cwd,
    readStdin: () => io.readStdin(),
    onIgnored: (name) => io.stderr.write(`cable-lint: ${printable(name)} is ignored by an ignore pattern; not formatted (--no-ignore formats it)\n`),
  });
  for (const input of inputs) {
    if ('stdin' in input) {
      const { bytes, read, name } = input.stdin;
      const shown = name !== undefined ? printable(name) : '<stdin>';
      const output = format(read.text, shown, name !== undefined ? resolve(cwd, name) : undefined);
      if (args.mode === 'write') io.stdout.write(output === undefined ? bytes : encodeCable(output, read).bytes);
      else if (output !== undefined) io.stdout.write(args.mode === 'check' ? `would reformat ${shown}\n` : unifiedDiff(shown, read.text, output, style));
      continue;
    }
    const { file } = input;
    const shown = printable(file.path);
    const stamp = fileStamp(file.absolutePath);
    const bytes = readBytes(file.absolutePath);
    const read: CableEncoding & { text: string } = decodeCableWithEncoding(bytes);
    const output = format(read.text, shown, file.absolutePath);
    if (output === undefined) continue;
    if (args.mode === 'check') io.stdout.write(`would reformat ${shown}\n`);
    else if (args.mode === 'diff') io.stdout.write(unifiedDiff(shown, read.text, output, style));
    else {
      const now = fileStamp(file.absolutePath);
      if (!now || !stamp || now.mtimeMs !== stamp.mtimeMs || now.size !== stamp.size) {
        io.stderr.write(`cable-lint: not reformatted ${shown}: it changed while being read\n`);
        changed--;
        continue;
      }
      writeFileAtomic(file.absolutePath, encodeCable(output, read).bytes);
      io.stderr.write(`reformatted ${shown}\n`);
    }
  }
  if (published.length > 0) {
    const which = published.length === 1 ? `${published[0]} is a published copy` : `${plural(published.length, 'published copy', 'published copies')}`;
    io.stderr.write(`cable-lint: ${which} left as ${published.length === 1 ? 'it is' : 'they are'} (--force formats ${published.length === 1 ? 'it' : 'them'})\n`);
  }
  const would = args.mode === 'write' ? 'reformatted' : 'would be reformatted';
  io.stderr.write(`${plural(changed, 'file')} ${would}, ${unchanged} left unchanged\n`);
  return args.mode !== 'write' && changed > 0 ? 1 : 0;
}
