import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/lint';
import type { Diagnostic } from '../../server/src/engine/types';

/**
 * Issue 17: forms of real sent cables that the engine misread, each next to the slip the rule
 * must still catch. Cables written for these tests (or quoted from the public corpus, named).
 */

const NOW = new Date('2026-01-01T00:00:00Z');

function cable(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}
function diags(text: string, rule: string): Diagnostic[] {
  return lint(text, { now: NOW }).diagnostics.filter((d) => d.ruleId === rule);
}

const SECRET_1990 = (first: string) =>
  cable([
    'S E C R E T SECTION 01 OF 02 BAGHDAD 04397',
    '',
    'E.O. 12356: DECL:OADR',
    'TAGS: PREL IZ KU',
    'SUBJECT: IRAQI INCURSION ACROSS KUWAITI BORDER',
    '',
    `1. ${first}`,
    '',
    '2. WE HAVE TRIED REPEATEDLY SINCE 0630 LOCAL TO REACH',
    'SENIOR MFA OFFICIALS.',
    '',
    '3. THE FOREIGN MINISTRY DUTY OFFICER IS AWARE.',
    '',
    'WILSON',
  ]);

describe('CBL090: paragraph 1 that classifies the whole text', () => {
  it('`(S-ENTIRE TEXT)` and `(C - ENTIRE TEXT)` on paragraph 1 cover every paragraph (90BAGHDAD4397)', () => {
    for (const first of ['(S-ENTIRE TEXT)', '(S - ENTIRE TEXT)', '(C - ENTIRE TEXT).', 'SECRET - ENTIRE TEXT.', '(S) ENTIRE TEXT.']) {
      assert.deepEqual(diags(SECRET_1990(first), 'CBL090'), [], first);
    }
  });
  it('a paragraph 1 with a mark of its own still leaves the others to carry theirs', () => {
    assert.deepEqual(
      diags(SECRET_1990('(S) THE ENTIRE TEXT OF THE MESSAGE FOLLOWS.'), 'CBL090').map((d) => d.message.slice(0, 11)),
      ['paragraph 2', 'paragraph 3'],
    );
  });
});

const CONF_2009 = (body: string) =>
  cable([
    'C O N F I D E N T I A L CAIRO 001727',
    '',
    'SIPDIS',
    '',
    'E.O. 12958: DECL: 09/10/2019',
    'TAGS: EAID ECON EG',
    'SUBJECT: ESF: GOE PROPOSAL NEEDS GUIDANCE',
    '',
    'Classified By: Ambassador Margaret Scobey for reasons 1.4 (b) and (d)',
    '',
    body,
    '',
    'SCOBEY',
  ]);
const numbering = ['CBL080', 'CBL081', 'CBL082', 'CBL090'];
const numberingOf = (text: string) => numbering.flatMap((r) => diags(text, r)).map((d) => `${d.ruleId} ${d.message}`);

describe('a number at a line start that is not a paragraph', () => {
  it('the tail of `See para.` wrapped onto its own line (09CAIRO1727) is a wrapped line, not paragraph 3', () => {
    for (const gap of ['\n', '\n\n']) {
      const text = CONF_2009(`1. (SBU) This is an action message. See para.${gap}3.\n\n2. (C) Reftel describes the proposal.\n\n3. (SBU) Action requested: guidance.`);
      assert.deepEqual(numberingOf(text), [], JSON.stringify(gap));
      // It is a line start a reader takes for a paragraph number, which CBL085 asks to re-wrap.
      assert.equal(diags(text, 'CBL085').length, 1);
    }
    // A paragraph 3 that says something is a paragraph, whatever the line above says.
    assert.equal(numberingOf(CONF_2009('1. (SBU) See para.\n\n3. (C) Reftel describes the proposal.')).length, 1);
  });

  it('the end of a wrapped address (`5.html.`) is not paragraph 5', () => {
    const text = CONF_2009('1. (U) The statement is at http://www.mfa.gov.eg/statements/2009/0\n5.html.\n\n2. (C) The minister agrees.');
    assert.deepEqual(numberingOf(text), []);
    assert.deepEqual(diags(text, 'CBL085'), []);
  });
});

describe('numbered items under lettered headings', () => {
  it('`¶A. SITE ASSESSMENTS …` restarts the numbering: item 1 under B is not a repeat of item 1 under A (08ASTANA54)', () => {
    const text = CONF_2009(
      [
        '1. (C) The EXBS program continues.',
        '',
        'A. SITE ASSESSMENTS AND MEETINGS CONDUCTED',
        '',
        '1. On December 8 the advisor met the program manager.',
        '',
        'B. TRAINING DURING THE REPORTING PERIOD',
        '',
        '1. A commodity identification course was held.',
        '',
        '2. The program manager travelled to Frankfurt.',
      ].join('\n'),
    );
    assert.deepEqual(diags(text, 'CBL080'), []);
    // A lettered sub-paragraph that says something is no heading: the repeat is still a slip.
    const slip = CONF_2009('1. (C) The EXBS program continues.\n\n2. (C) Two items follow.\nA. The advisor met the manager.\n\n2. (C) The course was held.');
    assert.equal(diags(slip, 'CBL080').length, 1);
  });
});

const CABLE_1970S = (dtg: string, banner: string, eo: string) =>
  cable([
    dtg,
    'FM AMEMBASSY TEHRAN',
    'TO SECSTATE WASHDC 1234',
    'BT',
    banner,
    '',
    eo,
    'TAGS: PFOR IR',
    "SUBJECT: SHAH'S VIEWS ON OIL",
    '',
    '1. THE SHAH RECEIVED THE AMBASSADOR.',
    '',
    '2. HE SPOKE OF OIL.',
    'HELMS',
    'BT',
  ]);

describe('practice before 1980', () => {
  it('`SECTION 1 OF 2` is the form of a 1975 cable; from 1980 on it takes two digits (CBL021, CBL030)', () => {
    const of = (dtg: string) => {
      const text = CABLE_1970S(dtg, 'C O N F I D E N T I A L SECTION 1 OF 2 TEHRAN 8233', 'E.O. 11652: GDS');
      return ['CBL021', 'CBL030'].flatMap((r) => diags(text, r)).map((d) => d.ruleId);
    };
    assert.deepEqual(of('R 121530Z AUG 75'), []);
    assert.deepEqual(of('R 121530Z AUG 85'), ['CBL021', 'CBL030']);
    // Without a DTG, the reference id from the file name dates the cable.
    const undated = cable(['C O N F I D E N T I A L SECTION 1 OF 2 TEHRAN 8233', '', 'E.O. 11652: GDS', 'TAGS: PFOR IR', 'SUBJECT: OIL', '', '1. TEXT.', 'HELMS']);
    const withId = (referenceId: string) =>
      lint(undated, { now: NOW, referenceId })
        .diagnostics.filter((d) => d.ruleId === 'CBL030')
        .map((d) => d.ruleId);
    assert.deepEqual(withId('75TEHRAN8233'), []);
    assert.deepEqual(withId('85TEHRAN8233'), ['CBL030']);
  });

  it('E.O. 12065 and 11652 are orders of the executive-orders table, with the forms of their time (CBL041)', () => {
    for (const eo of ['E.O. 12065: GDS 8/12/85', 'E.O. 12065: XDS-1 7/14/99', 'E.O. 12065: RDS-2,3 7/14/99', 'E.O. 12065: N/A', 'E.O. 11652: GDS', 'E.O. 11652: XGDS-2']) {
      assert.deepEqual(diags(CABLE_1970S('R 121530Z AUG 79', 'C O N F I D E N T I A L TEHRAN 8233', eo), 'CBL041'), [], eo);
    }
    const unknown = diags(CABLE_1970S('R 121530Z AUG 79', 'C O N F I D E N T I A L TEHRAN 8233', 'E.O. 12066: GDS 8/12/85'), 'CBL041');
    assert.match(unknown[0]?.message ?? '', /unknown executive order 12066 \(expected 11652, 12065, 12356, 12958, 13292 or 13526\)/);
  });
});

describe('DECL values read as written', () => {
  const eoLine = (eo: string) => CONF_2009('1. (C) Text.').replace('E.O. 12958: DECL: 09/10/2019', eo);
  it('`Declassify on 8/31/2034` is a date (no CBL043); CBL041 says the keyword is spelled out and rewrites it without `on`', () => {
    const text = eoLine('E.O. 12958: Declassify on 8/31/2034');
    assert.deepEqual(diags(text, 'CBL043'), []);
    const [d] = diags(text, 'CBL041');
    assert.match(d?.message ?? '', /the keyword is written "Declassify on" instead of "DECL:"; expected "E\.O\. 12958: DECL: 8\/31\/2034"/);
  });
  it('`DECLASSIFY 11/07/2018` is in upper case already: the message names the spelled-out keyword', () => {
    const [d] = diags(eoLine('E.O. 12958: DECLASSIFY 11/07/2018'), 'CBL041');
    assert.match(d?.message ?? '', /the keyword is written "DECLASSIFY" instead of "DECL:"/);
    assert.doesNotMatch(d?.message ?? '', /upper case/);
    // A keyword in lower case is still told so.
    assert.match(diags(eoLine('E.O. 12958: decl: 11/07/2018'), 'CBL041')[0]?.message ?? '', /upper case/);
  });
});

const SENT = (de: string, dtg: string, subject: string, body: string) =>
  cable([
    'VZCZCXRO9446',
    'PP RUEHAG RUEHROV',
    `DE RUEHUB #0591 ${de}`,
    'ZNY CCCCC ZZH',
    `P ${dtg}`,
    'FM USINT HAVANA',
    'TO RUEHC/SECSTATE WASHDC PRIORITY 1862',
    'BT',
    'C O N F I D E N T I A L HAVANA 000591',
    '',
    'SIPDIS',
    '',
    'E.O. 12958: DECL: 06/19/2017',
    'TAGS: PGOV PREL CU',
    `SUBJECT: ${subject}`,
    '',
    'Classified By: COM Michael Parmly for reasons 1.4 (b) and (d)',
    '',
    body,
    '',
    'PARMLY',
    'BT',
    '#0591',
    '',
    'NNNN',
  ]);

describe('normal transmission practice', () => {
  const body = '1. (C) The talks went on.\n\n2. (C) They ended.';
  const julian = (de: string, dtg: string) => diags(SENT(de, dtg, 'TALKS', body), 'CBL008').map((d) => d.message);
  it('a DE up to 48 hours after the DTG, past midnight UTC, is the next Julian day (CBL008)', () => {
    assert.equal(lint(SENT('1700906', '190906Z JUN 07', 'TALKS', body), { now: NOW }).profile, 'transmitted');
    // Dated 19 June 2007 at 23:00, transmitted 21 hours later on 20 June (day 171).
    assert.deepEqual(julian('1712000', '192300Z JUN 07'), []);
    assert.deepEqual(julian('1722000', '192300Z JUN 07'), []);
    // Three days on, or a day before, is a wrong day.
    assert.equal(julian('1732000', '192300Z JUN 07').length, 1);
    assert.equal(julian('1692000', '192300Z JUN 07').length, 1);
  });

  it('a cable marked `PART 2 OF 2` may go on from the numbering of part 1 (CBL082; 06BUENOSAIRES34)', () => {
    const later = ['5. (C) The talks went on.', '', '6. (C) They ended.'].join('\n');
    for (const subject of ['CUBA: THE TALKS (PART 2 OF 2)', 'PART II OF III: THE TALKS']) {
      assert.deepEqual(diags(SENT('1700906', '190906Z JUN 07', subject, later), 'CBL082'), [], subject);
    }
    assert.equal(diags(SENT('1700906', '190906Z JUN 07', 'CUBA: THE TALKS (PART 1 OF 2)', later), 'CBL082').length, 1);
    assert.equal(diags(SENT('1700906', '190906Z JUN 07', 'CUBA: THE TALKS', later), 'CBL082').length, 1);
  });
});
