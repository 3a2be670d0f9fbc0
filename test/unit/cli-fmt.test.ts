/**
 * `cable-lint fmt` as a user runs it (the real command): in place by default, `--check` for CI,
 * `--diff`, stdin to stdout, the file's own encoding and line ends kept, published copies left
 * alone unless forced.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cli, ROOT, scratch } from './cli-helpers';

const DRAFT = readFileSync(join(ROOT, 'examples/valid-draft-unclassified.cable'), 'utf8');
/** The draft with paragraph 2 pasted as one line of 190 characters. */
const LONG = DRAFT.replace(
  /^2\. \(U\) .*\n.*\n.*\n.*$/m,
  '2. (U) The Economy Ministry published the decision on its website the same day. The retrofit is budgeted at 180 million euros over four years, financed in part by a loan from the European Investment Bank.',
);
const WRAPPED = [
  '2. (U) The Economy Ministry published the decision on its website the',
  'same day. The retrofit is budgeted at 180 million euros over four',
  'years, financed in part by a loan from the European Investment Bank.',
].join('\n');
const PAGE = `This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n${LONG}`;
const tokens = (text: string) => text.split(/\s+/).filter((t) => t.length > 0);

describe('cable-lint fmt', () => {
  const s = scratch('fmt');
  after(() => s.remove());

  it('rewrites a file in place: the long paragraph wrapped at 69, every word kept; a second run changes nothing', () => {
    const dir = s.tree('write', { 'long.cable': LONG, 'fits.cable': DRAFT });
    const r = cli(['fmt', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const out = readFileSync(join(dir, 'long.cable'), 'utf8');
    assert.ok(out.includes(`\n${WRAPPED}\n`), out);
    assert.deepEqual(tokens(out), tokens(LONG));
    assert.equal(readFileSync(join(dir, 'fits.cable'), 'utf8'), DRAFT);
    assert.match(r.stderr, /^reformatted long\.cable$/m);
    assert.match(r.stderr, /^1 file reformatted, 1 left unchanged$/m);
    const again = cli(['fmt', '.'], { cwd: dir });
    assert.equal(again.status, 0);
    assert.match(again.stderr, /^0 files reformatted, 2 left unchanged$/m);
  });

  it('--check lists what would change, writes nothing, and exits 1; 0 once formatted', () => {
    const dir = s.tree('check', { 'long.cable': LONG, 'fits.cable': DRAFT });
    const r = cli(['fmt', '--check', '.'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, 'would reformat long.cable\n');
    assert.match(r.stderr, /^1 file would be reformatted, 1 left unchanged$/m);
    assert.equal(readFileSync(join(dir, 'long.cable'), 'utf8'), LONG);
    assert.equal(cli(['fmt', '--check', 'fits.cable'], { cwd: dir }).status, 0);
  });

  it('--diff shows the change as a unified diff and exits 1', () => {
    const dir = s.tree('diff', { 'long.cable': LONG });
    const r = cli(['fmt', '--diff', 'long.cable'], { cwd: dir });
    assert.equal(r.status, 1);
    const line = LONG.split('\n').findIndex((l) => l.startsWith('2. ')) + 1;
    assert.ok(r.stdout.startsWith(`--- long.cable\n+++ long.cable\n@@ -${line},1 +${line},3 @@\n-2. (U) The Economy`), r.stdout);
    assert.ok(r.stdout.includes(`\n${WRAPPED.split('\n').map((l) => `+${l}`).join('\n')}\n`), r.stdout);
    assert.equal(readFileSync(join(dir, 'long.cable'), 'utf8'), LONG);
  });

  it('- reads stdin and writes the formatted text to stdout', () => {
    const r = cli(['fmt', '-'], { input: LONG });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes(`\n${WRAPPED}\n`));
    assert.equal(cli(['fmt', '--check', '-'], { input: LONG }).status, 1);
    assert.equal(cli(['fmt', '-'], { input: DRAFT }).stdout, DRAFT);
  });

  it('keeps a Latin-1 file Latin-1 and CRLF line ends CRLF (a copy with a pilcrow, published, so forced)', () => {
    const latin1 = Buffer.from(LONG.replace('2. (U)', '\u00b62. (U)').replace(/\n/g, '\r\n'), 'latin1');
    const dir = s.tree('encoding', { 'old.cable': latin1 });
    assert.equal(cli(['fmt', '--force', 'old.cable'], { cwd: dir }).status, 0);
    const bytes = readFileSync(join(dir, 'old.cable'));
    assert.ok(bytes.includes(Buffer.from([0xb6, 0x32, 0x2e])), 'the pilcrow still the byte 0xB6');
    const text = bytes.toString('latin1');
    assert.ok(text.includes(`\r\n${`\u00b6${WRAPPED}`.replace(/\n/g, '\r\n')}\r\n`), text);
    assert.ok(!/[^\r]\n/.test(text));
  });

  it("wraps to CBL120's limit from .cablelintrc.json", () => {
    const dir = s.tree('config', { 'long.cable': LONG, '.cablelintrc.json': JSON.stringify({ rules: { 'line-length': ['info', { max: 55 }] } }) });
    assert.equal(cli(['fmt', 'long.cable'], { cwd: dir }).status, 0);
    const out = readFileSync(join(dir, 'long.cable'), 'utf8');
    const para = out.slice(out.indexOf('\n2. ') + 1, out.indexOf('\n\n3. '));
    for (const line of para.split('\n')) assert.ok(line.length <= 55, line);
    assert.deepEqual(tokens(out), tokens(LONG));
  });

  it('leaves a published copy alone and says so; --force formats it', () => {
    const dir = s.tree('published', { 'page.txt': PAGE });
    const r = cli(['fmt', 'page.txt'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.match(r.stderr, /^cable-lint: page\.txt is a published copy left as it is \(--force formats it\)$/m);
    assert.equal(readFileSync(join(dir, 'page.txt'), 'utf8'), PAGE);
    assert.equal(cli(['fmt', '--check', 'page.txt'], { cwd: dir }).status, 0);
    assert.equal(cli(['fmt', '--force', 'page.txt'], { cwd: dir }).status, 0);
    assert.ok(readFileSync(join(dir, 'page.txt'), 'utf8').includes(`\n${WRAPPED}\n`));
  });

  it('usage errors exit 2 with one line; --help describes the command', () => {
    for (const [args, message] of [
      [['fmt'], /^cable-lint: fmt: no input/],
      [['fmt', '--check', '--diff', 'x.cable'], /^cable-lint: fmt: --check and --diff exclude each other$/m],
      [['fmt', '--chek', 'x.cable'], /^cable-lint: fmt: unknown option '--chek'/],
      [['fmt', 'missing.cable'], /^cable-lint: .*missing\.cable/],
    ] as const) {
      const r = cli([...args], { cwd: s.base });
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    const help = cli(['fmt', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: cable-lint fmt \[options\] PATH\.\.\./);
    assert.match(cli(['--help']).stdout, /cable-lint fmt/);
  });
});
