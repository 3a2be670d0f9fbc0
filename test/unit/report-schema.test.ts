/**
 * Report version 2: the whole cable in `cable` (the model, printed), held to the published JSON
 * Schema; and the rule that every report a test produces is checked against that schema.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { lintSource, lintText, REPORT_VERSION, type CableFacts } from '../../server/src/api';
import { processSource, type RunSpec } from '../../server/src/cli/process';
import { assertValidReport, reportErrors } from '../report-schema';
import { jsonRun, ROOT } from './cli-helpers';

const SEED_002 = join(ROOT, 'examples', 'seed-002-dushanbe-313-published.txt');

function facts(text: string): CableFacts {
  const report = lintText(text, { config: false, now: new Date('2026-01-01T00:00:00Z') });
  assertValidReport(report);
  return report.files[0]!.cable;
}

describe('report version 2: cable facts', () => {
  it('seed 002 on the command line: its reference with a canonical id, its 10 TO/INFO addressees with routes, its signer', () => {
    const { report } = jsonRun([SEED_002], { cwd: ROOT });
    assert.equal(report.version, 2);
    const cable: CableFacts = report.files[0].cable;
    assert.deepEqual(cable.references, [{ letter: null, text: 'STATE 202745', kind: 'cable', id: '07STATE202745', yearInferred: true }]);
    const addressees = [...cable.to, ...cable.info];
    assert.equal(addressees.length, 10);
    assert.deepEqual(cable.to, [{ route: 'RUEHC', name: 'SECSTATE WASHDC', precedence: null, serial: '9721', excluded: false }]);
    assert.ok(addressees.every((a) => /^R[A-Z]{3,7}$/.test(a.route ?? '')), 'every addressee has its route');
    assert.deepEqual(cable.info.map((a) => a.name).slice(0, 3), ['CIS COLLECTIVE', 'AMEMBASSY ABU DHABI', 'AMCONSUL DUBAI']);
    assert.deepEqual(cable.signers, ['JACOBSON']);
    assert.equal(cable.eo, '12958');
    assert.deepEqual(cable.paragraphList.map((p) => p.number), [1, 2, 3]);
    assert.equal(cable.paragraphs, cable.paragraphList.length);
  });

  it('TAGS as an index lists them, with the tokens as written kept apart', () => {
    const c = facts('UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: prel, pgov, PREL, OVIP (STEINBERG, JAMES B.), HUMAN RIGHTS, PHUMPGOV,\n  IT\nSUBJECT: TEST\n\n1. (U) Text.\n\nSMITH\n');
    assert.deepEqual(c.tags, ['PREL', 'PGOV', 'OVIP', 'STEINBERG, JAMES B.', 'HUMAN RIGHTS', 'PHUM', 'IT']);
    assert.deepEqual(c.tagsAsWritten, ['prel', 'pgov', 'PREL', 'OVIP', '(STEINBERG, JAMES B.)', 'HUMAN', 'RIGHTS', 'PHUMPGOV', 'IT']);
    assert.deepEqual(
      c.tagsDetail.map((t) => [t.code, t.kind]),
      [['PREL', 'subject'], ['PGOV', 'subject'], ['OVIP', 'subject'], ['STEINBERG, JAMES B.', 'personal'], ['HUMAN RIGHTS', 'other'], ['PHUM', 'subject'], ['IT', 'geographic']],
    );
    assert.equal(c.tagsDetail[6]!.meaning, 'Italy');
    assert.equal(c.tagsDetail[0]!.trust !== null, true);
  });

  it('a name after OVIP written without its comma is one personal tag, SURNAME, GIVEN', () => {
    const c = facts('UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: OVIP CLINTON HILLARY PREL KPAL FR\nSUBJECT: TEST\n\n1. (U) Text.\n\nSMITH\n');
    assert.deepEqual(c.tags, ['OVIP', 'CLINTON, HILLARY', 'PREL', 'KPAL', 'FR']);
  });

  it('the subject alone: no portion mark, character references decoded, wrapped lines joined', () => {
    const c = facts('CONFIDENTIAL ROME 000123\n\nE.O. 12958: DECL: 05/12/2018\nTAGS: PREL IT\nSUBJECT: (C/NF) ITALY&#8217;S NEW\n         GOVERNMENT\n\nClassified By: Ambassador Ronald Spogli, Reasons 1.4 (b) and (d)\n\n1. (C) Text.\n\nSPOGLI\n');
    assert.equal(c.subject, 'ITALY\u2019S NEW GOVERNMENT');
    assert.equal(c.subjectAsWritten, '(C/NF) ITALY&#8217;S NEW GOVERNMENT');
    assert.deepEqual(c.classifiedBy, { text: 'Classified By: Ambassador Ronald Spogli, Reasons 1.4 (b) and (d)', authority: 'Ambassador Ronald Spogli', reasons: ['1.4(b)', '1.4(d)'] });
    assert.equal(c.declassifyOn, '2018-05-12');
    assert.deepEqual(c.signers, ['SPOGLI']);
    assert.deepEqual(c.paragraphList, [{ number: 1, portionMark: '(C)', line: 10 }]);
  });

  it('references: year as written or inferred from the cable, posts by posts.tsv, lists of serials, and what is no cable', () => {
    const text = [
      'VZCZCXRO1234',
      'PP RUEHRO',
      'DE RUEHRO #0123/01 0611348',
      'ZNR UUUUU ZZH',
      'P 021348Z MAR 07',
      'FM AMEMBASSY ROME',
      'TO RUEHC/SECSTATE WASHDC PRIORITY 0872',
      'INFO RUCNMEM/EU MEMBER STATES COLLECTIVE',
      'XMT AMCONSUL FLORENCE',
      'UNCLAS ROME 000123',
      '',
      'E.O. 12958: N/A',
      'TAGS: PREL IT',
      'SUBJECT: TEST',
      '',
      'REF: A. 06 TBILISI 2601',
      '     B. STATE 202745',
      '     C. USUN NEW YORK 1234',
      '     D. MALABO 19, 21',
      '     E. SMITH-JONES EMAIL 05/11/07',
      '     F. WILSON/MACK TELECON',
      '',
      '1. (U) Text.',
      '',
      'SMITH',
    ].join('\n');
    const c = facts(text);
    assert.deepEqual(
      c.references.map((r) => [r.letter, r.kind, r.id, r.yearInferred]),
      [
        ['A', 'cable', '06TBILISI2601', false],
        ['B', 'cable', '07STATE202745', true],
        ['C', 'cable', '07USUNNEWYORK1234', true],
        ['D', 'cable', '07MALABO19', true],
        ['D', 'cable', '07MALABO21', true],
        ['E', 'email', null, false],
        ['F', 'telcon', null, false],
      ],
    );
    assert.deepEqual(c.to, [{ route: 'RUEHC', name: 'SECSTATE WASHDC', precedence: 'PRIORITY', serial: '0872', excluded: false }]);
    assert.deepEqual(c.info, [
      { route: 'RUCNMEM', name: 'EU MEMBER STATES COLLECTIVE', precedence: null, serial: null, excluded: false },
      { route: null, name: 'AMCONSUL FLORENCE', precedence: null, serial: null, excluded: true },
    ]);
  });

  it('the summary between its opener and END SUMMARY, without the marks', () => {
    const c = facts('UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: PREL IT\nSUBJECT: TEST\n\n1. (SBU) Summary: The minister\nagreed. End Summary.\n\n2. (U) More.\n\nSMITH\n');
    assert.equal(c.summaryText, 'The minister agreed.');
  });

  it('a text with nothing in it has every field null or empty, and validates', () => {
    const c = facts('');
    assert.equal(c.subject, null);
    assert.deepEqual([c.tags, c.references, c.to, c.info, c.signers, c.paragraphList], [[], [], [], [], [], []]);
    assert.equal(c.classifiedBy, null);
    assert.equal(REPORT_VERSION, 2);
  });

  it('the schema rejects what the report must not be', () => {
    const good = lintText('UNCLAS ROME 000123\n\nTAGS: PREL\n', { config: false });
    assert.equal(reportErrors(good), undefined);
    const bad = (change: (r: Record<string, any>) => void) => {
      const r = structuredClone(good) as Record<string, any>;
      change(r);
      return reportErrors(r);
    };
    assert.ok(bad((r) => (r.version = 1)), 'version 1');
    assert.ok(bad((r) => delete r.files[0].cable.references), 'a missing fact');
    assert.ok(bad((r) => (r.files[0].cable.tags = ['prel'])), 'a lower-case tag');
    assert.ok(bad((r) => (r.files[0].cable.tags = ['PREL', 'PREL'])), 'a repeated tag');
    assert.ok(bad((r) => (r.files[0].cable.surprise = 1)), 'an undocumented field');
    assert.equal(bad((r) => (r.files[0].diagnostics = [{ ...r.files[0].diagnostics[0], publication: true }])), undefined, 'publication is allowed on a diagnostic');
  });
});

/** Test files that produce a report, and whether each holds it to the schema. */
function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...testFiles(path));
    else if (/\.(?:ts|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

describe('the cable\'s facts only when a format prints them', () => {
  // Paragraph 2 numbered 5: a finding to compare.
  const text = readFileSync(SEED_002, 'utf8').replace('\n2.  U.S. Embassy', '\n5.  U.S. Embassy');
  const session = { now: new Date('2010-01-01T00:00:00Z') };
  const source = { text, path: 'seed-002.txt' };

  it('lintSource with facts: false leaves `cable` out and finds the same diagnostics', () => {
    const full = lintSource(source, session);
    assertValidReport({ version: REPORT_VERSION, files: [full], summary: { files: 1, errors: 0, warnings: 0, infos: 0 } });
    const bare = lintSource(source, session, { facts: false });
    assert.equal('cable' in bare, false);
    assert.deepEqual(bare, { path: full.path, profile: full.profile, diagnostics: full.diagnostics });
    assert.ok(full.diagnostics.length > 0);
  });

  it('the CLI\'s run spec decides: with facts the report carries them, without none, also when fixing', () => {
    const spec: RunSpec = { rules: {}, now: '2010-01-01T00:00:00Z', details: false, facts: false, fix: 'none', fixUnsafe: false };
    assert.equal(processSource(source, session, spec).report.cable, undefined);
    assert.equal(processSource(source, session, { ...spec, fix: 'dry-run' }).report.cable, undefined);
    assert.deepEqual(processSource(source, session, { ...spec, facts: true }).report.cable?.signers, ['JACOBSON']);
    assert.deepEqual(processSource(source, session, { ...spec, facts: true, fix: 'dry-run' }).report.cable?.signers, ['JACOBSON']);
  });
});

describe('every report the tests produce is validated', () => {
  it('a test file that lints through the Node API or runs --format json/ndjson checks the schema (or goes through cli-helpers, which does)', () => {
    const produces = /\b(?:lintText|lintFiles|lintSource|fixSource)\(|['"](?:--format|-f)['"],\s*['"]n?d?json['"]|-f json|--format json/;
    const checks = /assertValid(?:File)?Report|reportErrors/;
    const viaHelpers = /from '\.\/cli-helpers'/;
    const direct = /spawnSync\([^)]*(?:json)|\b(?:lintText|lintFiles|lintSource|fixSource)\(/;
    const unchecked = testFiles(join(ROOT, 'test'))
      .filter((f) => !/report-schema|cli-helpers\.ts$|\/vscode\//.test(f))
      .filter((f) => {
        const src = readFileSync(f, 'utf8');
        if (!produces.test(src) || checks.test(src)) return false;
        return !(viaHelpers.test(src) && !direct.test(src));
      })
      .map((f) => relative(ROOT, f));
    assert.deepEqual(unchecked, []);
  });
});
