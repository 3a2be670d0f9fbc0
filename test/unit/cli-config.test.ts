// Config through the real command: `extends`, --print-config, --init; and the JSON Schema of
// .cablelintrc.json that ships in schemas/ and that VS Code applies through jsonValidation.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'jsonc-parser';
import { CONFIG_SCHEMA_PATH, configSchemaText } from '../../server/src/config/schema';
import { ConfigError, parseConfigText } from '../../server/src/config/settings';
import { allRules } from '../../server/src/rules/index';
import { cli, FIXABLE, jsonRun, onlyRules, ROOT, scratch } from './cli-helpers';

const tmp = scratch('config');
after(() => tmp.remove());

/** Every line of FIXABLE longer than 20 characters: TAGS, SUBJECT and the three paragraphs. */
const LONGER_THAN_20 = [4, 5, 7, 9, 11];

function extendsTree(): string {
  const base = JSON.parse(onlyRules({}));
  Object.assign(base.rules, { CBL061: 'error', 'line-length': ['warning', { max: 20 }], CBL064: 'warning' });
  delete base.rules.CBL120;
  base.profile = 'draft';
  // `files` is relative to the folder of the file that says it (here the root, not sub/).
  base.ignores = [{ rule: 'CBL064', files: 'sub/*.cable' }];
  return tmp.tree('extends', {
    'base.json': JSON.stringify(base),
    'sub/.cablelintrc.json': '// builds on the shared settings\n{ "extends": "../base.json", "rules": { "line-length": "error", "CBL061": "off" } }\n',
    'sub/a.cable': FIXABLE,
  });
}

describe('cli: extends', () => {
  it('merges the base first: profile and options from the base, severities from the file, ignores relative to the base', () => {
    const dir = extendsTree();
    const { report } = jsonRun(['sub/a.cable'], { cwd: dir });
    const f = report.files[0];
    assert.equal(f.profile, 'draft');
    assert.deepEqual(
      f.diagnostics.map((d: { ruleId: string; severity: string; line: number }) => [d.ruleId, d.severity, d.line]),
      LONGER_THAN_20.map((line) => ['CBL120', 'error', line]),
    );
  });

  it('reports a loop or a missing base in one line, exit 2', () => {
    const dir = tmp.tree('extends-bad', {
      'a.json': '{ "extends": "b.json" }',
      'b.json': '{ "extends": ["./a.json"] }',
      'c.json': '{ "extends": "nope.json" }',
      'x.cable': FIXABLE,
    });
    const loop = cli(['--config', 'a.json', 'x.cable'], { cwd: dir });
    assert.equal(loop.status, 2);
    assert.match(loop.stderr, /^cable-lint: a\.json: extends itself \(a\.json → b\.json → a\.json\)\n$/);
    const missing = cli(['--config', 'c.json', 'x.cable'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'cable-lint: c.json: extends "nope.json": no such file\n');
  });
});

describe('cli: --print-config', () => {
  it('shows the merged settings for a file, with --rule on top, and each rule\u2019s severity', () => {
    const dir = extendsTree();
    const r = cli(['--print-config', 'sub/a.cable', '--rule', 'CBL120=info'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const c = JSON.parse(r.stdout);
    assert.equal(c.file, 'sub/a.cable');
    assert.equal(c.configFile, join(dir, 'sub/.cablelintrc.json'));
    assert.deepEqual(c.sources, [join(dir, 'base.json'), join(dir, 'sub/.cablelintrc.json')]);
    assert.equal(c.profile, 'draft');
    assert.equal(c.profileFrom, 'settings');
    assert.deepEqual(c.rules.CBL120, ['info', { max: 20 }]);
    assert.equal(c.rules.CBL061, 'off');
    assert.equal(c.rules.CBL064, 'warning');
    assert.deepEqual(c.ignores, [{ rule: ['CBL064'], files: ['sub/*.cable'], relativeTo: dir }]);
    assert.equal(c.severities.CBL120, 'info');
    assert.equal(c.severities.CBL061, 'off');
    assert.deepEqual(Object.keys(c.severities), allRules.map((x) => x.id));
  });

  it('takes the profile from the text when no setting gives one', () => {
    const dir = tmp.tree('print-plain', { 'a.cable': FIXABLE });
    const c = JSON.parse(cli(['--print-config', 'a.cable'], { cwd: dir }).stdout);
    assert.equal(c.configFile, null);
    assert.deepEqual(c.rules, {});
    // FIXABLE starts at its banner: a draft (spec 4.1).
    assert.deepEqual([c.profile, c.profileFrom], ['draft', 'text']);
    assert.equal(c.severities.CBL000, 'error');
  });
});

describe('cli: --init', () => {
  it('writes a commented starter config that the engine reads, and never overwrites one', () => {
    const dir = tmp.tree('init', { 'a.cable': FIXABLE });
    const r = cli(['--init'], { cwd: dir });
    assert.equal(r.status, 0);
    const path = join(dir, '.cablelintrc.json');
    assert.equal(r.stdout, `wrote ${path}\n`);
    const text = readFileSync(path, 'utf8');
    assert.match(text, /^\/\/ /, 'starts with a comment');
    assert.ok(text.includes('"extends"') && text.includes('"profile"') && text.includes('"ignores"'), 'mentions every key');
    const config = parseConfigText(text, path, dir);
    assert.deepEqual([config.profile, config.rules, config.ignores], [undefined, {}, []], 'changes nothing until edited');
    assert.equal(cli(['a.cable'], { cwd: dir }).status, 0, 'lints with it');
    const again = cli(['--init'], { cwd: dir });
    assert.equal(again.status, 2);
    assert.equal(again.stderr, `cable-lint: --init: ${path} exists already; not overwritten\n`);
    assert.equal(readFileSync(path, 'utf8'), text);
  });
});

describe('schemas/cablelintrc.schema.json', () => {
  const schemaText = readFileSync(join(ROOT, CONFIG_SCHEMA_PATH), 'utf8');
  const schema = JSON.parse(schemaText);
  // VS Code's own keywords (allowComments, markdownDescription …) are not JSON Schema's.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  /** The README's examples and the issue's: every one must pass both the schema and the engine. */
  const GOOD: unknown[] = [
    { profile: 'draft', rules: { CBL061: 'off', 'line-length': ['info', { max: 72 }] }, ignores: [{ rule: 'CBL110', files: 'drafts/old/**', text: 'regex of the line' }] },
    {},
    { $schema: './node_modules/cable-lint/schemas/cablelintrc.schema.json', extends: '../.cablelintrc.json' },
    { extends: ['../shared.json', 'strict.json'], profile: 'transmitted', rules: { 'tags-known': 'error', CBL120: ['warning'] } },
    { rules: { CBL022: ['info', {}] }, ignores: [{ rule: ['CBL061', 'tags-hygiene'] }, { files: ['a/**', 'b/*.tel'] }, { text: '^REF: ' }] },
  ];
  /** Each wrong in one way; the engine rejects it too. */
  const BAD: Array<[string, unknown]> = [
    ['unknown top-level key', { rule: {} }],
    ['unknown rule id', { rules: { CBL999: 'off' } }],
    ['unknown rule name', { rules: { 'tag-known': 'off' } }],
    ['severity spelled as in ESLint', { rules: { CBL061: 'warn' } }],
    ['numeric severity', { rules: { CBL061: 1 } }],
    ['options not an object', { rules: { CBL061: ['info', 72] } }],
    ['too many items', { rules: { CBL061: ['info', {}, {}] } }],
    ['unknown profile', { profile: 'sent' }],
    ['empty ignore', { ignores: [{}] }],
    ['unknown ignore key', { ignores: [{ rules: 'CBL061' }] }],
    ['ignore of an unknown rule', { ignores: [{ rule: 'CBL999' }] }],
    ['invalid regular expression', { ignores: [{ text: '(' }] }],
    ['ignores not an array', { ignores: { rule: 'CBL061' } }],
    ['empty extends', { extends: '' }],
    ['extends not a string', { extends: 3 }],
  ];

  it('is the schema the rule catalogue generates (regenerate with scripts/gen-config-schema.ts)', () => {
    assert.equal(schemaText, configSchemaText());
  });

  it('has every rule id and name as a property of rules, and nothing else', () => {
    const keys = Object.keys(schema.properties.rules.properties).sort();
    assert.deepEqual(keys, allRules.flatMap((r) => [r.id, r.name]).sort());
    for (const r of allRules) {
      assert.ok(schema.properties.rules.properties[r.id].markdownDescription.includes(r.description), `${r.id} is described`);
    }
    assert.equal(schema.properties.rules.additionalProperties, false);
  });

  it('accepts the documented examples, as the engine does', () => {
    for (const example of GOOD) {
      assert.ok(validate(example), `${JSON.stringify(example)}: ${ajv.errorsText(validate.errors)}`);
      assert.doesNotThrow(() => parseConfigText(JSON.stringify(example), 'x', '/x'));
    }
    const dir = tmp.tree('init-schema', {});
    cli(['--init'], { cwd: dir });
    const init = parse(readFileSync(join(dir, '.cablelintrc.json'), 'utf8'));
    assert.ok(validate(init), `the --init template: ${ajv.errorsText(validate.errors)}`);
    // With its example lines uncommented it is still valid, for the schema and the engine.
    const text = readFileSync(join(dir, '.cablelintrc.json'), 'utf8').replace(/^(\s*)\/\/ (?=[{"])/gm, '$1');
    const examples = parse(text, [], { allowTrailingComma: true });
    assert.equal(examples.profile, 'draft');
    assert.deepEqual(examples.rules, { CBL061: 'off', 'line-length': ['warning', { max: 69 }] });
    assert.ok(validate(examples), `the uncommented template: ${ajv.errorsText(validate.errors)}`);
    assert.doesNotThrow(() => parseConfigText(text.replace('"extends": "../.cablelintrc.json",', ''), 'x', dir));
  });

  it('rejects each kind of mistake, as the engine does', () => {
    for (const [why, example] of BAD) {
      assert.equal(validate(example), false, `schema accepts ${why}: ${JSON.stringify(example)}`);
      assert.throws(() => parseConfigText(JSON.stringify(example), 'x', '/x'), ConfigError, `engine accepts ${why}`);
    }
    // Stricter than the engine only where it knows a rule's options: line-length's max.
    assert.equal(validate({ rules: { 'line-length': ['info', { max: '72' }] } }), false);
    assert.equal(validate({ rules: { 'line-length': ['info', { max: 0 }] } }), false);
  });

  it('ships in the package and is wired into VS Code for .cablelintrc.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.cablelintrc.json', url: `./${CONFIG_SCHEMA_PATH}` }]);
    assert.ok(pkg.files.includes('schemas/'));
    assert.ok(existsSync(join(ROOT, CONFIG_SCHEMA_PATH)));
    assert.equal(schema.allowComments, true, 'the file is JSON with comments');
  });
});
