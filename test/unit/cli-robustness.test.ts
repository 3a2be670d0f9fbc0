// The CLI (as a child process) on files that are not what it expects: links to nowhere and in
// circles, FIFOs, folders where a file belongs, empty files, thousands of files, and --fix
// through a symbolic link. Each failure is one line on stderr and exit 2, never a stack trace;
// tests run as root in CI, so "unreadable" is made with links and folders, not permissions.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, BROKEN, cli, FIXABLE, jsonRun, scratch } from './cli-helpers';
import { assertValidReport } from '../report-schema';

const tmp = scratch('robust');
after(() => tmp.remove());

const FIXED = FIXABLE.replace('TAGS: PREL PRELL ECON ECON', 'TAGS: PREL ECON');

/** One line on stderr, no stack frame, exit 2. */
function assertOneLineFailure(r: { status: number | null; stderr: string; stdout: string }, pattern: RegExp): void {
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.split('\n').length, 2, `one line: ${JSON.stringify(r.stderr)}`);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\bat .+:\d+:\d+/, 'no stack frame');
  assert.equal(r.stdout, '');
}

function mkfifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

describe('cli: files that cannot be read', () => {
  it('a link to nowhere', () => {
    const dir = tmp.tree('dangling', {});
    symlinkSync('missing.cable', join(dir, 'a.cable'));
    assertOneLineFailure(cli(['a.cable'], { cwd: dir }), /^cable-lint: cannot read a\.cable: no such file or directory$/m);
  });

  it('links in a circle', () => {
    const dir = tmp.tree('loop', {});
    symlinkSync('b.cable', join(dir, 'a.cable'));
    symlinkSync('a.cable', join(dir, 'b.cable'));
    assertOneLineFailure(cli(['a.cable'], { cwd: dir }), /^cable-lint: cannot read a\.cable: too many symbolic links$/m);
  });

  it('a folder below a file name', () => {
    const dir = tmp.tree('notdir', { 'a.cable': FIXABLE });
    assertOneLineFailure(cli(['a.cable/b.cable'], { cwd: dir }), /^cable-lint: cannot read a\.cable\/b\.cable: not a directory$/m);
  });

  it('an empty argument (an unset shell variable) is refused, not read as the working folder', () => {
    const dir = tmp.tree('empty-arg', { 'a.cable': FIXABLE });
    assertOneLineFailure(cli([''], { cwd: dir }), /^cable-lint: an empty path was given$/m);
  });

  it('a folder where a file is expected: --config, --output-file', () => {
    const dir = tmp.tree('dir-as-file', { 'a.cable': FIXABLE, 'sub/x.txt': 'x' });
    assertOneLineFailure(cli(['--config', 'sub', 'a.cable'], { cwd: dir }), /^cable-lint: cannot read sub: is a directory$/m);
    assertOneLineFailure(cli(['--output-file', 'sub', 'a.cable'], { cwd: dir }), /^cable-lint: cannot write sub: is a directory$/m);
  });
});

describe('cli: folder walks', () => {
  it('skip links in circles, links to nowhere, links to folders and FIFOs, and lint the real files', (t) => {
    const dir = tmp.tree('walk', { 'real.cable': FIXABLE, 'sub/inner.tel': FIXABLE });
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('sub', join(dir, 'sub-link.cable'));
    symlinkSync('nowhere.cable', join(dir, 'dangling.cable'));
    symlinkSync('loop-b.cable', join(dir, 'loop-a.cable'));
    symlinkSync('loop-a.cable', join(dir, 'loop-b.cable'));
    symlinkSync('real.cable', join(dir, 'alias.cable'));
    // A FIFO with no writer would block a read for ever.
    if (!mkfifo(join(dir, 'pipe.cable'))) t.diagnostic('mkfifo unavailable: FIFO case skipped');
    const r = jsonRun(['.'], { cwd: dir });
    const paths = r.report.files.map((f: { path: string }) => f.path).sort();
    // A link to a file is followed like the file (and reported under its own name).
    assert.deepEqual(paths, ['alias.cable', 'real.cable', 'sub/inner.tel']);
    assert.equal(r.stderr, '');
  });

  it('a folder of 2,000 cables (worker threads) reports each once, in name order', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`c${String(i).padStart(4, '0')}.cable`] = i % 2 ? FIXABLE : FIXED;
    const dir = tmp.tree('many', files);
    // The report runs to megabytes: more than spawnSync buffers by default.
    const run = spawnSync(process.execPath, [BIN, '--concurrency', '2', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000 });
    // The typo and the repeats are warnings and infos: no error, so status 0.
    assert.equal(run.status, 0, run.stderr);
    const r = { report: JSON.parse(run.stdout) };
    assertValidReport(r.report, 'cable-lint --format json over 2,000 files');
    const paths = r.report.files.map((f: { path: string }) => f.path);
    assert.equal(paths.length, 2000);
    assert.deepEqual(paths, [...paths].sort());
    assert.equal(r.report.summary.files, 2000);
    // Every other file has the PRELL typo (CBL061): exactly 1,000 of them.
    const typo = r.report.files.filter((f: { diagnostics: { ruleId: string }[] }) => f.diagnostics.some((d) => d.ruleId === 'CBL061'));
    assert.equal(typo.length, 1000);
  });

  it('an empty folder: nothing to lint, nothing wrong', () => {
    const dir = tmp.tree('nothing', {});
    mkdirSync(join(dir, 'empty'));
    const r = cli(['empty'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '\u2714 0 files checked, no problems\n');
  });
});

describe('cli: contents', () => {
  it('an empty file and empty stdin are linted, not failures: not a cable yet, so nothing to report (issue 15 item 11)', () => {
    const dir = tmp.tree('empty-file', { 'empty.cable': '' });
    for (const [args, input] of [[['empty.cable'], ''], [['-'], '']] as const) {
      const r = jsonRun([...args], { cwd: dir, input });
      assert.equal(r.status, 0);
      assert.equal(r.report.files.length, 1, 'the file is in the report');
      assert.deepEqual(r.report.files[0].diagnostics, []);
    }
  });

  it('an ASCII text with one byte 0xB6 is read as Latin-1: the byte is ¶, like its UTF-8 twin', () => {
    const withPilcrow = Buffer.from(FIXED.replace('\n2. (U) SECOND', '\n\u00b62. (U) SECOND'), 'latin1');
    assert.equal(withPilcrow.filter((b) => b === 0xb6).length, 1);
    const dir = tmp.tree('latin1', { 'a.cable': withPilcrow, 'b.cable': FIXED.replace('\n2. (U) SECOND', '\n\u00b62. (U) SECOND') });
    const r = jsonRun(['a.cable', 'b.cable'], { cwd: dir });
    const strip = (f: { diagnostics: unknown[] }) => JSON.stringify(f.diagnostics);
    assert.equal(strip(r.report.files[0]), strip(r.report.files[1]), 'the Latin-1 file reads as its UTF-8 twin');
  });
});

describe('cli: --fix and the files it writes', () => {
  it('replaces the file by rename (a new inode), leaving no temporary file', () => {
    const dir = tmp.tree('rename', { 'a.cable': FIXABLE });
    const before = statSync(join(dir, 'a.cable')).ino;
    const r = cli(['--fix', 'a.cable'], { cwd: dir });
    assert.match(r.stderr, /^fixed a\.cable: 3 fixes/m);
    assert.equal(readFileSync(join(dir, 'a.cable'), 'utf8'), FIXED);
    assert.notEqual(statSync(join(dir, 'a.cable')).ino, before, 'written to a temporary file and renamed');
    assert.deepEqual(readdirSync(dir), ['a.cable']);
  });

  it('through a symbolic link fixes the file it points at and keeps the link a link', () => {
    const dir = tmp.tree('link', { 'real/a.cable': FIXABLE });
    symlinkSync(join('real', 'a.cable'), join(dir, 'link.cable'));
    const r = cli(['--fix', 'link.cable'], { cwd: dir });
    assert.match(r.stderr, /^fixed link\.cable: 3 fixes/m);
    assert.ok(lstatSync(join(dir, 'link.cable')).isSymbolicLink(), 'still a link');
    assert.equal(readFileSync(join(dir, 'real', 'a.cable'), 'utf8'), FIXED);
    assert.deepEqual(readdirSync(join(dir, 'real')), ['a.cable'], 'no temporary file beside the target');
    assert.deepEqual(readdirSync(dir).sort(), ['link.cable', 'real']);
  });

  it('never touches a file whose parse failed: same bytes, same inode, same time', () => {
    const dir = tmp.tree('untouched', { 'b.cable': BROKEN });
    const before = statSync(join(dir, 'b.cable'));
    const r = cli(['--fix', 'b.cable'], { cwd: dir });
    assert.match(r.stderr, /^cable-lint: not fixed b\.cable: its parse has CBL000 errors/m);
    const now = statSync(join(dir, 'b.cable'));
    assert.equal(readFileSync(join(dir, 'b.cable'), 'utf8'), BROKEN);
    assert.equal(now.ino, before.ino);
    assert.equal(now.mtimeMs, before.mtimeMs);
  });

  it('a file that cannot be read among files that can: exit 2, one line, nothing written', () => {
    const dir = tmp.tree('mixed', { 'a.cable': FIXABLE });
    symlinkSync('missing.cable', join(dir, 'z.cable'));
    const r = cli(['--fix', 'a.cable', 'z.cable'], { cwd: dir });
    assertOneLineFailure(r, /^cable-lint: cannot read z\.cable: no such file or directory$/m);
    assert.equal(readFileSync(join(dir, 'a.cable'), 'utf8'), FIXABLE, 'nothing fixed when the run failed');
  });
});

