// --fix, --fix-dry-run and --fix-unsafe through the real command, and the fixing loop of the API
// on the committed corpus sample: the same fixes the editor offers, no word lost or moved.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fixSource, type LintSession } from '../../server/src/api';
import { lineDiff } from '../../server/src/cli/diff';
import { decodeCable } from '../../server/src/host/decode';
import { lint } from '../../server/src/lint';
import { applyEdits, fixAll } from '../../server/src/service/index';
import { BROKEN, cli, FIXABLE, jsonRun, ROOT, scratch } from './cli-helpers';
import { assertValidFileReport } from '../report-schema';

const tmp = scratch('fix');
after(() => tmp.remove());

/** FIXABLE once PRELL reads PREL and both repeats are gone; paragraph 3 is still missing. */
const FIXED = FIXABLE.replace('TAGS: PREL PRELL ECON ECON', 'TAGS: PREL ECON');

describe('cli: --fix', () => {
  it('writes the fixed text back atomically, keeps the mode, says what changed, and re-lints', () => {
    const dir = tmp.tree('write', { 'a.cable': FIXABLE });
    chmodSync(join(dir, 'a.cable'), 0o640);
    const r = cli(['--fix', '--format', 'json', 'a.cable'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'a.cable'), 'utf8'), FIXED);
    assert.equal(statSync(join(dir, 'a.cable')).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['a.cable'], 'no temporary file left behind');
    assert.equal(r.stderr, 'fixed a.cable: 3 fixes (CBL061, CBL064 \u00d72)\n');
    const report = JSON.parse(r.stdout);
    const ids = report.files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    assert.ok(!ids.includes('CBL061') && !ids.includes('CBL064'), `fixed rules are gone: ${ids}`);
    assert.ok(ids.includes('CBL081'), 'the missing paragraph is not a fix');
    assert.deepEqual(
      report.files[0].fix.applied.map((a: { ruleId: string; pass: number; line: number }) => [a.ruleId, a.pass, a.line]),
      [
        ['CBL061', 1, 4],
        ['CBL064', 1, 4],
        ['CBL064', 2, 4],
      ],
    );
    // A second run has nothing left to fix and leaves the file alone.
    const again = cli(['--fix', 'a.cable'], { cwd: dir });
    assert.equal(again.stderr, '');
    assert.equal(readFileSync(join(dir, 'a.cable'), 'utf8'), FIXED);
  });

  it('keeps a Latin-1 file in Latin-1 (its ¶ stays the byte 0xB6)', () => {
    const latin1 = Buffer.from(FIXABLE.replace('1. (U) FIRST', '\u00b61. (U) FIRST'), 'latin1');
    const dir = tmp.tree('latin1', { 'a.cable': latin1 });
    cli(['--fix', 'a.cable'], { cwd: dir });
    const bytes = readFileSync(join(dir, 'a.cable'));
    assert.ok(bytes.includes(Buffer.from([0x0a, 0xb6, 0x31])), 'the pilcrow is still one byte');
    assert.ok(!bytes.includes(Buffer.from([0xc2, 0xb6])), 'not re-encoded as UTF-8');
    assert.match(bytes.toString('latin1'), /^TAGS: PREL ECON$/m);
  });

  it('refuses a file whose parse had CBL000 errors unless --fix-unsafe', () => {
    const dir = tmp.tree('unsafe', { 'b.cable': BROKEN });
    const r = cli(['--fix', 'b.cable'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(readFileSync(join(dir, 'b.cable'), 'utf8'), BROKEN);
    assert.equal(r.stderr, 'cable-lint: not fixed b.cable: its parse has CBL000 errors (--fix-unsafe fixes it anyway)\n');
    const u = cli(['--fix-unsafe', '--format', 'json', 'b.cable'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'b.cable'), 'utf8'), BROKEN.replace('TAGS: PREL PRELL IC', 'TAGS: PREL IC'));
    assert.match(u.stderr, /^fixed b\.cable: 2 fixes \(CBL061, CBL064\)\n$/);
    const report = JSON.parse(u.stdout);
    assert.ok(report.files[0].diagnostics.some((d: { ruleId: string; line: number }) => d.ruleId === 'CBL000' && d.line === 5), 'the parse error is still reported');
  });

  it('rejects --fix with --fix-dry-run, and --fix on stdin', () => {
    const both = cli(['--fix', '--fix-dry-run', 'x.cable']);
    assert.equal(both.status, 2);
    assert.equal(both.stderr, 'cable-lint: --fix and --fix-dry-run exclude each other\n');
    const stdin = cli(['--fix', '-'], { input: FIXABLE });
    assert.equal(stdin.status, 2);
    assert.match(stdin.stderr, /^cable-lint: --fix cannot write back to stdin: use --fix-dry-run/);
  });
});

describe('cli: --fix corrects a TAGS code only when the slip is certain (issue 15 item 1)', () => {
  const withTags = (tags: string) => FIXABLE.replace('TAGS: PREL PRELL ECON ECON', `TAGS: ${tags}`).replace('4. (U) THIRD', '3. (U) THIRD');
  const fixed = (tags: string) => {
    const dir = tmp.tree(`certain-${tags.replace(/\W+/g, '-')}`, { 'a.cable': withTags(tags) });
    const r = cli(['--fix', '--format', 'json', 'a.cable'], { cwd: dir });
    const left = JSON.parse(r.stdout).files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'CBL061');
    return { tags: readFileSync(join(dir, 'a.cable'), 'utf8').split('\n')[3], stderr: r.stderr, left: left.map((d: { message: string }) => d.message) };
  };

  it('leaves an unknown code whose only suggestion is two edits away (XYZQ is not the inferred XY)', () => {
    const r = fixed('ENRG PREL LH XYZQ');
    assert.equal(r.tags, 'TAGS: ENRG PREL LH XYZQ');
    assert.equal(r.stderr, '', 'nothing fixed, nothing said');
    assert.deepEqual(r.left, ['unknown TAGS code XYZQ: expected a known code (nearest: XY)']);
  });

  it('leaves a slip with two known codes one edit away (ETRA: BTRA, ETRD or OTRA)', () => {
    const r = fixed('PREL LH ETRA');
    assert.equal(r.tags, 'TAGS: PREL LH ETRA');
    assert.equal(r.left.length, 1);
  });

  it('leaves a slip whose only code one edit away no source vouches for (KGHG unverified, RU inferred)', () => {
    const r = fixed('PREL KGHX RUX');
    assert.equal(r.tags, 'TAGS: PREL KGHX RUX');
    assert.equal(r.left.length, 2);
  });

  it('applies the single sourced code one edit away: a letter added, changed or two swapped', () => {
    for (const [slip, code] of [
      ['PRELL', 'PREL'],
      ['ECNO', 'ECON'],
      ['KWNM', 'KWMN'],
      ['PGVO', 'PGOV'],
    ] as const) {
      const r = fixed(`LH ${slip}`);
      assert.equal(r.tags, `TAGS: LH ${code}`, slip);
      assert.equal(r.stderr, 'fixed a.cable: 1 fix (CBL061)\n', slip);
      assert.deepEqual(r.left, [], slip);
    }
  });
});

describe('cli: --fix-dry-run', () => {
  it('writes nothing and shows the changed lines', () => {
    const dir = tmp.tree('dry', { 'a.cable': FIXABLE });
    const r = cli(['--fix-dry-run', 'a.cable'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'a.cable'), 'utf8'), FIXABLE);
    assert.equal(r.stderr, 'would fix a.cable: 3 fixes (CBL061, CBL064 \u00d72)\n  @@ line 4\n  - TAGS: PREL PRELL ECON ECON\n  + TAGS: PREL ECON\n');
    // The report is the one the fixed text would get.
    assert.ok(!r.stdout.includes('CBL061') && r.stdout.includes('CBL081'));
  });

  it('carries the fixed text in --format json, also for stdin', () => {
    const { report, stderr } = jsonRun(['--fix-dry-run', '-'], { input: FIXABLE });
    assert.equal(report.files[0].fix.output, FIXED);
    assert.equal(report.files[0].fix.changed, true);
    assert.match(stderr, /^would fix <stdin>: 3 fixes/);
  });
});

/** Letter runs, upper-cased: the words a fix must keep unless its title names them. */
const words = (s: string) => s.toUpperCase().match(/\p{L}+/gu) ?? [];

describe('api: fixing loop', () => {
  const corpus = join(ROOT, 'test/fixtures/corpus');
  const files = readdirSync(corpus).filter((n) => /\.(txt|cable)$/.test(n));
  const session: LintSession = { now: new Date('2026-01-15T00:00:00Z') };

  it('applies the same edits as the editor\u2019s fix-all when one pass suffices', () => {
    // Seed 000: only CBL084 fixes, none of which uncovers another.
    const text = decodeCable(readFileSync(join(ROOT, 'examples', 'seed-000-dushanbe-50-partial-extract.txt')));
    const result = lint(text, { now: session.now });
    const editor = applyEdits(text, fixAll(result.cable, result.diagnostics));
    const { fix } = fixSource({ text, path: 'seed-000' }, session, { unsafe: true });
    assert.equal(fix.passes, 1);
    assert.equal(fix.output, editor);
    assert.ok(fix.applied.length > 0 && fix.applied.every((a) => a.ruleId === 'CBL084'));
  });

  it('never drops, adds or reorders a word its fixes do not name, and ends stable', () => {
    let changed = 0;
    for (const name of files) {
      const text = decodeCable(readFileSync(join(corpus, name)));
      const { fix, report } = fixSource({ text, path: name }, session, { unsafe: true });
      assertValidFileReport({ ...report, fix }, `fixSource ${name}`);
      assert.ok(fix.stable, `${name}: still fixing after ${fix.passes} passes`);
      if (!fix.changed) continue;
      changed++;
      // Pass by pass (a split tag can be a repeat in the next pass): every run of words that
      // differs either keeps its letters (PHUMPGOV to PHUM PGOV) or consists of words the
      // pass's fixes name ("Remove repeated AF").
      let current = text;
      for (let pass = 1; pass <= fix.passes; pass++) {
        const step = fixSource({ text: current, path: name }, session, { unsafe: true, maxPasses: 1 }).fix;
        // A split names the token it splits by its parts ("Split into VT PREL" names VTPREL).
        const named = new Set(
          step.applied.flatMap((a) => {
            const w = words(a.title);
            return w.flatMap((_, i) => [2, 3, 4].map((n) => w.slice(i, i + n).join(''))).concat(w);
          }),
        );
        for (const h of lineDiff(words(current).join('\n'), words(step.output).join('\n'))) {
          const sameLetters = h.removed.join('') === h.added.join('');
          const announced = [...h.removed, ...h.added].every((w) => named.has(w));
          assert.ok(sameLetters || announced, `${name} pass ${pass}: words changed unannounced: ${h.removed.join(' ')} -> ${h.added.join(' ')}`);
        }
        current = step.output;
      }
      assert.equal(current, fix.output, `${name}: one pass at a time ends where the loop ends`);
      // Fixing the output again finds nothing: the report is the fixed text's.
      const again = fixSource({ text: fix.output, path: name }, session, { unsafe: true });
      assert.equal(again.fix.changed, false, `${name}: a second run changed it again`);
      assert.deepEqual(again.report.diagnostics, report.diagnostics);
    }
    assert.ok(changed >= 10, `the sample has fixable cables (${changed})`);
  });
});
