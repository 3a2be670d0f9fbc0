import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from '../../grammar/src/positions';
import type { Diagnostic } from '../../server/src/engine/types';
import { findRule } from '../../server/src/rules/index';
import {
  applyIgnores,
  ConfigError,
  effectiveSettings,
  mergeConfigs,
  mergeRuleSettings,
  parseConfigText,
  parseRuleFlag,
  relativePath,
  validateConfig,
} from '../../server/src/config/settings';

// Rules every catalogue state has (spec section 3 ids and names are a public contract).
const LINE_LENGTH = findRule('line-length')!;
const TAGS_KNOWN = findRule('tags-known')!;

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    assert.ok(!err.message.includes('\n'), 'config errors are one line');
    return err.message;
  }
  assert.fail('expected a ConfigError');
}

describe('config: parsing and validation', () => {
  it('reads JSON with comments and trailing commas, keying rules by id whatever the file used', () => {
    const text = `{
      // a draft folder
      "profile": "draft", /* block comment */
      "rules": { "CBL061": "off", "line-length": ["info", { "max": 72 }], },
    }`;
    const c = parseConfigText(text, 'x/.cablelintrc.json', '/x');
    assert.equal(c.profile, 'draft');
    assert.deepEqual(c.rules, {
      [TAGS_KNOWN.id]: { severity: 'off' },
      [LINE_LENGTH.id]: { severity: 'info', options: { max: 72 } },
    });
    assert.deepEqual(c.ignores, []);
  });

  it('accepts rule ids in any case and [severity] alone', () => {
    const c = validateConfig({ rules: { cbl061: ['warning'] } }, 'src', '/');
    assert.deepEqual(c.rules, { CBL061: { severity: 'warning' } });
  });

  it('reports JSON syntax errors with a position', () => {
    assert.match(configError(() => parseConfigText('{\n  "rules": {\n    "CBL061" "off"\n  }\n}', 'cfg', '/')), /^cfg:3:14: invalid JSON: expected a colon after the key, found `"off"`$/);
  });

  it('rejects unknown rules, bad severities and bad shapes with the file and key named', () => {
    assert.equal(configError(() => validateConfig({ rules: { CBL999: 'off' } }, 'cfg', '/')), 'cfg: rules: unknown rule "CBL999"');
    assert.equal(configError(() => validateConfig({ rules: { 'no-such-rule': 'off' } }, 'cfg', '/')), 'cfg: rules: unknown rule "no-such-rule"');
    assert.equal(
      configError(() => validateConfig({ rules: { CBL061: 'warn' } }, 'cfg', '/')),
      'cfg: rules.CBL061: invalid severity "warn" (expected error, warning, info, off)',
    );
    assert.match(configError(() => validateConfig({ rules: { CBL061: ['info', 72] } }, 'cfg', '/')), /options must be an object/);
    assert.match(configError(() => validateConfig({ rules: { CBL061: ['info', {}, 1] } }, 'cfg', '/')), /got 3 items/);
    assert.match(configError(() => validateConfig({ rules: { CBL120: 'off', 'line-length': 'info' } }, 'cfg', '/')), /CBL120 is set twice/);
    assert.match(configError(() => validateConfig({ profile: 'final' }, 'cfg', '/')), /invalid profile "final" \(expected transmitted, draft, published\)/);
    assert.match(configError(() => validateConfig({ rule: {} }, 'cfg', '/')), /unknown key "rule"/);
    assert.match(configError(() => validateConfig([], 'cfg', '/')), /expected an object at the top level/);
    assert.match(configError(() => validateConfig({ rules: [] }, 'cfg', '/')), /rules must be an object/);
  });

  it('validates ignores: known rules, a valid regex, at least one condition, known keys', () => {
    const c = validateConfig({ ignores: [{ rule: ['tags-known', 'CBL120'], files: 'old/**', text: '^TAGS' }] }, 'cfg', '/base');
    assert.deepEqual(c.ignores[0]!.rules, [TAGS_KNOWN.id, LINE_LENGTH.id]);
    assert.deepEqual(c.ignores[0]!.files, ['old/**']);
    assert.equal(c.ignores[0]!.baseDir, '/base');
    assert.match(configError(() => validateConfig({ ignores: [{ rule: 'nope' }] }, 'cfg', '/')), /^cfg: ignores\[0\]\.rule: unknown rule "nope"$/);
    assert.match(configError(() => validateConfig({ ignores: [{ text: '(' }] }, 'cfg', '/')), /ignores\[0\]\.text: invalid regular expression/);
    assert.match(configError(() => validateConfig({ ignores: [{}] }, 'cfg', '/')), /needs at least one of rule, files, text/);
    assert.match(configError(() => validateConfig({ ignores: [{ rules: 'CBL061' }] }, 'cfg', '/')), /unknown key "rules"/);
    assert.match(configError(() => validateConfig({ ignores: [{ files: [] }] }, 'cfg', '/')), /expected a non-empty string/);
    assert.match(configError(() => validateConfig({ ignores: {} }, 'cfg', '/')), /ignores must be an array/);
  });
});

describe('config: merging', () => {
  it('parses --rule flags by id or name', () => {
    assert.deepEqual(parseRuleFlag('CBL061=off'), ['CBL061', 'off']);
    assert.deepEqual(parseRuleFlag('line-length=warning'), [LINE_LENGTH.id, 'warning']);
    assert.match(configError(() => parseRuleFlag('CBL061')), /expected RULE=SEVERITY/);
    assert.match(configError(() => parseRuleFlag('CBL061=loud')), /invalid severity "loud"/);
    assert.match(configError(() => parseRuleFlag('CBL999=off')), /unknown rule "CBL999"/);
  });

  it('lets later layers win on severity while options set earlier survive', () => {
    const merged = mergeRuleSettings(
      { CBL120: { severity: 'info', options: { max: 72 } }, CBL061: { severity: 'off' } },
      undefined,
      { CBL120: { severity: 'warning' } },
    );
    assert.deepEqual(merged, { CBL120: { severity: 'warning', options: { max: 72 } }, CBL061: { severity: 'off' } });
    assert.deepEqual(mergeRuleSettings({ CBL120: { severity: 'info', options: { max: 72 } } }, { CBL120: { options: { max: 80 } } }), {
      CBL120: { severity: 'info', options: { max: 80 } },
    });
  });

  it('puts overrides (command line, API) over the config file, for profile and rules', () => {
    const file = validateConfig({ profile: 'draft', rules: { 'line-length': ['error', { max: 72 }], CBL061: 'off' } }, 'cfg', '/');
    assert.deepEqual(effectiveSettings(file), { profile: 'draft', rules: file.rules, ignores: [] });
    const s = effectiveSettings(file, { profile: 'transmitted', rules: { CBL120: 'off', 'tags-known': { severity: 'info' } } });
    assert.equal(s.profile, 'transmitted');
    assert.deepEqual(s.rules, { CBL120: { severity: 'off', options: { max: 72 } }, CBL061: { severity: 'info' } });
    assert.deepEqual(effectiveSettings(undefined), { rules: {}, ignores: [] });
    assert.match(configError(() => effectiveSettings(undefined, { rules: { nope: 'off' } })), /unknown rule "nope"/);
  });
});

describe('config: extends', () => {
  it('keeps the files named by extends as written, for discover.ts to read', () => {
    assert.deepEqual(parseConfigText('{ "extends": "../base.json" }', 'x', '/x').extends, ['../base.json']);
    assert.deepEqual(parseConfigText('{ "extends": ["a.json", "/abs/b.json"] }', 'x', '/x').extends, ['a.json', '/abs/b.json']);
    assert.equal(configError(() => parseConfigText('{ "extends": [] }', 'x', '/x')), 'x: extends: expected a non-empty string or array of strings, got an array');
    assert.match(configError(() => parseConfigText('{ "extends": 3 }', 'x', '/x')), /^x: extends: expected a non-empty string/);
  });

  it('merges bases first: the last profile, rule by rule settings, all ignores', () => {
    const base = parseConfigText(
      '{ "profile": "draft", "rules": { "line-length": ["warning", { "max": 50 }], "CBL061": "off" }, "ignores": [{ "rule": "CBL110" }] }',
      'base.json',
      '/base',
    );
    const own = parseConfigText('{ "rules": { "CBL120": "error" }, "ignores": [{ "files": "old/**" }] }', 'own.json', '/own');
    const merged = mergeConfigs([base], own);
    assert.equal(merged.source, 'own.json');
    assert.deepEqual(merged.sources, ['base.json', 'own.json']);
    assert.equal(merged.profile, 'draft');
    assert.deepEqual(merged.rules[LINE_LENGTH.id], { severity: 'error', options: { max: 50 } });
    assert.deepEqual(merged.rules[TAGS_KNOWN.id], { severity: 'off' });
    // Each ignore keeps the folder of the file that wrote it.
    assert.deepEqual(merged.ignores.map((i) => [i.baseDir, i.rules, i.files]), [
      ['/base', ['CBL110'], undefined],
      ['/own', undefined, ['old/**']],
    ]);
    const later = mergeConfigs([base, parseConfigText('{ "profile": "published" }', 'b2', '/b2')], own);
    assert.equal(later.profile, 'published', 'a later base wins over an earlier one');
    assert.equal(mergeConfigs([base], parseConfigText('{ "profile": "transmitted" }', 'o', '/o')).profile, 'transmitted');
  });
});

describe('config: ignores', () => {
  const text = 'UNCLAS ROME 000123\nTAGS: PRELL IT\nSUBJECT: TEST\n';
  const cable = { text, lines: splitLines(text) };
  const diag = (ruleId: string, line: number): Diagnostic => ({
    ruleId,
    ruleName: findRule(ruleId)!.name,
    severity: 'warning',
    message: 'm',
    range: { start: { offset: 0, line, character: 0 }, end: { offset: 0, line, character: 1 } },
  });
  const diags = [diag('CBL061', 1), diag('CBL120', 1), diag('CBL061', 2)];
  const ignoring = (ig: object, file?: string) =>
    applyIgnores(diags, validateConfig({ ignores: [ig] }, 'cfg', '/work/project').ignores, cable, file).map(
      (d) => `${d.ruleId}@${d.range.start.line}`,
    );

  it('silences by rule id or name', () => {
    assert.deepEqual(ignoring({ rule: 'tags-known' }), ['CBL120@1']);
    assert.deepEqual(ignoring({ rule: 'CBL120' }), ['CBL061@1', 'CBL061@2']);
  });

  it('tests text against the first line of the diagnostic', () => {
    assert.deepEqual(ignoring({ text: '^TAGS: PRELL' }), ['CBL061@2']);
    assert.deepEqual(ignoring({ text: 'PRELL', rule: 'CBL061' }), ['CBL120@1', 'CBL061@2']);
  });

  it('matches files relative to the config folder, and only named files', () => {
    assert.deepEqual(ignoring({ files: 'drafts/old/**' }, '/work/project/drafts/old/a/x.cable'), []);
    assert.deepEqual(ignoring({ files: 'drafts/old/**' }, '/work/project/drafts/new/x.cable').length, 3);
    assert.deepEqual(ignoring({ files: 'drafts/old/**' }, '/elsewhere/drafts/old/x.cable').length, 3);
    assert.deepEqual(ignoring({ files: ['*.txt', '**/*.tel'] }, '/work/project/a/b.tel'), []);
    // Unnamed input (stdin) cannot match a files condition.
    assert.deepEqual(ignoring({ files: '**' }).length, 3);
  });

  it('requires every given condition', () => {
    assert.deepEqual(ignoring({ rule: 'CBL061', files: 'old/**', text: 'PRELL' }, '/work/project/old/x.cable'), ['CBL120@1', 'CBL061@2']);
    assert.deepEqual(ignoring({ rule: 'CBL061', files: 'old/**', text: 'PRELL' }, '/work/project/new/x.cable').length, 3);
    assert.deepEqual(ignoring({ rule: 'CBL120', text: 'SUBJECT' }).length, 3);
  });

  it('computes relative paths with either separator', () => {
    assert.equal(relativePath('/a/b', '/a/b/c/d.cable'), 'c/d.cable');
    assert.equal(relativePath('/a/b', '/a/x.cable'), '../x.cable');
    assert.equal(relativePath('C:\\p', 'C:\\p\\old\\x.cable'), 'old/x.cable');
  });
});
