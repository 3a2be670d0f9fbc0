/** Command-line arguments, read with Node's own `util.parseArgs`. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { distance } from 'fastest-levenshtein';
import type { Profile } from '../../../grammar/src/ast';
import type { SeveritySetting } from '../engine/types';
import { ConfigError, parseRuleFlag, profileFrom } from '../config/settings';
import { FORMATS, type FormatName } from './formatters';

/** A command line that cannot be run; the message is one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type FixMode = 'none' | 'write' | 'dry-run';

export interface CliArgs {
  help: boolean;
  version: boolean;
  printRules: boolean;
  /** `--print-config FILE`: the file whose config to show. */
  printConfig?: string;
  init: boolean;
  format: FormatName;
  /** Errors only in the output (warnings still count for `--max-warnings`). */
  quiet: boolean;
  /** `--hide-publication`: leave out the findings attributed to publication. */
  hidePublication: boolean;
  /** Exit 1 when there are more warnings than this; undefined or -1: no limit. */
  maxWarnings?: number;
  outputFile?: string;
  ignorePatterns: string[];
  /** `--no-ignore`: neither `.cablelintignore` nor `--ignore-pattern`. */
  noIgnore: boolean;
  fix: FixMode;
  /** Fix files whose parse had CBL000 errors too. */
  fixUnsafe: boolean;
  stats: boolean;
  /** Worker threads: `auto` (by the number of files and cores), `off`, or a count. */
  concurrency: 'auto' | 'off' | number;
  config?: string;
  /** Rule id → severity from `--rule`, later flags winning. */
  rules: Record<string, SeveritySetting>;
  profile?: Profile;
  referenceId?: string;
  stdinFilename?: string;
  /** Files and folders; `-` is stdin. */
  paths: string[];
}

export const HELP = `Usage: cable-lint [options] PATH...
       cable-lint fmt [--check] [--diff] [--force] PATH...   (see cable-lint fmt --help)
       cable-lint refs [options] PATH...   the reference graph (cable-lint refs --help)

Lints diplomatic cable drafts. PATH is a file, a folder (searched recursively for
*.cable, *.tel and *.txt, skipping node_modules and dot-folders), a glob in quotes
("drafts/**/*.cable"), or - for stdin.

Output:
  -f, --format FORMAT         stylish (default), json, ndjson, sarif, github or junit
  -o, --output-file FILE      write the report to FILE instead of stdout
      --quiet                 report errors only
      --hide-publication      leave out what a published copy owes to its publisher
                              (findings marked publication: reflowing, media headers…)
      --max-warnings N        exit 1 when there are more than N warnings
      --stats                 hits per rule after the report (stderr unless stylish)
Inputs:
      --ignore-pattern GLOB   skip files matching GLOB (gitignore syntax); repeatable;
                              adds to the patterns in ./.cablelintignore
      --no-ignore             neither .cablelintignore nor --ignore-pattern
      --stdin-filename NAME   name for the text read from -, for config and reference id
Fixing:
      --fix                   apply the rules' safe fixes and write the files back; the
                              report and the exit status are of the problems left
      --fix-dry-run           show what --fix would change; write nothing; the report and
                              the exit status are those --fix would give: the problems left
                              after the fixes, not those of the files as they stand
      --fix-unsafe            also fix files whose parse had CBL000 errors (implies --fix
                              unless --fix-dry-run is given)
Rules and config:
  -c, --config FILE           use FILE instead of the nearest .cablelintrc.json
      --rule RULE=SEVERITY    set a rule's severity (error, warning, info, off);
                              RULE is an id or a name; repeatable; wins over config files
      --profile PROFILE       force a profile: transmitted, draft or published
      --reference-id ID       check every cable against this reference id (CBL124)
                              instead of one read from the file name
      --print-config FILE     show the settings that apply to FILE, as JSON
      --print-rules           list the rule catalogue (with --format json: as JSON)
      --init                  write a commented starter .cablelintrc.json here
Performance:
      --concurrency N|auto|off  worker threads for many files (default auto)
Other:
  -h, --help                  show this help
  -v, --version               show the version

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 usage, configuration or I/O error.
`;

/**
 * What parseArgs found wrong, as one line that points at `--help`: its first sentence
 * (`Unknown option '--fixx'`), and for an unknown option the nearest known one. `command` is the
 * subcommand (`fmt`, `refs`), named first and in the hint.
 */
function argumentProblem(err: Error & { code?: string }, options: readonly string[], command?: string): string {
  const first = err.message.split('\n')[0]!.split('. ')[0]!.replace(/\.$/, '');
  const prefix = command ? `${command}: ` : '';
  const help = command ? `cable-lint ${command} --help` : 'cable-lint --help';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /'([^']+)'/.exec(first)?.[1] ?? '';
    const name = given.split('=')[0]!;
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const option of options) {
      const d = distance(name, `--${option}`);
      if (d < bestDistance) [best, bestDistance] = [`--${option}`, d];
    }
    const hint = best && name.startsWith('--') && bestDistance <= Math.max(1, Math.floor(name.length / 4)) ? `: did you mean ${best}?` : '';
    return `${prefix}unknown option '${given}'${hint} (${help} lists every option)`;
  }
  return `${prefix}${first.charAt(0).toLowerCase()}${first.slice(1)} (see ${help})`;
}

/**
 * Node's `util.parseArgs`, strict, with positionals, for the command line and each subcommand:
 * what it finds wrong becomes a one-line UsageError pointing at the command's `--help`.
 */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O, command?: string) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (err) {
    throw new UsageError(argumentProblem(err as Error & { code?: string }, Object.keys(options), command));
  }
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const parsed = parseCommandLine(argv, {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
    'print-rules': { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    rule: { type: 'string', multiple: true },
    profile: { type: 'string' },
    'reference-id': { type: 'string' },
    'stdin-filename': { type: 'string' },
    'print-config': { type: 'string' },
    init: { type: 'boolean' },
    quiet: { type: 'boolean' },
    'hide-publication': { type: 'boolean' },
    'max-warnings': { type: 'string' },
    'output-file': { type: 'string', short: 'o' },
    'ignore-pattern': { type: 'string', multiple: true },
    'no-ignore': { type: 'boolean' },
    fix: { type: 'boolean' },
    'fix-dry-run': { type: 'boolean' },
    'fix-unsafe': { type: 'boolean' },
    stats: { type: 'boolean' },
    concurrency: { type: 'string' },
  });
  const v = parsed.values;
  const format = v.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: unknown format ${JSON.stringify(format)} (expected ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)})`);
  }
  const rules: Record<string, SeveritySetting> = {};
  let profile: Profile | undefined;
  try {
    for (const flag of v.rule ?? []) {
      const [id, severity] = parseRuleFlag(flag);
      rules[id] = severity;
    }
    if (v.profile !== undefined) profile = profileFrom(v.profile, '--profile');
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
  const paths = parsed.positionals;
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('- (stdin) given more than once');
  if (v['stdin-filename'] !== undefined && !paths.includes('-')) throw new UsageError('--stdin-filename needs - (stdin) among the paths');
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    if (!/^(?:-1|\d+)$/.test(v['max-warnings'])) throw new UsageError(`--max-warnings: expected a whole number, got ${JSON.stringify(v['max-warnings'])}`);
    maxWarnings = Number(v['max-warnings']);
  }
  let concurrency: CliArgs['concurrency'] = 'auto';
  if (v.concurrency !== undefined) {
    const c = v.concurrency;
    if (c === 'auto' || c === 'off') concurrency = c;
    else if (/^\d+$/.test(c) && Number(c) >= 1 && Number(c) <= 64) concurrency = Number(c) === 1 ? 'off' : Number(c);
    else throw new UsageError(`--concurrency: expected auto, off or a number of threads from 1 to 64, got ${JSON.stringify(c)}`);
  }
  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  const fix: FixMode = v['fix-dry-run'] ? 'dry-run' : v.fix || v['fix-unsafe'] ? 'write' : 'none';
  if (fix === 'write' && paths.includes('-')) {
    throw new UsageError('--fix cannot write back to stdin: use --fix-dry-run (--format json carries the fixed text)');
  }
  const args: CliArgs = {
    help: v.help ?? false,
    version: v.version ?? false,
    printRules: v['print-rules'] ?? false,
    init: v.init ?? false,
    format: format as FormatName,
    quiet: v.quiet ?? false,
    hidePublication: v['hide-publication'] ?? false,
    ignorePatterns: v['ignore-pattern'] ?? [],
    noIgnore: v['no-ignore'] ?? false,
    fix,
    fixUnsafe: v['fix-unsafe'] ?? false,
    stats: v.stats ?? false,
    concurrency,
    rules,
    paths,
  };
  if (v['print-config'] !== undefined) args.printConfig = v['print-config'];
  if (maxWarnings !== undefined && maxWarnings >= 0) args.maxWarnings = maxWarnings;
  if (v['output-file'] !== undefined) args.outputFile = v['output-file'];
  if (v.config !== undefined) args.config = v.config;
  if (profile) args.profile = profile;
  if (v['reference-id'] !== undefined) args.referenceId = v['reference-id'];
  if (v['stdin-filename'] !== undefined) args.stdinFilename = v['stdin-filename'];
  if (!args.help && !args.version && !args.printRules && !args.init && args.printConfig === undefined && paths.length === 0) {
    throw new UsageError('no input: give files or folders, or - for stdin (see --help)');
  }
  return args;
}
