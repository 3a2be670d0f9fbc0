// Output formats and output options through the real command: sarif (validated against the
// official SARIF 2.1.0 schema, a committed fixture), github, junit, --quiet, --max-warnings,
// --output-file, --stats and the summary line.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { allRules } from '../../server/src/rules/index';
import { spawn } from 'node:child_process';
import { BIN, cli, FIXABLE, jsonRun, onlyRules, ROOT, scratch } from './cli-helpers';

const tmp = scratch('formats');
let dir: string;

/** A line of FIXABLE with a replacement applied (1-based columns, end exclusive). */
function replaceOnLine(line: string, r: Sarif.Replacement): string {
  const region = r.deletedRegion;
  assert.equal(region.startLine, region.endLine, 'the TAGS fixes stay on their line');
  return line.slice(0, region.startColumn! - 1) + (r.insertedContent?.text ?? '') + line.slice(region.endColumn! - 1);
}

before(() => {
  // On FIXABLE only two rules speak: PRELL at 4:12-4:17 (CBL061, as an error here) and the
  // second ECON at 4:23-4:27 (CBL064, as a warning).
  dir = tmp.tree('formats', {
    'a.cable': FIXABLE,
    'clean.cable': FIXABLE.replace('PRELL ECON ECON', 'ECON'),
    '.cablelintrc.json': onlyRules({ CBL061: 'error', CBL064: 'warning' }),
  });
});
after(() => tmp.remove());

describe('cli: --format sarif', () => {
  it('is valid SARIF 2.1.0 by the official schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    for (const args of [['a.cable', 'clean.cable'], ['clean.cable'], [join(ROOT, 'examples')]]) {
      const r = cli(['--format', 'sarif', ...args], { cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const log = JSON.parse(r.stdout);
      assert.ok(validate(log), `${args.join(' ')}: ${ajv.errorsText(validate.errors)}`);
    }
    // The schema itself is what the tests think it is: it rejects a log without runs.
    assert.equal(validate({ version: '2.1.0' }), false);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {} }] }] }), false);
  });

  it('describes every rule and reports results with regions, rule indexes and fixes', () => {
    const r = cli(['--format', 'sarif', 'a.cable', 'clean.cable'], { cwd: dir });
    assert.equal(r.status, 1);
    const log: Sarif.Log = JSON.parse(r.stdout);
    const run = log.runs[0]!;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const rules = run.tool.driver.rules!;
    assert.deepEqual(rules.map((d) => d.id), allRules.map((x) => x.id));
    for (const d of rules) assert.equal(d.name, allRules.find((x) => x.id === d.id)!.name);
    assert.deepEqual(run.artifacts!.map((a) => [a.location!.uri, a.location!.uriBaseId]), [
      ['a.cable', 'SRCROOT'],
      ['clean.cable', 'SRCROOT'],
    ]);
    const results = run.results!;
    assert.deepEqual(
      results.map((x) => [x.ruleId, x.level, rules[x.ruleIndex!]!.id, x.locations![0]!.physicalLocation!.region]),
      [
        ['CBL061', 'error', 'CBL061', { startLine: 4, startColumn: 12, endLine: 4, endColumn: 17 }],
        ['CBL064', 'warning', 'CBL064', { startLine: 4, startColumn: 23, endLine: 4, endColumn: 27 }],
      ],
    );
    const tagsLine = FIXABLE.split('\n')[3]!;
    const [known, repeated] = results.map((x) => x.fixes![0]!.artifactChanges[0]!);
    assert.equal(known!.artifactLocation.uri, 'a.cable');
    assert.equal(replaceOnLine(tagsLine, known!.replacements[0]!), 'TAGS: PREL PREL ECON ECON');
    assert.equal(replaceOnLine(tagsLine, repeated!.replacements[0]!), 'TAGS: PREL PRELL ECON');
  });
});

describe('cli: SARIF help', () => {
  it('carries each rule\'s help from its page (why, failing and passing example), and no link without a real repository', () => {
    const log: Sarif.Log = JSON.parse(cli(['--format', 'sarif', 'a.cable'], { cwd: dir }).stdout);
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.informationUri, undefined, 'package.json names no repository');
    for (const d of run.tool.driver.rules!) {
      assert.equal(d.helpUri, undefined, `${d.id}: no link that goes nowhere`);
      const page = readFileSync(join(ROOT, 'docs/rules', `${d.id}.md`), 'utf8');
      const failing = /## Failing example\n\n(?:[^`#][^\n]*\n\n)?```[^\n]*\n([\s\S]*?)\n```/.exec(page)![1]!;
      const md = d.help?.markdown ?? '';
      assert.match(md, /^## Why\n\n/, d.id);
      assert.ok(md.includes('## Failing example\n\n') && md.includes(failing), `${d.id}: the failing example as on the page`);
      assert.ok(md.includes('## Passing example'), d.id);
      assert.ok(!/\]\((?!https?:)[^)]*\)/.test(md), `${d.id}: no relative link left`);
      assert.ok(!md.includes('## Configuration'), `${d.id}: only the sections a result needs`);
      const text = d.help?.text ?? '';
      assert.match(text, /^Why\n\n/, d.id);
      assert.ok(text.includes(failing.split('\n').map((l) => `    ${l}`).join('\n')), `${d.id}: the example indented in the text`);
      assert.ok(!text.includes('```') && !text.includes('**'), `${d.id}: plain text`);
    }
    const cbl061 = run.tool.driver.rules!.find((d) => d.id === 'CBL061')!;
    assert.ok(cbl061.help!.text.includes('Failing example\n\n    TAGS: PRELL ENRG QZXV IC'), cbl061.help!.text);
    // Settings an example runs under read as a sentence before it, not in the fence.
    const cbl003 = run.tool.driver.rules!.find((d) => d.id === 'CBL003')!;
    assert.match(cbl003.help!.markdown ?? '', /## Failing example\n\nWith the settings `\{"profile": "transmitted"\}`:\n\n```cable\n/);
  });

  it('links each rule to its page in a real repository, never on a reserved placeholder host', async () => {
    const { formatSarif, ruleHelpUri } = await import('../../server/src/cli/formatters');
    assert.equal(ruleHelpUri('git+https://github.com/someone/cable-lint.git', 'CBL061'), 'https://github.com/someone/cable-lint/blob/main/docs/rules/CBL061.md');
    for (const placeholder of ['https://example.invalid/cable-lint.git', 'https://example.com/x', 'http://repo.test/x', 'git@github.com:a/b.git', 'https://localhost/x']) {
      assert.equal(ruleHelpUri(placeholder, 'CBL061'), undefined, placeholder);
    }
    const report = { version: 2 as const, files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0 } };
    const rules = [{ id: 'CBL061', name: 'tags-known', defaultSeverity: 'warning' as const, profiles: { transmitted: 'warning' as const, draft: 'warning' as const, published: 'warning' as const }, fixable: true, enabledByDefault: true, description: 'd' }];
    const log = JSON.parse(formatSarif(report, rules, { toolVersion: '1', cwd: '/', repositoryUrl: 'https://github.com/someone/cable-lint' }));
    assert.equal(log.runs[0].tool.driver.informationUri, 'https://github.com/someone/cable-lint');
    assert.equal(log.runs[0].tool.driver.rules[0].helpUri, 'https://github.com/someone/cable-lint/blob/main/docs/rules/CBL061.md');
  });
});

describe('cli: --format github and junit', () => {
  it('writes one workflow annotation per diagnostic', () => {
    const { report } = jsonRun(['a.cable'], { cwd: dir });
    const [known, repeated] = report.files[0].diagnostics;
    const r = cli(['--format', 'github', 'a.cable', 'clean.cable'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(
      r.stdout,
      `::error file=a.cable,line=4,col=12,endLine=4,endColumn=17,title=CBL061 (tags-known)::${known.message}\n` +
        `::warning file=a.cable,line=4,col=23,endLine=4,endColumn=27,title=CBL064 (tags-hygiene)::${repeated.message}\n`,
    );
  });

  it('escapes what workflow commands reserve in a file name', () => {
    const odd = tmp.tree('github-odd', { 'a,b:c%.cable': FIXABLE, '.cablelintrc.json': onlyRules({ CBL061: 'info' }) });
    const r = cli(['--format', 'github', 'a,b:c%.cable'], { cwd: odd });
    assert.match(r.stdout, /^::notice file=a%2Cb%3Ac%25\.cable,line=4,/);
  });

  it('writes JUnit XML: a suite per file, a failure per diagnostic, a passing case for a clean file', () => {
    const odd = tmp.tree('junit', { 'a&b.cable': FIXABLE, 'clean.cable': FIXABLE.replace('PRELL ECON ECON', 'ECON'), '.cablelintrc.json': onlyRules({ CBL061: 'error', CBL064: 'warning' }) });
    const r = cli(['--format', 'junit', 'a&b.cable', 'clean.cable'], { cwd: odd });
    assert.equal(r.status, 1);
    const xml = r.stdout;
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="cable-lint" tests="3" failures="2" errors="0"/);
    assert.match(xml, /<testsuite name="a&amp;b\.cable" tests="2" failures="2"/);
    assert.match(xml, /<testsuite name="clean\.cable" tests="1" failures="0"/);
    assert.equal((xml.match(/<failure type="error" /g) ?? []).length, 1);
    assert.equal((xml.match(/<failure type="warning" /g) ?? []).length, 1);
    assert.match(xml, /<testcase classname="clean\.cable" name="cable-lint" time="0" \/>/);
    assert.ok(!/&(?!amp;|lt;|gt;|quot;)/.test(xml), 'every & is escaped');
    assert.ok(xml.trimEnd().endsWith('</testsuites>'));
  });
});

describe('cli: --quiet, --max-warnings, --output-file, --stats', () => {
  it('--quiet reports errors only', () => {
    const { status, report } = jsonRun(['--quiet', 'a.cable'], { cwd: dir });
    assert.equal(status, 1);
    assert.deepEqual(report.files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId), ['CBL061']);
    assert.deepEqual(report.summary, { files: 1, errors: 1, warnings: 0, infos: 0 });
  });

  it('--max-warnings N fails the run beyond N warnings, counting warnings --quiet hides', () => {
    const warnOnly = tmp.tree('max-warnings', { 'a.cable': FIXABLE, '.cablelintrc.json': onlyRules({ CBL064: 'warning' }) });
    assert.equal(cli(['a.cable'], { cwd: warnOnly }).status, 0);
    assert.equal(cli(['--max-warnings', '1', 'a.cable'], { cwd: warnOnly }).status, 0);
    const over = cli(['--max-warnings', '0', 'a.cable'], { cwd: warnOnly });
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'cable-lint: 1 warnings, more than --max-warnings 0\n');
    assert.equal(cli(['--quiet', '--max-warnings', '0', 'a.cable'], { cwd: warnOnly }).status, 1);
    assert.equal(cli(['--max-warnings=-1', 'a.cable'], { cwd: warnOnly }).status, 0, '-1: no limit, as in ESLint');
    const bad = cli(['--max-warnings', 'many', 'a.cable'], { cwd: warnOnly });
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, 'cable-lint: --max-warnings: expected a whole number, got "many"\n');
  });

  it('--output-file writes the report to a file (folders created) and nothing to stdout', () => {
    const r = cli(['--format', 'json', '--output-file', 'out/report.json', 'a.cable'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    const written = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
    assert.deepEqual(written, jsonRun(['a.cable'], { cwd: dir }).report);
    const stylish = cli(['-o', 'out/report.txt', 'a.cable'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    assert.equal(stylish.stdout, '');
    assert.ok(!readFileSync(join(dir, 'out/report.txt'), 'utf8').includes('\u001b['), 'no colour in a file');
  });

  it('--stats counts hits per rule: after a stylish report, on stderr for the other formats', () => {
    const r = cli(['--stats', 'a.cable', 'clean.cable'], { cwd: dir });
    const stats = r.stdout.slice(r.stdout.lastIndexOf('\nrule'));
    const lines = stats.trim().split('\n');
    assert.match(lines[0]!, /^rule +name +hits +error +warning +info +files$/);
    assert.match(lines[1]!, /^CBL061 +tags-known +1 +1 +0 +0 +1$/);
    assert.match(lines[2]!, /^CBL064 +tags-hygiene +1 +0 +1 +0 +1$/);
    assert.equal(lines[3], '2 hits from 2 rules in 2 files');
    const j = cli(['--stats', '--format', 'json', 'a.cable'], { cwd: dir });
    assert.doesNotThrow(() => JSON.parse(j.stdout), 'stdout stays one JSON document');
    assert.match(j.stderr, /^CBL061 +tags-known +1 +1 +0 +0 +1$/m);
  });

  it('ends a stylish report with a summary line', () => {
    const r = cli(['a.cable', 'clean.cable'], { cwd: dir });
    assert.equal(r.stdout.trimEnd().split('\n').at(-1), '\u2716 2 problems (1 error, 1 warning, 0 infos) in 1 of 2 files checked');
  });
});

describe('cli: --format ndjson', () => {
  it('prints one file report a line, in input order, the same objects as --format json, no summary line', () => {
    const nd = tmp.tree('ndjson', { 'z.cable': FIXABLE, 'a.cable': FIXABLE, 'clean.cable': FIXABLE.replace('PRELL ECON ECON', 'ECON'), '.cablelintrc.json': onlyRules({ CBL061: 'error', CBL064: 'warning' }) });
    const files = ['z.cable', 'clean.cable', 'a.cable'];
    const r = cli(['--format', 'ndjson', ...files], { cwd: nd });
    assert.equal(r.status, 1);
    assert.ok(r.stdout.endsWith('\n'));
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3, 'one line per file, nothing else');
    const json = jsonRun(files, { cwd: nd }).report;
    assert.deepEqual(lines.map((l) => JSON.parse(l)), json.files);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), files);
    // --concurrency 2: worker threads, the same order.
    assert.equal(cli(['--format', 'ndjson', '--concurrency', '2', ...files], { cwd: nd }).stdout, r.stdout);
    // stdin among files keeps its place.
    const withStdin = cli(['--format', 'ndjson', 'a.cable', '-', 'clean.cable', '--stdin-filename', 'in.cable'], { cwd: nd, input: FIXABLE });
    assert.deepEqual(withStdin.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).path), ['a.cable', 'in.cable', 'clean.cable']);
  });

  it('--quiet keeps errors only; --output-file writes the same lines', () => {
    const quiet = cli(['--format', 'ndjson', '--quiet', 'a.cable'], { cwd: dir });
    assert.deepEqual(JSON.parse(quiet.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId), ['CBL061']);
    const r = cli(['--format', 'ndjson', '-o', 'out/report.ndjson', 'a.cable', 'clean.cable'], { cwd: dir });
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(join(dir, 'out/report.ndjson'), 'utf8'), cli(['--format', 'ndjson', 'a.cable', 'clean.cable'], { cwd: dir }).stdout);
  });

  it('writes each line as soon as it is ready, not at the end of the run', async () => {
    const many = tmp.tree('ndjson-many', Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`c${String(i).padStart(3, '0')}.cable`, FIXABLE])));
    const child = spawn(process.execPath, [BIN, '--format', 'ndjson', '--concurrency', 'off', '.'], { cwd: many });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    const ended = new Promise<void>((res) => child.stdout.on('end', () => res()));
    await new Promise<void>((res) => child.stdout.once('data', () => res()));
    // What the first write held: a report written at the end would hold all 150 lines.
    const first = out.split('\n').length - 1;
    await ended;
    assert.ok(first < 150, `the first write held ${first} lines: not streamed`);
    assert.equal(out.trimEnd().split('\n').length, 150);
  });
});
