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
