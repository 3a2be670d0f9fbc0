import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-types';
import type { Cable } from '../../grammar/src/ast';
import { parseCable } from '../../grammar/src/index';
import { lint } from '../../server/src/lint';
import { hover } from '../../server/src/service/index';
import { allFixtures, inDocument, positionOf, seed000Text, seed002Text, syntheticText, textAt } from './service-fixtures';

const synthetic = parseCable(syntheticText);
const seed000 = parseCable(seed000Text);
const seed002 = parseCable(seed002Text);

function hoverText(cable: Cable, needle: string, delta = 0, n = 0): { text: string; under: string } {
  const h: Hover | null = hover(cable, positionOf(cable, needle, delta, n));
  assert.ok(h, `no hover on "${needle}"`);
  const value = (h.contents as { value: string }).value;
  return { text: value, under: h.range ? textAt(cable, h.range) : '' };
}

describe('service: hover on TAGS codes', () => {
  it('explains KWMN (seed 000) with meaning, kind, trust level and source', () => {
    const { text, under } = hoverText(seed000, 'KWMN', 1);
    assert.equal(under, 'KWMN');
    assert.match(text, /Women's issues/);
    assert.match(text, /Program tag/);
    assert.match(text, /Trust: `secondary`/);
    assert.match(text, /_Source: .+_/);
  });

  it('explains TI as a geographic FIPS code (Tajikistan)', () => {
    const { text, under } = hoverText(seed000, 'KWMN TI', 5);
    assert.equal(under, 'TI');
    assert.match(text, /Tajikistan/);
    assert.match(text, /Geographic tag/);
    assert.match(text, /`fips`/);
  });

  it('says an accepted undefined code is seen on published cables with no known meaning', () => {
    const cable = parseCable(syntheticText.replace('TAGS: PREL ENRG', 'TAGS: PREL KTIA ENRG'));
    const { text } = hoverText(cable, 'KTIA', 1);
    assert.match(text, /seen on published cables .* no known meaning/);
  });

  it('calls a slip on a known code what CBL061 calls it, with the code meant', () => {
    const cable = parseCable(syntheticText.replace('TAGS: PREL ENRG', 'TAGS: PRELL ENRG'));
    const { text } = hoverText(cable, 'PRELL', 1);
    assert.match(text, /^\*\*PRELL\*\*: not a known code: a slip on `PREL` \(External Political Relations\)\./);
  });

  it('calls an unknown code unknown and offers the nearest known codes', () => {
    const cable = parseCable(syntheticText.replace('TAGS: PREL ENRG', 'TAGS: DPRK ENRG'));
    const { text } = hoverText(cable, 'DPRK', 1);
    assert.match(text, /^\*\*DPRK\*\*: unknown TAGS code\. Nearest known codes: `[A-Z]+` \(/);
  });

  it('splits a run-together token', () => {
    const cable = parseCable(syntheticText.replace('TAGS: PREL ENRG', 'TAGS: PHUMPGOV ENRG'));
    const { text } = hoverText(cable, 'PHUMPGOV', 2);
    assert.match(text, /\*\*PHUM PGOV\*\*/);
  });
});

describe('service: hover on TAGS codes, read by the cable date', () => {
  const NOW = new Date('2026-12-06T00:00:00Z');
  /** The synthetic cable with this DTG year and TAGS line. */
  const cableOf = (year: string, tags: string) => parseCable(syntheticText.replace('P 141530Z MAY 08', `P 141530Z MAY ${year}`).replace('TAGS: PREL ENRG EINV IC DA NO', `TAGS: ${tags}`));
  const hoverOn = (cable: Cable, code: string, now?: Date) => {
    const h = hover(cable, positionOf(cable, `${code} `, 1), now);
    assert.ok(h, `a hover on ${code}`);
    return (h.contents as { value: string }).value;
  };

  it('reads WTO as the Warsaw Pact Organization on a 1975 cable, the World Trade Organization on a 2008 one', () => {
    assert.match(hoverOn(cableOf('75', 'PREL WTO UR'), 'WTO', NOW), /^\*\*WTO\*\*: Warsaw Pact Organization/);
    assert.match(hoverOn(cableOf('75', 'PREL WTO UR'), 'WTO', NOW), /_Source: 1974 handbook: /);
    assert.match(hoverOn(cableOf('08', 'PREL WTO UR'), 'WTO', NOW), /^\*\*WTO\*\*: World Trade Organization/);
  });

  it('gives a historic code its 1974 meaning before 1995 and none after', () => {
    assert.match(hoverOn(cableOf('80', 'PREL GE UR'), 'GE', NOW), /^\*\*GE\*\*: Germany \(East\)/);
    const later = hoverOn(cableOf('08', 'PREL GE UR'), 'GE', NOW);
    assert.match(later, /^\*\*GE\*\*: no meaning on a cable of 2008-05-14: a historic code, Germany \(East\) in the 1974 handbook\./);
  });

  it('dates an undated draft by the clock it is given', () => {
    const draft = parseCable(syntheticText.slice(syntheticText.indexOf('C O N F I D E N T I A L')).replace('TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PFOR GE LH'));
    assert.match(hoverOn(draft, 'PFOR', NOW), /^\*\*PFOR\*\*: Foreign Policy and Relations[^]*_Source: 1974 handbook: /);
    assert.match(hoverOn(draft, 'GE', NOW), /no meaning on a cable of 2026-12-06/);
    // Without a clock the codes are read by the latest sources, the meaning shown as history.
    assert.match(hoverOn(draft, 'GE'), /^\*\*GE\*\*: Germany \(East\)[^]*Historic code/);
  });
});

describe('service: hover on the envelope', () => {
  it('names the routing indicator RUEHDBU in seed 002 from ACP 117 and the corpus', () => {
    const { text, under } = hoverText(seed002, 'DE RUEHDBU', 4);
    assert.equal(under, 'RUEHDBU');
    assert.match(text, /ACP 117: AMEMBASSY DUSHANBE/);
    assert.match(text, /corpus: AMEMBASSY DUSHANBE/);
  });

  it('names routing indicators on the precedence line and addressee lines too', () => {
    assert.match(hoverText(synthetic, 'RUEHNY', 1).text, /AMEMBASSY OSLO/);
    assert.match(hoverText(synthetic, 'RUEHC/', 1).text, /DEPT OF STATE WASHINGTON DC/);
  });

  it('decodes the DTG to a weekday, date and UTC time and spells out the precedence', () => {
    const { text, under } = hoverText(synthetic, '141530Z', 2);
    assert.equal(under, '141530Z MAY 08');
    assert.match(text, /Wednesday 14 May 2008, 15:30 UTC/);
    assert.match(text, /P = PRIORITY/);
    assert.match(hoverText(synthetic, 'P 141530Z').text, /PRIORITY/);
  });

  it('decodes the DE Julian date-time and says it agrees with the DTG', () => {
    const { text, under } = hoverText(synthetic, '1351530', 1);
    assert.equal(under, '1351530');
    assert.match(text, /day 135 of 2008 → 14 May 2008 15:30Z/);
    assert.match(text, /Agrees with the DTG/);
  });

  it('says when the DE day disagrees with the DTG', () => {
    const cable = parseCable(syntheticText.replace('1351530', '1361530'));
    const { text } = hoverText(cable, '1361530', 1);
    assert.match(text, /15 May 2008/);
    assert.match(text, /Disagrees with the DTG: .* is day 135/);
  });

  it('explains the security line against its code table', () => {
    assert.match(hoverText(synthetic, 'ZNY CCCCC', 5).text, /CONFIDENTIAL transmission/);
  });
});

describe('service: hover on captions says what CBL023 says', () => {
  /** The synthetic draft with `lines` in place of its NOFORN caption line. */
  const withCaptions = (lines: string) => syntheticText.replace('\nNOFORN\n', `\n${lines}\n`);
  const cbl023 = (text: string) => lint(text).diagnostics.filter((d) => d.ruleId === 'CBL023');

  // The spec's Caption pattern (section 2.2), written out here rather than read from the code.
  const SPEC_CAPTIONS = [
    'SIPDIS', 'SENSITIVE', 'SENSITIVE BUT UNCLASSIFIED', 'NOFORN', 'NODIS', 'EXDIS', 'LIMDIS', 'STADIS', 'CHEROKEE', 'CONDIS',
    'ROGER CHANNEL', 'DISSENT CHANNEL', 'SPECAT', 'SPECAT EXCLUSIVE', 'NOT FOR INTERNET DISTRIBUTION',
  ];

  for (const name of SPEC_CAPTIONS) {
    it(`${name} is a caption, with the handbook the spec cites, and no rule calls it unknown`, () => {
      // After STADIS, so that no distribution caption is out of order.
      const text = withCaptions(name === 'SIPDIS' ? 'STADIS' : name);
      const cable = parseCable(text);
      const shown = name === 'SIPDIS' ? hoverText(cable, 'SIPDIS', 1) : hoverText(cable, `\n${name}\n`, 2);
      assert.equal(shown.under, name);
      assert.match(shown.text, new RegExp(`^\\*\\*${name}\\*\\*: caption[.,]`));
      assert.doesNotMatch(shown.text, /not a known caption/);
      assert.match(shown.text, /5 FAH-2 H-252\.1-1/);
      assert.deepEqual(cbl023(text), []);
    });
  }

  it('says what a caption means only where a reference table says it', () => {
    assert.match(hoverText(parseCable(withCaptions('NODIS')), '\nNODIS', 2).text, /No distribution other than to persons indicated\.\n\n_Source: WikiLeaks PlusD/);
    const roger = hoverText(parseCable(withCaptions('ROGER CHANNEL')), 'ROGER', 1).text;
    assert.match(roger, /no reference table gives its meaning/);
    const corrected = parseCable(withCaptions('C O R R E C T E D  C O P Y (TEXT)'));
    assert.match(hoverText(corrected, 'C O R R E C T E D', 2).text, /^\*\*CORRECTED COPY\*\*: caption\. Corrected copy of an earlier transmission/);
  });

  it('an unknown word right under a caption is an unknown caption for the hover and for CBL023 alike (07BAKU855 SIPDS)', () => {
    const text = syntheticText.replace('SIPDIS\n', 'SIPDIS\nSIPDS\n');
    const shown = hoverText(parseCable(text), 'SIPDS', 1);
    assert.match(shown.text, /not a known caption\. Nearest known caption: SIPDIS\./);
    const [d, ...more] = cbl023(text);
    assert.deepEqual(more, []);
    assert.match(d!.message, /unknown caption 'SIPDS': did you mean SIPDIS\?/);
    assert.equal(d!.range.start.line, 13);
  });

  it('a redacted line among the captions is neither a caption nor reported (07COLOMBO830)', () => {
    const text = withCaptions(' XXXXXXXXXXXX');
    const shown = hoverText(parseCable(text), 'XXXXXXXXXXXX', 1);
    assert.match(shown.text, /redacted by the publisher/);
    assert.doesNotMatch(shown.text, /not a known caption/);
    assert.deepEqual(cbl023(text), []);
  });

  it('an unknown word between the banner and the E.O. line is unknown to both, with the known captions listed', () => {
    const text = withCaptions('CODEL');
    assert.match(hoverText(parseCable(text), 'CODEL', 1).text, /not a known caption\.\n/);
    const [d] = cbl023(text);
    assert.match(d!.message, /^unknown caption 'CODEL': expected one of .*ROGER CHANNEL.*NOT FOR INTERNET DISTRIBUTION/);
  });
});

describe('service: hover on the classification block and header', () => {
  it('explains the banner level and the section marker', () => {
    assert.match(hoverText(synthetic, 'C O N F', 2).text, /\*\*CONFIDENTIAL\*\*: banner/);
    assert.match(hoverText(synthetic, 'SECTION 01', 3).text, /Section 1 of 2/);
  });

  it('explains captions from the header-code table', () => {
    const sipdis = hoverText(synthetic, 'SIPDIS', 1);
    assert.equal(sipdis.under, 'SIPDIS');
    assert.match(sipdis.text, /SIPRNet/);
    assert.match(hoverText(synthetic, '\nNOFORN', 2).text, /No foreign distribution/);
  });

  it('explains a portion mark: level, controls and the banner comparison', () => {
    const { text, under } = hoverText(synthetic, '(C/NF)', 2);
    assert.equal(under, '(C/NF)');
    assert.match(text, /CONFIDENTIAL \+ NOFORN \(no foreign distribution\)/);
    assert.match(text, /At or below the banner level \(CONFIDENTIAL\)/);
    const above = parseCable(syntheticText.replace('2. (U)', '2. (S)'));
    assert.match(hoverText(above, '2. (S)', 4).text, /Above the banner level/);
    const rel = parseCable(syntheticText.replace('C O N F I D E N T I A L', 'S E C R E T').replace('2. (U)', '2. (S//REL TO USA, GBR/AUS)'));
    assert.match(hoverText(rel, '(S//REL', 1).text, /SECRET \+ REL TO USA, GBR\/AUS \(releasable to the named partners\)/);
  });

  it('spells out the Classified By reasons 1.4 (b) and (d)', () => {
    const { text } = hoverText(synthetic, '1.4 (b)', 1);
    assert.match(text, /\(b\) foreign government information/);
    assert.match(text, /\(d\) foreign relations or foreign activities of the United States/);
    const letter = hoverText(synthetic, 'and (d)', 5);
    assert.equal(letter.under, 'd');
    assert.doesNotMatch(letter.text, /\(b\)/);
  });

  it('explains the E.O. number and the DECL date relative to the DTG', () => {
    assert.match(hoverText(synthetic, '12958', 1).text, /E\.O\. 12958, Classified National Security Information/);
    const decl = hoverText(synthetic, '05/14/2018', 1);
    assert.equal(decl.under, '05/14/2018');
    assert.match(decl.text, /Monday 14 May 2018/);
    assert.match(decl.text, /About 10 years after the cable date/);
  });

  it('explains a DECL code', () => {
    const cable = parseCable(syntheticText.replace('DECL: 05/14/2018', 'DECL: 25X1-HUMAN'));
    assert.match(hoverText(cable, '25X1', 1).text, /confidential human source/);
  });
});

describe('service: hover in the text', () => {
  it('shows the REF item that REF A points to', () => {
    const { text, under } = hoverText(synthetic, '(REF A)', 5);
    assert.equal(under, 'A');
    assert.match(text, /REYKJAVIK 412/);
    assert.match(text, /08REYKJAVIK412/);
    // On the keyword too.
    assert.match(hoverText(synthetic, '(REF A)', 2).text, /REYKJAVIK 412/);
  });

  it('places a paragraph number in its sequence', () => {
    const { text, under } = hoverText(synthetic, '3. (C/NF)');
    assert.equal(under, '3.');
    assert.match(text, /Paragraph 3\*\* \(3 of 5; previous 2, next 4\)/);
    assert.match(hoverText(synthetic, '1. (C)').text, /first, next 2/);
    assert.match(hoverText(synthetic, '5. (C)').text, /previous 4, last/);
  });

  it('explains the seed 000 `1`+N artefact on a paragraph number', () => {
    assert.match(hoverText(seed000, '- 12.', 3).text, /Paragraph 2\*\*.*\n\nWritten `- 12\.`: the `¶` sign became a `1`/);
  });

  it('returns null between tokens and outside the document', () => {
    assert.equal(hover(synthetic, positionOf(synthetic, 'geothermal drilling', 3)), null);
    assert.equal(hover(synthetic, { line: 500, character: 0 }), null);
    assert.equal(hover(synthetic, { line: 0, character: 400 }), null);
    assert.equal(hover(synthetic, { line: -1, character: 0 }), null);
  });

  it('keeps every hover range inside the document, at every line start and word of every fixture', () => {
    for (const { name, cable } of allFixtures()) {
      for (let line = 0; line < cable.lines.length; line++) {
        const l = cable.lines[line]!;
        for (let ch = 0; ch <= Math.min(l.end - l.start, 120); ch += 7) {
          const h = hover(cable, { line, character: ch });
          if (h?.range) assert.ok(inDocument(cable, h.range), `${name}: hover range outside at ${line}:${ch}`);
        }
      }
    }
  });
});
