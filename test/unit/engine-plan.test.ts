/**
 * The runner plans which rules run, at which severity, once per rule set, profile and settings
 * (engine/lint.ts), and reuses the plan while the settings it is given are the same. Each text's
 * settings are composed afresh, so a plan is reused across objects with the same values: these
 * tests hold that a changed setting, a changed profile or a rule turned back on is never answered
 * with a plan made for other settings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCable } from '../../grammar/src/index';
import { lintCable, type LintOptions } from '../../server/src/lint';

const TEXT = 'UNCLAS SECTION 01 OF 01 REYKJAVIK 000457\n\nSUBJECT: Iceland: geothermal export plan\n\n1. Text.\n';
const cable = parseCable(TEXT);
const seen = (options: LintOptions) =>
  lintCable(cable, { now: new Date('2026-01-01T00:00:00Z'), ...options })
    .diagnostics.filter((d) => d.ruleId === 'CBL071')
    .map((d) => d.severity);

describe('engine: the runner plan', () => {
  it('a severity changed between two lints in fresh settings objects takes effect', () => {
    assert.deepEqual(seen({ profile: 'draft', rules: { CBL071: 'error' } }), ['error']);
    assert.deepEqual(seen({ profile: 'draft', rules: { CBL071: 'warning' } }), ['warning']);
    assert.deepEqual(seen({ profile: 'draft', rules: { CBL071: 'warning' } }), ['warning'], 'same values, new object');
  });

  it('a rule turned off, then named again or left out, runs as those settings say', () => {
    assert.deepEqual(seen({ profile: 'draft', rules: { CBL071: 'off' } }), []);
    assert.deepEqual(seen({ profile: 'draft', rules: { 'subject-uppercase': 'error' } }), ['error'], 'by name');
    assert.deepEqual(seen({ profile: 'draft', rules: {} }), ['info']);
    assert.deepEqual(seen({ profile: 'draft' }), ['info']);
    assert.deepEqual(seen({ profile: 'draft', rules: { CBL071: 'off', CBL061: 'off' } }), [], 'a second key');
  });

  it('profiles alternating between lints each get their own plan', () => {
    const settings = { rules: { CBL071: 'off' as const } };
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(seen({ profile: 'draft' }), ['info']);
      assert.deepEqual(seen({ profile: 'published', ...settings }), []);
      assert.deepEqual(seen({ profile: 'transmitted', rules: { CBL071: 'warning' } }), ['warning']);
    }
  });
});
