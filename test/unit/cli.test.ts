// Runs the real command (`node bin/cable-lint.js`, which loads dist/cli.js; `npm test` builds it
// first) on fixtures and temporary folders.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../../server/src/api';
import { assertValidReport } from '../report-schema';
import { lint } from '../../server/src/lint';
import { findRule } from '../../server/src/rules/index';
import { formatStylish, COLOURS } from '../../server/src/cli/formatters';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'cable-lint.js');
const REYKJAVIK = 'test/fixtures/synthetic-reykjavik.cable';
// A cables.csv text in Latin-1: its `¶` is the single byte 0xB6 (checked below).
const KINGSTON = 'test/fixtures/corpus/07KINGSTON382.txt';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}) {
  const r = cli(['--format', 'json', ...args], opts);
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  // --print-rules prints the catalogue, not a report.
  if (!args.includes('--print-rules')) assertValidReport(report, `cable-lint --format json ${args.join(' ')}`);
  return { ...r, report };
}

let tmp: string;
let allOff: Record<string, string>;

/** A draft whose only long line (80 characters) is line 7; nothing else in it is remarkable. */
const LONG_LINE = '1. (U) THE INDUSTRY MINISTRY ANNOUNCED THE PLAN ON MAY 9 AND GAVE NO COST TABLE.';
const DRAFT = ['UNCLAS ROME 000123', '', 'E.O. 13526: N/A', 'TAGS: PREL IT', 'SUBJECT: TEST', '', LONG_LINE, '', 'SMITH', ''].join('\n');

/** Writes files under a fresh folder of the temp area; returns the folder. */
function tree(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(tmp, name);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

/** A config that silences the whole catalogue except the rules given. */
function onlyRules(rules: Record<string, unknown>, extra: object = {}): string {
  const off = { ...allOff };
  // A config may not set one rule by both id and name.
  for (const key of Object.keys(rules)) delete off[findRule(key)!.id];
  return JSON.stringify({ rules: { ...off, ...rules }, ...extra }, null, 1);
}

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cable-lint-cli-'));
  const list = json(['--print-rules']).report;
  allOff = Object.fromEntries(list.rules.map((r: { id: string }) => [r.id, 'off']));
  assert.equal(LONG_LINE.length, 80);
});

after(() => rmSync(tmp, { recursive: true, force: true }));

describe('cli: json report', () => {
  it('describes the synthetic Reykjavik cable from its text', () => {
    const { status, report } = json([REYKJAVIK]);
    assert.equal(report.version, 2);
    assert.equal(report.files.length, 1);
    const f = report.files[0];
    assert.equal(f.path, REYKJAVIK);
    assert.deepEqual(f.cable, {
      id: '08REYKJAVIK457',
      post: 'REYKJAVIK',
      serial: 457,
      date: '2008-05-14T15:30Z',
      classification: 'CONFIDENTIAL',
      captions: ['SIPDIS', 'NOFORN'],
      tags: ['PREL', 'ENRG', 'EINV', 'IC', 'DA', 'NO'],
      tagsAsWritten: ['PREL', 'ENRG', 'EINV', 'IC', 'DA', 'NO'],
      tagsDetail: [
        { code: 'PREL', kind: 'subject', meaning: 'External Political Relations', trust: 'secondary' },
        { code: 'ENRG', kind: 'subject', meaning: 'Energy (title cut off in the retrieved excerpt after "Ener")', trust: 'official' },
        { code: 'EINV', kind: 'subject', meaning: 'Foreign Investments', trust: 'official' },
        { code: 'IC', kind: 'geographic', meaning: 'Iceland', trust: 'fips' },
        { code: 'DA', kind: 'geographic', meaning: 'Denmark', trust: 'fips' },
        { code: 'NO', kind: 'geographic', meaning: 'Norway', trust: 'fips' },
      ],
      subject: 'ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC INTEREST, AND SOME DOUBTS',
      subjectAsWritten: 'ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC INTEREST, AND SOME DOUBTS',
      sections: 2,
      paragraphs: 5,
      routingHeader: true,
      references: [
        { letter: 'A', text: 'REYKJAVIK 412', kind: 'cable', id: '08REYKJAVIK412', yearInferred: true },
        { letter: 'B', text: '07 REYKJAVIK 1188', kind: 'cable', id: '07REYKJAVIK1188', yearInferred: false },
        { letter: 'C', text: 'STATE 50123', kind: 'cable', id: '08STATE50123', yearInferred: true },
      ],
      to: [{ route: 'RUEHC', name: 'SECSTATE WASHDC', precedence: 'PRIORITY', serial: '3101', excluded: false }],
      info: [
        { route: 'RUEHCP', name: 'AMEMBASSY COPENHAGEN', precedence: 'PRIORITY', serial: '0412', excluded: false },
        { route: 'RUEHNY', name: 'AMEMBASSY OSLO', precedence: 'PRIORITY', serial: '0398', excluded: false },
        { route: 'RUEHSM', name: 'AMEMBASSY STOCKHOLM', precedence: null, serial: '0377', excluded: false },
      ],
      classifiedBy: {
        text: 'Classified By: Ambassador Jane Q. Example for reasons 1.4 (b) and (d).',
        authority: 'Ambassador Jane Q. Example',
        reasons: ['1.4(b)', '1.4(d)'],
      },
      declassifyOn: '2018-05-14',
      eo: '12958',
      summaryText:
        'A state-owned utility plans to export geothermal drilling services to two Nordic neighbors (REF A). Officials are upbeat in public but admit privately that financing is thin.',
      signers: ['EXAMPLE'],
      paragraphList: [
        { number: 1, portionMark: '(C)', line: 31 },
        { number: 2, portionMark: '(U)', line: 36 },
        { number: 3, portionMark: '(C/NF)', line: 39 },
        { number: 4, portionMark: '(SBU)', line: 47 },
        { number: 5, portionMark: '(C)', line: 51 },
      ],
    });
    // The page marker makes this copy a published text (spec 1.1).
    assert.equal(f.profile, 'published');
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const d of f.diagnostics) counts[`${d.severity}s` as keyof typeof counts]++;
    assert.deepEqual(report.summary, { files: 1, ...counts });
    assert.equal(status, counts.errors > 0 ? 1 : 0);
  });

  it('takes nothing from the file name and nulls what the text lacks', () => {
    const dir = tree('facts', { '08ROME999.cable': 'UNCLAS ROME 000123\n\nSUBJECT: TEST\n\nSMITH\n' });
    const c = json([join(dir, '08ROME999.cable')], { cwd: dir }).report.files[0].cable;
    assert.deepEqual(c, {
      id: null,
      post: 'ROME',
      serial: 123,
      date: null,
      classification: 'UNCLASSIFIED',
      captions: [],
      tags: [],
      tagsAsWritten: [],
      tagsDetail: [],
      subject: 'TEST',
      subjectAsWritten: 'TEST',
      sections: 1,
      paragraphs: 0,
      routingHeader: false,
      references: [],
      to: [],
      info: [],
      classifiedBy: null,
      declassifyOn: null,
      eo: null,
      summaryText: null,
      signers: ['SMITH'],
      paragraphList: [],
    });
  });

  it('prints 1-based positions with an exclusive end, and the same data as the API', () => {
    const dir = tree('positions', { 'd.cable': DRAFT, '.cablelintrc.json': onlyRules({ 'line-length': ['error', { max: 72 }] }) });
    const { status, report } = json(['d.cable'], { cwd: dir });
    assert.equal(status, 1);
    const raw = lint(DRAFT, { rules: { CBL120: ['error', { max: 72 }] } }).diagnostics.filter((d) => d.ruleId === 'CBL120');
    assert.equal(raw.length, 1);
    const { start, end } = raw[0]!.range;
    assert.equal(start.line, 6, 'the long line is the 7th');
    assert.deepEqual(
      report.files[0].diagnostics.map((d: Record<string, unknown>) => [d.ruleId, d.ruleName, d.severity, d.message, d.line, d.column, d.endLine, d.endColumn, d.fixable]),
      [['CBL120', 'line-length', 'error', raw[0]!.message, 7, start.character + 1, end.line + 1, end.character + 1, false]],
    );
    const api = lintText(DRAFT, { filePath: join(dir, 'd.cable'), now: new Date() });
    assertValidReport(api, 'lintText');
    assert.deepEqual(api.files[0].diagnostics, report.files[0].diagnostics);
    assert.deepEqual(api.files[0].cable, report.files[0].cable);
    assert.deepEqual(api.summary, report.summary);
  });
});

describe('cli: exit status and messages', () => {
  it('exits 0 without errors and 1 with errors', () => {
    const dir = tree('exit', { 'd.cable': DRAFT });
    writeFileSync(join(dir, 'quiet.json'), onlyRules({}));
    writeFileSync(join(dir, 'warn.json'), onlyRules({ CBL120: 'warning' }));
    writeFileSync(join(dir, 'error.json'), onlyRules({ CBL120: 'error' }));
    assert.equal(cli(['--config', 'quiet.json', 'd.cable'], { cwd: dir }).status, 0);
    assert.equal(cli(['--config', 'warn.json', 'd.cable'], { cwd: dir }).status, 0);
    assert.equal(cli(['--config', 'error.json', 'd.cable'], { cwd: dir }).status, 1);
  });

  it('reports a missing file in one line, without a stack trace, and exits 2', () => {
    const r = cli(['--format', 'json', REYKJAVIK, 'no/such.cable']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'cable-lint: cannot read no/such.cable: no such file or directory\n');
    assert.equal(r.stdout, '');
  });

  it('exits 2 on usage errors with a one-line message', () => {
    for (const args of [[], ['--frobnicate', REYKJAVIK], ['--format', 'xml', REYKJAVIK], ['--rule', 'CBL999=off', REYKJAVIK], ['--rule', 'CBL061', REYKJAVIK], ['--profile', 'final', REYKJAVIK], ['-', '-'], ['--stdin-filename', 'x.cable', REYKJAVIK]]) {
      const r = cli(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^cable-lint: [^\n]+\n$/, args.join(' '));
      assert.equal(r.stdout, '');
    }
    assert.match(cli(['--rule', 'CBL999=off', REYKJAVIK]).stderr, /unknown rule "CBL999"/);
  });

  it('prints help and version', () => {
    const help = cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: cable-lint /);
    for (const flag of ['--format', '--config', '--rule', '--profile', '--reference-id', '--stdin-filename', '--print-rules']) assert.ok(help.stdout.includes(flag), flag);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(cli(['--version']).stdout, `${pkg.version}\n`);
  });
});

describe('cli: input', () => {
  it('reads a Latin-1 file with its ¶ intact, like the same text in UTF-8', () => {
    const bytes = readFileSync(join(ROOT, KINGSTON));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture is not valid UTF-8');
    assert.ok(bytes.includes(0xb6));
    const latin1 = json([KINGSTON]).report.files[0];
    // `¶` before paragraph numbers makes a text published (spec 4.1); a lost `¶` would not.
    assert.equal(latin1.profile, 'published');
    assert.equal(latin1.cable.id, '07KINGSTON382');
    const dir = tree('encodings', {
      '07KINGSTON382.txt': Buffer.from(bytes.toString('latin1'), 'utf8'),
      'mangled.txt': Buffer.from(bytes.toString('latin1').replace(/¶/g, '#'), 'latin1'),
    });
    const utf8 = json(['07KINGSTON382.txt'], { cwd: dir }).report.files[0];
    assert.deepEqual({ ...utf8, path: KINGSTON }, latin1);
    assert.equal(json(['mangled.txt'], { cwd: dir }).report.files[0].profile, 'transmitted');
  });

  it('lints stdin, named by --stdin-filename', () => {
    const text = readFileSync(join(ROOT, REYKJAVIK));
    const plain = json(['-'], { input: text }).report;
    assert.equal(plain.files[0].path, '<stdin>');
    assert.equal(plain.files[0].cable.id, '08REYKJAVIK457');
    const named = json(['--stdin-filename', 'drafts/r.cable', '-'], { input: text }).report;
    assert.equal(named.files[0].path, 'drafts/r.cable');
    assert.deepEqual(named.files[0].cable, plain.files[0].cable);
  });

  it('walks folders for *.cable, *.tel and *.txt, skipping node_modules and dot-folders', () => {
    const body = 'UNCLAS ROME 000123\n';
    const dir = tree('walk', {
      'top/x.cable': body,
      'top/c.txt': body,
      'top/b/y.tel': body,
      'top/b/deeper/z.CABLE': body,
      'top/readme.md': body,
      'top/notes.json': body,
      'top/node_modules/pkg/n.cable': body,
      'top/.git/h.cable': body,
      'top/.drafts/d.cable': body,
    });
    const paths = json(['top', 'top/x.cable'], { cwd: dir }).report.files.map((f: { path: string }) => f.path);
    assert.deepEqual(paths, ['top/b/deeper/z.CABLE', 'top/b/y.tel', 'top/c.txt', 'top/x.cable']);
    // A file named on the command line is linted whatever its name or folder.
    assert.deepEqual(json(['top/readme.md', 'top/.drafts/d.cable'], { cwd: dir }).report.summary.files, 2);
  });
});

describe('cli: rules and settings', () => {
  it('--print-rules lists the catalogue', () => {
    const { report } = json(['--print-rules']);
    assert.equal(report.version, 1);
    const ids = report.rules.map((r: { id: string }) => r.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    const syntax = report.rules.find((r: { id: string }) => r.id === 'CBL000');
    assert.deepEqual(
      { ...syntax, description: typeof syntax.description },
      {
        id: 'CBL000',
        name: 'syntax',
        defaultSeverity: 'error',
        profiles: { transmitted: 'error', draft: 'error', published: 'error' },
        fixable: false,
        enabledByDefault: true,
        description: 'string',
      },
    );
    for (const r of report.rules) {
      assert.match(r.id, /^CBL\d{3}$/);
      assert.ok(['error', 'warning', 'info'].includes(r.defaultSeverity));
      assert.equal(typeof r.fixable, 'boolean');
      assert.equal(typeof r.enabledByDefault, 'boolean');
      assert.ok(r.description.length > 0);
    }
    const table = cli(['--print-rules']);
    assert.equal(table.status, 0);
    assert.match(table.stdout, /^CBL000 +syntax +error /m);
    assert.equal(table.stdout.split('\n').filter((l) => /^CBL\d{3} /.test(l)).length, ids.length);
  });

  it('--rule wins over the config file and keeps its options', () => {
    const dir = tree('override', { 'd.cable': DRAFT, '.cablelintrc.json': onlyRules({ 'line-length': ['error', { max: 72 }] }) });
    assert.equal(cli(['d.cable'], { cwd: dir }).status, 1);
    assert.equal(cli(['--rule', 'line-length=off', 'd.cable'], { cwd: dir }).status, 0);
    const warned = json(['--rule', 'CBL120=warning', 'd.cable'], { cwd: dir });
    assert.equal(warned.status, 0);
    assert.deepEqual(
      warned.report.files[0].diagnostics.map((d: Record<string, unknown>) => [d.ruleId, d.severity, d.line]),
      [['CBL120', 'warning', 7]],
    );
    // Later flags win over earlier ones.
    assert.equal(cli(['--rule', 'CBL120=off', '--rule', 'CBL120=error', 'd.cable'], { cwd: dir }).status, 1);
    // A severity-only flag keeps the file's options: max 90 lets the 80-character line pass,
    // where the default limit (69) would not.
    writeFileSync(join(dir, '.cablelintrc.json'), onlyRules({ 'line-length': ['info', { max: 90 }] }));
    assert.equal(cli(['--rule', 'line-length=error', 'd.cable'], { cwd: dir }).status, 0);
    writeFileSync(join(dir, '.cablelintrc.json'), onlyRules({ 'line-length': 'info' }));
    assert.equal(cli(['--rule', 'line-length=error', 'd.cable'], { cwd: dir }).status, 1);
  });

  it('finds .cablelintrc.json upward from each file; the nearest wins', () => {
    const dir = tree('discover', {
      // JSON with comments and a trailing comma.
      '.cablelintrc.json': `// project settings\n${onlyRules({ 'line-length': ['error', { max: 72 }] }).replace(/\n}$/, ',\n}')}`,
      'a.cable': DRAFT,
      'sub/deeper/b.cable': DRAFT,
      'other/.cablelintrc.json': onlyRules({}),
      'other/deeper/c.cable': DRAFT,
    });
    const byPath = (r: { report: { files: Array<{ path: string; diagnostics: unknown[] }> } }) =>
      Object.fromEntries(r.report.files.map((f) => [f.path, f.diagnostics.length]));
    const r = json(['.'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.deepEqual(byPath(r), { 'a.cable': 1, 'other/deeper/c.cable': 0, 'sub/deeper/b.cable': 1 });
    // --config replaces discovery for every file.
    assert.deepEqual(byPath(json(['--config', 'other/.cablelintrc.json', '.'], { cwd: dir })), {
      'a.cable': 0,
      'other/deeper/c.cable': 0,
      'sub/deeper/b.cable': 0,
    });
    // stdin is configured from the folder of --stdin-filename.
    assert.equal(json(['--stdin-filename', 'other/x.cable', '-'], { cwd: dir, input: DRAFT }).report.files[0].diagnostics.length, 0);
    assert.equal(json(['--stdin-filename', 'sub/x.cable', '-'], { cwd: dir, input: DRAFT }).report.files[0].diagnostics.length, 1);
  });

  it('applies the config profile unless --profile says otherwise', () => {
    const dir = tree('profile', { '.cablelintrc.json': JSON.stringify({ profile: 'draft' }) });
    writeFileSync(join(dir, 'r.cable'), readFileSync(join(ROOT, REYKJAVIK)));
    assert.equal(json(['r.cable'], { cwd: dir }).report.files[0].profile, 'draft');
    assert.equal(json(['--profile', 'transmitted', 'r.cable'], { cwd: dir }).report.files[0].profile, 'transmitted');
  });

  it('silences diagnostics matched by ignores', () => {
    const config = (ignores: object[]) => onlyRules({ 'line-length': ['error', { max: 72 }] }, { ignores });
    const dir = tree('ignores', { 'old/d.cable': DRAFT, 'new/d.cable': DRAFT });
    const run = (ignores: object[]) => {
      writeFileSync(join(dir, '.cablelintrc.json'), config(ignores));
      const r = json(['.'], { cwd: dir });
      return r.report.files.map((f: { path: string; diagnostics: unknown[] }) => `${f.path}:${f.diagnostics.length}`);
    };
    assert.deepEqual(run([]), ['new/d.cable:1', 'old/d.cable:1']);
    assert.deepEqual(run([{ rule: 'line-length', files: 'old/**' }]), ['new/d.cable:1', 'old/d.cable:0']);
    assert.deepEqual(run([{ text: '^1\\. \\(U\\) THE INDUSTRY MINISTRY' }]), ['new/d.cable:0', 'old/d.cable:0']);
    // Every condition must hold.
    assert.deepEqual(run([{ files: 'old/**', text: 'NOT ON THAT LINE' }]), ['new/d.cable:1', 'old/d.cable:1']);
    assert.deepEqual(run([{ rule: 'CBL061', files: 'old/**' }]), ['new/d.cable:1', 'old/d.cable:1']);
  });

  it('rejects an invalid config with one line and exit 2', () => {
    const dir = tree('invalid', { 'd.cable': DRAFT });
    const cases: Array<[string, RegExp]> = [
      ['{"rules": {"no-such-rule": "off"}}', /^cable-lint: .*\.cablelintrc\.json: rules: unknown rule "no-such-rule"\n$/],
      ['{"rules": {"CBL061": "loud"}}', /^cable-lint: .*\.cablelintrc\.json: rules\.CBL061: invalid severity "loud" \(expected error, warning, info, off\)\n$/],
      ['{"rules": {', /^cable-lint: .*\.cablelintrc\.json:1:12: invalid JSON: expected a closing brace \} for the object, found the end of the file\n$/],
      ['{"ignores": [{"text": "("}]}', /^cable-lint: .*ignores\[0\]\.text: invalid regular expression/],
    ];
    for (const [text, expected] of cases) {
      writeFileSync(join(dir, '.cablelintrc.json'), text);
      const r = cli(['d.cable'], { cwd: dir });
      assert.equal(r.status, 2, text);
      assert.match(r.stderr, expected);
      assert.equal(r.stdout, '');
    }
    const missing = cli(['--config', 'nope.json', 'd.cable'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'cable-lint: cannot read nope.json: no such file or directory\n');
  });

  it('checks the reference id from the file name, or --reference-id instead (CBL124)', () => {
    const text = readFileSync(join(ROOT, REYKJAVIK));
    const dir = tree('refid', { '08REYKJAVIK999.cable': text, '08REYKJAVIK457.cable': text, 'reykjavik-999.cable': text, '.cablelintrc.json': onlyRules({ CBL124: 'error' }) });
    const rules = (file: string, extra: string[] = []) =>
      json([...extra, file], { cwd: dir }).report.files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    assert.deepEqual(rules('08REYKJAVIK999.cable'), ['CBL124']);
    assert.deepEqual(rules('08REYKJAVIK457.cable'), []);
    assert.deepEqual(rules('reykjavik-999.cable'), []);
    assert.deepEqual(rules('08REYKJAVIK999.cable', ['--reference-id', '08REYKJAVIK457']), []);
    assert.deepEqual(rules('reykjavik-999.cable', ['--reference-id', '08REYKJAVIK999']), ['CBL124']);
    // The text decides cable.id, never the name.
    assert.equal(json(['08REYKJAVIK999.cable'], { cwd: dir }).report.files[0].cable.id, '08REYKJAVIK457');
  });
});

describe('cli: stylish format', () => {
  it('groups problems per file with a summary line and no colour in a pipe', () => {
    const dir = tree('stylish', { 'a.cable': DRAFT, 'b.cable': DRAFT.replace('SMITH', 'SMITH ') });
    writeFileSync(join(dir, 'cfg.json'), onlyRules({ 'line-length': ['error', { max: 72 }], CBL121: 'info' }));
    const r = cli(['--config', 'cfg.json', 'a.cable', 'b.cable'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.ok(!r.stdout.includes('\u001b['), 'no escape codes when stdout is not a terminal');
    const lines = r.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 2), ['', 'a.cable']);
    assert.match(lines[2]!, /^ {2}7:\d+ {2}error {2}\S.* {2}CBL120$/);
    assert.deepEqual(lines.slice(3, 5), ['', 'b.cable']);
    // Columns are aligned within a file: severities padded to the longest.
    assert.match(lines[5]!, /^ {2}7:\d+ +error {2}\S.* {2}CBL120$/);
    assert.match(lines[6]!, /^ {2}9:\d+ +info {3}\S.* {2}CBL121$/);
    assert.equal(lines[5]!.indexOf('error'), lines[6]!.indexOf('info'));
    assert.equal(lines[5]!.indexOf('CBL120'), lines[6]!.indexOf('CBL121'));
    assert.deepEqual(lines.slice(7), ['', '\u2716 3 problems (2 errors, 0 warnings, 1 info) in 2 of 2 files checked', '']);
  });

  it('prints only the summary line for clean files', () => {
    const dir = tree('clean', { 'a.cable': DRAFT, 'b.cable': DRAFT, 'cfg.json': onlyRules({}) });
    const r = cli(['--config', 'cfg.json', 'a.cable', 'b.cable'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '\u2714 2 files checked, no problems\n');
  });

  it('colours severities and aligns line numbers when colour is on', () => {
    const out = formatStylish(
      {
        version: 2,
        files: [
          {
            path: 'x.cable',
            profile: 'draft',
            cable: lintText('').files[0]!.cable,
            diagnostics: [
              { ruleId: 'CBL120', ruleName: 'line-length', severity: 'warning', message: 'long', line: 7, column: 73, endLine: 7, endColumn: 81, fixable: false },
              { ruleId: 'CBL080', ruleName: 'paragraph-order', severity: 'error', message: 'order', line: 41, column: 1, endLine: 41, endColumn: 3, fixable: true },
            ],
          },
        ],
        summary: { files: 1, errors: 1, warnings: 1, infos: 0 },
      },
      COLOURS,
    );
    // eslint-disable-next-line no-control-regex
    const plain = out.replace(/\u001b\[\d+m/g, '');
    assert.deepEqual(plain.split('\n'), [
      '',
      'x.cable',
      '   7:73  warning  long   CBL120',
      '  41:1   error    order  CBL080',
      '',
      '\u2716 2 problems (1 error, 1 warning, 0 infos) in 1 of 1 file checked',
      '',
    ]);
    assert.ok(out.includes('\u001b[31merror'), 'errors in red');
    assert.ok(out.includes('\u001b[33mwarning'), 'warnings in yellow');
  });
});
