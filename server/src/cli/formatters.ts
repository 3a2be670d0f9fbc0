/**
 * Report formats: `stylish` (ESLint's layout) for people; `json`, `ndjson` (one file report a
 * line, for pipelines over large archives), `sarif` (SARIF 2.1.0, for code scanning), `github`
 * (workflow annotations) and `junit` for pipelines.
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { DiagnosticRecord, FileFindings, FindingsReport, RuleRecord, SpanRecord } from '../api';
import { printable } from '../engine/message';
import type { Severity } from '../engine/types';

export type FormatName = 'stylish' | 'json' | 'ndjson' | 'sarif' | 'github' | 'junit';
export const FORMATS: readonly FormatName[] = ['stylish', 'json', 'ndjson', 'sarif', 'github', 'junit'];

export interface Style {
  underline(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOURS: Style = {
  underline: sgr(4, 24),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  blue: sgr(34, 39),
};

const id = (s: string) => s;
export const PLAIN: Style = { underline: id, dim: id, bold: id, red: id, yellow: id, blue: id };

/** Colour only for a terminal, and never when the user set NO_COLOR (https://no-color.org). */
export function useColour(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return isTTY === true && !env.NO_COLOR;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * ESLint's stylish layout: each file with problems, then `  line:col  severity  message  ruleId`
 * in aligned columns, then a summary line. Prints nothing when there is nothing to report.
 */
export interface StylishOptions {
  /**
   * The report is of the text after fixing: written back (`write`), or only shown (`dry-run`,
   * the files as they stand have more). The summary line says so.
   */
  fixed?: 'write' | 'dry-run';
}

export function formatStylish(report: FindingsReport, style: Style = PLAIN, options: StylishOptions = {}): string {
  const out: string[] = [];
  for (const file of report.files) {
    if (file.diagnostics.length === 0) continue;
    const rows = file.diagnostics.map((d) => ({
      line: String(d.line),
      column: String(d.column),
      severity: d.severity,
      message: d.message,
      ruleId: d.ruleId,
    }));
    const lineW = Math.max(...rows.map((r) => r.line.length));
    // Line numbers right-aligned and columns left-aligned, so the colons line up.
    const positions = rows.map((r) => `${r.line.padStart(lineW)}:${r.column}`);
    const posW = Math.max(...positions.map((p) => p.length));
    const sevW = Math.max(...rows.map((r) => r.severity.length));
    const msgW = Math.max(...rows.map((r) => r.message.length));
    // A file name is text from the file system: shown escaped like the cable's own text.
    out.push('', style.underline(printable(file.path)));
    for (const [i, r] of rows.entries()) {
      const pos = positions[i]!.padEnd(posW);
      const colour = r.severity === 'error' ? style.red : r.severity === 'warning' ? style.yellow : style.blue;
      out.push(`  ${style.dim(pos)}  ${colour(r.severity.padEnd(sevW))}  ${r.message.padEnd(msgW)}  ${style.dim(r.ruleId)}`);
    }
  }
  const { errors, warnings, infos, files } = report.summary;
  const total = errors + warnings + infos;
  const checked = `${plural(files, 'file')} checked`;
  const after = options.fixed === 'write' ? ' left after fixing' : options.fixed === 'dry-run' ? ' left once the fixes shown are made' : '';
  if (total === 0) return style.bold(`\u2714 ${checked}, no problems${after}`) + '\n';
  const colour = errors > 0 ? style.red : warnings > 0 ? style.yellow : style.blue;
  const withProblems = report.files.filter((f) => f.diagnostics.length > 0).length;
  out.push(
    '',
    colour(style.bold(`\u2716 ${plural(total, 'problem')}${after} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`)) +
      style.dim(` in ${withProblems} of ${checked}`),
  );
  return out.join('\n') + '\n';
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 controls, line separators and
 * bidirectional controls raw; written as `\uXXXX` they are the same JSON data, and a terminal
 * the report is printed on shows them as text.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

/** `--format json`: the CLI asks for the cable's facts with this format and ndjson (RunSpec.facts). */
export function formatJson(report: FindingsReport): string {
  return jsonText(report);
}

/** One line of `--format ndjson`: a file report, the same object as in `files` of `--format json` (the schema's `fileReport`). */
export function formatNdjsonLine(file: FileFindings): string {
  return jsonText(file);
}

/** `--print-rules`: one rule a line, aligned. */
export function formatRulesTable(rules: readonly RuleRecord[], style: Style = PLAIN): string {
  const idW = Math.max(...rules.map((r) => r.id.length));
  const nameW = Math.max(...rules.map((r) => r.name.length));
  const sevW = Math.max('severity'.length, ...rules.map((r) => r.defaultSeverity.length));
  const header = style.dim(`${'id'.padEnd(idW)}  ${'name'.padEnd(nameW)}  ${'severity'.padEnd(sevW)}  fix off  description`);
  const lines = rules.map((r) => {
    const flags = [r.fixable ? 'fix' : '   ', r.enabledByDefault ? '   ' : 'off'].join(' ');
    return `${style.bold(r.id.padEnd(idW))}  ${r.name.padEnd(nameW)}  ${r.defaultSeverity.padEnd(sevW)}  ${flags}  ${style.dim(r.description)}`;
  });
  const legend = `${plural(rules.length, 'rule')}; "fix": has a quick fix; "off": off unless a setting turns it on.`;
  return [header, ...lines].join('\n') + '\n\n' + legend + '\n';
}

export function formatRulesJson(rules: readonly RuleRecord[]): string {
  return jsonText({ version: 1, rules });
}

const SARIF_LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * The repository as a web address, or undefined when there is none to link to: not http(s), or a
 * host reserved for examples and tests (RFC 2606: `.invalid`, `.example`, `example.com` …), where
 * every link would be dead.
 */
export function repositoryWebUrl(repositoryUrl: string | undefined): string | undefined {
  if (!repositoryUrl) return undefined;
  const base = repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
  let host: string;
  try {
    const url = new URL(base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    host = url.hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (/(?:^|\.)(?:invalid|example|test|localhost)$/.test(host) || /(?:^|\.)example\.(?:com|org|net)$/.test(host)) return undefined;
  return base;
}

/** Where a rule's page lives for people reading a SARIF log: the repository's docs/rules. */
export function ruleHelpUri(repositoryUrl: string | undefined, ruleId: string): string | undefined {
  const base = repositoryWebUrl(repositoryUrl);
  return base ? `${base}/blob/main/docs/rules/${ruleId}.md` : undefined;
}

function region(s: SpanRecord): Sarif.Region {
  return { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

/** A report path as a SARIF artifact URI: relative paths stay relative to %SRCROOT% (the working folder). */
function artifactUri(path: string): string {
  const posix = path.replace(/\\/g, '/');
  if (/^(?:[A-Za-z]:)?\//.test(posix)) return pathToFileURL(path).href;
  return posix.split('/').map(encodeURIComponent).join('/');
}

export interface SarifContext {
  toolVersion: string;
  /** The working folder, which relative artifact URIs are relative to. */
  cwd: string;
  repositoryUrl?: string;
  /** A rule's help from its page (SARIF `help`), when the page can be read. */
  help?: (ruleId: string) => { text: string; markdown: string } | undefined;
}

/**
 * SARIF 2.1.0: one run, every catalogue rule as a reportingDescriptor (results point at it by
 * index), each result with its region (1-based lines, UTF-16 columns, as `columnKind` says),
 * related locations, and the rule's fixes as artifact changes. Files with nothing to report
 * still appear as artifacts, so a consumer sees what was checked.
 */
export function formatSarif(report: FindingsReport, rules: readonly RuleRecord[], context: SarifContext): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const srcroot = pathToFileURL(context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`).href;
  const artifacts: Sarif.Artifact[] = report.files.map((f) => ({
    location: f.path.startsWith('<') ? { uri: 'stdin' } : { uri: artifactUri(f.path), ...(isRelative(f.path) ? { uriBaseId: 'SRCROOT' } : {}) },
  }));
  const results: Sarif.Result[] = [];
  report.files.forEach((f, fileIndex) => {
    const location = (): Sarif.ArtifactLocation => ({ ...artifacts[fileIndex]!.location, index: fileIndex });
    for (const d of f.diagnostics) {
      const result: Sarif.Result = {
        ruleId: d.ruleId,
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: location(), region: region(d) } }],
      };
      const ruleIndex = index.get(d.ruleId);
      if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
      // The publisher's doing, not the cable's: a property, and a tag code scanning can filter on.
      if (d.publication) result.properties = { publication: true, tags: ['publication'] };
      if (d.related?.length) {
        result.relatedLocations = d.related.map((r, i) => ({
          id: i,
          message: { text: r.message },
          physicalLocation: { artifactLocation: location(), region: region(r) },
        }));
      }
      if (d.fixes?.length) {
        result.fixes = d.fixes
          .filter((fix) => fix.edits.length > 0)
          .map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation: location(),
                replacements: fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.newText } })),
              },
            ],
            properties: { safe: fix.safe },
          }));
      }
      results.push(result);
    }
  });
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cable-lint',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            ...(repositoryWebUrl(context.repositoryUrl) ? { informationUri: repositoryWebUrl(context.repositoryUrl) } : {}),
            rules: rules.map((r) => {
              const helpUri = ruleHelpUri(context.repositoryUrl, r.id);
              const help = context.help?.(r.id);
              return {
                id: r.id,
                name: r.name,
                shortDescription: { text: r.description },
                ...(help ? { help } : {}),
                ...(helpUri ? { helpUri } : {}),
                defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity], enabled: r.enabledByDefault },
                properties: { fixable: r.fixable },
              };
            }),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: srcroot } },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
        invocations: [{ executionSuccessful: true }],
      },
    ],
  };
  return jsonText(log, 2);
}

function isRelative(path: string): boolean {
  return !/^(?:[A-Za-z]:)?[\\/]/.test(path);
}

/** Workflow-command escaping (the runner's own rules): data, and property values too. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions annotations: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. */
export function formatGithub(report: FindingsReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      const props = [
        `file=${escapeProperty(printable(f.path))}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`${d.ruleId} (${d.ruleName})`)}`,
      ];
      lines.push(`::${GITHUB_COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/** Text fit for XML 1.0: escaped, controls written `U+XXXX`, and without the characters XML cannot carry at all. */
function xml(s: string): string {
  return printable(s)
    .replace(/[\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function junitCase(f: FileFindings, d: DiagnosticRecord): string {
  const text = `${f.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.ruleId} ${d.ruleName})`;
  return (
    `    <testcase classname="${xml(f.path)}" name="${xml(`${d.ruleId} ${d.ruleName} at ${d.line}:${d.column}`)}" time="0">\n` +
    `      <failure type="${d.severity}" message="${xml(d.message)}">${xml(text)}</failure>\n` +
    `    </testcase>`
  );
}

/**
 * JUnit XML as CI servers read it: a test suite per file, a failing test case per diagnostic
 * (its `type` is the severity), and one passing case for a file without diagnostics.
 */
export function formatJunit(report: FindingsReport): string {
  const suites = report.files.map((f) => {
    const cases = f.diagnostics.length > 0 ? f.diagnostics.map((d) => junitCase(f, d)) : [`    <testcase classname="${xml(f.path)}" name="cable-lint" time="0" />`];
    const tests = Math.max(1, f.diagnostics.length);
    return `  <testsuite name="${xml(f.path)}" tests="${tests}" failures="${f.diagnostics.length}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const tests = report.files.reduce((n, f) => n + Math.max(1, f.diagnostics.length), 0);
  const failures = report.files.reduce((n, f) => n + f.diagnostics.length, 0);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="cable-lint" tests="${tests}" failures="${failures}" errors="0" time="0">\n` +
    suites.map((s) => s + '\n').join('') +
    '</testsuites>\n'
  );
}

export interface RuleStats {
  ruleId: string;
  ruleName: string;
  errors: number;
  warnings: number;
  infos: number;
  total: number;
  /** Files with at least one hit. */
  files: number;
}

/** Hits per rule, most first (ties by id), for `--stats`. */
export function ruleStats(report: FindingsReport): RuleStats[] {
  const byRule = new Map<string, RuleStats>();
  for (const f of report.files) {
    const seen = new Set<string>();
    for (const d of f.diagnostics) {
      let s = byRule.get(d.ruleId);
      if (!s) byRule.set(d.ruleId, (s = { ruleId: d.ruleId, ruleName: d.ruleName, errors: 0, warnings: 0, infos: 0, total: 0, files: 0 }));
      s[`${d.severity}s` as 'errors' | 'warnings' | 'infos']++;
      s.total++;
      if (!seen.has(d.ruleId)) {
        seen.add(d.ruleId);
        s.files++;
      }
    }
  }
  return [...byRule.values()].sort((a, b) => b.total - a.total || (a.ruleId < b.ruleId ? -1 : 1));
}

export function formatStats(stats: readonly RuleStats[], fileCount: number, style: Style = PLAIN): string {
  const head = ['rule', 'name', 'hits', 'error', 'warning', 'info', 'files'];
  const rows = stats.map((s) => [s.ruleId, s.ruleName, String(s.total), String(s.errors), String(s.warnings), String(s.infos), String(s.files)]);
  const total = stats.reduce((n, s) => n + s.total, 0);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [style.dim(line(head)), ...rows.map(line), style.dim(`${plural(total, 'hit')} from ${plural(stats.length, 'rule')} in ${plural(fileCount, 'file')}`)].join('\n') + '\n';
}
