/** Report formats: `stylish` (ESLint's layout) for people, `json` for pipelines. */
import type { LintReport, RuleRecord } from '../api';

export type FormatName = 'stylish' | 'json';
export const FORMATS: readonly FormatName[] = ['stylish', 'json'];

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
export function formatStylish(report: LintReport, style: Style = PLAIN): string {
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
    out.push('', style.underline(file.path));
    for (const [i, r] of rows.entries()) {
      const pos = positions[i]!.padEnd(posW);
      const colour = r.severity === 'error' ? style.red : r.severity === 'warning' ? style.yellow : style.blue;
      out.push(`  ${style.dim(pos)}  ${colour(r.severity.padEnd(sevW))}  ${r.message.padEnd(msgW)}  ${style.dim(r.ruleId)}`);
    }
  }
  const { errors, warnings, infos } = report.summary;
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const colour = errors > 0 ? style.red : warnings > 0 ? style.yellow : style.blue;
  out.push('', colour(style.bold(`\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`)));
  return out.join('\n') + '\n';
}

export function formatJson(report: LintReport): string {
  return JSON.stringify(report) + '\n';
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
  return JSON.stringify({ version: 1, rules }) + '\n';
}
