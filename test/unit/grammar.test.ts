import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { parseCable } from '../../grammar/src/index';
import { modelOf } from '../../server/src/model/index';

const here = dirname(fileURLToPath(import.meta.url));
const synthetic = readFileSync(join(here, '../fixtures/synthetic-reykjavik.cable'), 'utf8');

describe('grammar: the annotated synthetic cable (spec 1.1)', () => {
  const cable = parseCable(synthetic);

  it('parses without syntax problems', () => {
    assert.deepEqual(cable.errors, []);
  });

  it('reads the envelope line by line', () => {
    const env = cable.envelope!;
    assert.deepEqual(
      env.lines.map((l) => l.lineKind),
      ['transmissionId', 'precedence', 'de', 'security', 'dtg', 'fm', 'to', 'info', 'addressee', 'addressee'],
    );
    assert.equal(env.de?.stationSerial?.text, '0457');
    assert.equal(env.de?.dayOfYear, 135);
    assert.deepEqual([env.dtg?.day, env.dtg?.month, env.dtg?.year, env.dtg?.hour], [14, 5, 2008, 15]);
    assert.equal(env.to.length, 1);
    assert.equal(env.info.length, 3);
    assert.equal(env.info[1]!.routingIndicator?.text, 'RUEHNY');
  });

  it('reads the banner with its section marker and exact ranges', () => {
    const b = cable.banner!;
    assert.equal(b.level, 'CONFIDENTIAL');
    assert.equal(b.spaced, true);
    assert.equal(b.post.text, 'REYKJAVIK');
    assert.equal(b.serial.text, '000457');
    assert.deepEqual([b.section?.number, b.section?.total], [1, 2]);
    assert.equal(b.range.start.line, 10);
    assert.equal(b.section!.totalText.range.start.character, 'C O N F I D E N T I A L SECTION 01 OF '.length);
  });

  it('reads captions, pass line and header fields', () => {
    assert.deepEqual(cable.captions.map((c) => c.names), [['SIPDIS'], ['NOFORN']]);
    assert.equal(cable.passLines[0]!.text, 'DEPT FOR EUR/NB AND EEB/ESC');
    assert.equal(cable.eo?.decl?.text, '05/14/2018');
    assert.deepEqual(cable.tags[0]!.tags.map((t) => t.text), ['PREL', 'ENRG', 'EINV', 'IC', 'DA', 'NO']);
    assert.equal(cable.subject?.subject, 'ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC INTEREST, AND SOME DOUBTS');
    assert.deepEqual(cable.refs?.items.map((i) => [i.letter, i.target.text]), [
      ['A', 'REYKJAVIK 412'],
      ['B', '07 REYKJAVIK 1188'],
      ['C', 'STATE 50123'],
    ]);
    assert.equal(cable.classifiedBy?.authority?.text, 'Ambassador Jane Q. Example');
    assert.equal(cable.classifiedBy?.reasonSection, '1.4');
    assert.deepEqual(cable.classifiedBy?.reasonLetters.map((l) => l.text), ['b', 'd']);
    assert.deepEqual(cable.headerOrder.map((h) => h.kind), ['EoLine', 'TagsLine', 'SubjectLine', 'RefList', 'ClassifiedBy']);
  });

  it('reads numbered paragraphs, portion marks, sub-paragraphs and blocks', () => {
    assert.deepEqual(cable.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5]);
    assert.deepEqual(cable.paragraphs.map((p) => p.portionMark?.level), ['C', 'U', 'C', 'SBU', 'C']);
    assert.equal(cable.paragraphs[2]!.portionMark?.noforn, true);
    assert.deepEqual(cable.subParagraphs.map((s) => [s.letter, s.parentIndex]), [['A', 2], ['B', 2], ['C', 2]]);
    // Blocks are paired by the cable model (server/src/model/blocks.ts), which the rules and the editor share.
    const blocks = modelOf(cable).blocks.spans;
    assert.deepEqual(blocks.map((b) => [b.block, b.opens.by === 'mark', b.closes.by === 'end']), [
      ['SUMMARY', true, true],
      ['NOTE', true, true],
      ['COMMENT', true, true],
    ]);
  });

  it('reads the page marker, signature and end of message', () => {
    assert.deepEqual(cable.pageMarkers.map((p) => [p.number, p.total, p.wellFormed]), [[2, 2, true]]);
    assert.equal(cable.signature?.text, 'EXAMPLE');
    assert.equal(cable.endOfMessage?.range.start.line, 55);
  });
});

describe('grammar: never throws, ranges stay inside the text', () => {
  for (const input of ['', '\n', '\r\n\r', 'VZCZC', '1.', '¶', 'C O N F I D E N T I A L', '\u0000\uD800x', 'TAGS:']) {
    it(`parses ${JSON.stringify(input)}`, () => {
      const cable = parseCable(input);
      assert.equal(cable.range.end.offset, input.length);
    });
  }
});

/** Envelope lines of a published cable, ending at the last addressee (modelled on 10BAGHDAD290). */
const ENVELOPE = [
  'VZCZCXYZ0004',
  'PP RUEHWEB',
  '',
  'DE RUEHGB #0290/01 0351317',
  'ZNY CCCCC ZZH',
  'P 041317Z FEB 10',
  'FM AMEMBASSY BAGHDAD',
  'TO RUEHC/SECSTATE WASHDC PRIORITY 6448',
  'INFO RUCNIRA/IRAN COLLECTIVE PRIORITY',
].join('\n');

describe('grammar: corpus variants (false-positive triage)', () => {
  it('numbering restarts at 1 below a line opening quoted text or a table of contents, not above the last paragraph', () => {
    const restarts = (lines: string[]) => parseCable(['UNCLAS ROME 001234', '', 'SUBJECT: X', '', ...lines].join('\n')).paragraphs.map((p) => [p.number, p.restart]);
    const paragraphs = ['1. One.', '', '2. Two.', ''];
    assert.deepEqual(restarts([...paragraphs, 'The letter reads: BEGIN TEXT:', '', '1. Quoted.', '']), [[1, false], [2, false], [1, true]]);
    assert.deepEqual(restarts([...paragraphs, 'table of contents', '1. Quoted.', '']), [[1, false], [2, false], [1, true]]);
    // The words above the last paragraph, or run on past their line, restart nothing.
    assert.deepEqual(restarts(['BEGIN TEXT:', '', ...paragraphs, '1. Again.', '']), [[1, false], [2, false], [1, false]]);
    assert.deepEqual(restarts([...paragraphs, 'We BEGIN', 'TEXT here.', '1. Again.', '']), [[1, false], [2, false], [1, false]]);
  });

  it('a garbled banner right after the addressees ends the envelope without a syntax error (10BAGHDAD290, 06MADRID779)', () => {
    for (const banner of ['O N F I D E N T I A L BAGHDAD 000290', 'C C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000290']) {
      const cable = parseCable(`${ENVELOPE}\n${banner}\n\nSIPDIS\n\nE.O. 12958: DECL: 02/04/2020\nTAGS: PGOV IZ\nSUBJECT: TEST\n\n1. (C) Text.\n`);
      assert.deepEqual(cable.errors, [], banner);
      // The misspelt banner is kept for CBL021, not read as an addressee.
      assert.equal(cable.malformedBanners[0]?.text, banner);
      assert.equal(cable.envelope?.info.length, 1);
      assert.deepEqual(cable.tags[0]!.tags.map((t) => t.text), ['PGOV', 'IZ']);
    }
  });

  it('Classified By glued after a single REF on the same line (08MANAMA300)', () => {
    const cable = parseCable(
      "C O N F I D E N T I A L MANAMA 000300\n\nE.O. 12958: DECL: 05/08/2018\nTAGS: PHUM BA\nSUBJECT: BAHRAIN SEEKING HUMAN RIGHTS COUNCIL SEAT\n\nREF: STATE 46477  Classified By: Charge d'Affaires Christopher Henzel for reasons 1 .4 (b) and (d).  (C)\n\nPoloff delivered reftel points.\n",
    );
    assert.deepEqual(cable.refs?.items.map((i) => i.target.text), ['STATE 46477']);
    assert.equal(cable.classifiedBy?.authority?.text.startsWith("Charge d'Affaires"), true);
    assert.deepEqual(cable.headerOrder.map((h) => h.kind), ['EoLine', 'TagsLine', 'SubjectLine', 'RefList', 'ClassifiedBy']);
  });

  it('REF and Classified By glued on the wrapped second line of the subject (08MANAMA555)', () => {
    const cable = parseCable(
      'C O N F I D E N T I A L MANAMA 000555\n\nE.O. 12958: DECL: 08/20/2018\nTAGS: ECON IR BA\nSUBJECT: BAHRAIN WATCHING FOR IRANIAN PROLIFERATION-RELATED\nTRANSACTIONS REF: A. SECSTATE 84841 B. SECSTATE 88759 Classified By: CDA Christopher Henzel for reasons 1.4 (b) and (d) (C) Econoff delivered reftel points.\n',
    );
    assert.equal(cable.subject?.subject, 'BAHRAIN WATCHING FOR IRANIAN PROLIFERATION-RELATED TRANSACTIONS');
    assert.deepEqual(cable.refs?.items.map((i) => [i.letter, i.target.text]), [
      ['A', 'SECSTATE 84841'],
      ['B', 'SECSTATE 88759'],
    ]);
    assert.deepEqual(cable.classifiedBy?.reasonLetters.map((l) => l.text), ['b', 'd']);
  });

  it('paragraph 1 right under a subject line that carries REF and Classified By (07ASUNCION396)', () => {
    const cable = parseCable(
      'S E C R E T ASUNCION 000396\n\nE.O. 12958: DECL: 04/20/2027\nTAGS: PGOV PA\nSUBJECT: COM CONFERENCE: CHAVEZ\'S INFLUENCE REF: A. 06 ASUNCION 0709  B. BRASILIA 0708 "Classified By: DCM MICHAEL J. FITZPATRICK; Reasons 1.4(b),(d) "\n ¶1. (C) SUMMARY: During May 8-9 the five Ambassadors met.\n¶2. (S) Text.\n',
    );
    assert.equal(cable.subject?.subject, "COM CONFERENCE: CHAVEZ'S INFLUENCE");
    assert.deepEqual(cable.refs?.items.map((i) => i.letter), ['A', 'B']);
    assert.equal(cable.classifiedBy?.reasonSection, '1.4');
    assert.deepEqual(cable.paragraphs.map((p) => p.number), [1, 2]);
  });

  it('a lone word right under a pass line is that line wrapped, not an unknown caption (08NAIROBI239, 08TEGUCIGALPA86)', () => {
    const cable = parseCable(
      'C O N F I D E N T I A L NAIROBI 000239\n\nSIPDIS\nALDAC\n\nFOR S, D, P AND AF/AS FRAZER FROM THE\nAMBASSADOR\nSTATE PASS TO\nUSTR\n\nAIDAC\n\nE.O. 12958: DECL: 01/22/2018\nTAGS: PREL KE\nSUBJECT: KENYA: NEXT STEPS\n\n1. (C) Text.\n',
    );
    assert.deepEqual(
      cable.passLines.map((p) => [p.text, p.range.start.line]),
      [
        ['FOR S, D, P AND AF/AS FRAZER FROM THE', 5],
        ['AMBASSADOR', 6],
        ['STATE PASS TO', 7],
        ['USTR', 8],
      ],
    );
    // Under a caption or after a blank line, a lone word is still read as a caption.
    assert.deepEqual(
      cable.captions.map((c) => [c.names, c.known, c.range.start.line]),
      [
        [['SIPDIS'], true, 2],
        [['ALDAC'], false, 3],
        [['AIDAC'], false, 10],
      ],
    );
  });

  it('a subject wrapped after a blank line continues the subject, not an unknown caption (08TRIPOLI680, 06ROME3205, 07LONDON4045)', () => {
    const header = 'S E C R E T SECTION 01 OF 04 TRIPOLI 000680\n\nSIPDIS\n\nCODEL\n\nE.O. 12958: DECL: 8/28/2018\nTAGS: OVIP PREL LY\n';
    const libya = parseCable(`${header}SUBJECT: SCENESETTER FOR SECRETARY RICE'S VISIT TO \n\nLIBYA \n\nCLASSIFIED BY: Chris Stevens, CDA. REASON: 1.4 (b)\n\n1. (C) Text.\n`);
    assert.equal(libya.subject?.subject, "SCENESETTER FOR SECRETARY RICE'S VISIT TO LIBYA");
    assert.equal(libya.classifiedBy?.reasonSection, '1.4');
    // A real caption above the E.O. line stays a caption.
    assert.deepEqual(libya.captions.map((c) => [c.names, c.known]), [[['SIPDIS'], true], [['CODEL'], false]]);
    const italy = parseCable(`${header}SUBJECT: ANTI-COUNTERFEITING TRADE AGREEMENT (ACTA):  ITALY \n\nINTERESTED  \n\nREF: STATE 182554  \n\n1. (SBU) Text.\n`);
    assert.equal(italy.subject?.subject, 'ANTI-COUNTERFEITING TRADE AGREEMENT (ACTA):  ITALY INTERESTED');
    assert.deepEqual(italy.refs?.items.map((i) => i.target.text.trim()), ['STATE 182554']);
    assert.deepEqual(italy.captions.map((c) => c.names[0]), ['SIPDIS', 'CODEL']);
    const london = parseCable(`${header}SUBJECT: EUR SENIOR ADVISOR PANDITH AND S/P ADVISOR COHEN'S \n\nVISIT TO THE UK, OCTOBER 9-14, 2007\n\nREF: LONDON 4030\n\n1. (C) Text.\n`);
    assert.equal(london.subject?.subject, "EUR SENIOR ADVISOR PANDITH AND S/P ADVISOR COHEN'S VISIT TO THE UK, OCTOBER 9-14, 2007");
  });

  it('a line after a blank line under the subject continues it only between single blank lines, in capitals, above REF or Classified By', () => {
    const header = 'C O N F I D E N T I A L ROME 000123\n\nSIPDIS\n\nE.O. 12958: DECL: 8/28/2018\nTAGS: PREL IT\n';
    const subject = (rest: string) => parseCable(`${header}${rest}`).subject?.subject;
    // Two blank lines, a subject in small letters, a pass line's shape, or a paragraph below: not the subject.
    assert.equal(subject('SUBJECT: VISIT TO\n\n\nLIBYA\n\nREF: STATE 1\n\n1. (C) Text.\n'), 'VISIT TO');
    assert.equal(subject('SUBJECT: Visit to\n\nLIBYA\n\nREF: STATE 1\n\n1. (C) Text.\n'), 'Visit to');
    assert.equal(subject('SUBJECT: VISIT TO LIBYA\n\nDEPT FOR NEA/MAG\n\nREF: STATE 1\n\n1. (C) Text.\n'), 'VISIT TO LIBYA');
    const heading = parseCable(`${header}SUBJECT: VISIT TO LIBYA\n\nSUMMARY\n\n1. (C) Text.\n`);
    assert.equal(heading.subject?.subject, 'VISIT TO LIBYA');
    assert.deepEqual(heading.headings.map((h) => h.text.trim()), ['SUMMARY']);
  });

  it('a cut-off preview line (`Classif...`) is publisher wrapper, not a pass line (08RIGA497)', () => {
    const cable = parseCable(
      'C O N F I D E N T I A L RIGA 000497\n\nSIPDIS\n\nE.O. 12958: DECL: 08/15/2018\nTAGS: PREL LG\nSUBJECT: TFGG01: COUNCIL MEETS ON\nGEORGIA\n\nREF: A) RIGA 496 B) RIGA 492\n\nClassif...\n\nC O N F I D E N T I A L RIGA 000497 SIPDIS E.O. 12958: DECL: 08/15/2018 TAGS: PREL LG\n',
    );
    assert.deepEqual(cable.wrapper.map((w) => [w.role, w.text]), [['preview', 'Classif...']]);
    assert.deepEqual(cable.passLines, []);
    assert.equal(cable.subject?.subject, 'TFGG01: COUNCIL MEETS ON GEORGIA');
  });

  it('a subject cut off with `...` does not run into the reflowed copy of the header below it (05ISTANBUL329)', () => {
    const cable = parseCable(
      'UNCLAS SECTION 01 OF 03 ISTANBUL 000329\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: TU PHUM KCRM\nSUBJECT: MUNICIPALITY TO FUND...\n14:25 UNCLAS SECTION 01 OF 03 ISTANBUL 000329 SIPDIS SENSITIVE E.O. 12958: N/A TAGS: TU PHUM KCRM\n\n¶1. Summary: In recent Istanbul meetings.\n',
    );
    assert.equal(cable.subject?.subject, 'MUNICIPALITY TO FUND...');
    // One TAGS line: the copy's codes are not a second list of duplicates.
    assert.equal(cable.tags.length, 1);
    assert.deepEqual(cable.headerOrder.map((h) => h.kind), ['EoLine', 'TagsLine', 'SubjectLine']);
  });

  it('a second envelope copy glued together in a CSV row starts at its security line (09BUENOSAIRES1147)', () => {
    const cable = parseCable(
      [
        'VZCZCXYZ0018',
        'OO RUEHWEB',
        '',
        'DE RUEHBU #1147/01 2941434',
        'ZNY CCCCC ZZH  (CCY AD00C90226/MSI2895 510)',
        'O 211434Z OCT 09',
        'FM AMEMBASSY BUENOS AIRES',
        'TO RUEHC/SECSTATE WASHDC IMMEDIATE 4498',
        'INFO RUCNMER/MERCOSUR COLLECTIVE',
        '14:34,09BUENOSAIRES1147,Embassy Buenos Aires, CONFIDENTIAL,"VZCZCXYZ0018OO RUEHWEBDE RUEHBU #1147/01 2941434',
        'ZNY CCCCC ZZH  (CCY AD00C90226/MSI2895 510)O 211434Z OCT 09FM AMEMBASSY BUENOS AIRESTO RUEHC/SECSTATE WASHDC IMMEDIATE 4498',
        'RUCNMER/MERCOSUR COLLECTIVE"C O N F I D E N T I A L BUENOS AIRES 001147',
        '',
        'E.O. 12958: DECL: 10/19/2029',
        'TAGS: PGOV AR',
        'SUBJECT: TEST',
        '',
        '1. (C) Text.',
      ].join('\n'),
    );
    const env = cable.envelope!;
    // The complete first copy is read; the glued one is wrapper, so no order problem arises.
    assert.deepEqual(env.lines.map((l) => l.lineKind).slice(0, 6), ['transmissionId', 'precedence', 'de', 'security', 'dtg', 'fm']);
    assert.equal(env.lines.filter((l) => l.lineKind === 'security').length, 1);
    assert.deepEqual(cable.wrapper.map((w) => w.role), ['envelope-copy']);
    assert.equal(cable.wrapper[0]!.range.start.line, 10);
  });

  it('a mail-client copy: the quoted banner and routing block above the envelope are wrapper (06TELAVIV4032)', () => {
    const text = [
      'C O N F I D E N T I A L        BAGHDAD 00290',
      '',
      'SIPDIS',
      'CXTelA:',
      '    ACTION: POL',
      'DRAFTED: POL:PVRO',
      '',
      ENVELOPE,
      'C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD ',
      '',
      'E.O. 12958: DECL: 02/04/2020',
      'TAGS: PGOV IZ',
      'SUBJECT: TEST',
      '',
      '1. (C) Text.',
    ].join('\n');
    const cable = parseCable(text);
    // The envelope below the routing block is the cable's: DE, security line and DTG are read.
    assert.equal(cable.envelope?.de?.dayOfYear, 35);
    assert.equal(cable.envelope?.security?.code?.text, 'CCCCC');
    assert.equal(cable.envelope?.dtg?.day, 4);
    // The quoted banner is not taken as the banner; the banner with its serial cut off is kept,
    // with its level, for CBL021 to explain.
    assert.equal(cable.banner, undefined);
    assert.deepEqual(cable.malformedBanners.map((b) => [b.text.trim(), b.level]), [
      ['C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD', 'CONFIDENTIAL'],
    ]);
    assert.equal(cable.malformedBanners[0]!.range.start.line, 16);
    assert.equal(cable.eo?.range.start.line, 18);
    assert.ok(cable.wrapper.some((w) => w.text.startsWith('C O N F I D E N T I A L        BAGHDAD')));
  });

  it("an e-mail header's `Subject:` above the envelope is never the cable's SUBJECT (08TRIPOLI982)", () => {
    const text = [
      'From: CBPC, EACTAPP',
      'To: EACTBaghdad',
      'Subject: BAGHDAD 00000290 O UN 04-FEB-10 IRAQ: SECTION 565 WAIVER OF CONTRACTING PROHIBITION',
      '',
      ENVELOPE,
      'UNCLAS BAGHDAD 000290',
      '',
      'E.O. 12958: N/A',
      'TAGS: PGOV IZ',
      '',
      '1. (U) Text.',
    ].join('\n');
    const cable = parseCable(text);
    assert.equal(cable.subject, undefined);
    assert.deepEqual(cable.headerOrder.map((h) => h.kind), ['EoLine', 'TagsLine']);
    // With the cable's SUBJECT present, that one is read.
    const withSubject = parseCable(text.replace('TAGS: PGOV IZ', 'TAGS: PGOV IZ\nSUBJECT: THE REAL ONE'));
    assert.equal(withSubject.subject?.subject, 'THE REAL ONE');
  });

  it('a banner followed by header fields is the banner even with an envelope further down (no quoted copy)', () => {
    const cable = parseCable(`C O N F I D E N T I A L BAGHDAD 000290\n\nE.O. 12958: DECL: 02/04/2020\nTAGS: PGOV IZ\nSUBJECT: TEST\n\n1. (C) Text.\n\n${ENVELOPE}\n`);
    assert.equal(cable.banner?.serial.text, '000290');
    assert.equal(cable.banner?.range.start.line, 0);
  });

  describe('REF list variants', () => {
    const refsOf = (ref: string) => {
      const cable = parseCable(`UNCLAS ROME 001196\n\nE.O. 12958: N/A\nTAGS: PHUM IT\nSUBJECT: TEST\n\n${ref}\n\n1. Text.\n`);
      return cable.refs?.items.map((i) => [i.letter ?? '-', i.target.text]);
    };

    it('a one-line list with a letter skipped still splits at the skipped-to label (09EFTOLONDON2884, 03KATHMANDU280)', () => {
      assert.deepEqual(refsOf('REF: A. STATE 122725 C. STATE 127434'), [
        ['A', 'STATE 122725'],
        ['C', 'STATE 127434'],
      ]);
      assert.deepEqual(refsOf('REF: A. A. 02 NEW DELHI 6938      B. B. NEW DELHI 267      D. D. NEW DELHI 641'), [
        ['A', 'A. 02 NEW DELHI 6938'],
        ['B', 'B. NEW DELHI 267'],
        ['D', 'D. NEW DELHI 641'],
      ]);
      // Not after a citation number, or two letters ahead: words of the target.
      assert.deepEqual(refsOf('REF: A. LETTER FROM C. RICE'), [['A', 'LETTER FROM C. RICE']]);
      assert.deepEqual(refsOf('REF: A. STATE 122725 D. STATE 127434'), [['A', 'STATE 122725 D. STATE 127434']]);
    });

    it('¶-prefixed, indented items after a blank line, and a doubled label (06MEXICO3907, 06QUITO2529)', () => {
      assert.deepEqual(refsOf(' REF: A. A) MEXICO 3834 \n  \n     ¶B. B) MEXICO 3422 '), [
        ['A', 'A) MEXICO 3834'],
        ['B', 'B) MEXICO 3422'],
      ]);
      assert.deepEqual(refsOf('REF: A. STATE 171921 \n \n     ¶B. QUITO 2262 \n     ¶C. QUITO 2252 '), [
        ['A', 'STATE 171921'],
        ['B', 'QUITO 2262'],
        ['C', 'QUITO 2252'],
      ]);
    });

    it('a label at the end of its line, glued labels and lower-case labels (09BUENOSAIRES1156, 08STATE99666, 08MANAMA306, 06VIENNA515)', () => {
      assert.deepEqual(refsOf('REF: (A) BUENOS AIRES 0971 (B) BUENOS AIRES 0653 (C) \n     BUENOS AIRES 1148 '), [
        ['A', 'BUENOS AIRES 0971'],
        ['B', 'BUENOS AIRES 0653'],
        ['C', 'BUENOS AIRES 1148'],
      ]);
      assert.deepEqual(refsOf('REF: A. STATE 021770B. STATE 039585C. STATE 052030 '), [
        ['A', 'STATE 021770'],
        ['B', 'STATE 039585'],
        ['C', 'STATE 052030'],
      ]);
      assert.deepEqual(refsOf('REF: A. MANAMA 298 \n     ¶B. MANAMA 237 \n     ¶C. MANAMA 156 \n     D.07 MANAMA 1070 E. 07 MANAMA 1045'), [
        ['A', 'MANAMA 298'],
        ['B', 'MANAMA 237'],
        ['C', 'MANAMA 156'],
        ['D', '07 MANAMA 1070'],
        ['E', '07 MANAMA 1045'],
      ]);
      assert.deepEqual(refsOf('REF: a) vienna 350 b) vienna 309 c) 05 vienna 1760 d)\n05 state 220738'), [
        ['A', 'vienna 350'],
        ['B', 'vienna 309'],
        ['C', '05 vienna 1760'],
        ['D', '05 state 220738'],
      ]);
    });

    it('repeated keywords: `REF: REF (A)`, `REF A: …; REF B: …` and one `REF A` line per item (05MADRID4026, 01VATICAN5960, 09ABUDHABI754)', () => {
      assert.deepEqual(refsOf('REF: REF (A) MADRID 3785 (B) MADRID 3566'), [
        ['A', 'MADRID 3785'],
        ['B', 'MADRID 3566'],
      ]);
      assert.deepEqual(refsOf('REF A: VATICAN 05286; REF B: VATICAN 05546'), [
        ['A', 'VATICAN 05286;'],
        ['B', 'VATICAN 05546'],
      ]);
      assert.deepEqual(refsOf("REF A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS\nREF B SECSTATE 76108"), [
        ['A', "SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS"],
        ['B', 'SECSTATE 76108'],
      ]);
      // A single reference that starts with the article `A` is not item A.
      assert.deepEqual(refsOf('REF: A LETTER FROM THE MINISTER'), [['-', 'A LETTER FROM THE MINISTER']]);
    });

    it('a renderer’s line labels before the original ones (06GENEVA2030)', () => {
      assert.deepEqual(
        refsOf('REF: A. A. GENEVA 1954 B. STATE 130904 \n \n     ¶B. C. STATE 130145 D. GENEVA 1675 \n     ¶C. E. GENEVA 1673 ')?.map((r) => r[0]),
        ['A', 'B', 'C', 'D', 'E'],
      );
    });

    it('a printout page top inside the list is a page marker, not item text (02ROME1196)', () => {
      const cable = parseCable(
        'C O N F I D E N T I A L SECTION 01 OF 02 ROME 001196\n\nE.O. 12958: DECL: 03/05/2007\nTAGS: PHUM IT\nSUBJECT: TEST\nREF: A. STATE 40721\n CONFIDENTIAL\nPAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME 1098  C. ROME 894\nCLASSIFIED BY: POL MINCOUNS THOMAS COUNTRYMAN, REASONS 1.5 (B) AND (D).\n¶1. (C) SUMMARY: TEXT (REFS B AND C).\n',
      );
      assert.deepEqual(cable.refs?.items.map((i) => [i.letter, i.target.text]), [
        ['A', 'STATE 40721'],
        ['B', 'ROME 1098'],
        ['C', 'ROME 894'],
      ]);
      assert.deepEqual(cable.pageMarkers.map((p) => [p.form, p.range.start.line]), [['legacy', 7]]);
      assert.equal(cable.classifiedBy?.reasonSection, '1.5');
    });

    it('items after a wrapped item whose second line is one R-word (10MANAGUA115)', () => {
      assert.deepEqual(
        refsOf('REF: A) MANAGUA 182\nB) 2009 MANAGUA 913 -- NICARAGUA RECOGNIZES BREAK-AWAY GEORGIA\nREPUBLICS\nC) 2009 MANAGUA 912\nD) 2009 MANAGUA 599'),
        [
          ['A', 'MANAGUA 182'],
          ['B', '2009 MANAGUA 913 -- NICARAGUA RECOGNIZES BREAK-AWAY GEORGIA\nREPUBLICS'],
          ['C', '2009 MANAGUA 912'],
          ['D', '2009 MANAGUA 599'],
        ],
      );
    });

    it('a lettered heading after a single unlettered reference is not item I (09AITTAIPEI975)', () => {
      assert.deepEqual(refsOf('REF: Taipei 405\n\n¶I. BROAD ITEMS OF INTEREST TO ADVISORS AND AGENCY MANAGERS:'), [['-', 'Taipei 405']]);
    });

    it('a header that ended early at a long pass line keeps its multi-line REF list (06SAOPAULO387)', () => {
      const cable = parseCable(
        `UNCLAS SECTION 01 OF 03 SAO PAULO 000387\n\nSIPDIS\n\nNSC FOR CRONIN\nUSDOC ALSO FOR 3134/USFCS/OIO/EOLSON/DDEVITO/DANDERSON STATE PASS EXIMBANK STATE PASS OPIC FOR DMORONESE, NRIVERA, CMERVENNE AID/W FOR LAC/AA\n\nE.O. 12958: N/A TAGS: EAGR TBIO BR CH\n\nSUBJECT: "TUCANO" TALKS CAMPAIGN\n\nREF: (A) BRASILIA 609;\n(B) BRASILIA 603\n(C) SAO PAULO 316 AND PREVIOUS\n\n1. (U) Text (ref C).\n`,
      );
      assert.deepEqual(cable.refs?.items.map((i) => i.letter), ['A', 'B', 'C']);
      assert.deepEqual(cable.tags[0]!.tags.map((t) => t.text), ['EAGR', 'TBIO', 'BR', 'CH']);
      assert.equal(cable.eo?.body?.text.trim(), 'N/A');
    });

    it('TAGS between a printed envelope copy and the banner is not the header (06MEXICO1476)', () => {
      const cable = parseCable(
        `${ENVELOPE}\nTAGS: ECON MX\nUNCLAS SECTION 01 OF 03 BAGHDAD 000290\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: ECON EFIN MX\nSUBJECT: TEST\nREF: A. MEXICO 1\n     B. MEXICO 2\n\n1. Text.\n`,
      );
      assert.deepEqual(cable.tags.map((t) => t.tags.length), [3]);
      assert.deepEqual(cable.refs?.items.map((i) => i.letter), ['A', 'B']);
      assert.equal(cable.wrapper[0]?.text, 'TAGS: ECON MX');
    });
  });

  it('a page marker run into a reflowed line is read when it carries the banner serial (06MOSCOW9482, 09RIODEJANEIRO329)', () => {
    const long = 'The most important component of this effort has been the construction of new export routes for crude oil. ';
    const text =
      `C O N F I D E N T I A L SECTION 01 OF 03 RIO DE JANEIRO 000329\n\nE.O. 12958: DECL: 02/04/2020\nTAGS: PGOV BR\nSUBJECT: X\n\n` +
      `1. (C) ${long}the "Druzhba RIO DE JAN 00000329 002 OF 003 discount." ${long}\n\n` +
      `2. (C) ${long}MOSCOW 00009482 003 OF 003 is another cable's number, and so is 00000329 in prose. ${long}\n`;
    const cable = parseCable(text);
    assert.deepEqual(
      cable.pageMarkers.map((p) => [p.post?.text, p.number, p.total, p.midLine, text.slice(p.range.start.offset, p.range.end.offset)]),
      [['RIO DE JAN', 2, 3, true, 'RIO DE JAN 00000329 002 OF 003']],
    );
  });

  it('a paragraph ends at its last line of text, not at the page marker after it; a marker inside stays inside', () => {
    const text =
      'UNCLAS SECTION 01 OF 02 DUSHANBE 000313\n\nE.O. 12958: N/A\nTAGS: PREL TI\nSUBJECT: X\n\n1. (U) First line\nsecond line.\n\nDUSHANBE 00000313  002 OF 002\n\n2. (U) Next\nDUSHANBE 00000313  002 OF 002\nmore of two.\n';
    const cable = parseCable(text);
    const body = cable.paragraphs.map((p) => text.slice(p.range.start.offset, p.range.end.offset));
    assert.deepEqual(body, ['1. (U) First line\nsecond line.', '2. (U) Next\nDUSHANBE 00000313  002 OF 002\nmore of two.']);
    assert.equal(cable.pageMarkers.length, 2);
  });
});

describe('grammar: the tree as an object', () => {
  const text = 'UNCLAS STATE 000123\nTAGS: PREL\nSUBJECT: TEST\n\n1. (U) Summary: the minister arrived. End summary.\n';

  it('stays a fast-properties object in V8, its block marks read when first asked, in their place among its keys', () => {
    // An accessor written in the tree's literal (a new function pair per tree) put every tree in
    // dictionary mode: each property read in the grammar, the model and the rules a hash lookup.
    setFlagsFromString('--allow-natives-syntax');
    const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    const a = parseCable(text);
    const b = parseCable('just a line');
    assert.equal(hasFastProperties(a), true);
    assert.equal(hasFastProperties(b), true);
    const keys = Object.keys(b);
    assert.equal(keys[keys.indexOf('headings') + 1], 'blockMarks');
    assert.equal(keys[keys.indexOf('blockMarks') + 1], 'pageMarkers');
    assert.deepEqual(a.blockMarks.map((m) => [m.block, m.role, m.text]), [['SUMMARY', 'open', 'Summary:'], ['SUMMARY', 'end', 'End summary']]);
    assert.equal(a.blockMarks, a.blockMarks, 'read once');
    assert.deepEqual(JSON.parse(JSON.stringify(a)).blockMarks.length, 2);
    assert.equal(hasFastProperties(a), true, 'still after the marks are read');
    b.blockMarks = a.blockMarks;
    assert.equal(b.blockMarks, a.blockMarks);
  });
});
