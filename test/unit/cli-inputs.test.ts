// Inputs through the real command: globs, folders, --ignore-pattern, .cablelintignore,
// --no-ignore and stdin among files.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, FIXABLE, jsonRun, onlyRules, scratch } from './cli-helpers';

const tmp = scratch('inputs');
let dir: string;

const paths = (args: string[], cwd = dir): string[] => jsonRun(args, { cwd }).report.files.map((f: { path: string }) => f.path);

before(() => {
  dir = tmp.tree('inputs', {
    'drafts/a.cable': FIXABLE,
    'drafts/b.tel': FIXABLE,
    'drafts/notes.md': 'not a cable',
    'drafts/old/c.cable': FIXABLE,
    'drafts/old/keep.cable': FIXABLE,
    'drafts/.hidden/d.cable': FIXABLE,
    'node_modules/x/e.cable': FIXABLE,
    'other/f.cable': FIXABLE,
    '.cablelintrc.json': onlyRules({}),
  });
});
after(() => tmp.remove());

function ignoreFile(text: string | undefined): void {
  const path = join(dir, '.cablelintignore');
  if (text === undefined) writeFileSync(path, '');
  else writeFileSync(path, text);
}

describe('cli: globs and folders', () => {
  it('expands a quoted glob, sorted, skipping dot-folders and node_modules', () => {
    ignoreFile(undefined);
    assert.deepEqual(paths(['drafts/**/*.cable']), ['drafts/a.cable', 'drafts/old/c.cable', 'drafts/old/keep.cable']);
    assert.deepEqual(paths(['**/*.cable']), ['drafts/a.cable', 'drafts/old/c.cable', 'drafts/old/keep.cable', 'other/f.cable']);
    // A glob takes any file name it matches, not only the cable extensions.
    assert.deepEqual(paths(['drafts/*.{tel,md}']), ['drafts/b.tel', 'drafts/notes.md']);
  });

  it('fails with exit 2 when a glob matches nothing', () => {
    const r = cli(['nope/**/*.cable'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'cable-lint: no files match "nope/**/*.cable"\n');
  });

  it('walks a folder for .cable, .tel and .txt in name order', () => {
    ignoreFile(undefined);
    assert.deepEqual(paths(['drafts']), ['drafts/a.cable', 'drafts/b.tel', 'drafts/old/c.cable', 'drafts/old/keep.cable']);
  });
});

describe('cli: ignore patterns', () => {
  it('reads .cablelintignore from the working folder (gitignore syntax)', () => {
    ignoreFile('# old drafts stay as they were sent\ndrafts/old/\n*.tel\n');
    assert.deepEqual(paths(['drafts']), ['drafts/a.cable']);
    assert.deepEqual(paths(['**/*.cable']), ['drafts/a.cable', 'other/f.cable']);
    // A later `!` pattern takes a file back, as in .gitignore.
    ignoreFile('drafts/old/*\n!drafts/old/keep.cable\n');
    assert.deepEqual(paths(['drafts']), ['drafts/a.cable', 'drafts/b.tel', 'drafts/old/keep.cable']);
  });

  it('adds --ignore-pattern to the file; a pattern without a slash matches at any depth', () => {
    ignoreFile('*.tel\n');
    assert.deepEqual(paths(['--ignore-pattern', 'c.cable', 'drafts']), ['drafts/a.cable', 'drafts/old/keep.cable']);
    assert.deepEqual(paths(['--ignore-pattern', 'c.cable', '--ignore-pattern', '/drafts/a.cable', 'drafts']), ['drafts/old/keep.cable']);
  });

  it('skips an ignored file named explicitly, with a note, and --no-ignore lints it', () => {
    ignoreFile('drafts/old/\n');
    const r = cli(['drafts/old/c.cable'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.equal(r.stderr, 'cable-lint: drafts/old/c.cable is ignored by an ignore pattern; not linted (--no-ignore lints it)\n');
    assert.equal(r.stdout, '\u2714 0 files checked, no problems\n');
    assert.deepEqual(paths(['--no-ignore', 'drafts/old/c.cable']), ['drafts/old/c.cable']);
    assert.deepEqual(paths(['--no-ignore', '--ignore-pattern', 'a.cable', 'drafts']), [
      'drafts/a.cable',
      'drafts/b.tel',
      'drafts/old/c.cable',
      'drafts/old/keep.cable',
    ]);
  });
});

describe('cli: stdin among files', () => {
  it('keeps command-line order, with the text from - named by --stdin-filename', () => {
    ignoreFile(undefined);
    const r = jsonRun(['--stdin-filename', 'drafts/x.cable', '-', 'drafts/a.cable'], { cwd: dir, input: FIXABLE });
    assert.deepEqual(
      r.report.files.map((f: { path: string }) => f.path),
      ['drafts/x.cable', 'drafts/a.cable'],
    );
    // Both texts are FIXABLE under the same config: the same facts.
    assert.deepEqual(r.report.files[0].cable, r.report.files[1].cable);
  });
});

describe('cli: files that are no cable yet, or none at all (issue 15 item 11)', () => {
  // No .cablelintrc.json here: the whole catalogue at its defaults.
  const blank = () =>
    tmp.tree('blank', {
      'empty.cable': '',
      'spaces.cable': '  \r\n\n\t\n   ',
      'bom.cable': Buffer.from([0xef, 0xbb, 0xbf, 0x0a]),
    });

  it('an empty or whitespace-only file gets no diagnostic from any rule, under any profile', () => {
    const dir = blank();
    for (const profile of [[], ['--profile', 'transmitted'], ['--profile', 'draft'], ['--profile', 'published']]) {
      const r = jsonRun([...profile, 'empty.cable', 'spaces.cable', 'bom.cable'], { cwd: dir });
      assert.equal(r.status, 0, r.stdout);
      assert.deepEqual(
        r.report.files.map((f: { path: string; diagnostics: unknown[] }) => [f.path, f.diagnostics.length]),
        [['empty.cable', 0], ['spaces.cable', 0], ['bom.cable', 0]],
      );
    }
  });

  it('skips a file with a NUL byte in its first 8 KB with a one-line note, and lints the others', () => {
    const withNul = Buffer.concat([Buffer.from('UNCLAS ROME 000123\n'), Buffer.from([0x00, 0x01, 0x02]), Buffer.from(FIXABLE)]);
    const lateNul = Buffer.concat([Buffer.from(FIXABLE), Buffer.from(' '.repeat(8200)), Buffer.from([0x00])]);
    const dir = tmp.tree('binary', { 'a.cable': FIXABLE, 'b.cable': withNul, 'late.cable': lateNul });
    const r = jsonRun(['a.cable', 'b.cable', 'late.cable', '/bin/ls'], { cwd: dir });
    assert.equal(
      r.stderr,
      'cable-lint: b.cable looks binary (a NUL byte in its first 8 KB); not linted\ncable-lint: /bin/ls looks binary (a NUL byte in its first 8 KB); not linted\n',
    );
    assert.deepEqual(r.report.files.map((f: { path: string }) => f.path), ['a.cable', 'late.cable']);
    assert.equal(r.report.summary.files, 2);
    // Alone, in the default format, with worker threads: the same note, nothing linted, exit 0.
    const alone = cli(['--concurrency', '2', 'b.cable', '/bin/ls'], { cwd: dir });
    assert.equal(alone.status, 0);
    assert.equal(alone.stdout, '\u2714 0 files checked, no problems\n');
    assert.equal(alone.stderr.split('\n').filter(Boolean).length, 2);
  });
});
