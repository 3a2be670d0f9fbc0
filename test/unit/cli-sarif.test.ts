/**
 * SARIF levels through the real command (issue 13): every severity maps to its SARIF level (an
 * info is a `note`, which code scanning shows apart from warnings), and every rule's
 * `defaultConfiguration` states the level and the enablement of the hand-written severity table.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { cli, jsonRun, scratch } from './cli-helpers';
import { TABLE, WHEN_TURNED_ON } from './severity-table';

/** SARIF 2.1.0 §3.27.10: `error`, `warning`, `note` (and `none`); cable-lint's info is a note. */
const LEVEL: Record<string, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

// One error (CBL042: DECL on an UNCLAS cable), one warning (CBL061: PRELL), one info (CBL071).
const CABLE = `UNCLAS ROME 000123

E.O. 13526: DECL: 05/14/2038
TAGS: PREL PRELL IT
SUBJECT: Italy: the export plan

1. (U) The minister declined.

2. (U) His deputy agreed.

SMITH
`;

const tmp = scratch('sarif-levels');
after(() => tmp.remove());
const dir = tmp.tree('levels', { 'a.cable': CABLE, '.cablelintrc.json': '{}' });

describe('cli: SARIF levels', () => {
  it('maps error, warning and info to the SARIF levels error, warning and note, result by result', () => {
    const { report } = jsonRun(['a.cable'], { cwd: dir });
    const diagnostics: Array<{ ruleId: string; severity: string; line: number; column: number }> = report.files[0].diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => `${d.ruleId} ${d.severity}`),
      ['CBL042 error', 'CBL061 warning', 'CBL071 info'],
      'the fixture gives one diagnostic of each severity',
    );
    const r = cli(['--format', 'sarif', 'a.cable'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    const results = (JSON.parse(r.stdout) as Sarif.Log).runs[0]!.results!;
    const key = (ruleId: string | undefined, line: number | undefined, column: number | undefined) => `${ruleId} ${line}:${column}`;
    const sarifLevel = new Map(results.map((x) => [key(x.ruleId, x.locations![0]!.physicalLocation!.region!.startLine, x.locations![0]!.physicalLocation!.region!.startColumn), x.level]));
    for (const d of diagnostics) {
      assert.equal(sarifLevel.get(key(d.ruleId, d.line, d.column)), LEVEL[d.severity], `${d.ruleId} (${d.severity}) in SARIF: an ${d.severity} is level "${LEVEL[d.severity]}"`);
    }
    assert.deepEqual(results.map((x) => x.level).sort(), ['error', 'note', 'warning']);
  });

  it("gives every rule the default level and enablement of the severity table", () => {
    const r = cli(['--format', 'sarif', 'a.cable'], { cwd: dir });
    const rules = (JSON.parse(r.stdout) as Sarif.Log).runs[0]!.tool.driver.rules!;
    assert.deepEqual(rules.map((d) => d.id), Object.keys(TABLE).sort());
    for (const d of rules) {
      const row = TABLE[d.id]!;
      const enabled = row.some((s) => s !== 'off');
      // A transmitted cable runs every rule that is on at all (spec 4.1): its severity is the default.
      const severity = enabled ? row[0] : WHEN_TURNED_ON[d.id]!;
      assert.deepEqual(
        d.defaultConfiguration,
        { level: LEVEL[severity], enabled },
        `${d.id} defaultConfiguration: expected level "${LEVEL[severity]}" (${severity}), enabled ${enabled}`,
      );
    }
  });
});
