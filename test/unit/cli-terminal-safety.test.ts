// Text from a file never reaches a terminal raw (issue 15, items 2 and 7): the engine writes
// control characters in its messages as `U+001B` and each message as one line, and the CLI
// escapes every other text it prints from outside (file names, the lines of a dry-run diff,
// paths in error messages). Driven through the real command, as a user runs it.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cli, onlyRules, scratch } from './cli-helpers';

const tmp = scratch('terminal');
after(() => tmp.remove());

/** Raw terminal controls: C0 but the line feed that ends output lines, DEL and C1. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/**
 * A draft with an escape sequence that clears the screen on its TAGS line, a form feed, a
 * vertical tab and a C1 control (U+008C) in its text, and an `END NOTE` split over two lines.
 */
const HOSTILE = [
  'UNCLAS ROME 000123',
  '',
  'E.O. 12958: N/A',
  'TAGS: PREL LH\u001b[2J',
  'SUBJECT: TEST',
  '',
  '1. (U) SUMMARY: THE TEXT. BEGIN NOTE: A NOTE. END',
  'NOTE. END SUMMARY.',
  '',
  '2. (U) FORM\u000cFEED AND\u000bVT AND \u008c HERE.',
  '',
  'SMITH',
  '',
].join('\n');

interface Record {
  ruleId: string;
  message: string;
  line: number;
}

describe('cli: control characters from a file are shown escaped', () => {
  it('stylish: the messages name U+001B, U+000C, U+000B, U+008C; nothing raw reaches the terminal', () => {
    const dir = tmp.tree('stylish', { 'a.cable': HOSTILE });
    const r = cli(['a.cable'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, RAW_CONTROL, JSON.stringify(r.stdout));
    assert.match(r.stdout, /found PREL LHU\+001B\[2J/, 'the CBL062 message quotes the TAGS line with the escape written out');
    // Each code point once, as what the character is: a control has no form to show in backticks.
    for (const cp of ['U+001B escape', 'U+000C form feed', 'U+000B vertical tab', 'U+008C']) assert.ok(r.stdout.includes(`set: (${cp}); expected`), cp);
    assert.doesNotMatch(r.stdout, /`U\+00/, 'no code point written twice, once in backticks');
  });

  it('json: the same messages, each one line; a quoted END NOTE split over two lines reads `END NOTE`', () => {
    const dir = tmp.tree('json', { 'a.cable': HOSTILE });
    const r = cli(['-f', 'json', 'a.cable'], { cwd: dir });
    const diagnostics: Record[] = JSON.parse(r.stdout).files[0].diagnostics;
    for (const d of diagnostics) assert.doesNotMatch(d.message, /[\u0000-\u001f\u007f-\u009f]/, `${d.ruleId}: ${JSON.stringify(d.message)}`);
    const orphan = diagnostics.find((d) => d.ruleId === 'CBL101');
    assert.ok(orphan, 'the split END NOTE closes nothing (CBL101)');
    assert.equal(orphan.message, '`END NOTE` in paragraph 1 closes nothing: expected an opening `(NOTE:` before it');
    assert.deepEqual(
      diagnostics.filter((d) => d.ruleId === 'CBL122').map((d) => [d.line, d.message]),
      [
        [4, 'character outside the telegraphic set: (U+001B escape); expected plain ASCII'],
        [10, 'character outside the telegraphic set: (U+000C form feed); expected plain ASCII'],
        [10, 'character outside the telegraphic set: (U+000B vertical tab); expected plain ASCII'],
        [10, 'character outside the telegraphic set: (U+008C); expected plain ASCII'],
      ],
    );
  });

  it('a file name with controls is escaped in stylish, github and junit output, and kept exact in JSON as \\u escapes', () => {
    const name = 'evil\u001b[2J\u009bname.cable';
    const dir = tmp.tree('names', { [name]: HOSTILE, '.cablelintrc.json': onlyRules({ CBL062: 'warning' }) });
    const stylish = cli(['.'], { cwd: dir });
    assert.doesNotMatch(stylish.stdout, RAW_CONTROL);
    assert.ok(stylish.stdout.includes('evilU+001B[2JU+009Bname.cable'), stylish.stdout);
    for (const format of ['github', 'junit']) {
      const out = cli(['-f', format, '.'], { cwd: dir }).stdout;
      assert.doesNotMatch(out, RAW_CONTROL, format);
      assert.ok(out.includes('evilU+001B[2JU+009Bname.cable'), `${format}: ${out}`);
    }
    for (const format of ['json', 'sarif']) {
      const out = cli(['-f', format, '.'], { cwd: dir }).stdout;
      assert.doesNotMatch(out, RAW_CONTROL, `${format}: nothing raw, C1 included`);
      // JSON writes the C1 control as an escape; a SARIF artifact URI percent-encodes it.
      assert.ok(out.includes(format === 'json' ? '\\u009b' : '%C2%9B'), `${format}: the C1 control escaped`);
      const parsed = JSON.parse(out);
      const path = format === 'json' ? parsed.files[0].path : decodeURIComponent(parsed.runs[0].artifacts[0].location.uri);
      assert.equal(path, name, `${format}: the data is the file's real name`);
    }
  });

  it('--fix-dry-run: the path and the changed lines are escaped on stderr', () => {
    const dir = tmp.tree('dry', { 'x\u001b]0;pwned\u0007.cable': HOSTILE.replace('FORM\u000cFEED', 'FORM\tFEED \u001b[31mRED') });
    const r = cli(['--fix-dry-run', '.'], { cwd: dir });
    assert.doesNotMatch(r.stderr, RAW_CONTROL, JSON.stringify(r.stderr));
    assert.match(r.stderr, /^would fix xU\+001B\]0;pwnedU\+0007\.cable: 1 fix \(CBL122\)$/m);
    assert.match(r.stderr, /^ {2}- 2\. \(U\) FORMU\+0009FEED U\+001B\[31mRED AND/m, 'the tab and the escape written out');
    assert.match(r.stderr, /^ {2}\+ 2\. \(U\) FORM FEED U\+001B\[31mRED AND/m);
  });

  it('error messages escape the paths and arguments they repeat', () => {
    const r = cli(['no\u001b[2Jsuch.cable']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'cable-lint: cannot read noU+001B[2Jsuch.cable: no such file or directory\n');
  });
});
