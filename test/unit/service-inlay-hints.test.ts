/**
 * Inlay hints (service/inlay-hints.ts). Expected meanings are those of the TAGS tables
 * (server/data/tags.tsv, tags_handbooks.tsv); dates worked out by hand from the calendar
 * (day 61 of 2007 is 2 March: 31 + 28 + 2; day 135 of 2008, a leap year, is 14 May).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InlayHint } from 'vscode-languageserver-types';
import type { Cable } from '../../grammar/src/ast';
import { parseCable } from '../../grammar/src/index';
import { inlayHints, type InlayHintOptions } from '../../server/src/service/inlay-hints';
import { allFixtures, seed002Text, syntheticText, textAt } from './service-fixtures';

const NOW = new Date('2026-12-06T12:00:00Z');
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };

const label = (h: InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));

/** Each hint as `written text before it` → label, for the hints of one line. */
function hintsOn(cable: Cable, lineText: string, options: InlayHintOptions = {}): [string, string][] {
  const line = cable.lines.findIndex((l) => cable.text.slice(l.start, l.end).includes(lineText));
  assert.ok(line >= 0, `no line with ${lineText}`);
  const range = { start: { line, character: 0 }, end: { line, character: 10_000 } };
  return inlayHints(cable, range, { now: NOW, ...options }).map((h) => {
    const before = cable.text.slice(cable.lines[line]!.start, cable.lines[line]!.start + h.position.character);
    return [before.split(/\s+/).pop()!, label(h)];
  });
}

const seed002 = parseCable(seed002Text);
const synthetic = parseCable(syntheticText);
/** Its page marker makes the sliced cable below read as published: the tests say it is a draft. */
const DRAFT: InlayHintOptions = { profile: 'draft' };
/** The synthetic cable as an undated draft (from its banner on) with this DECL line. */
const draftWith = (decl: string, tags = 'PREL ENRG EINV IC DA NO') =>
  parseCable(
    syntheticText
      .slice(syntheticText.indexOf('C O N F I D E N T I A L'))
      .replace('E.O. 12958: DECL: 05/14/2018', `E.O. 13526: DECL: ${decl}`)
      .replace('TAGS: PREL ENRG EINV IC DA NO', `TAGS: ${tags}`),
  );

describe('service: inlay hints on the TAGS line', () => {
  it("writes each code's meaning after it: KWMN › Women's issues on seed 002", () => {
    const hints = hintsOn(seed002, 'TAGS:');
    assert.deepEqual(
      hints.map(([code]) => code),
      ['KCRM', 'PHUM', 'KWMN', 'SMIG', 'KFRD', 'ASEC', 'PREF', 'ELAB', 'PGOV', 'TI'],
    );
    assert.deepEqual(Object.fromEntries(hints).KWMN, "› Women's issues");
    assert.deepEqual(Object.fromEntries(hints).TI, '› Tajikistan');
    assert.deepEqual(Object.fromEntries(hints).PHUM, '› Human Rights');
  });

  it('short: the meaning before any aside, cut to 28 characters; long: in full with its source', () => {
    const short = Object.fromEntries(hintsOn(synthetic, 'TAGS:'));
    assert.equal(short.ENRG, '› Energy');
    const long = Object.fromEntries(hintsOn(synthetic, 'TAGS:', { settings: { tags: 'long' } }));
    assert.match(long.ENRG!, /^› Energy \(title cut off.*\) \(current table\)$/);
    const pgov = Object.fromEntries(hintsOn(seed002, 'TAGS:')).PGOV!;
    assert.ok(pgov.length <= 2 + 28 && pgov.endsWith('…'), pgov);
  });

  it('reads a code as a cable of its date does: WTO in 1975 and 2008, GE after 1995', () => {
    const of = (year: string, tags: string) => parseCable(syntheticText.replace('MAY 08', `MAY ${year}`).replace('TAGS: PREL ENRG EINV IC DA NO', `TAGS: ${tags}`));
    assert.equal(Object.fromEntries(hintsOn(of('75', 'PREL WTO UR'), 'TAGS:')).WTO, '› Warsaw Pact Organization');
    assert.equal(Object.fromEntries(hintsOn(of('08', 'PREL WTO UR'), 'TAGS:')).WTO, '› World Trade Organization');
    assert.equal(Object.fromEntries(hintsOn(of('08', 'PREL GE UR'), 'TAGS:')).GE, '› no meaning in 2008');
    // An undated draft is read on the clock's day.
    assert.equal(Object.fromEntries(hintsOn(draftWith('12/06/2036', 'PFOR GE LH'), 'TAGS:')).GE, '› no meaning in 2026');
    assert.match(Object.fromEntries(hintsOn(draftWith('12/06/2036', 'PFOR GE LH'), 'TAGS:')).PFOR!, /^› Foreign Policy and Relations/);
  });

  it('gives no hint for an unknown code or a personal name, and a tooltip with the hover text', () => {
    const cable = parseCable(syntheticText.replace('TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PREL PGOX IC SMITH, JOHN'));
    assert.deepEqual(
      hintsOn(cable, 'TAGS:').map(([code]) => code),
      ['PREL', 'IC'],
    );
    const line = cable.lines.findIndex((l) => cable.text.slice(l.start, l.end).startsWith('TAGS:'));
    const [prel] = inlayHints(cable, { start: { line, character: 0 }, end: { line, character: 99 } }, { now: NOW });
    assert.match((prel!.tooltip as { value: string }).value, /\*\*PREL\*\*: External Political Relations/);
    assert.equal(prel!.paddingLeft, true);
  });
});

describe('service: inlay hints on dates', () => {
  it('decodes the DTG and the DE Julian date-time (synthetic: 141530Z MAY 08, day 135)', () => {
    assert.deepEqual(hintsOn(synthetic, 'P 141530Z MAY 08'), [['08', '14 May 2008 15:30Z']]);
    assert.deepEqual(hintsOn(synthetic, 'DE RUEHRK'), [['1351530', '14 May 15:30Z']]);
    assert.deepEqual(hintsOn(synthetic, 'P 141530Z MAY 08', { settings: { dates: 'long' } }), [['08', 'Wednesday 14 May 2008, 15:30 UTC']]);
    assert.deepEqual(hintsOn(synthetic, 'DE RUEHRK', { settings: { dates: 'long' } }), [['1351530', 'day 135 of 2008: Wednesday 14 May 2008, 15:30Z']]);
  });

  it('decodes seed 002 (021348Z MAR 07; DE day 061 is 2 March)', () => {
    assert.deepEqual(hintsOn(seed002, 'R 021348Z MAR 07'), [['07', '2 Mar 2007 13:48Z']]);
    assert.deepEqual(hintsOn(seed002, '#0313/01 0611348'), [['0611348', '2 Mar 13:48Z']]);
  });

  it('says how far the DECL date lies from the cable date, or from today for an undated draft', () => {
    assert.deepEqual(hintsOn(synthetic, 'DECL:'), [['05/14/2018', 'in 10 years']]);
    assert.deepEqual(hintsOn(synthetic, 'DECL:', { settings: { decl: 'long' } }), [['05/14/2018', '10 years after the cable date 14 MAY 2008']]);
    assert.deepEqual(hintsOn(draftWith('12/06/2036'), 'DECL:', DRAFT), [['12/06/2036', 'in 10 years']]);
    assert.deepEqual(hintsOn(draftWith('01/15/2037'), 'DECL:', DRAFT), [['01/15/2037', 'in 10 years 1 month']]);
    assert.deepEqual(hintsOn(draftWith('12/20/2026'), 'DECL:', DRAFT), [['12/20/2026', 'in 14 days']]);
    assert.deepEqual(hintsOn(draftWith('12/06/2026'), 'DECL:', DRAFT), [['12/06/2026', 'the same day']]);
    assert.deepEqual(hintsOn(draftWith('06/06/2025'), 'DECL:', DRAFT), [['06/06/2025', '1 year 6 months before']]);
    // A published copy without a date has no day to count from; without a clock, neither has a draft.
    assert.deepEqual(hintsOn(draftWith('12/06/2036'), 'DECL:', { profile: 'published' }), []);
    assert.deepEqual(
      inlayHints(draftWith('12/06/2036'), WHOLE, { profile: 'draft', settings: { tags: 'off' } }).map(label),
      [],
    );
  });
});

describe('service: inlay hint settings and ranges', () => {
  it('each kind can be turned off on its own', () => {
    const all = (settings: InlayHintOptions['settings']) => inlayHints(synthetic, WHOLE, { now: NOW, settings }).map(label);
    assert.equal(all({}).length, 9);
    assert.deepEqual(all({ tags: 'off', decl: 'off' }), ['14 May 15:30Z', '14 May 2008 15:30Z']);
    assert.deepEqual(all({ tags: 'off', dates: 'off' }), ['in 10 years']);
    assert.deepEqual(all({ dates: 'off', decl: 'off' }).length, 6);
    assert.deepEqual(all({ tags: 'off', dates: 'off', decl: 'off' }), []);
  });

  it('answers for the range asked only, in document order', () => {
    const tagsLine = synthetic.lines.findIndex((l) => synthetic.text.slice(l.start, l.end).startsWith('TAGS:'));
    const hints = inlayHints(synthetic, { start: { line: tagsLine, character: 0 }, end: { line: tagsLine, character: 16 } }, { now: NOW });
    // PREL ends at 10, ENRG at 15; EINV's end (20) is past the range.
    assert.deepEqual(hints.map((h) => h.position.character), [10, 15]);
    const lines = inlayHints(synthetic, WHOLE, { now: NOW }).map((h) => h.position.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });

  it("a REF item's cited subject, when the caller knows the cited cable", () => {
    const subjects = new Map([['07 REYKJAVIK 1188', 'ICELAND: GEOTHERMAL FEASIBILITY STUDY PUBLISHED IN FULL']]);
    const options: InlayHintOptions = { now: NOW, citedSubject: (item) => subjects.get(item.target.text) };
    assert.deepEqual(hintsOn(synthetic, '07 REYKJAVIK 1188', options), [['1188', '› ICELAND: GEOTHERMAL FEASIBI…']]);
    assert.deepEqual(hintsOn(synthetic, '07 REYKJAVIK 1188', { ...options, settings: { refs: 'long' } }), [['1188', '› ICELAND: GEOTHERMAL FEASIBILITY STUDY PUBLISHED IN FULL']]);
    assert.deepEqual(hintsOn(synthetic, 'A. REYKJAVIK 412', options), []);
    assert.deepEqual(hintsOn(synthetic, '07 REYKJAVIK 1188'), []);
  });

  it('on every fixture and style: positions inside the document, at the end of a token, labels non-empty', () => {
    for (const { name, cable } of allFixtures()) {
      for (const style of ['short', 'long'] as const) {
        const hints = inlayHints(cable, WHOLE, { now: NOW, settings: { tags: style, dates: style, decl: style } });
        for (const h of hints) {
          const line = cable.lines[h.position.line];
          assert.ok(line, `${name}: line ${h.position.line}`);
          assert.ok(h.position.character > 0 && line.start + h.position.character <= line.end, `${name}: ${JSON.stringify(h.position)}`);
          const before = textAt(cable, { start: { line: h.position.line, character: h.position.character - 1 }, end: h.position });
          assert.match(before, /\S/, `${name}: a hint after a blank`);
          assert.ok(label(h).trim().length > 0, name);
        }
      }
    }
  });
});
