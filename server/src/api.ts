/**
 * The Node API of cable-lint: the same results as `cable-lint --format json`, as typed data.
 *
 * ```ts
 * import { lintFiles, lintText } from 'cable-lint';
 * const report = lintFiles(['drafts']);
 * if (report.summary.errors > 0) process.exitCode = 1;
 * ```
 *
 * @packageDocumentation
 */
import { resolve } from 'node:path';
import { parseCable } from '../../grammar/src/index';
import { defaultSeverity } from './lint';
import { composeLintSettings, lintUnder } from './config/lint-settings';
import { allRules } from './rules/index';
import { ConfigResolver } from './host/node/config-files';
import { effectiveSettings, type RuleSettingInput } from './config/settings';
import { decodeCable, looksBinary } from './host/decode';
import { expandPaths, readBytes } from './host/node/files';
import { referenceIdFromPath } from './host/reference-id';
import { buildReport, fileFindings, fileReport, type FileFindings, type FileReport, type LintReport, type RuleRecord } from './report/records';
import { fixText, type FixOptions, type FixOutcome } from './report/fix-loop';
import type { Profile } from '../../grammar/src/ast';
import type { SeveritySetting } from './engine/types';

export { ConfigError } from './config/settings';
export { fixKeepsWords } from './service/fix-safety';
export { decodeCable } from './host/decode';
export { InputError } from './host/errors';
export type { ClassificationLevel, Profile } from '../../grammar/src/ast';
export type { Severity, SeveritySetting } from './engine/types';
export type { RuleSettingInput };
export {
  REPORT_VERSION,
  buildReport,
  cableFacts,
  diagnosticRecord,
  type AddresseeRecord,
  type CableFacts,
  type ClassifiedByRecord,
  type DiagnosticRecord,
  type IndexTagKind,
  type ParagraphRecord,
  type ReferenceKind,
  type ReferenceRecord,
  type TagRecord,
  type FileFindings,
  type FileReport,
  type FindingsReport,
  type FixRecord,
  type LintReport,
  type RelatedRecord,
  type ReportSummary,
  type RuleRecord,
  type SpanRecord,
} from './report/records';
export type { AppliedFix, FixOptions, FixOutcome } from './report/fix-loop';

export interface LintApiOptions {
  /** Forces a profile for every file, over config files. */
  profile?: Profile;
  /** Rule settings by id or name, over config files: `{ CBL061: 'off', 'line-length': ['info', { max: 72 }] }`. */
  rules?: Record<string, RuleSettingInput | { severity?: SeveritySetting; options?: Record<string, unknown> }>;
  /** Reference id to check the text against (CBL124), instead of one read from each file name. */
  referenceId?: string;
  /** "Today" for drafts without a DTG. Defaults to the current time. */
  now?: Date;
  /**
   * A config file to use for every file, or `false` for none. By default the nearest
   * `.cablelintrc.json` at or above each file's folder applies.
   */
  config?: string | false;
  /** Leaves out the findings attributed to publication (`publication: true`), as `--hide-publication` does. */
  hidePublication?: boolean;
}

export interface LintTextOptions extends LintApiOptions {
  /**
   * Where the text belongs (need not exist): shown as the path, used to find the config file and
   * to match `ignores[].files`, and read for a reference id. Without it no config file is
   * searched for (pass `config` to use one).
   */
  filePath?: string;
}

/** Shared by the API and the CLI: one source of text plus everything needed to lint it. */
export interface LintSource {
  text: string;
  /** Shown in the report. */
  path: string;
  /** For config discovery, `ignores[].files` and the file-name reference id; none for unnamed input. */
  absolutePath?: string;
}

export interface LintSession {
  /** Undefined: no config files at all. */
  resolver?: ConfigResolver;
  profile?: Profile;
  rules?: LintApiOptions['rules'];
  referenceId?: string;
  now: Date;
  /** Leave out the findings attributed to publication. */
  hidePublication?: boolean;
}

/** What the engine is given for one source: its settings after config, overrides and ignores. */
function prepare(source: LintSource, session: LintSession) {
  const config = source.absolutePath !== undefined ? session.resolver?.configFor(source.absolutePath) : session.resolver?.configFor(undefined);
  const refId = session.referenceId ?? (source.absolutePath !== undefined ? referenceIdFromPath(source.path) : undefined);
  const settings = composeLintSettings(effectiveSettings(config, { profile: session.profile, rules: session.rules }), {
    ...(refId !== undefined ? { referenceId: refId } : {}),
    ...(source.absolutePath !== undefined ? { path: source.absolutePath } : {}),
    ...(session.hidePublication ? { publication: 'hide' as const } : {}),
  });
  return (text: string) => lintUnder(parseCable(text), settings, session.now);
}

export interface LintSourceOptions {
  /** Related locations and fix edits on each diagnostic (what SARIF needs). */
  details?: boolean;
  /**
   * The cable's facts (`cable`): on by default; `false` leaves them out, for output that does not
   * print them (the CLI asks for them only for `--format json` and `ndjson`).
   */
  facts?: boolean;
}

type WithFacts = LintSourceOptions & { facts?: true };

/** Lints one source under a session's settings. Throws ConfigError for a bad config. */
export function lintSource(source: LintSource, session: LintSession, options?: WithFacts): FileReport;
export function lintSource(source: LintSource, session: LintSession, options: LintSourceOptions): FileFindings;
export function lintSource(source: LintSource, session: LintSession, options: LintSourceOptions = {}): FileFindings {
  const result = prepare(source, session)(source.text);
  return (options.facts === false ? fileFindings : fileReport)(source.path, result, options.details === true);
}

/** `--fix` for one source under a session's settings (see {@link fixText}). Throws ConfigError for a bad config. */
export function fixSource(source: LintSource, session: LintSession, options?: FixOptions & WithFacts): { report: FileReport; fix: FixOutcome };
export function fixSource(source: LintSource, session: LintSession, options: FixOptions & LintSourceOptions): { report: FileFindings; fix: FixOutcome };
export function fixSource(source: LintSource, session: LintSession, options: FixOptions & LintSourceOptions = {}): { report: FileFindings; fix: FixOutcome } {
  const { result, fix } = fixText(source.text, prepare(source, session), options);
  return { report: (options.facts === false ? fileFindings : fileReport)(source.path, result, options.details === true), fix };
}

function session(options: LintApiOptions, discover: boolean): LintSession {
  const resolver =
    options.config === false ? undefined : typeof options.config === 'string' ? new ConfigResolver(options.config) : discover ? new ConfigResolver() : undefined;
  return {
    ...(resolver ? { resolver } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.referenceId !== undefined ? { referenceId: options.referenceId } : {}),
    now: options.now ?? new Date(),
    ...(options.hidePublication ? { hidePublication: true } : {}),
  };
}

/**
 * Lints one cable text.
 *
 * @param text - The cable, already decoded (see {@link decodeCable} for bytes).
 * @returns A report with one file.
 * @throws {@link ConfigError} when a config file or an option is invalid.
 */
export function lintText(text: string, options: LintTextOptions = {}): LintReport {
  const s = session(options, options.filePath !== undefined);
  const source: LintSource =
    options.filePath !== undefined ? { text, path: options.filePath, absolutePath: resolve(options.filePath) } : { text, path: '<text>' };
  return buildReport([lintSource(source, s)]);
}

/**
 * Lints files and folders (folders are searched recursively for `*.cable`, `*.tel` and `*.txt`,
 * skipping `node_modules` and dot-folders). Files are read as UTF-8, or as Latin-1 when they are
 * not valid UTF-8; a file with a NUL byte in its first 8 KB is binary and skipped, as the CLI
 * skips it. Synchronous, for scripts.
 *
 * @throws {@link InputError} when a path cannot be read; {@link ConfigError} for an invalid config.
 */
export function lintFiles(paths: readonly string[], options: LintApiOptions = {}): LintReport {
  const s = session(options, true);
  const files = expandPaths(paths).flatMap((f) => {
    const bytes = readBytes(f.absolutePath);
    return looksBinary(bytes) ? [] : [lintSource({ text: decodeCable(bytes), path: f.path, absolutePath: f.absolutePath }, s)];
  });
  return buildReport(files);
}

/** The rule catalogue in id order. */
export function listRules(): RuleRecord[] {
  return allRules.map((r) => ({
    id: r.id,
    name: r.name,
    defaultSeverity: r.defaultSeverity,
    profiles: {
      transmitted: defaultSeverity(r, 'transmitted'),
      draft: defaultSeverity(r, 'draft'),
      published: defaultSeverity(r, 'published'),
    },
    fixable: r.fixable,
    enabledByDefault: r.enabledByDefault !== false,
    description: r.description,
  }));
}
