import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../server/src/api';
import { parseCable } from '../../grammar/src/index';
import { assertValidReport } from '../report-schema';

/**
 * Issue 16: a published record that prints a cut-off preview of the header, then the publisher's
 * record metadata, then the complete cable (86 records of the public corpus print the metadata;
 * 06LIMA1358, 09QUITO57, 04THEHAGUE1446 print a preview above it). The complete copy is the cable:
 * its header is what the report gives and the rules read. Cables written for these tests.
 */

const NOW = new Date('2026-01-01T00:00:00Z');

const ENVELOPE = [
  'VZCZCXYZ0001',
  'PP RUEHWEB',
  '',
  'DE RUEHRK #0457/01 1601530',
  'ZNY CCCCC ZZH',
  'P 081530Z JUN 08',
  'FM AMEMBASSY REYKJAVIK',
  'TO RUEHC/SECSTATE WASHDC PRIORITY 4101',
  'INFO RUEHNY/AMEMBASSY OSLO 0210',
];

const HEADER = (refs: string[], classifiedBy: string) => [
  'C O N F I D E N T I A L REYKJAVIK 000457',
  '',
  'SIPDIS',
  '',
  'E.O. 12958: DECL: 06/08/2018',
  'TAGS: PREL PGOV IC',
  'SUBJECT: ICELAND: FOREIGN MINISTER ON THE WHALING QUOTA',
  '',
  ...refs,
  '',
  classifiedBy,
  '',
];

const KEYED = (refid: string) => [
  'id: 157001',
  'date: 6/8/2008 15:30',
  `refid: ${refid}`,
  'origin: Embassy Reykjavik',
  'classification: CONFIDENTIAL',
  'destination: 08STATE1200',
  'header:',
];

const BODY = [
  '1. (C) The Foreign Minister told the Ambassador on June 6 that',
  'the quota stands (ref A).',
  '',
  '2. (C) She asked that the delegation be told before the vote',
  '(ref C).',
  '',
  'VAN VOORST',
];

const cable = (...parts: string[][]) => `${parts.flat().join('\n')}\n`;

/** Preview cut off in the REF list and Classified By line; the complete copy skips REF item B. */
const RECORD = (refid = '08REYKJAVIK457', copyBanner?: string) =>
  cable(
    ENVELOPE,
    HEADER(['REF: A. STATE 1200 ...'], 'Classified By: Ambass...'),
    ['1...', ''],
    KEYED(refid),
    ENVELOPE,
    ['', '----------------- header ends ----------------', ''],
    HEADER(['REF: A. STATE 1200', 'C. REYKJAVIK 450'], 'Classified By: Ambassador Carol van Voorst for reasons 1.4 (b) and (d).').map((l) =>
      copyBanner && l.startsWith('C O N') ? copyBanner : l,
    ),
    BODY,
  );

/** The 0-based line of the first or last line starting with `start`. */
function lineOf(text: string, start: string, which: 'first' | 'last'): number {
  const lines = text.split('\n').map((l, i) => [l, i] as const).filter(([l]) => l.startsWith(start));
  return (which === 'first' ? lines[0] : lines[lines.length - 1])![1];
}

function report(text: string) {
  const r = lintText(text, { config: false, now: NOW });
  assertValidReport(r);
  return r.files[0]!;
}

describe('a header preview above the complete copy (issue 16)', () => {
  it('reads the header from the complete copy: the REF list and Classified By whole, the preview is the publisher’s', () => {
    const f = report(RECORD());
    assert.equal(f.cable.id, '08REYKJAVIK457');
    assert.deepEqual(f.cable.references.map((r) => [r.letter, r.text]), [['A', 'STATE 1200'], ['C', 'REYKJAVIK 450']]);
    assert.deepEqual(f.cable.classifiedBy?.reasons, ['1.4(b)', '1.4(d)']);
    // The preview's `1...` is not paragraph 1: numbering does not restart, and two paragraphs remain.
    assert.equal(f.cable.paragraphs, 2);
    assert.equal(f.diagnostics.filter((d) => d.ruleId === 'CBL083').length, 0);
    // The envelope and its addressees are the complete copy's; the earlier copy and the preview are wrapper.
    assert.deepEqual(f.cable.to.map((a) => a.name), ['SECSTATE WASHDC']);
    const tree = parseCable(RECORD());
    assert.equal(tree.banner?.range.start.line, lineOf(RECORD(), 'C O N F I D E N T I A L', 'last'));
    assert.deepEqual(
      tree.wrapper.filter((w) => w.role === 'preview' || w.role === 'envelope-copy').map((w) => [w.role, w.range.start.line]),
      [['envelope-copy', 0], ['preview', 9]],
    );
  });

  it('reports a defect of the complete copy’s header that the preview cut off (REF item B skipped)', () => {
    const skipped = report(RECORD()).diagnostics.filter((d) => d.ruleId === 'CBL075');
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]!.line, lineOf(RECORD(), 'C. REYKJAVIK 450', 'last') + 1);
  });

  it('keeps the header above metadata that names another cable: a page going on with another record is no copy', () => {
    const f = report(RECORD('08STATE1200'));
    assert.deepEqual(f.cable.references.map((r) => r.text), ['STATE 1200 ...']);
    assert.equal(parseCable(RECORD('08STATE1200')).banner?.range.start.line, lineOf(RECORD(), 'C O N F I D E N T I A L', 'first'));
  });

  it('keeps the preview when the copy’s banner lost a digit of the serial (`REYKJAVIK 00045`)', () => {
    const text = RECORD('08REYKJAVIK457', 'C O N F I D E N T I A L REYKJAVIK 00045');
    assert.equal(parseCable(text).banner?.serial.text, '000457');
    assert.equal(report(text).cable.id, '08REYKJAVIK457');
  });

  it('reads the cables.csv row form (no keys, no envelope in the copy): the header from the copy, the envelope from above', () => {
    const text = cable(
      ENVELOPE,
      HEADER(['REF: A. STATE 1200 ...'], 'Classified By: Ambass...'),
      ['', '157001', '', '2008-06-08', '', '08REYKJAVIK457', '', 'Embassy Reykjavik', '', 'CONFIDENTIAL', ''],
      HEADER(['REF: A. STATE 1200', 'C. REYKJAVIK 450'], 'Classified By: Ambassador Carol van Voorst for reasons 1.4 (b) and (d).'),
      BODY,
    );
    const f = report(text);
    assert.equal(f.cable.id, '08REYKJAVIK457');
    assert.equal(f.cable.date, '2008-06-08T15:30Z');
    assert.deepEqual(f.cable.references.map((r) => r.text), ['STATE 1200', 'REYKJAVIK 450']);
    assert.deepEqual(f.cable.classifiedBy?.reasons, ['1.4(b)', '1.4(d)']);
  });
});

describe('a REF list whose every item repeats the keyword after `REF:` (10QUITO101)', () => {
  it('`REF: REF A) …; REF B) …` ⏎ `REF D) …` is one list of four items', () => {
    const text = cable([
      'UNCLAS QUITO 000101',
      '',
      'E.O. 12958: N/A',
      'TAGS: EAID EC',
      'SUBJECT: ASSISTANCE AGREEMENT',
      '',
      'REF: REF A) QUITO 83; REF B) QUITO 91; REF C) 09 QUITO 885',
      'REF D) QUITO 79',
      '',
      '1. (U) Ref A set out the terms; ref D the reply.',
    ]);
    assert.deepEqual(parseCable(text).refs?.items.map((i) => i.letter), ['A', 'B', 'C', 'D']);
    assert.deepEqual(report(text).diagnostics.filter((d) => d.ruleId === 'CBL076'), []);
  });
});
