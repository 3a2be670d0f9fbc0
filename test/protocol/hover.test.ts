/**
 * Hover over LSP on every kind of code the issue lists. Expected meanings come from the
 * reference tables in /work/shared/data (tags.tsv, header_codes.tsv, routing_indicators.tsv,
 * eo_classification_reasons.tsv) and dates worked out by hand from the calendar.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { EXAMPLES, exampleUri, positionOf, TestClient, textAt } from './lsp-client';

const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const REYKJAVIK = read('valid-draft-reykjavik.cable');
const SEED_000 = read('seed-000-dushanbe-50-partial-extract.txt');
const SEED_002 = read('seed-002-dushanbe-313-published.txt');

/** A draft whose TAGS line holds an organization, a caption EXDIS and an unknown code. */
const SYNTHETIC = REYKJAVIK.replace('TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PREL NATO PGOX IC').replace('NOFORN\n', 'EXDIS\n');
/** A draft with the caption 09PARIS1267 carries, which no reference table explains. */
const INTERNET = REYKJAVIK.replace('NOFORN\n', 'NOT FOR INTERNET DISTRIBUTION\n');

function markdown(h: Hover | null): string {
  const c = h?.contents;
  assert.ok(c, 'no hover');
  assert.ok(typeof c === 'object' && !Array.isArray(c) && 'kind' in c && c.kind === 'markdown', 'Markdown content');
  return c.value;
}

describe('hover over LSP', () => {
  let client: TestClient;
  const docs = {
    reykjavik: { uri: exampleUri('valid-draft-reykjavik.cable'), text: REYKJAVIK },
    seed000: { uri: exampleUri('seed-000-dushanbe-50-partial-extract.txt'), text: SEED_000 },
    seed002: { uri: exampleUri('seed-002-dushanbe-313-published.txt'), text: SEED_002 },
    synthetic: { uri: 'untitled:hover-synthetic', text: SYNTHETIC },
    internet: { uri: 'untitled:hover-internet', text: INTERNET },
  };
  before(async () => {
    client = await TestClient.start();
    for (const d of Object.values(docs)) await client.openAndWait(d.uri, d.text);
  });
  after(async () => {
    await client?.stop();
  });

  /** Hover `delta` characters into the `occurrence`-th `needle` of a document. */
  async function hoverAt(doc: keyof typeof docs, needle: string, delta = 1, occurrence = 0) {
    const { uri, text } = docs[doc];
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta, occurrence) });
    if (h?.range) assert.ok(textAt(text, h.range).length > 0, 'the hover range covers text');
    return markdown(h);
  }

  it('a program tag: KWMN with meaning, kind, trust level and source (seed 000)', async () => {
    const text = await hoverAt('seed000', 'KWMN');
    assert.match(text, /Women's issues/);
    assert.match(text, /[Pp]rogram tag/);
    // The trust level once, then what it rests on (it read "`secondary`, secondary (published …").
    assert.match(text, /^Trust: `secondary`: published labels, not the handbook itself\.$/m);
    assert.equal(text.match(/secondary/g)?.length, 1, text);
    assert.match(text, /_Source: TAG_TOPICS table/);
  });

  it('a subject tag: SMIG, Migration (seed 000)', async () => {
    const text = await hoverAt('seed000', 'SMIG');
    assert.match(text, /\*\*SMIG\*\*: Migration/);
    assert.match(text, /[Ss]ubject tag/);
  });

  it('a geographic tag: TI, Tajikistan, a FIPS code (seed 000)', async () => {
    const text = await hoverAt('seed000', 'KWMN TI', 5);
    assert.match(text, /\*\*TI\*\*: Tajikistan/);
    assert.match(text, /[Gg]eographic tag/);
    assert.match(text, /^Trust: `fips`: a FIPS 10-4 country name\.$/m);
  });

  it('an organization tag: NATO, spelled out, with its trust level', async () => {
    const text = await hoverAt('synthetic', 'NATO');
    assert.match(text, /North Atlantic Treaty Organization/);
    assert.match(text, /[Oo]rganization tag/);
    assert.match(text, /^Trust: `acronym`: the standard expansion of the acronym\.$/m);
  });

  it('an unknown tag: PGOX, with the nearest known codes, PGOV first (one letter away)', async () => {
    const text = await hoverAt('synthetic', 'PGOX');
    assert.match(text, /unknown TAGS code/);
    const nearest = [...text.matchAll(/`([A-Z]+)`/g)].map((m) => m[1]);
    assert.equal(nearest[0], 'PGOV');
    assert.match(text, /`PGOV` \(Internal Governmental Affairs\)/);
  });

  it('a routing indicator: RUEHDBU is AMEMBASSY DUSHANBE (seed 002)', async () => {
    const text = await hoverAt('seed002', 'DE RUEHDBU', 4);
    assert.match(text, /\*\*RUEHDBU\*\*/);
    assert.match(text, /AMEMBASSY DUSHANBE/);
    assert.match(text, /ACP 117/);
  });

  it('the DTG 021348Z MAR 07 is Friday 2 March 2007, 13:48 UTC (seed 002)', async () => {
    const text = await hoverAt('seed002', '021348Z');
    assert.match(text, /Friday 2 March 2007, 13:48 UTC/);
  });

  it("the DE line's Julian 0611348 is day 61 of 2007, 2 March 13:48Z, agreeing with the DTG (seed 002)", async () => {
    const text = await hoverAt('seed002', '0611348', 2);
    assert.match(text, /day 61 of 2007/);
    assert.match(text, /2 March 2007 13:48Z/);
    assert.match(text, /Agrees with the DTG/);
  });

  it('the Julian 1351530 is 14 May 2008 (2008 is a leap year: 31+29+31+30+14 = 135)', async () => {
    const text = await hoverAt('reykjavik', '1351530', 2);
    assert.match(text, /14 May 2008 15:30Z/);
  });

  it('the banner level: CONFIDENTIAL, with the section it opens', async () => {
    const text = await hoverAt('reykjavik', 'C O N F I D E N T I A L', 0);
    assert.match(text, /\*\*CONFIDENTIAL\*\*: banner/);
    assert.match(text, /damage national security/);
    assert.match(text, /Section 1 of 2/);
  });

  it('captions: SIPDIS, NOFORN and EXDIS from the header-code table', async () => {
    assert.match(await hoverAt('reykjavik', 'SIPDIS'), /SIPRNet distribution/);
    assert.match(await hoverAt('reykjavik', 'NOFORN'), /No foreign distribution/);
    assert.match(await hoverAt('synthetic', 'EXDIS'), /Exclusive distribution only/);
  });

  it('a caption no table explains is still a caption: NOT FOR INTERNET DISTRIBUTION, with the handbook the spec cites', async () => {
    const text = await hoverAt('internet', 'NOT FOR INTERNET');
    assert.match(text, /^\*\*NOT FOR INTERNET DISTRIBUTION\*\*: caption,/);
    assert.doesNotMatch(text, /not a known caption/);
    assert.match(text, /5 FAH-2 H-252\.1-1/);
  });

  it('a portion mark: (C/NF) is CONFIDENTIAL + NOFORN, at the banner level', async () => {
    const text = await hoverAt('reykjavik', '(C/NF)');
    assert.match(text, /CONFIDENTIAL \+ NOFORN/);
    assert.match(text, /At or below the banner level \(CONFIDENTIAL\)/);
  });

  it('the E.O. number: 12958, Classified National Security Information', async () => {
    const text = await hoverAt('reykjavik', '12958');
    assert.match(text, /E\.O\. 12958, Classified National Security Information/);
  });

  it('the reasons 1.4 (b) and (d), each spelled out', async () => {
    const text = await hoverAt('reykjavik', 'reasons 1.4', 9);
    assert.match(text, /Reasons 1\.4 \(b\) and \(d\)/);
    assert.match(text, /\(b\) foreign government information/);
    assert.match(text, /\(d\) foreign relations or foreign activities of the United States/);
  });

  it('REF A in the text shows the entry it points to and where it is listed', async () => {
    const text = await hoverAt('reykjavik', '(REF A)', 5);
    assert.match(text, /REF A\*\* → item A: `REYKJAVIK 412`/);
    assert.match(text, /Listed on line 24/);
  });

  it('a paragraph number shows where it sits in the sequence', async () => {
    const text = await hoverAt('reykjavik', '3. (C/NF)', 0);
    assert.match(text, /Paragraph 3\*\* \(3 of 5; previous 2, next 4\)/);
    const first = await hoverAt('reykjavik', '1. (C) SUMMARY', 0);
    assert.match(first, /\(1 of 5; first, next 2\)/);
  });

  it('still answers on a cable whose tree was let go after 20 more were opened and hovered', async () => {
    const outline = () => client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: docs.reykjavik.uri } });
    const before = await outline();
    assert.ok(before.length > 0, 'an outline before');
    for (let i = 0; i < 20; i++) {
      const uri = `untitled:hover-more-${i}`;
      await client.openAndWait(uri, SEED_002);
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(SEED_002, 'TAGS:', 7) });
    }
    assert.match(await hoverAt('seed000', 'KWMN'), /Women's issues/);
    assert.deepEqual(await outline(), before, 'the outline rebuilt from a new parse is the same');
  });
});
