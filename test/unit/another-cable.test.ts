import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCable } from '../../grammar/src/index';
import type { Diagnostic } from '../../server/src/engine/types';
import { isSecretaryOfStateSurname, secretariesOfStateOn } from '../../server/src/data/index';
import { lint } from '../../server/src/lint';
import { modelOf } from '../../server/src/model/index';
import { spliceAt } from '../../server/src/model/publication';
import fc from 'fast-check';

/**
 * Issue 17: a published page that carries another cable (its envelope above another cable's
 * banner, a banner garbled where the page joins it to the envelope, a merged release going on
 * after the signature, a garbled splice into another cable's paragraphs). What the rule pages
 * attribute to publication is info there with `publication: true`; the same forms in a draft or
 * a transmission keep their severity. Cables written for these tests.
 */

const NOW = new Date('2026-01-01T00:00:00Z');
const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;
const found = (t: string, rule: string): Diagnostic[] => lint(t, { now: NOW }).diagnostics.filter((d) => d.ruleId === rule);
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.severity}${d.publication ? ' publication' : ''}`);

const ENVELOPE = (de: string, security: string, fm: string) => [
  'VZCZCXYZ0001',
  'PP RUEHWEB',
  `DE ${de} 1601530`,
  `ZNY ${security} ZZH`,
  'P 081530Z JUN 08',
  `FM ${fm}`,
  'TO RUEHC/SECSTATE WASHDC PRIORITY 4101',
  'INFO RUEHNY/AMEMBASSY OSLO 0210',
];

/** `¶` before the numbers: the renderer's mark, so the page is linted as published. */
/** The Reykjavik cable's header, below its banner. */
const HEADER = [
  '',
  'E.O. 12958: DECL: 06/08/2018',
  'TAGS: PREL PGOV IC',
  'SUBJECT: ICELAND: FOREIGN MINISTER ON THE WHALING QUOTA',
  '',
  'Classified By: Ambassador Carol van Voorst for reasons 1.4 (b) and (d).',
  '',
];

const BODY = (mark: string) => [
  ...HEADER,
  `¶1. (${mark}) The Foreign Minister told the Ambassador that the quota`,
  'stands.',
  '',
  'VAN VOORST',
];

describe("another cable's envelope above the banner (CBL005)", () => {
  const page = (banner: string, de: string) => text([...ENVELOPE(de, 'CCCCC', 'AMEMBASSY REYKJAVIK'), banner, ...BODY('S')]);

  it('Reykjavik’s envelope above an Oslo SECRET banner: the page’s, info with publication', () => {
    const t = page('S E C R E T OSLO 000612', 'RUEHRK #0457/01');
    assert.equal(modelOf(parseCable(t)).anotherCable.envelope, true);
    assert.deepEqual(brief(found(t, 'CBL005')), ['info publication']);
  });

  it('the same cable’s envelope and banner that disagree stay an error', () => {
    assert.deepEqual(brief(found(page('S E C R E T REYKJAVIK 000457', 'RUEHRK #0457/01'), 'CBL005')), ['error']);
  });

  it('a banner of the same post with another serial, or another post with the same serial, is no other cable', () => {
    assert.equal(modelOf(parseCable(page('S E C R E T REYKJAVIK 000612', 'RUEHRK #0457/01'))).anotherCable.envelope, false);
    assert.equal(modelOf(parseCable(page('S E C R E T OSLO 000457', 'RUEHRK #0457/01'))).anotherCable.envelope, false);
  });
});

describe('a banner garbled at the envelope seam (CBL021)', () => {
  const page = (banner: string) => text([...ENVELOPE('RUEHRK #0457/01', 'CCCCC', 'AMEMBASSY REYKJAVIK'), banner, ...BODY('C')]);

  it('a letter doubled or lost, or the serial cut off, right below the envelope: info with publication', () => {
    for (const banner of ['C C O N F I D E N T I A L REYKJAVIK 000457', 'O N F I D E N T I A L REYKJAVIK 000457', 'C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK']) {
      assert.deepEqual(brief(found(page(banner), 'CBL021')), ['info publication'], banner);
    }
  });

  it('the same line in a draft (no envelope to state the level and serial) stays an error', () => {
    const draft = text(['C C O N F I D E N T I A L REYKJAVIK 000457', ...BODY('C').map((l) => l.replace('¶', ''))]);
    assert.deepEqual(brief(found(draft, 'CBL021')), ['error']);
  });

  it('a garbled banner below an envelope without a DE serial stays an error', () => {
    const t = page('C C O N F I D E N T I A L REYKJAVIK 000457').replace('DE RUEHRK #0457/01 1601530', 'DE RUEHRK 1601530');
    assert.deepEqual(brief(found(t, 'CBL021')), ['error']);
  });
});

const RELEASE = (second: string[]) =>
  text([
    ...ENVELOPE('RUEHRK #0457/01', 'CCCCC', 'AMEMBASSY REYKJAVIK'),
    'C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000457',
    ...HEADER,
    '¶1. (C) The Foreign Minister told the Ambassador that the quota stands.',
    '',
    'REYKJAVIK 00000457  002 OF 004',
    '',
    '¶2. (C) She asked that the delegation be told before the vote.',
    '',
    'VAN VOORST',
    ...second,
  ]);

describe('a merged release: another cable after the signature (CBL032, CBL037, CBL091)', () => {
  const merged = RELEASE([
    'REYKJAVIK 00000457  003 OF 004',
    '',
    '¶2. (S) The budget the Althing passed leaves the coast guard short.',
    '',
    'REYKJAVIK 00000457  004 OF 004',
    '',
    '¶3. (C) Comment: the cuts will bite in the autumn.',
    '',
    'VAN VOORST',
  ]);

  it('reads the text after the first signature, numbered back, as another cable’s', () => {
    const other = modelOf(parseCable(merged)).anotherCable.text;
    assert.deepEqual(other.map((t) => t.evidence), ['after-signature']);
    assert.ok(merged.slice(other[0]!.start).includes('The budget the Althing passed'));
  });

  it('finds the signature line alone among lines that only mention the name, wherever it is indented', () => {
    // The name inside a sentence above is no signature line; the indented one is, and what follows it is numbered back.
    const mentioned = merged.replace('¶2. (C) She asked', '¶2. (C) VAN VOORST asked').replace(/\nVAN VOORST\n/, '\n   VAN VOORST  \n');
    const other = modelOf(parseCable(mentioned)).anotherCable.text;
    assert.deepEqual(other.map((t) => t.evidence), ['after-signature']);
    assert.ok(mentioned.slice(other[0]!.start).startsWith('\nREYKJAVIK 00000457  003 OF 004'));
  });

  it('the markers of both cables against the banner are the publisher’s: info with publication, and no total offered', () => {
    for (const rule of ['CBL032', 'CBL037']) {
      const ds = found(merged, rule);
      assert.deepEqual(brief(ds), ['info publication'], rule);
      assert.deepEqual(ds[0]!.fixes ?? [], [], rule);
    }
    // The other cable's (S) paragraph is compared with this cable's banner: the page's doing.
    assert.deepEqual(brief(found(merged, 'CBL091')), ['info publication']);
  });

  it('a text that goes on numbering forward after a signature-like line is one cable: the errors stay', () => {
    const one = RELEASE(['REYKJAVIK 00000457  003 OF 004', '', '¶3. (S) The budget leaves the coast guard short.', '', 'VAN VOORST']);
    assert.equal(modelOf(parseCable(one)).anotherCable.carried, false);
    assert.deepEqual(brief(found(one, 'CBL037')), ['error']);
    assert.deepEqual(brief(found(one, 'CBL091')), ['error']);
  });
});

describe('a garbled splice into another cable’s paragraphs (CBL091)', () => {
  const page = (splice: string) =>
    text([
      ...ENVELOPE('RUEHRK #0457/01', 'UUUUU', 'AMEMBASSY REYKJAVIK'),
      'UNCLAS SECTION 01 OF 02 REYKJAVIK 000457',
      '',
      'E.O. 12958: N/A',
      'TAGS: PREL PGOV IC',
      'SUBJECT: ICELAND: THE WHALING QUOTA',
      '',
      '¶1. (C) The Foreign Minister told the Ambassador that the quota',
      'stands.',
      '',
      '¶2. (U) She asked that the delegation be told before the vote.',
      '',
      '¶3. (U) The Althing votes in June. The government expects',
      `${splice} to the camp, and we have advocated for them.`,
      '',
      '¶2. (C) The Vice Foreign Minister praised the closure of the camp.',
      '',
      'REYKJAVIK 00000457  002 OF 002',
      '',
      'more of paragraph 3 of this cable.',
      '',
      '¶4. (U) End of the cable.',
      '',
      'VAN VOORST',
    ]);

  it('the spliced paragraph’s mark is another cable’s: info with publication; this cable’s own (C) stays an error', () => {
    const t = page('RHTQwsQfjQQQocuments');
    assert.deepEqual(modelOf(parseCable(t)).anotherCable.text.map((x) => x.evidence), ['spliced']);
    const ds = found(t, 'CBL091');
    assert.deepEqual(ds.map((d) => [d.message.slice(0, 38), d.severity, d.publication === true]), [
      ['portion mark `(C)` in paragraph 1 is a', 'error', false],
      ['portion mark `(C)` in paragraph 2 is a', 'info', true],
    ]);
  });

  it('without the garble, numbering back is no splice: both marks are errors', () => {
    assert.deepEqual(brief(found(page('documents'), 'CBL091')), ['error', 'error']);
  });

  it('a `QQQQ` word without a garble before the splice does not hide it', () => {
    const t = page('QQQQ RHTQwsQfjQQQocuments');
    assert.deepEqual(modelOf(parseCable(t)).anotherCable.text.map((x) => x.evidence), ['spliced']);
  });

  it('finds the first garbled `QQ` word, as the pattern `\\S*(?:[a-z…]\\S*QQ|QQ\\S*[a-z…])\\S*` did', () => {
    // The pattern backtracked over every word of the text; the finder starts from each `QQ`.
    const PATTERN = /\S*(?:[a-z%#^>=&[\]]\S*QQ|QQ\S*[a-z%#^>=&[\]])\S*/;
    const piece = fc.constantFrom('Q', 'QQ', 'QQQ', 'a', 'Z', '#', ']', ' ', '\n', '\t', 'X', '9', '\u00a0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((xs) => xs.join('')), fc.nat(8), (text, cut) => {
        const from = Math.min(cut, text.length);
        const m = PATTERN.exec(text.slice(from));
        const want = m ? { start: from + m.index, end: from + m.index + m[0].length } : undefined;
        assert.deepEqual(spliceAt(text, from), want);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('paragraph 1 right below the REF line (CBL082; 09CAIRO1727)', () => {
  it('`REF: CAIRO 1725Classified By: …` ⏎ `1.(SBU) This is…` is paragraph 1, not the REF item’s tail', () => {
    const t = text([
      'UNCLAS CAIRO 001727',
      '',
      'E.O. 12958: N/A',
      'TAGS: EAID ECON EG',
      'SUBJECT: REQUEST FOR GUIDANCE',
      '',
      'REF: CAIRO 1725Classified By: Ambassador Margaret Scobey for reasons 1.4 (b) and (d)',
      '1.(SBU) This is an action message.',
      '',
      '2. (SBU) Reftel describes the proposal.',
    ]);
    const cable = parseCable(t);
    assert.deepEqual(cable.refs?.items.map((i) => i.target.text), ['CAIRO 1725']);
    assert.deepEqual(cable.paragraphs.map((p) => p.number), [1, 2]);
    assert.deepEqual(found(t, 'CBL082'), []);
  });
});

describe("a Department cable's body under a post's header (CBL091)", () => {
  const page = (signer: string, fm = 'AMEMBASSY REYKJAVIK', de = 'RUEHRK #0457/01', banner = 'C O N F I D E N T I A L REYKJAVIK 000457') =>
    text([
      ...ENVELOPE(de, 'CCCCC', fm).map((l) => l.replace('081530Z JUN 08', '100915Z FEB 09')),
      banner,
      '',
      'E.O. 12958: DECL: 02/10/2019',
      'TAGS: MARR PREL IC',
      'SUBJECT: AMBASSADOR AND MINISTER PLAN A VISIT',
      '',
      'Classified By: Ambassador Carol van Voorst for reasons 1.4 (b) and (d).',
      '',
      '¶1. (U) This cable is an action request to Embassy Oslo.',
      '',
      '¶2. (S) Post is requested to approach the government at the highest level.',
      '',
      signer,
    ]);

  it('signed with the name of the Secretary of State of its day: the whole text is the Department’s, its marks the page’s', () => {
    const t = page('CLINTON');
    assert.deepEqual(modelOf(parseCable(t)).anotherCable.text.map((x) => x.evidence), ['department-body']);
    assert.deepEqual(brief(found(t, 'CBL091')), ['info publication']);
  });

  it('signed by the chief of mission, or by a Secretary out of office, or sent by the Department: the error stays', () => {
    for (const t of [page('VAN VOORST'), page('RICE'), page('CLINTON', 'SECSTATE WASHDC', 'RUEHC #2745/01', 'C O N F I D E N T I A L STATE 012745')]) {
      assert.equal(modelOf(parseCable(t)).anotherCable.carried, false);
      assert.deepEqual(brief(found(t, 'CBL091')), ['error']);
    }
  });
});

describe('the Secretaries of State table (server/data/secretaries_of_state.tsv)', () => {
  it('answers who was in office on a day: one, two on a hand-over, none outside the table', () => {
    const on = (day: string) => secretariesOfStateOn(day).map((s) => s.surname);
    assert.deepEqual(on('2009-02-10'), ['CLINTON']);
    assert.deepEqual(on('2005-01-26'), ['POWELL', 'RICE']);
    assert.deepEqual(on('1992-10-01'), ['EAGLEBURGER']);
    assert.deepEqual(on('1980-05-01'), []);
    assert.deepEqual(on('1968-12-31'), []);
  });

  it('knows every surname it holds, on any day, and no other (the guard before a signature\'s day is read)', () => {
    for (const day of ['2009-02-10', '2005-01-26', '1992-10-01', '1975-01-01']) {
      for (const s of secretariesOfStateOn(day)) assert.equal(isSecretaryOfStateSurname(s.surname), true, s.surname);
    }
    assert.equal(isSecretaryOfStateSurname('VAN VOORST'), false);
    assert.equal(isSecretaryOfStateSurname('Clinton'), false, 'signers are upper case, as the table is');
  });
});
