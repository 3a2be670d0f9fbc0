// Many files: worker threads give the same output as one thread, the progress bar shows only on
// a terminal with more than 300 files; and the package: the Node API by its package name and what
// `npm pack` ships for `npx cable-lint`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main, type CliIo } from '../../server/src/cli/main';
import { cli, FIXABLE, onlyRules, ROOT, scratch } from './cli-helpers';
import { assertValidReport } from '../report-schema';

const tmp = scratch('workers');
after(() => tmp.remove());

/**
 * 30 real cables (every second file of the committed sample, plus the examples): enough for
 * many batches per thread, few enough to keep the suite quick.
 */
const SAMPLE = (() => {
  const files: Record<string, Buffer> = {};
  const corpus = join(ROOT, 'test/fixtures/corpus');
  readdirSync(corpus)
    .filter((n) => /\.(txt|cable)$/.test(n))
    .sort()
    .filter((_, i) => i % 2 === 0)
    .forEach((n) => (files[`corpus/${n}`] = readFileSync(join(corpus, n))));
  for (const n of readdirSync(join(ROOT, 'examples')).filter((x) => /\.(txt|cable)$/.test(x))) files[`examples/${n}`] = readFileSync(join(ROOT, 'examples', n));
  return files;
})();

describe('cli: worker threads', () => {
  let sample: string;
  let CORPUS: string;
  let EXAMPLES: string;
  before(() => {
    sample = tmp.tree('sample', SAMPLE);
    CORPUS = join(sample, 'corpus');
    EXAMPLES = join(sample, 'examples');
  });

  it('gives byte-identical reports with --concurrency 2 and off, in every format', () => {
    // The text formats are functions of the same report, so json and sarif (which also carries
    // fixes and related locations from the workers) stand for all.
    for (const format of ['json', 'sarif']) {
      const one = cli(['--concurrency', 'off', '--format', format, CORPUS, EXAMPLES]);
      const two = cli(['--concurrency', '2', '--format', format, CORPUS, EXAMPLES]);
      assert.equal(two.status, one.status, format);
      assert.equal(two.stderr, one.stderr, format);
      assert.ok(one.stdout.length > 1000, format);
      assert.equal(two.stdout, one.stdout, `${format} differs with workers`);
    }
    const files = JSON.parse(cli(['--concurrency', '3', '--format', 'json', EXAMPLES, CORPUS]).stdout).files.map((f: { path: string }) => f.path);
    const examples = files.filter((f: string) => f.startsWith(EXAMPLES));
    assert.deepEqual(files, [...examples, ...files.slice(examples.length)], 'arguments in order');
    assert.deepEqual(files.slice(examples.length), files.slice(examples.length).sort(), 'a folder in name order');
    assert.ok(examples.length >= 10 && files.length - examples.length >= 25);
  });

  it('fixes the same way in workers (dry run, so the fixtures stay as they are)', () => {
    const one = cli(['--concurrency', 'off', '--fix-dry-run', '--format', 'json', CORPUS]);
    const two = cli(['--concurrency', '2', '--fix-dry-run', '--format', 'json', CORPUS]);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    assert.match(one.stderr, /^would fix /m);
  });

  it('stops with the same one-line error when a worker meets a bad config', () => {
    const dir = tmp.tree('bad-config', {
      'a/1.cable': FIXABLE,
      'a/2.cable': FIXABLE,
      'b/.cablelintrc.json': '{ "rules": { "CBL999": "off" } }',
      'b/3.cable': FIXABLE,
      '.cablelintrc.json': onlyRules({}),
    });
    const one = cli(['--concurrency', 'off', 'a', 'b'], { cwd: dir });
    const two = cli(['--concurrency', '2', 'a', 'b'], { cwd: dir });
    assert.equal(one.status, 2);
    assert.equal(two.status, 2);
    assert.match(one.stderr, /^cable-lint: .*\.cablelintrc\.json: rules: unknown rule "CBL999"\n$/);
    assert.equal(two.stderr, one.stderr);
  });

  it('rejects a bad --concurrency', () => {
    for (const bad of ['0', 'many', '65']) {
      const r = cli(['--concurrency', bad, 'x.cable']);
      assert.equal(r.status, 2, bad);
      assert.match(r.stderr, /^cable-lint: --concurrency: expected auto, off or a number of threads from 1 to 64/);
    }
  });
});

describe('cli: progress bar', () => {
  function fakeIo(stderrIsTTY: boolean): CliIo & { out: string; err: string } {
    const io = {
      out: '',
      err: '',
      stdout: { write: (s: string) => (io.out += s), isTTY: false },
      stderr: { write: (s: string) => (io.err += s), isTTY: stderrIsTTY, columns: 80 },
      readStdin: async () => new Uint8Array(),
      env: { NO_COLOR: '1' },
    };
    return io;
  }

  it('draws on a terminal\u2019s stderr for more than 300 files, and clears itself', async () => {
    const files: Record<string, string> = { '.cablelintrc.json': onlyRules({}) };
    for (let i = 0; i < 301; i++) files[`c/${String(i).padStart(3, '0')}.cable`] = FIXABLE;
    const dir = tmp.tree('many', files);
    const tty = fakeIo(true);
    assert.equal(await main(['--config', join(dir, '.cablelintrc.json'), join(dir, 'c')], tty), 0);
    assert.match(tty.err, /^\r\[-+\] 0\/301 files|^\r\[#*-*\] \d+\/301 files/);
    assert.ok(tty.err.includes('] 301/301 files'), 'reaches the end');
    assert.ok(tty.err.endsWith('\r\u001b[K'), 'and wipes the line');
    assert.equal(tty.out, '\u2714 301 files checked, no problems\n', 'stdout has the report only');
    const pipe = fakeIo(false);
    await main(['--config', join(dir, '.cablelintrc.json'), join(dir, 'c')], pipe);
    assert.equal(pipe.err, '', 'nothing when stderr is not a terminal');
    const few = fakeIo(true);
    await main(['--config', join(dir, '.cablelintrc.json'), join(dir, 'c/000.cable'), join(dir, 'c/001.cable')], few);
    assert.equal(few.err, '', 'nothing for a few files');
  });
});

describe('package', () => {
  it('exposes lintText and lintFiles by the package name', () => {
    const script = `
      import { lintText, lintFiles, listRules } from 'cable-lint';
      const t = lintText(${JSON.stringify(FIXABLE)}, { now: new Date('2026-01-01'), rules: { CBL062: 'off' } });
      const f = lintFiles([${JSON.stringify(join(ROOT, 'examples'))}], { config: false });
      console.log(JSON.stringify({ t, f, ids: t.files[0].diagnostics.map((d) => d.ruleId), files: f.summary.files, rules: listRules().length }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assertValidReport(out.t, 'lintText by the package name');
    assertValidReport(out.f, 'lintFiles by the package name');
    assert.deepEqual(out.ids, ['CBL061', 'CBL064', 'CBL081']);
    assert.equal(out.files, readdirSync(join(ROOT, 'examples')).filter((n) => /\.(txt|cable|tel)$/.test(n)).length);
    assert.ok(out.rules > 50);
  });

  it('packs what `npx cable-lint` and the API need', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = new Set(JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path));
    for (const f of ['package.json', 'README.md', 'bin/cable-lint.js', 'dist/cli.js', 'dist/index.js', 'dist/package.json', 'schemas/cablelintrc.schema.json', 'docs/rules/CBL000.md']) {
      assert.ok(files.has(f), `${f} is packed`);
    }
    assert.ok(![...files].some((f) => String(f).startsWith('test/') || String(f).startsWith('server/src/')), 'no sources or tests');
  });
});
