/** The severity table (severity-table.ts) against the catalogue and against what the rules report. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listRules } from '../../server/src/api';
import { lintExample, readDocExample, type ExampleSettings } from './doc-examples';
import { MILDER, PROFILES, TABLE, WHEN_TURNED_ON } from './severity-table';

const rules = listRules();

describe('severity table: each rule in each profile, from the spec', () => {
  it('has a row for every rule of the catalogue, and no other', () => {
    assert.deepEqual(Object.keys(TABLE).sort(), rules.map((r) => r.id));
  });

  for (const rule of rules) {
    const row = TABLE[rule.id]!;
    it(`${rule.id} ${rule.name}: ${PROFILES.map((p, i) => `${p} ${row[i]}`).join(', ')}`, () => {
      PROFILES.forEach((p, i) => {
        assert.equal(rule.profiles[p], row[i], `${rule.id} ${rule.name} in profile ${p}: the catalogue says ${rule.profiles[p]}, the spec ${row[i]}`);
      });
      assert.equal(rule.enabledByDefault, row.some((s) => s !== 'off'), `${rule.id} ${rule.name} is ${rule.enabledByDefault ? 'on' : 'off'} by default`);
      if (!rule.enabledByDefault) assert.equal(rule.defaultSeverity, WHEN_TURNED_ON[rule.id], `${rule.id} turned on by a setting emits ${WHEN_TURNED_ON[rule.id]}`);
    });

    it(`${rule.id} ${rule.name}: its failing example, forced into each profile, fires with the severities of the table (nothing where off)`, () => {
      const example = readDocExample(rule.id, 'failing');
      // The rule's own setting is left out: the defaults are what is checked.
      const others = Object.fromEntries(Object.entries(example.settings.rules ?? {}).filter(([id]) => id !== rule.id));
      PROFILES.forEach((profile, i) => {
        const settings: ExampleSettings = { ...example.settings, profile, rules: others };
        const own = lintExample({ ...example, settings }).diagnostics.filter((d) => d.ruleId === rule.id);
        const allowed = new Set([row[i], MILDER[rule.id]?.[i]].filter((s) => s !== undefined && s !== 'off'));
        // Every example is written so that its rule fires in each profile the rule is on in.
        if (row[i] !== 'off') assert.ok(own.length > 0, `${example.where}: ${rule.id} ${rule.name} is ${row[i]} in profile ${profile} but does not fire on its failing example there`);
        for (const d of own) {
          // A finding the rule's page attributes to publication is info on published text (spec 4.1).
          if (d.publication) {
            assert.equal(profile, 'published', `${rule.id} flagged a finding as publication outside the published profile`);
            assert.equal(d.severity, 'info', `${rule.id}: a publication finding is at most info (${d.message})`);
            continue;
          }
          assert.ok(
            allowed.has(d.severity),
            `${rule.id} ${rule.name} in profile ${profile} reported ${d.severity} (${d.message}); the table allows ${[...allowed].join(' or ') || 'nothing (off)'}`,
          );
        }
      });
    });

    it(`${rule.id} ${rule.name}: a severity set by the user replaces every severity it emits`, () => {
      const example = readDocExample(rule.id, 'failing');
      for (const severity of ['error', 'info'] as const) {
        const settings: ExampleSettings = { ...example.settings, rules: { ...example.settings.rules, [rule.id]: severity } };
        const own = lintExample({ ...example, settings }).diagnostics.filter((d) => d.ruleId === rule.id);
        assert.ok(own.length > 0, `${example.where}: ${rule.id} set to ${severity} does not fire on its failing example`);
        assert.deepEqual([...new Set(own.map((d) => d.severity))], [severity], `${rule.id} set to ${severity}`);
      }
    });
  }
});
