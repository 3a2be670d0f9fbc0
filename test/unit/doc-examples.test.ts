/**
 * Every rule page's examples are run (issue 13): the failing example, linted alone with the
 * settings of its fence, makes the rule fire; the passing example leaves it silent. This pins every
 * rule of the catalogue to a behaviour a reader of its page can check: a rule switched off, or
 * narrowed until its own example passes, fails here by name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listRules, type DiagnosticRecord } from '../../server/src/api';
import { documentedRuleIds, lintExample, readDocExample, type ExampleKind } from './doc-examples';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

function describeDiagnostics(ds: readonly DiagnosticRecord[]): string {
  if (ds.length === 0) return 'nothing';
  return ds.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column} ${d.message}`).join('; ');
}

const rules = listRules();

describe('rule pages: every failing example fires its rule, every passing example does not', () => {
  it('every rule of the catalogue has a page, and every page a rule', () => {
    assert.deepEqual(documentedRuleIds(), rules.map((r) => r.id));
  });

  for (const rule of rules) {
    for (const kind of ['failing', 'passing'] as ExampleKind[]) {
      const fires = kind === 'failing';
      it(`${rule.id} ${rule.name}: the ${kind} example ${fires ? 'makes it fire' : 'leaves it silent'}`, () => {
        const example = readDocExample(rule.id, kind);
        const { profile, diagnostics } = lintExample(example);
        const own = diagnostics.filter((d) => d.ruleId === rule.id);
        const lines = example.text.split('\n').length;
        for (const d of diagnostics) {
          assert.ok(d.line >= 1 && d.endLine <= lines, `${example.where}: ${d.ruleId} reported at line ${d.line}–${d.endLine} of a ${lines - 1}-line example`);
        }
        if (fires) {
          assert.ok(
            own.length > 0,
            `${example.where}: rule ${rule.id} (${rule.name}) does not fire on its failing example (profile ${profile}); reported: ${describeDiagnostics(diagnostics)}`,
          );
        } else {
          assert.equal(own.length, 0, `${example.where}: rule ${rule.id} (${rule.name}) fires on its passing example (profile ${profile}): ${describeDiagnostics(own)}`);
        }
        // An example whose verdict changes with the date would break one day: drafts without a
        // DTG are checked against today, so pin the dates in the example instead.
        const later = lintExample(example, new Date(Date.now() + 10 * YEAR_MS)).diagnostics.some((d) => d.ruleId === rule.id);
        assert.equal(later, fires, `${example.where}: the verdict of the ${kind} example of ${rule.id} changes when today is ten years later`);
      });
    }
  }
});
