/**
 * The examples of the rule pages, read as the contract of issue 13 states them: the first fenced
 * block under "## Failing example" and under "## Passing example" of `docs/rules/CBLnnn.md` is a
 * cable (or a fragment of one) that, linted alone, makes that rule fire (failing) or not fire
 * (passing). Settings an example needs ride in the fence's info string as JSON in the shape of
 * `.cablelintrc.json`, plus `"referenceId"`:
 *
 *     ```cable {"profile": "transmitted", "rules": {"CBL103": "info"}, "referenceId": "07DUSHANBE314"}
 *
 * Shared by doc-examples.test.ts (the Node API) and doc-examples-cli.test.ts (the CLI, one
 * folder and one `.cablelintrc.json` per example), so both read the same examples.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText, type DiagnosticRecord, type LintApiOptions } from '../../server/src/api';
import { assertValidReport } from '../report-schema';

export const DOCS_DIR = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

export type ExampleKind = 'failing' | 'passing';

/** What a fence may set: the `.cablelintrc.json` keys an example needs, and a reference id. */
export interface ExampleSettings {
  profile?: 'transmitted' | 'draft' | 'published';
  rules?: Record<string, string | [string] | [string, Record<string, unknown>]>;
  referenceId?: string;
}

export interface DocExample {
  ruleId: string;
  kind: ExampleKind;
  /** The block's text, ending in a newline as a file saved by an editor does. */
  text: string;
  settings: ExampleSettings;
  /** `docs/rules/CBL082.md:14`: where the fence opens, for messages. */
  where: string;
}

const SETTING_KEYS = new Set(['profile', 'rules', 'referenceId']);
const HEADINGS: Record<ExampleKind, string> = { failing: '## Failing example', passing: '## Passing example' };

/** The rule ids that have a page (`CBL082.md` …), in order. */
export function documentedRuleIds(dir = DOCS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^CBL\d{3}\.md$/.test(f))
    .map((f) => f.slice(0, 6))
    .sort();
}

/** Reads one example; throws an Error naming the file and line when the page breaks the convention. */
export function readDocExample(ruleId: string, kind: ExampleKind, dir = DOCS_DIR): DocExample {
  const file = `docs/rules/${ruleId}.md`;
  const lines = readFileSync(join(dir, `${ruleId}.md`), 'utf8').split(/\r?\n/);
  const heading = lines.findIndex((l) => l.trimEnd() === HEADINGS[kind]);
  if (heading < 0) throw new Error(`${file}: no "${HEADINGS[kind]}" section`);
  let open = -1;
  for (let i = heading + 1; i < lines.length && !lines[i]!.startsWith('## '); i++) {
    if (/^(`{3,}|~{3,})/.test(lines[i]!)) {
      open = i;
      break;
    }
  }
  if (open < 0) throw new Error(`${file}: no fenced block under "${HEADINGS[kind]}"`);
  const where = `${file}:${open + 1}`;
  const fence = /^(`{3,}|~{3,})(.*)$/.exec(lines[open]!)!;
  const marker = fence[1]!;
  // CommonMark: the closing fence uses the same character, at least as many times, and nothing else.
  const closes = (l: string) => {
    const m = /^(`{3,}|~{3,})\s*$/.exec(l);
    return m !== null && m[1]![0] === marker[0] && m[1]!.length >= marker.length;
  };
  const close = lines.findIndex((l, i) => i > open && closes(l));
  if (close < 0) throw new Error(`${where}: the fence is never closed`);
  const info = /^\s*(\S*?)\s*(\{.*\})?\s*$/.exec(fence[2]!);
  if (!info) throw new Error(`${where}: the info string "${fence[2]}" is neither \`cable\` nor \`cable {settings}\``);
  const [, language, json] = info;
  if (language !== '' && language !== 'cable') throw new Error(`${where}: the example is fenced as "${language}": expected a cable (no language, or \`cable\`)`);
  let settings: ExampleSettings = {};
  if (json !== undefined) {
    try {
      settings = JSON.parse(json) as ExampleSettings;
    } catch (err) {
      throw new Error(`${where}: the fence's settings are not JSON: ${(err as Error).message}`);
    }
    for (const key of Object.keys(settings)) {
      if (!SETTING_KEYS.has(key)) throw new Error(`${where}: unknown setting "${key}" in the fence (expected profile, rules, referenceId)`);
    }
  }
  return { ruleId, kind, text: `${lines.slice(open + 1, close).join('\n')}\n`, settings, where };
}

/** The settings of an example as a `.cablelintrc.json` file writes them (the reference id goes elsewhere). */
export function configFileOf(settings: ExampleSettings): { profile?: string; rules?: ExampleSettings['rules'] } {
  const { referenceId: _ignored, ...config } = settings;
  return config;
}

/** Lints an example through the Node API, as a user of `lintText` with these settings would. */
export function lintExample(example: DocExample, now = new Date()): { profile: string; diagnostics: DiagnosticRecord[] } {
  const { profile, rules, referenceId } = example.settings;
  const report = lintText(example.text, {
    config: false,
    now,
    ...(profile ? { profile } : {}),
    ...(rules ? { rules: rules as LintApiOptions['rules'] } : {}),
    ...(referenceId !== undefined ? { referenceId } : {}),
  });
  assertValidReport(report, 'lintText of a rule page example');
  const file = report.files[0]!;
  return { profile: file.profile, diagnostics: file.diagnostics };
}

