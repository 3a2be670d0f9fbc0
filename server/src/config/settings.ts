/**
 * `.cablelintrc.json` settings: validation, merging and `ignores`. No I/O here, so the language
 * server can feed it text it read itself (or its own client settings in the same shape).
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import picomatch from 'picomatch';
import type { Cable, Profile } from '../../../grammar/src/ast';
import type { RuleSetting } from '../engine/lint';
import { printable } from '../engine/message';
import type { Diagnostic, SeveritySetting } from '../engine/types';
import { findRule } from '../rules/index';

/** A configuration the user has to fix: the message is one line, fit to print as it is. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const CONFIG_FILE_NAME = '.cablelintrc.json';

export const PROFILES: readonly Profile[] = ['transmitted', 'draft', 'published'];
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

/** A rule setting as written: `"off"`, `"warning"`, `["info", { "max": 72 }]`. */
export type RuleSettingInput = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

/** A config file's content as written (the documented shape). */
export interface ConfigInput {
  /** Config file(s) this one builds on, relative to its folder; later ones and this file win. */
  extends?: string | string[];
  profile?: Profile;
  /** Keyed by rule id (`CBL061`) or name (`tags-known`). */
  rules?: Record<string, RuleSettingInput>;
  ignores?: IgnoreInput[];
}

export interface IgnoreInput {
  /** Rule id or name, or several. */
  rule?: string | string[];
  /** Glob(s) relative to the config file's folder. */
  files?: string | string[];
  /** Regular expression tested against the text of the diagnostic's first line. */
  text?: string;
}

/** An `ignores` entry after validation; every condition present must hold. */
export interface IgnoreEntry {
  /** Rule ids. */
  rules?: string[];
  files?: string[];
  text?: RegExp;
  /** Folder the `files` globs are relative to (the config file's folder). */
  baseDir: string;
}

/** A validated configuration. Rule settings are keyed by rule id whatever the file used. */
export interface CableLintConfig {
  /** Where it came from, for messages (a path, or a label such as `settings`). */
  source: string;
  /**
   * The files named by `extends` as written (relative to the config's folder), not yet merged
   * in, since parsing does no I/O: discover.ts reads and merges them. Empty once merged.
   */
  extends?: string[];
  /** Every file that contributed, base files first (for `--print-config`). */
  sources?: string[];
  profile?: Profile;
  rules: Record<string, RuleSetting>;
  ignores: IgnoreEntry[];
}

const TOP_LEVEL_KEYS = new Set(['$schema', 'extends', 'profile', 'rules', 'ignores']);
const IGNORE_KEYS = new Set(['rule', 'files', 'text']);

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rule id for an id or name, or a ConfigError naming where the unknown one was found. */
export function ruleIdFor(key: string, where: string): string {
  const rule = findRule(key);
  if (!rule) throw new ConfigError(`${where}: unknown rule ${JSON.stringify(key)}`);
  return rule.id;
}

function severityFrom(value: unknown, where: string): SeveritySetting {
  if (typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) {
    return value as SeveritySetting;
  }
  throw new ConfigError(`${where}: invalid severity ${describe(value)} (expected ${SEVERITY_SETTINGS.join(', ')})`);
}

/** Validates one rule setting (`"off"`, `["info", {…}]`). */
export function ruleSettingFrom(value: unknown, where: string): RuleSetting {
  if (Array.isArray(value)) {
    if (value.length < 1 || value.length > 2) {
      throw new ConfigError(`${where}: expected [severity] or [severity, options], got ${value.length} items`);
    }
    const severity = severityFrom(value[0], where);
    if (value.length === 1) return { severity };
    if (!isPlainObject(value[1])) throw new ConfigError(`${where}: options must be an object, got ${describe(value[1])}`);
    return { severity, options: value[1] };
  }
  return { severity: severityFrom(value, where) };
}

export function profileFrom(value: unknown, where: string): Profile {
  if (typeof value === 'string' && (PROFILES as readonly string[]).includes(value)) return value as Profile;
  throw new ConfigError(`${where}: invalid profile ${describe(value)} (expected ${PROFILES.join(', ')})`);
}

function stringList(value: unknown, where: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new ConfigError(`${where}: expected a non-empty string or array of strings, got ${describe(value)}`);
  }
  return list as string[];
}

function ignoreFrom(value: unknown, where: string, baseDir: string): IgnoreEntry {
  if (!isPlainObject(value)) throw new ConfigError(`${where}: expected an object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!IGNORE_KEYS.has(key)) throw new ConfigError(`${where}: unknown key ${JSON.stringify(key)} (expected rule, files, text)`);
  }
  const entry: IgnoreEntry = { baseDir };
  if (value.rule !== undefined) entry.rules = stringList(value.rule, `${where}.rule`).map((r) => ruleIdFor(r, `${where}.rule`));
  if (value.files !== undefined) entry.files = stringList(value.files, `${where}.files`);
  if (value.text !== undefined) {
    if (typeof value.text !== 'string') throw new ConfigError(`${where}.text: expected a regular expression string, got ${describe(value.text)}`);
    try {
      entry.text = new RegExp(value.text);
    } catch (err) {
      throw new ConfigError(`${where}.text: invalid regular expression: ${(err as Error).message}`);
    }
  }
  // An entry without conditions would silence every diagnostic: almost certainly a typo.
  if (!entry.rules && !entry.files && !entry.text) {
    throw new ConfigError(`${where}: an ignore needs at least one of rule, files, text`);
  }
  return entry;
}

/**
 * Validates a parsed configuration object. `source` prefixes every message; `baseDir` is the
 * folder that `ignores[].files` globs are relative to.
 */
export function validateConfig(raw: unknown, source: string, baseDir: string): CableLintConfig {
  if (!isPlainObject(raw)) throw new ConfigError(`${source}: expected an object at the top level, got ${describe(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.has(key)) {
      throw new ConfigError(`${source}: unknown key ${JSON.stringify(key)} (expected extends, profile, rules, ignores)`);
    }
  }
  const config: CableLintConfig = { source, extends: [], sources: [source], rules: {}, ignores: [] };
  if (raw.extends !== undefined) {
    config.extends = stringList(raw.extends, `${source}: extends`);
  }
  if (raw.profile !== undefined) config.profile = profileFrom(raw.profile, `${source}: profile`);
  if (raw.rules !== undefined) {
    if (!isPlainObject(raw.rules)) throw new ConfigError(`${source}: rules must be an object, got ${describe(raw.rules)}`);
    for (const [key, value] of Object.entries(raw.rules)) {
      const where = `${source}: rules.${key}`;
      const id = ruleIdFor(key, `${source}: rules`);
      if (id in config.rules) throw new ConfigError(`${where}: ${id} is set twice (by id and by name)`);
      config.rules[id] = ruleSettingFrom(value, where);
    }
  }
  if (raw.ignores !== undefined) {
    if (!Array.isArray(raw.ignores)) throw new ConfigError(`${source}: ignores must be an array, got ${describe(raw.ignores)}`);
    config.ignores = raw.ignores.map((v, i) => ignoreFrom(v, `${source}: ignores[${i}]`, baseDir));
  }
  return config;
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}

/** What the JSON parser found wrong, in words, by the name jsonc-parser gives it (`CloseBraceExpected`). */
const PARSE_ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected {found} (keys and strings need double quotes; values are strings, numbers, true, false, null, arrays or objects)',
  InvalidNumberFormat: 'invalid number {found}',
  PropertyNameExpected: 'expected a key in double quotes, found {found}',
  ValueExpected: 'expected a value, found {found}',
  ColonExpected: 'expected a colon after the key, found {found}',
  CommaExpected: 'expected a comma before {found}',
  CloseBraceExpected: 'expected a closing brace } for the object, found {found}',
  CloseBracketExpected: 'expected a closing bracket ] for the array, found {found}',
  EndOfFileExpected: 'unexpected {found} after the end of the settings object',
  InvalidCommentToken: 'invalid comment {found}',
  UnexpectedEndOfComment: 'a /* comment is not closed with */',
  UnexpectedEndOfString: 'a string is not closed with a double quote before the end of its line',
  UnexpectedEndOfNumber: 'a number ends too early: {found}',
  InvalidUnicode: 'invalid \\u escape in {found}',
  InvalidEscapeCharacter: 'invalid escape in {found} (a backslash in a string is written \\\\)',
  InvalidCharacter: 'a control character inside a string',
};

/** The text a parse error points at, quoted and cut short, or "the end of the file". */
function foundText(text: string, offset: number, length: number): string {
  if (offset >= text.length) return 'the end of the file';
  const found = text.slice(offset, offset + Math.max(1, length)).split(/\r?\n|\r/)[0]!;
  return `\`${printable(found.length > 30 ? `${found.slice(0, 30)}…` : found)}\``;
}

/** Parses `.cablelintrc.json` text (JSON with comments and trailing commas) and validates it. */
export function parseConfigText(text: string, source: string, baseDir: string): CableLintConfig {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const found = foundText(text, first.offset, first.length);
    // `["off" }`: the parser wants a comma, but the likelier slip is the bracket that does not match.
    const code = printParseErrorCode(first.error);
    const words =
      code === 'CommaExpected' && (found === '`}`' || found === '`]`')
        ? `expected a comma, or a closing bracket that matches the opening one, before ${found}`
        : (PARSE_ERROR_WORDS[code] ?? `invalid JSON (${code})`).replace('{found}', found);
    throw new ConfigError(`${source}:${lineColumn(text, first.offset)}: invalid JSON: ${words}`);
  }
  return validateConfig(raw, source, baseDir);
}

/** Reads a `--rule` flag: `CBL061=off`, `line-length=warning`. */
export function parseRuleFlag(flag: string): [string, SeveritySetting] {
  const eq = flag.indexOf('=');
  if (eq <= 0) throw new ConfigError(`--rule ${flag}: expected RULE=SEVERITY, e.g. CBL061=off`);
  const id = ruleIdFor(flag.slice(0, eq).trim(), `--rule ${flag}`);
  return [id, severityFrom(flag.slice(eq + 1).trim(), `--rule ${flag}`)];
}

/**
 * Rule settings from lowest to highest precedence. A later severity replaces an earlier one,
 * but options set earlier survive a later severity-only setting (`--rule line-length=warning`
 * keeps the file's `{ "max": 72 }`).
 */
export function mergeRuleSettings(...layers: Array<Record<string, RuleSetting> | undefined>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, setting] of Object.entries(layer)) {
      const merged: RuleSetting = { ...out[id] };
      if (setting.severity !== undefined) merged.severity = setting.severity;
      if (setting.options !== undefined) merged.options = setting.options;
      out[id] = merged;
    }
  }
  return out;
}

/** What the engine needs from the merged layers: `lint(text, { profile, rules })`. */
export interface EffectiveSettings {
  profile?: Profile;
  rules: Record<string, RuleSetting>;
  ignores: IgnoreEntry[];
}

/**
 * The layers merged, lowest first: an editor's own settings (`editor`, validated already), the
 * config file (may be absent), and command-line or API overrides, which win. Override rule keys
 * may be ids or names; they are validated like a file's.
 */
export function effectiveSettings(
  config: CableLintConfig | undefined,
  overrides: { profile?: Profile; rules?: Record<string, unknown> } = {},
  editor: { profile?: Profile; rules?: Record<string, RuleSetting> } = {},
): EffectiveSettings {
  const overrideRules: Record<string, RuleSetting> = {};
  for (const [key, value] of Object.entries(overrides.rules ?? {})) {
    const where = `rules.${key}`;
    let setting: RuleSetting;
    if (isPlainObject(value)) {
      // The engine's own `{ severity, options }` form, as `LintOptions.rules` accepts it.
      setting = {};
      if (value.severity !== undefined) setting.severity = severityFrom(value.severity, where);
      if (value.options !== undefined) {
        if (!isPlainObject(value.options)) throw new ConfigError(`${where}: options must be an object, got ${describe(value.options)}`);
        setting.options = value.options;
      }
    } else {
      setting = ruleSettingFrom(value, where);
    }
    overrideRules[ruleIdFor(key, 'rules')] = setting;
  }
  const profile = overrides.profile ?? config?.profile ?? editor.profile;
  return {
    ...(profile ? { profile } : {}),
    rules: mergeRuleSettings(editor.rules, config?.rules, overrideRules),
    ignores: config?.ignores ?? [],
  };
}

/**
 * A config built on its bases: each base first (in `extends` order), then the config itself.
 * A later profile wins; rule settings merge as in {@link mergeRuleSettings} (options survive a
 * severity-only override); ignores add up, each keeping the folder its own file is in.
 */
export function mergeConfigs(bases: readonly CableLintConfig[], own: CableLintConfig): CableLintConfig {
  const merged: CableLintConfig = {
    source: own.source,
    extends: [],
    sources: [...new Set([...bases.flatMap((b) => b.sources ?? [b.source]), ...(own.sources ?? [own.source])])],
    rules: mergeRuleSettings(...bases.map((b) => b.rules), own.rules),
    ignores: [...bases.flatMap((b) => b.ignores), ...own.ignores],
  };
  let profile: Profile | undefined;
  for (const c of [...bases, own]) if (c.profile) profile = c.profile;
  if (profile) merged.profile = profile;
  return merged;
}

/** `a/b\\c` → `a/b/c`: globs are written with `/` on every platform. */
function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

/** `relative()` without node:path, for absolute paths with `/` or `\` separators. */
export function relativePath(from: string, to: string): string {
  const a = toPosix(from).split('/').filter(Boolean);
  const b = toPosix(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

const matcherCache = new Map<string, (path: string) => boolean>();

function globMatches(glob: string, path: string): boolean {
  let m = matcherCache.get(glob);
  if (!m) {
    m = picomatch(glob, { dot: true });
    matcherCache.set(glob, m);
  }
  return m(path);
}

/**
 * Drops diagnostics silenced by `ignores`. `filePath` is the linted file's absolute path
 * (undefined for unnamed input, which no `files` condition matches); `cable` supplies the text
 * of each diagnostic's first line.
 */
export function applyIgnores(
  diagnostics: readonly Diagnostic[],
  ignores: readonly IgnoreEntry[],
  cable: Pick<Cable, 'text' | 'lines'>,
  filePath?: string,
): Diagnostic[] {
  if (ignores.length === 0) return [...diagnostics];
  const lineText = (line: number): string => {
    const l = cable.lines[line];
    return l ? cable.text.slice(l.start, l.end) : '';
  };
  const silenced = (d: Diagnostic, ig: IgnoreEntry): boolean => {
    if (ig.rules && !ig.rules.includes(d.ruleId)) return false;
    if (ig.files) {
      if (filePath === undefined) return false;
      const rel = relativePath(ig.baseDir, filePath);
      if (!ig.files.some((g) => globMatches(g, rel))) return false;
    }
    if (ig.text && !ig.text.test(lineText(d.range.start.line))) return false;
    return true;
  };
  return diagnostics.filter((d) => !ignores.some((ig) => silenced(d, ig)));
}
