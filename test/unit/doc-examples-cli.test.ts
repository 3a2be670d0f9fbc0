/**
 * The rule pages' examples checked from outside (issue 13): each example is written to a file of
 * its own, in a folder of its own whose `.cablelintrc.json` holds the fence's settings (the
 * reference id goes into the file name, where the CLI reads it), and the real `cable-lint` lints
 * them all in one run. Its verdicts must keep the pages' contract and agree, diagnostic for
 * diagnostic, with the Node API's (doc-examples.test.ts), which is given the settings as options.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { listRules, type DiagnosticRecord, type FileReport } from '../../server/src/api';
import { jsonRun, scratch } from './cli-helpers';
import { configFileOf, lintExample, readDocExample, type DocExample, type ExampleKind } from './doc-examples';

const tmp = scratch('doc-examples');
after(() => tmp.remove());

const examples: DocExample[] = listRules().flatMap((r) => (['failing', 'passing'] as ExampleKind[]).map((kind) => readDocExample(r.id, kind)));
const fileOf = new Map<DocExample, string>();
for (const example of examples) {
  const name = `${example.settings.referenceId ?? 'example'}.cable`;
  const dir = tmp.tree(`${example.ruleId}-${example.kind}`, { '.cablelintrc.json': JSON.stringify(configFileOf(example.settings)) });
  writeFileSync(join(dir, name), example.text);
  fileOf.set(example, `${example.ruleId}-${example.kind}/${name}`);
}

const brief = (d: DiagnosticRecord) => `${d.ruleId} ${d.severity} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`;

describe('rule pages: the CLI, each example alone with its fence as .cablelintrc.json', () => {
  const run = jsonRun(['.'], { cwd: tmp.base });
  const byPath = new Map<string, FileReport>((run.report.files as FileReport[]).map((f) => [f.path.replace(/\\/g, '/'), f]));

  it('lints every example of every page', () => {
    assert.equal(byPath.size, examples.length, `${byPath.size} files linted for ${examples.length} examples`);
  });

  for (const example of examples) {
    it(`${example.ruleId} ${example.kind} example: the CLI ${example.kind === 'failing' ? 'reports' : 'does not report'} ${example.ruleId}, as the API does`, () => {
      const file = byPath.get(fileOf.get(example)!);
      assert.ok(file, `the CLI report has no entry for ${fileOf.get(example)}`);
      const own = file.diagnostics.filter((d) => d.ruleId === example.ruleId);
      if (example.kind === 'failing') assert.ok(own.length > 0, `${example.where}: cable-lint does not report ${example.ruleId} on the failing example`);
      else assert.deepEqual(own.map(brief), [], `${example.where}: cable-lint reports ${example.ruleId} on the passing example`);
      const api = lintExample(example);
      assert.equal(file.profile, api.profile, `${example.where}: profile from the CLI vs the API`);
      assert.deepEqual(file.diagnostics.map(brief), api.diagnostics.map(brief), `${example.where}: the CLI and the API disagree`);
    });
  }
});
