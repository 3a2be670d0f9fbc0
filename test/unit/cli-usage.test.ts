// What a new user meets in the first hour on the command line (issue 15, items 12, 13 and 16):
// errors in words with a way forward, a dry run that says what its report is of, and an
// `npm start` that fails on a crash but not on the examples' findings. Through the real command.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, FIXABLE, ROOT, scratch } from './cli-helpers';

const tmp = scratch('usage');
after(() => tmp.remove());

describe('cli: usage errors point at --help', () => {
  it('an unknown option names the nearest known one when there is one, and --help', () => {
    const cases: Array<[string[], string]> = [
      [['--bogus', 'a.cable'], "cable-lint: unknown option '--bogus' (cable-lint --help lists every option)\n"],
      [['--fixx', 'a.cable'], "cable-lint: unknown option '--fixx': did you mean --fix? (cable-lint --help lists every option)\n"],
      [['--fix-dryrun', 'a.cable'], "cable-lint: unknown option '--fix-dryrun': did you mean --fix-dry-run? (cable-lint --help lists every option)\n"],
      [['--max-warning=3', 'a.cable'], "cable-lint: unknown option '--max-warning': did you mean --max-warnings? (cable-lint --help lists every option)\n"],
      [['-x', 'a.cable'], "cable-lint: unknown option '-x' (cable-lint --help lists every option)\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = cli(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr, stderr);
      assert.equal(r.stdout, '');
    }
  });

  it('an option without its value says so and points at --help', () => {
    const r = cli(['a.cable', '--format']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, "cable-lint: option '-f, --format <value>' argument missing (see cable-lint --help)\n");
  });
});

describe('cli: a config file that is not valid JSON is explained in words, with line and column', () => {
  const cases: Array<[string, string]> = [
    ['{ "rules": { "CBL061": "off" }', '1:31: invalid JSON: expected a closing brace } for the object, found the end of the file'],
    ['{\n  "rules": {\n    "CBL061": "off"\n    "CBL062": "off"\n  }\n}', '4:5: invalid JSON: expected a comma before `"CBL062"`'],
    ['{\n  rules: {}\n}', '2:3: invalid JSON: unexpected `rules` (keys and strings need double quotes; values are strings, numbers, true, false, null, arrays or objects)'],
    ['{ "profile": }', '1:14: invalid JSON: expected a value, found `}`'],
    ['{ "rules": ["off" }', '1:19: invalid JSON: expected a comma, or a closing bracket that matches the opening one, before `}`'],
    ['{ "rules": ["off"', '1:18: invalid JSON: expected a closing bracket ] for the array, found the end of the file'],
    ['{}\n{}', '2:1: invalid JSON: unexpected `{` after the end of the settings object'],
    ['{ "profile": "draft }', '1:14: invalid JSON: a string is not closed with a double quote before the end of its line'],
    ['/* settings\n{}', '1:1: invalid JSON: a /* comment is not closed with */'],
    ['{ "ignores": [{ "text": "\\d" }] }', '1:25: invalid JSON: invalid escape in `"\\d"` (a backslash in a string is written \\\\)'],
  ];
  for (const [text, words] of cases) {
    it(JSON.stringify(text), () => {
      const dir = tmp.tree(`config-${cases.findIndex((c) => c[0] === text)}`, { '.cablelintrc.json': text, 'a.cable': FIXABLE });
      const r = cli(['a.cable'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, `cable-lint: .cablelintrc.json:${words}\n`);
    });
  }
});

describe('cli: --fix-dry-run reports what --fix would leave, and says so', () => {
  // FIXABLE has three safe TAGS fixes (errors here) and one problem no fix touches (paragraph 3
  // is missing); b.cable has only the fixable ones.
  const rules = ['--rule', 'CBL061=error', '--rule', 'CBL064=error', '--rule', 'CBL062=off'];
  it('the report and exit status are those of the fixed text, and the summary line says it', () => {
    const b = FIXABLE.replace('4. (U) THIRD', '3. (U) THIRD');
    const dir = tmp.tree('dry', { 'a.cable': FIXABLE, 'b.cable': b });
    const plain = cli([...rules, 'a.cable', 'b.cable'], { cwd: dir });
    assert.equal(plain.status, 1);
    assert.match(plain.stdout, /\n\u2716 5 problems \(4 errors, 1 warning, 0 infos\) in 2 of 2 files checked\n$/);
    const dry = cli([...rules, '--fix-dry-run', 'a.cable', 'b.cable'], { cwd: dir });
    assert.equal(dry.status, 0, 'what --fix would leave has no error');
    assert.match(dry.stdout, /\n\u2716 1 problem left once the fixes shown are made \(0 errors, 1 warning, 0 infos\) in 1 of 2 files checked\n$/);
    assert.match(dry.stderr, /^would fix a\.cable: 3 fixes/m);
    assert.equal(readFileSync(join(dir, 'b.cable'), 'utf8'), b, 'nothing written');

    const clean = cli([...rules, '--fix-dry-run', 'b.cable'], { cwd: dir });
    assert.equal(clean.stdout, '\u2714 1 file checked, no problems left once the fixes shown are made\n');
    const fixed = cli([...rules, '--fix', 'b.cable'], { cwd: dir });
    assert.equal(fixed.stdout, '\u2714 1 file checked, no problems left after fixing\n');
    assert.equal(fixed.status, dry.status);
  });

  it('--help says what the report of a dry run is', () => {
    const help = cli(['--help']).stdout;
    assert.match(help, /--fix-dry-run {11}show what --fix would change; write nothing; the report and\n {30}the exit status are those --fix would give: the problems left\n {30}after the fixes, not those of the files as they stand\n/);
  });
});

describe('npm start: findings in the examples are expected, a crash is not', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

  it('runs its lint step through scripts/lint-examples.mjs, with nothing that hides a failure', () => {
    assert.equal(pkg.scripts.start, 'npm run build && node scripts/lint-examples.mjs && npm run package');
  });

  const step = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts', 'lint-examples.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('exits 0 on the examples, which have errors (cable-lint itself exits 1 there)', () => {
    assert.equal(cli(['examples']).status, 1);
    const r = step([]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^examples\/invalid-header\.cable$/m);
    assert.match(r.stdout, /\u2716 \d+ problems \(\d+ errors,/);
  });

  it('fails with cable-lint\u2019s status when cable-lint fails (exit 2: usage, config, I/O, internal error)', () => {
    const missing = step(['no-such-folder']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read no-such-folder: no such file or directory\nnpm start: cable-lint failed \(exit 2\), not a lint finding\n$/);
    const dir = tmp.tree('start-config', { '.cablelintrc.json': '{', 'a.cable': FIXABLE });
    writeFileSync(join(dir, 'b.cable'), FIXABLE);
    const broken = step([dir]);
    assert.equal(broken.status, 2);
  });
});
