/**
 * The line between the cable and its publication (issue 17): what makes a text `published` even
 * when its envelope survived, and the findings a rule's page attributes to the publisher — at most
 * info there, marked `publication`, hidden on request; a user's severity still wins.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCable } from '../../grammar/src/index';
import { lintText } from '../../server/src/api';
import { lint } from '../../server/src/lint';
import { modelOf } from '../../server/src/model/index';
import { assertValidReport } from '../report-schema';
import { cli, scratch } from './cli-helpers';

const NOW = new Date('2026-01-01T00:00:00Z');
const CORPUS = join(import.meta.dirname, '../fixtures/corpus');

const ENVELOPE = `VZCZCXRO1168
OO RUEHAG
DE RUEHSM #0257 0931300
ZNY CCCCC ZZH
O 021300Z APR 08
FM AMEMBASSY STOCKHOLM
TO RUEHC/SECSTATE WASHDC IMMEDIATE 3326
C O N F I D E N T I A L STOCKHOLM 000257

SIPDIS

E.O. 12958: DECL: 03/31/2018
TAGS: KNNP EFIN ETRD SW
`;

const BODY = `SUBJECT: SWEDEN: DEMARCHE DELIVERED

REF: SECSTATE 29096

Classified By: Charge d'Affaires a.i. Robert Silverman for reasons 1.4 (b) and (d).

1. (C) Economic Counselor delivered the demarche points on March 31.

2. (C) The Swedes will share the list with their colleagues.
SILVERMAN
`;

function evidence(text: string) {
  return modelOf(parseCable(text)).publication.evidence;
}

describe('publication evidence: a page is published whatever survived of its envelope', () => {
  it('a whole cable with its envelope is transmitted, with no evidence', () => {
    assert.deepEqual(evidence(ENVELOPE + BODY), []);
    assert.equal(lint(ENVELOPE + BODY, { now: NOW }).profile, 'transmitted');
  });

  it('a paragraph run into one line of 500 characters is reflowed (08STOCKHOLM257)', () => {
    const reflowed = ENVELOPE + BODY.replace('1. (C) Economic Counselor delivered the demarche points on March 31.', `(S) ${'Economic Counselor delivered the demarche points. '.repeat(10)}`);
    assert.deepEqual(evidence(reflowed), ['reflowed']);
    const r = lint(reflowed, { now: NOW });
    assert.equal(r.profile, 'published');
    // CBL120 is off on published text: the 500-character line is the publisher's reflowing.
    assert.deepEqual(r.diagnostics.filter((d) => d.ruleId === 'CBL120'), []);
  });

  it('`¶` before a REF item, a redaction run', () => {
    assert.deepEqual(evidence(ENVELOPE + BODY.replace('REF: SECSTATE 29096', 'REF: A. SECSTATE 29096\n¶B. SECSTATE 29464')), ['pilcrow']);
    assert.deepEqual(evidence(ENVELOPE + BODY.replace('the Swedes', 'XXXXXXXXXXXX').replace('The Swedes', 'XXXXXXXXXXXX')), ['redacted']);
    // A short run of X is text (`FY XXXX`), not a redaction.
    assert.deepEqual(evidence(ENVELOPE + BODY.replace('on March 31', 'in FY XXXX')), []);
  });

  it('a page cut off after its TAGS line: published, its missing SUBJECT and Classified By infos, not errors', () => {
    assert.deepEqual(evidence(ENVELOPE), ['truncated']);
    const r = lint(ENVELOPE, { now: NOW });
    assert.equal(r.profile, 'published');
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId === 'CBL046' || d.ruleId === 'CBL070').map((d) => `${d.ruleId} ${d.severity}`),
      ['CBL046 info', 'CBL070 info'],
    );
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('`published` asked first (its cheapest evidence first, stopping at one) agrees with the evidence listed', () => {
    const texts = [
      ENVELOPE + BODY,
      ENVELOPE,
      ENVELOPE + BODY.replace('REF: SECSTATE 29096', 'REF: A. SECSTATE 29096\n¶B. SECSTATE 29464'),
      ENVELOPE + BODY.replace('The Swedes', 'XXXXXXXXXXXX'),
      ENVELOPE + BODY.replace('on March 31', `${'on March 31 '.repeat(20)}`),
      ENVELOPE + BODY + 'REYKJAVIK 00000457  002 OF 002\n3. (C) More.\n',
      ENVELOPE.slice(ENVELOPE.indexOf('C O N F')),
      MEDIA,
      ...readdirSync(CORPUS).map((f) => readFileSync(join(CORPUS, f), 'utf8')),
    ];
    const kinds = new Set<string>();
    for (const text of texts) {
      const listed = evidence(text);
      for (const e of listed) kinds.add(e);
      // A fresh tree, so that `published` is answered before the list exists.
      assert.equal(modelOf(parseCable(text)).publication.published, listed.length > 0, text.slice(0, 80));
    }
    // Every kind of evidence alone or with others is among the texts.
    assert.deepEqual([...kinds].sort(), ['page-markers', 'partial-extract', 'pilcrow', 'redacted', 'reflowed', 'truncated', 'wrapper']);
  });

  it('a draft being written (no envelope) that stops after TAGS stays a draft', () => {
    const draft = ENVELOPE.slice(ENVELOPE.indexOf('C O N F'));
    assert.deepEqual(evidence(draft), []);
    assert.equal(lint(draft, { now: NOW }).profile, 'draft');
  });
});

// The media copies' rewrite of the header (04DUBLIN1101): `EO` without dots, TAGS without colon.
const MEDIA = `This record is a partial extract of the original cable. The full text of the original cable is not available.
Monday, 26 July 2004, 07:22
C O N F I D E N T I A L SECTION 01 OF 02 DUBLIN 001101
SIPDIS
DEPT FOR S/P AND EUR/UBI; NSC FOR VOLKER
EO 12958 DECL: 07/07/2014
TAGS EI, PGOV, PINR, PREL, PTER, UK, EUN, NIPP
SUBJECT: NORTHERN IRELAND - IRISH PM TELLS SPECIAL ENVOY
REISS THAT IRISH AND BRITS READY FOR ONE FINAL PUSH
Classified By: Ambassador James C. Kenny for reasons 1.4 (b) and (d).
1. (C) Summary: The Taoiseach told the Special Envoy on July 7 that the time was right. End Summary.
`;

describe('findings the rule page attributes to publication (CBL041: the media copies’ `EO 12958 DECL:`)', () => {
  const cbl041 = (text: string, options: Parameters<typeof lint>[1] = {}) => lint(text, { now: NOW, ...options }).diagnostics.filter((d) => d.ruleId === 'CBL041');

  it('on a published copy: info, marked publication', () => {
    const [d, ...rest] = cbl041(MEDIA);
    assert.deepEqual(rest, []);
    assert.equal(d!.severity, 'info');
    assert.equal(d!.publication, true);
  });

  it('in a draft the same line is the drafter’s slip: a warning, not marked', () => {
    const draft = MEDIA.split('\n').slice(2).join('\n');
    const [d] = cbl041(draft);
    assert.equal(lint(draft, { now: NOW }).profile, 'draft');
    assert.equal(d!.severity, 'warning');
    assert.equal(d!.publication, undefined);
  });

  it('a drafter’s form on a published copy keeps its warning (`E.0.` with a zero, 09BERLIN1158)', () => {
    const [d] = cbl041(MEDIA.replace('EO 12958 DECL: 07/07/2014', 'E.0. 12958: DECL: 07/07/2014'));
    assert.equal(d!.severity, 'warning');
    assert.equal(d!.publication, undefined);
  });

  it('a user’s severity for the rule still wins, and the finding stays marked', () => {
    const [d] = cbl041(MEDIA, { rules: { 'eo-format': 'warning' } });
    assert.equal(d!.severity, 'warning');
    assert.equal(d!.publication, true);
  });

  it('hidden on request (engine, Node API), faded for the editor', () => {
    assert.deepEqual(cbl041(MEDIA, { publication: 'hide' }), []);
    assert.equal(cbl041(MEDIA, { publication: 'fade' })[0]!.unnecessary, true);
    assert.equal(cbl041(MEDIA)[0]!.unnecessary, undefined);
    const report = lintText(MEDIA, { now: NOW });
    // The publication flag is part of the published report schema (version 2).
    assertValidReport(report);
    const shown = report.files[0]!.diagnostics.filter((d) => d.ruleId === 'CBL041');
    assert.deepEqual(shown.map((d) => [d.severity, d.publication]), [['info', true]]);
    const hidden = lintText(MEDIA, { now: NOW, hidePublication: true }).files[0]!.diagnostics;
    assert.deepEqual(hidden.filter((d) => d.ruleId === 'CBL041'), []);
    // Only what is attributed to publication goes: the rest of the report is the same.
    assert.deepEqual(hidden, lintText(MEDIA, { now: NOW }).files[0]!.diagnostics.filter((d) => !d.publication));
  });

  it('the command line: --hide-publication leaves them out, SARIF marks them with a property and a tag', () => {
    const tmp = scratch('publication');
    try {
      const cwd = tmp.tree('run', { 'dublin.cable': MEDIA });
      const json = JSON.parse(cli(['-f', 'json', 'dublin.cable'], { cwd }).stdout);
      const flagged = json.files[0].diagnostics.filter((d: { publication?: boolean }) => d.publication);
      assert.deepEqual(flagged.map((d: { ruleId: string; severity: string }) => `${d.ruleId} ${d.severity}`), ['CBL041 info']);
      const hidden = JSON.parse(cli(['-f', 'json', '--hide-publication', 'dublin.cable'], { cwd }).stdout);
      assert.deepEqual(hidden.files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'CBL041'), []);
      assert.equal(hidden.files[0].diagnostics.length, json.files[0].diagnostics.length - 1);
      const sarif = JSON.parse(cli(['-f', 'sarif', 'dublin.cable'], { cwd }).stdout);
      const results = sarif.runs[0].results as { ruleId: string; level: string; properties?: { publication?: boolean; tags?: string[] } }[];
      const eo = results.filter((r) => r.ruleId === 'CBL041');
      assert.deepEqual(eo.map((r) => [r.level, r.properties]), [['note', { publication: true, tags: ['publication'] }]]);
      assert.ok(results.filter((r) => r.ruleId !== 'CBL041').every((r) => r.properties?.publication === undefined));
      assert.match(cli(['--help']).stdout, /--hide-publication/);
    } finally {
      tmp.remove();
    }
  });
});
