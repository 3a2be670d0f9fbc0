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
import { bannerLevel, cableDate, referenceId } from './engine/facts';
import { parseCable } from '../../grammar/src/index';
import { defaultSeverity, type LintResult } from './lint';
import { composeLintSettings, lintUnder } from './config/lint-settings';
import type { Diagnostic, Severity, SeveritySetting, TextEdit } from './engine/types';
import { fixAll } from './service/code-actions';
import { withholdWordChangingFixes } from './service/fix-safety';
import { applyEdits } from './service/edits';
import { allRules } from './rules/index';
import { ConfigResolver } from './host/node/config-files';
import { effectiveSettings, type RuleSettingInput } from './config/settings';
import { decodeCable, looksBinary } from './host/decode';
import { expandPaths, readBytes } from './host/node/files';
import { referenceIdFromPath } from './host/reference-id';

export { ConfigError } from './config/settings';
export { fixKeepsWords } from './service/fix-safety';
export { decodeCable } from './host/decode';
export { InputError } from './host/errors';
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

/** A place in a file: lines and columns are 1-based, columns count UTF-16 code units, the end is exclusive. */
export interface SpanRecord {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A second place a diagnostic points at ("paragraph 3 is here"). */
export interface RelatedRecord extends SpanRecord {
  message: string;
}

/** One fix a rule offers, as text edits on the linted text. */
export interface FixRecord {
  title: string;
  /** Applied by `--fix` (unsafe fixes are guesses the editor offers but `--fix` leaves alone). */
  safe: boolean;
  edits: Array<SpanRecord & { newText: string }>;
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
  /**
   * Present (true) on a finding the rule's page attributes to publication rather than to the
   * cable (the published profile only): such a finding is at most info unless the rule's severity
   * was set, and `--hide-publication` leaves it out.
   */
  publication?: true;
  /** Other places the diagnostic points at; only with `details` (SARIF output). */
  related?: RelatedRecord[];
  /** The fixes themselves; only with `details` (SARIF output). */
  fixes?: FixRecord[];
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
    // A banner whose serial the printout cut off still states the level.
    classification: bannerLevel(cable)?.level ?? null,
    captions: documentCaptions(cable),
    tags: cable.tags.flatMap((line) => line.tags.map((t) => t.text)),
    subject: cable.subject?.subject ?? null,
    sections: banner?.section?.total ?? 1,
    paragraphs: cable.paragraphs.filter((p) => !p.ambiguous).length,
    routingHeader: cable.envelope !== undefined,
  };
}

function span(r: Diagnostic['range']): SpanRecord {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** `details` adds related locations and the fixes' edits. */
export function diagnosticRecord(d: Diagnostic, details = false): DiagnosticRecord {
  const record: DiagnosticRecord = {
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    severity: d.severity,
    message: d.message,
    ...span(d.range),
    fixable: (d.fixes?.length ?? 0) > 0,
  };
  if (d.publication) record.publication = true;
  if (details) {
    if (d.related?.length) record.related = d.related.map((r) => ({ message: r.message, ...span(r.range) }));
    if (d.fixes?.length) {
      record.fixes = d.fixes.map((f) => ({ title: f.title, safe: f.safe, edits: f.edits.map((e) => ({ ...span(e.range), newText: e.newText })) }));
    }
  }
  return record;
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
}

/** Lints one source under a session's settings. Throws ConfigError for a bad config. */
export function lintSource(source: LintSource, session: LintSession, options: LintSourceOptions = {}): FileReport {
  const result = prepare(source, session)(source.text);
  return fileReport(source.path, result, options.details === true);
}

function fileReport(path: string, result: LintResult, details: boolean): FileReport {
  return {
    path,
    profile: result.profile,
    cable: cableFacts(result.cable),
    diagnostics: result.diagnostics.map((d) => diagnosticRecord(d, details)),
  };
}

/** One fix `--fix` applied, located in the text it was applied to (1-based, like diagnostics). */
export interface AppliedFix {
  ruleId: string;
  title: string;
  line: number;
  /** The fixing pass it was applied in (1 = on the original text). */
  pass: number;
}

export interface FixOutcome {
  /** The text after fixing (the original text when nothing changed or fixing was refused). */
  output: string;
  changed: boolean;
  applied: AppliedFix[];
  /** Fixing passes run; each re-lints the text the previous one produced. */
  passes: number;
  /** Why the text was left alone: its parse had CBL000 errors (fixed anyway with `unsafe`). */
  refused?: 'parse-errors';
  /** Safe fixes left out because they would change words their title does not announce. */
  withheld: AppliedFix[];
  /** False when the last pass still found fixes to apply (the pass limit was reached). */
  stable: boolean;
}

export interface FixOptions {
  /** Also fix texts whose parse had CBL000 errors. */
  unsafe?: boolean;
  /** Passes at most (default 10): a fix can uncover the next (a renumbering after a split). */
  maxPasses?: number;
}

/**
 * Applies the rules' safe fixes (the editor's fix-all, {@link fixAll}) and re-lints, repeatedly,
 * until no fix is left or `maxPasses` is reached. The text is left alone when its parse had
 * CBL000 errors (unless `unsafe`) and whenever a pass would lose or reorder the letters of the
 * text outside the fixes that announce a change of words.
 */
export function fixSource(source: LintSource, session: LintSession, options: FixOptions & LintSourceOptions = {}): { report: FileReport; fix: FixOutcome } {
  const run = prepare(source, session);
  const maxPasses = Math.max(1, options.maxPasses ?? 10);
  let text = source.text;
  let result = run(text);
  const outcome: FixOutcome = { output: text, changed: false, applied: [], withheld: [], passes: 0, stable: true };
  if (!options.unsafe && countParseErrors(result) > 0) {
    outcome.refused = 'parse-errors';
    return { report: fileReport(source.path, result, options.details === true), fix: outcome };
  }
  const parseErrorsBefore = countParseErrors(result);
  for (let pass = 1; pass <= maxPasses; pass++) {
    // The safety rule the editor's quick fixes and fix-all apply too.
    const { diagnostics, withheld } = withholdWordChangingFixes(result.diagnostics, text);
    for (const w of withheld) outcome.withheld.push({ ruleId: w.diagnostic.ruleId, title: w.fix.title, line: w.diagnostic.range.start.line + 1, pass });
    const edits = fixAll(result.cable, diagnostics);
    const next = edits.length > 0 ? applyEdits(text, edits) : text;
    if (next === text) {
      outcome.stable = true;
      break;
    }
    const taken = takenFixes(diagnostics, edits, pass);
    const nextResult = run(next);
    // A fix must not break the parse: keep the text from before such a pass.
    if (countParseErrors(nextResult) > parseErrorsBefore) break;
    text = next;
    result = nextResult;
    outcome.passes = pass;
    outcome.applied.push(...taken);
    outcome.stable = pass < maxPasses;
    if (pass === maxPasses) outcome.stable = fixAll(result.cable, result.diagnostics).length === 0;
  }
  outcome.output = text;
  outcome.changed = text !== source.text;
  return { report: fileReport(source.path, result, options.details === true), fix: outcome };
}

/** CBL000 as the parse reported it: a setting may silence the rule, not the parse errors. */
function countParseErrors(result: LintResult): number {
  return result.cable.errors.length;
}

/** Which diagnostics' fixes made it into a fix-all edit list (every edit of the fix present). */
function takenFixes(diagnostics: readonly Diagnostic[], edits: readonly TextEdit[], pass: number): AppliedFix[] {
  const key = (e: TextEdit) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}=${e.newText}`;
  const keys = new Set(edits.map(key));
  const out: AppliedFix[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.safe && f.edits.length > 0 && f.edits.every((e) => keys.has(key(e))));
    if (fix) out.push({ ruleId: d.ruleId, title: fix.title, line: d.range.start.line + 1, pass });
  }
  return out;
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
