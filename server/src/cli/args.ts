/** Command-line arguments, read with Node's own `util.parseArgs`. */
import { parseArgs } from 'node:util';
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

export interface CliArgs {
  help: boolean;
  version: boolean;
  printRules: boolean;
  format: FormatName;
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

Lints diplomatic cable drafts. PATH is a file, a folder (searched recursively for
*.cable, *.tel and *.txt, skipping node_modules and dot-folders), or - for stdin.

Options:
  -f, --format stylish|json   output format (default: stylish)
  -c, --config FILE           use FILE instead of the nearest .cablelintrc.json
      --rule RULE=SEVERITY    set a rule's severity (error, warning, info, off);
                              RULE is an id or a name; repeatable; wins over config files
      --profile PROFILE       force a profile: transmitted, draft or published
      --reference-id ID       check every cable against this reference id (CBL124)
                              instead of one read from the file name
      --stdin-filename NAME   name for the text read from -, for config and reference id
      --print-rules           list the rule catalogue (with --format json: as JSON)
  -h, --help                  show this help
  -v, --version               show the version

Exit status: 0 no errors, 1 errors found, 2 usage, configuration or I/O error.
`;

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        'print-rules': { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true },
        profile: { type: 'string' },
        'reference-id': { type: 'string' },
        'stdin-filename': { type: 'string' },
      },
    });
  } catch (err) {
    // parseArgs explains unknown options and missing values well; keep its first sentence.
    throw new UsageError((err as Error).message.split('. ')[0]!.replace(/\.$/, ''));
  }
  const v = parsed.values;
  const format = v.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: unknown format ${JSON.stringify(format)} (expected ${FORMATS.join(' or ')})`);
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
  const args: CliArgs = {
    help: v.help ?? false,
    version: v.version ?? false,
    printRules: v['print-rules'] ?? false,
    format: format as FormatName,
    rules,
    paths,
  };
  if (v.config !== undefined) args.config = v.config;
  if (profile) args.profile = profile;
  if (v['reference-id'] !== undefined) args.referenceId = v['reference-id'];
  if (v['stdin-filename'] !== undefined) args.stdinFilename = v['stdin-filename'];
  if (!args.help && !args.version && !args.printRules && paths.length === 0) {
    throw new UsageError('no input: give files or folders, or - for stdin (see --help)');
  }
  return args;
}
