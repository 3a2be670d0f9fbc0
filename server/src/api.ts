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
import type { Cable, ClassificationLevel, Profile } from '../../grammar/src/ast';
import { resolve } from 'node:path';
import { refIdPostFor } from './data/index';
import { cableDate, referenceId } from './engine/facts';
import { defaultSeverity, lint } from './engine/lint';
import type { Diagnostic, Severity, SeveritySetting } from './engine/types';
import { allRules } from './rules/index';
import { ConfigResolver } from './config/discover';
import { applyIgnores, effectiveSettings, type RuleSettingInput } from './config/settings';
import { expandPaths, readCableFile, referenceIdFromPath } from './cli/files';

export { ConfigError } from './config/settings';
export { InputError, decodeCable } from './cli/files';
export type { Profile, ClassificationLevel, Severity, SeveritySetting, RuleSettingInput };

/** Version of the report format; bumped only when a field changes meaning or disappears. */
export const REPORT_VERSION = 1;

/** What the cable says about itself, read from its text (never from the file name). */
export interface CableFacts {
  /** Reference id from the text (`08REYKJAVIK457`): DTG year, post, serial. Null without a date or banner. */
  id: string | null;
  /** Post as written in reference ids (`REYKJAVIK`, `STATE` for `SECSTATE WASHDC`); null without a banner. */
  post: string | null;
  /** Banner serial without leading zeros; null without a banner. */
  serial: number | null;
  /** Cable date (DTG, or a DTG-form wrapper date) as ISO 8601 to the minute, `2008-05-14T15:30Z`. */
  date: string | null;
  /** Banner classification in words (`CONFIDENTIAL`, `UNCLASSIFIED`); null without a banner. */
  classification: ClassificationLevel | null;
  /** Captions (`SIPDIS`, `NOFORN` …) in document order, each once. */
  captions: string[];
  /** Every token on the TAGS line(s), in order. */
  tags: string[];
  /** SUBJECT text with wrapped lines joined by single spaces; null without a SUBJECT line. */
  subject: string | null;
  /** Section total from the banner (`SECTION 01 OF 02` → 2); 1 without a section marker. */
  sections: number;
  /** Numbered paragraphs (wrapped lines that merely start with `N. ` are not counted). */
  paragraphs: number;
  /** An ACP-127 envelope (routing header) is present. */
  routingHeader: boolean;
}

/** One diagnostic; lines and columns are 1-based, columns count UTF-16 code units, the end is exclusive. */
export interface DiagnosticRecord {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The diagnostic carries at least one quick fix. */
  fixable: boolean;
}

export interface FileReport {
  /** The path as given (or found under a given folder); `<stdin>`/`<text>` for unnamed input. */
  path: string;
  /** The profile the rules ran under (detected, or forced by a setting). */
  profile: Profile;
  cable: CableFacts;
  diagnostics: DiagnosticRecord[];
}

export interface ReportSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** The whole result, exactly what `cable-lint --format json` prints. */
export interface LintReport {
  version: typeof REPORT_VERSION;
  files: FileReport[];
  summary: ReportSummary;
}

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
}

export interface LintTextOptions extends LintApiOptions {
  /**
   * Where the text belongs (need not exist): shown as the path, used to find the config file and
   * to match `ignores[].files`, and read for a reference id. Without it no config file is
   * searched for (pass `config` to use one).
   */
  filePath?: string;
}

/** One rule of the catalogue, as `cable-lint --print-rules --format json` lists it. */
export interface RuleRecord {
  id: string;
  name: string;
  defaultSeverity: Severity;
  /** What the rule emits by default under each profile (`off` when silent there). */
  profiles: Record<Profile, SeveritySetting>;
  fixable: boolean;
  enabledByDefault: boolean;
  description: string;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function documentCaptions(cable: Cable): string[] {
  const found: Array<[offset: number, name: string]> = [];
  if (cable.banner) for (const n of cable.banner.gluedCaptions) found.push([cable.banner.range.start.offset, n]);
  for (const c of cable.captions) for (const n of c.names) found.push([c.range.start.offset, n]);
  found.sort((a, b) => a[0] - b[0]);
  return [...new Set(found.map(([, n]) => n))];
}

/** The `cable` object of a file report. */
export function cableFacts(cable: Cable): CableFacts {
  const date = cableDate(cable);
  const banner = cable.banner;
  const serial = banner ? Number.parseInt(banner.serial.text, 10) : Number.NaN;
  return {
    id: referenceId(cable),
    post: banner ? refIdPostFor(banner.post.text) : null,
    serial: Number.isFinite(serial) ? serial : null,
    date: date ? `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}T${pad2(date.hour)}:${pad2(date.minute)}Z` : null,
    classification: banner?.level ?? null,
    captions: documentCaptions(cable),
    tags: cable.tags.flatMap((line) => line.tags.map((t) => t.text)),
    subject: cable.subject?.subject ?? null,
    sections: banner?.section?.total ?? 1,
    paragraphs: cable.paragraphs.filter((p) => !p.ambiguous).length,
    routingHeader: cable.envelope !== undefined,
  };
}

export function diagnosticRecord(d: Diagnostic): DiagnosticRecord {
  return {
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    severity: d.severity,
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    fixable: (d.fixes?.length ?? 0) > 0,
  };
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
}

/** Lints one source under a session's settings. Throws ConfigError for a bad config. */
export function lintSource(source: LintSource, session: LintSession): FileReport {
  const config = source.absolutePath !== undefined ? session.resolver?.configFor(source.absolutePath) : session.resolver?.configFor(undefined);
  const settings = effectiveSettings(config, { profile: session.profile, rules: session.rules });
  const refId = session.referenceId ?? (source.absolutePath !== undefined ? referenceIdFromPath(source.path) : undefined);
  const result = lint(source.text, {
    ...(settings.profile ? { profile: settings.profile } : {}),
    rules: settings.rules,
    now: session.now,
    ...(refId !== undefined ? { referenceId: refId } : {}),
  });
  const kept = applyIgnores(result.diagnostics, settings.ignores, result.cable, source.absolutePath);
  return {
    path: source.path,
    profile: result.profile,
    cable: cableFacts(result.cable),
    diagnostics: kept.map(diagnosticRecord),
  };
}

export function buildReport(files: FileReport[]): LintReport {
  const summary: ReportSummary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return { version: REPORT_VERSION, files, summary };
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
 * not valid UTF-8. Synchronous, for scripts.
 *
 * @throws {@link InputError} when a path cannot be read; {@link ConfigError} for an invalid config.
 */
export function lintFiles(paths: readonly string[], options: LintApiOptions = {}): LintReport {
  const s = session(options, true);
  const files = expandPaths(paths).map((f) => lintSource({ text: readCableFile(f.path), path: f.path, absolutePath: f.absolutePath }, s));
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
