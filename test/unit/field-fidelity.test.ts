/**
 * Fidelity of the header fields behind report version 2 (issue 16): a misspelt or punctuated
 * keyword is still its field (and CBL065 says so), a wrapped TAGS line keeps its second line, a
 * printout's page break is never a tag, the subject ends where the next thing begins, and a
 * garbled banner takes the cable's id and level from the envelope.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText, type CableFacts } from '../../server/src/api';
import type { Diagnostic } from '../../server/src/engine/types';
import { lint } from '../../server/src/lint';
import { assertValidReport } from '../report-schema';

const NOW = new Date('2026-01-01T00:00:00Z');

function read(text: string): { cable: CableFacts; diagnostics: Diagnostic[] } {
  const report = lintText(text, { config: false, now: NOW });
  assertValidReport(report);
  const file = report.files[0]!;
  return { cable: file.cable, diagnostics: lint(text, { now: NOW }).diagnostics };
}

const draft = (header: string) => `UNCLAS ROME 000123\n\nE.O. 12958: N/A\n${header}\n\n1. (U) Text.\n\nSMITH\n`;

describe('CBL065 field-keyword', () => {
  it('reads a misspelt TAGS keyword as TAGS and reports it, with a safe fix to TAGS:', () => {
    for (const kw of ['TAS:', 'TGS:', 'AGS:', 'TABS:', 'TAGES:', 'TAGS;', 'TAGS,']) {
      const text = draft(`${kw} PREL, IT\nSUBJECT: ITALY: THE EXPORT PLAN`);
      const { cable, diagnostics } = read(text);
      assert.deepEqual(cable.tags, ['PREL', 'IT'], kw);
      const d = diagnostics.filter((x) => x.ruleId === 'CBL065');
      assert.equal(d.length, 1, `${kw}: ${JSON.stringify(d.map((x) => x.message))}`);
      assert.equal(d[0]!.severity, 'warning');
      assert.equal(d[0]!.message, `\`${kw}\` is read as the TAGS keyword: write \`TAGS:\``);
      assert.equal(text.slice(d[0]!.range.start.offset, d[0]!.range.end.offset), kw);
      const fix = d[0]!.fixes![0]!;
      assert.equal(fix.safe, true);
      assert.equal(fix.edits[0]!.newText, 'TAGS:');
      // No CBL060 "no TAGS line" once the field is read.
      assert.equal(diagnostics.filter((x) => x.ruleId === 'CBL060').length, 0, kw);
    }
  });

  it('reads UBJECT:, SUBJECT; and SUBJECT without its colon as the subject', () => {
    for (const [line, kw] of [['UBJECT: ITALY: THE PLAN', 'UBJECT:'], ['SUBJECT; ITALY: THE PLAN', 'SUBJECT;'], ['SUBJECT ITALY: THE PLAN', 'SUBJECT']] as const) {
      const { cable, diagnostics } = read(draft(`TAGS: PREL IT\n${line}`));
      assert.equal(cable.subject, 'ITALY: THE PLAN', line);
      assert.deepEqual(
        diagnostics.filter((x) => x.ruleId === 'CBL065' || x.ruleId === 'CBL070').map((x) => `${x.ruleId} ${x.message}`),
        [`CBL065 \`${kw}\` is read as the SUBJECT keyword: write \`SUBJECT:\``],
      );
    }
  });

  it('is info on published text', () => {
    const text = `${draft('TAS: PREL IT\nSUBJECT: ITALY')}`;
    const d = lint(text, { now: NOW, profile: 'published' }).diagnostics.filter((x) => x.ruleId === 'CBL065');
    assert.deepEqual(d.map((x) => x.severity), ['info']);
  });

  it('leaves the accepted forms and ordinary sentences alone', () => {
    for (const header of [
      'TAGS PGOV, PREL, IT\nSUBJECT: ITALY',
      'TAG: PREL\nSUBJ: ITALY',
      'Tags: PREL IT\nSubject: Italy',
      'TAGS: PREL IT\nSUBJECT: ITALY\n\nSubject to approval, the plan goes ahead.',
    ]) {
      const { diagnostics } = read(draft(header));
      assert.deepEqual(diagnostics.filter((x) => x.ruleId === 'CBL065').map((x) => x.message), [], header);
    }
    // A sentence that starts like a keyword is no subject.
    assert.equal(read(draft('TAGS: PREL IT\nSUBJECT: ITALY\n\nSubject to approval, the plan goes ahead.')).cable.subject, 'ITALY');
  });
});

describe('TAGS: wrapped lines and page breaks', () => {
  it('a TAGS line wrapped at the margin keeps its second line (a multi-word tag stays whole)', () => {
    const { cable } = read(draft('TAGS: OREP AMGT ASEC AFIN GM IZ IC KU COUNTRY PREL PGOV\nCLEARANCE\nSUBJECT: ITALY'));
    assert.deepEqual(cable.tags.slice(-3), ['PREL', 'PGOV', 'CLEARANCE']);
  });

  it('a short TAGS line is not continued into a word that is no code', () => {
    const { cable } = read(draft('TAGS: PREL IT\nCLEARANCE\nSUBJECT: ITALY'));
    assert.deepEqual(cable.tags, ['PREL', 'IT']);
  });

  it("a printout's page break inside the list is transparent and never a tag", () => {
    const text =
      'SECRET LIMA 002475\n\nE.O. 12958: DECL: 01/01/2015\nTAGS: PREL, PGOV,\nSECRET\n\nPAGE 02 LIMA 02475 01 OF 02 081234Z\nPE, PINR\nSUBJECT: PERU\n\n1. (S) Text.\n\nSMITH\n';
    const { cable } = read(text);
    assert.deepEqual(cable.tags, ['PREL', 'PGOV', 'PE', 'PINR']);
    assert.ok(!cable.tagsAsWritten.some((t) => /SECRET|PAGE|LIMA|02475/.test(t)), cable.tagsAsWritten.join(' '));
  });

  it('a page header run into a reflowed TAGS list is not read as tags', () => {
    const { cable } = read(draft('TAGS: PREL PGOV SECRET PAGE 02 LIMA 02475 01 OF 02 081234Z PE PINR\nSUBJECT: PERU'));
    assert.deepEqual(cable.tags, ['PREL', 'PGOV', 'PE', 'PINR']);
  });
});

describe('SUBJECT: where it ends', () => {
  const subjectOf = (header: string) => read(draft(`TAGS: PREL IT\n${header}`)).cable.subject;

  it('ends at a REF or Classified By glued to its last word', () => {
    assert.equal(subjectOf('SUBJECT: THE EXPORT PLAN PRIMEREF: A. ROME 12'), 'THE EXPORT PLAN PRIME');
    assert.equal(subjectOf('SUBJECT: THE VISIT TO CAIROClassified By: Ambassador X for reasons 1.4 (b)'), 'THE VISIT TO CAIRO');
  });

  it('ends before a handling statement, an action request or a rule line', () => {
    assert.equal(subjectOf('SUBJECT: THE EXPORT PLAN\nSensitive but unclassified, please protect accordingly.'), 'THE EXPORT PLAN');
    assert.equal(subjectOf('SUBJECT: THE EXPORT PLAN SENSITIVE BUT UNCLASSIFIED, PLEASE TREAT ACCORDINGLY'), 'THE EXPORT PLAN');
    assert.equal(subjectOf('SUBJECT: THE EXPORT PLAN\nThis is an action request.'), 'THE EXPORT PLAN');
    assert.equal(subjectOf('SUBJECT: ISRAEL MEDIA REACTION\n--------------------------------'), 'ISRAEL MEDIA REACTION');
  });

  it('starts after a blank line when the keyword stands alone', () => {
    assert.equal(subjectOf('SUBJECT:\n\nTHE EXPORT PLAN'), 'THE EXPORT PLAN');
  });
});

describe('identity: a garbled banner takes the id and level from the envelope', () => {
  const envelope = (banner: string) =>
    'VZCZCXRO4570\nOO RUEHC\nDE RUEHGB #0146/01 0201234\nZNY SSSSS ZZH\nO 201234Z JAN 07\nFM AMEMBASSY BAGHDAD\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 1234\nBT\n' +
    `${banner}\n\nE.O. 12958: DECL: 01/20/2017\nTAGS: PREL IZ\nSUBJECT: IRAQ\n\nClassified By: Ambassador X for reasons 1.4 (b).\n\n1. (S) Text.\n\nKHALILZAD\n`;

  it('E C R E T SECTION 01 OF 03 BAGHDAD 000146: id 07BAGHDAD146, SECRET, from ZNY SSSSS, DE #0146, the DTG and FM', () => {
    const { cable } = read(envelope('E C R E T SECTION 01 OF 03 BAGHDAD 000146'));
    assert.equal(cable.id, '07BAGHDAD146');
    assert.equal(cable.post, 'BAGHDAD');
    assert.equal(cable.serial, 146);
    assert.equal(cable.classification, 'SECRET');
  });

  it('no banner at all: the same from the envelope', () => {
    const { cable } = read(envelope(''));
    assert.equal(cable.id, '07BAGHDAD146');
    assert.equal(cable.classification, 'SECRET');
  });

  it('a readable banner wins over the envelope', () => {
    const { cable } = read(envelope('S E C R E T SECTION 01 OF 03 BAGHDAD 000147'));
    assert.equal(cable.id, '07BAGHDAD147');
  });
});
