/**
 * TAGS meanings by date, with their sources (tags_handbooks.tsv merged with tags.tsv), and the
 * table of executive orders. Expected values are read off the TSVs in server/data, not the code.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  allKnownTags,
  allTags,
  describeTagOn,
  executiveOrder,
  executiveOrders,
  executiveOrderStatus,
  governingExecutiveOrder,
  isoDay,
  lookupTag,
  nearestTags,
  splitRunTogetherTag,
  TAG_EDITIONS,
  tagOn,
  tagReadingsOn,
} from '../../server/src/data';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Meaning and source name of a code on a day, or the historic note when there is no meaning. */
const read = (code: string, day: string) => {
  const t = tagOn(code, day);
  if (!t) return undefined;
  return t.reading ? [t.reading.meaning, t.reading.name] : ['-', `historic: ${t.historic?.meaning}`];
};

/** The 17 rows of tags_handbooks.tsv whose note is "1974 code, superseded". */
const HISTORIC: readonly (readonly [string, string])[] = [
  ['UR', 'Soviet Union'],
  ['YO', 'Yugoslavia'],
  ['VN', 'Viet-Nam (North)'],
  ['VS', 'Viet-Nam (South)'],
  ['GE', 'Germany (East)'],
  ['GW', 'Germany (West)'],
  ['WB', 'West Berlin'],
  ['CZ', 'Czechoslovakia'],
  ['TC', 'United Arab Emirates (UAE)'],
  ['YE', "Yemen (San'a)"],
  ['YS', 'Yemen (Aden)'],
  ['RH', 'Rhodesia'],
  ['DM', 'Dahomey'],
  ['SK', 'Sikkim'],
  ['SS', 'Spanish Sahara'],
  ['PQ', 'Canal Zone'],
  ['NA', 'Netherlands Antilles'],
];

describe('data: TAGS by date (current table and handbooks)', () => {
  it('dates the three sources: 5 FAH-3 2022, the current table, the 1974 handbook', () => {
    assert.deepEqual(
      TAG_EDITIONS.map((e) => [e.edition, e.name, e.date]),
      [
        ['5FAH3-2022', '5 FAH-3, 2022', '2022-02-17'],
        ['current', 'current table', '1995-01-01'],
        ['TAGS-1974', '1974 handbook', '1974-06-28'],
      ],
    );
  });

  it('WTO is the Warsaw Pact Organization before 1995 and the World Trade Organization after', () => {
    assert.deepEqual(read('WTO', '1975-03-01'), ['Warsaw Pact Organization', '1974 handbook']);
    assert.deepEqual(read('WTO', '1994-12-31'), ['Warsaw Pact Organization', '1974 handbook']);
    assert.deepEqual(read('WTO', '1995-01-01'), ['World Trade Organization', 'current table']);
    assert.deepEqual(read('WTO', '2026-12-06'), ['World Trade Organization', 'current table']);
    // Both sources are kept, newest first.
    assert.deepEqual(
      tagOn('WTO', '2026-12-06')!.sources.map((s) => [s.name, s.meaning]),
      [
        ['current table', 'World Trade Organization'],
        ['1974 handbook', 'Warsaw Pact Organization'],
      ],
    );
  });

  it('GE is East Germany on a 1980s cable and has no meaning on the 2005-07 cables that carry it', () => {
    assert.deepEqual(read('GE', '1985-03-01'), ['Germany (East)', '1974 handbook']);
    // 05KABUL5181, 07BEIJING3861 and 07RABAT494 put GE beside Afghanistan, China, Morocco: not East Germany.
    for (const day of ['2005-12-20', '2007-06-07', '2007-03-19']) assert.deepEqual(read('GE', day), ['-', 'historic: Germany (East)']);
    assert.equal(describeTagOn(tagOn('GE', '2007-06-07')!), 'no meaning on a cable of 2007-06-07: a historic code, Germany (East) in the 1974 handbook');
  });

  it('reads each of the 17 historic country codes by date, and still knows them later', () => {
    for (const [code, meaning] of HISTORIC) {
      assert.deepEqual(read(code, '1976-01-01'), [meaning, '1974 handbook'], code);
      assert.deepEqual(read(code, '2008-01-01'), ['-', `historic: ${meaning}`], code);
      const info = lookupTag(code)!;
      assert.equal(info.historic, true, code);
      assert.equal(info.meaning, meaning, code);
      assert.match(info.note, /^Historic code: .* no meaning on cables dated from 1995 on\.$/, code);
    }
    assert.equal(allKnownTags().filter((t) => t.historic).length, 17);
  });

  it('PFOR is Foreign Policy and Relations from the 1974 handbook, today and on its 1973 cable', () => {
    assert.deepEqual(read('PFOR', '2026-12-06'), ['Foreign Policy and Relations', '1974 handbook']);
    const early = tagOn('PFOR', '1973-05-01')!;
    assert.equal(early.reading?.meaning, 'Foreign Policy and Relations');
    // No source is dated on or before a 1973 cable: the earliest after it answers, and says so.
    assert.equal(early.fromLaterSource, true);
    assert.equal(describeTagOn(early), 'Foreign Policy and Relations (1974 handbook, a source dated after 1973-05-01)');
    const info = lookupTag('PFOR')!;
    assert.deepEqual([info.kind, info.status, info.sourceName, info.edition], ['subject', 'official', '1974 handbook', 'TAGS-1974']);
    assert.match(info.source, /^1974 handbook: .*TL:TAGS-1, 6-28-74/);
  });

  it('KWMN is Women\'s issues from the current table, with its own trust', () => {
    assert.deepEqual(read('KWMN', '2026-12-06'), ["Women's issues", 'current table']);
    const info = lookupTag('KWMN')!;
    assert.deepEqual([info.meaning, info.status, info.sourceName, info.corpusCount], ["Women's issues", 'secondary', 'current table', 20]);
    assert.equal(info.sources.length, 1);
    // A 1980 cable: no source on or before it has KWMN; the table answers, flagged as later.
    assert.equal(tagOn('KWMN', '1980-01-01')!.fromLaterSource, true);
  });

  it('an official code reads 5 FAH-3 from 2022, the table before, the 1974 title before 1995', () => {
    assert.deepEqual(read('ABLD', '2026-01-01'), ['Building and Grounds', '5 FAH-3, 2022']);
    assert.deepEqual(read('ABLD', '2010-01-01'), ['Building and Grounds', 'current table']);
    assert.deepEqual(read('ABLD', '1980-01-01'), ['Buildings', '1974 handbook']);
    assert.deepEqual(
      lookupTag('PGOV')!.sources.map((s) => [s.name, s.meaning]),
      [
        ['5 FAH-3, 2022', 'Internal Governmental Affairs'],
        ['current table', 'Internal Governmental Affairs'],
        ['1974 handbook', 'Government'],
      ],
    );
  });

  it('never takes a title the stored copy cut off: ENRG in 2026 falls back to the table', () => {
    const enrg = tagOn('ENRG', '2026-01-01')!;
    assert.equal(enrg.sources[0]!.partial, true);
    assert.equal(enrg.reading?.edition, 'current');
    assert.doesNotMatch(enrg.reading!.meaning, /Ener\.\.\./);
    assert.deepEqual(read('ENRG', '1980-01-01'), ['Energy', '1974 handbook']);
  });

  it('knows every handbook code (694 in all) and suggests only codes of the current table', () => {
    assert.equal(allTags().length, 562);
    assert.equal(allKnownTags().length, 694);
    for (const code of ['PFOR', 'SHUM', 'XK', 'XT', 'XZ', 'NA', 'YE', 'UNCTAD', 'IA-ECOSOC']) assert.ok(lookupTag(code), code);
    // A slip is never "fixed" into a 1974-only code.
    const current = new Set(allTags().map((t) => t.code));
    for (const slip of ['PFRO', 'SHUN', 'XKK', 'GEE']) for (const n of nearestTags(slip, 8)) assert.ok(current.has(n), `${slip} -> ${n}`);
    assert.deepEqual(splitRunTogetherTag('PHUMPGOV'), ['PHUM', 'PGOV']);
  });

  it('answers nothing for an unknown code or an invalid day, and never invents a meaning', () => {
    assert.equal(tagOn('QZXV', '2026-01-01'), undefined);
    assert.equal(tagOn('PGOV', 'yesterday'), undefined);
    assert.equal(tagOn('PGOV', new Date(Number.NaN)), undefined);
    assert.equal(tagOn('PGOV', { year: 2008, month: 13, day: 1 }), undefined);
    // Every reading is a row of a table, word for word.
    for (const t of allKnownTags()) for (const day of ['1970-01-01', '1980-01-01', '2000-01-01', '2026-12-06']) {
      const r = tagOn(t.code, day)!;
      if (r.reading) assert.ok(r.sources.includes(r.reading), `${t.code} ${day}`);
      else assert.ok(r.historic && r.sources.includes(r.historic), `${t.code} ${day}`);
    }
  });

  it('takes a day as a Date (UTC), a YYYY-MM-DD string or the engine\'s cable date', () => {
    assert.equal(isoDay(new Date('2007-06-07T23:30:00Z')), '2007-06-07');
    assert.equal(isoDay({ year: 1985, month: 3, day: 1 }), '1985-03-01');
    assert.deepEqual(tagOn('WTO', { year: 1985, month: 3, day: 1 })!.reading?.meaning, 'Warsaw Pact Organization');
    assert.deepEqual(tagOn('WTO', new Date('2026-12-06T00:00:00Z'))!.reading?.meaning, 'World Trade Organization');
  });

  it('reads a list of codes on one day as tagOn reads each (tagReadingsOn: the TAGS list of a cable)', () => {
    // Every code, on days before, between and after the sources' dates, and on the days they start.
    const days = ['1960-05-01', '1974-06-27', '1974-06-28', '1980-01-01', '1994-12-31', '1995-01-01', '2009-02-10', '2022-02-17', '2026-12-06'];
    for (const day of days) {
      const readingOn = tagReadingsOn(day);
      for (const t of allKnownTags()) assert.equal(readingOn(t.code), tagOn(t.code, day)!.reading, `${t.code} ${day}`);
      assert.equal(readingOn('NOTATAG'), undefined);
    }
    // Every source is dated 1974 or later: before it, a reading can only come from a later source;
    // after the newest (2022), never.
    for (const t of allKnownTags()) {
      const early = tagOn(t.code, '1960-05-01')!;
      assert.equal(early.fromLaterSource, early.reading !== undefined, t.code);
      assert.equal(tagOn(t.code, '2026-12-06')!.fromLaterSource, false, t.code);
    }
    assert.equal(tagReadingsOn('not a day')('WTO'), undefined, 'an invalid day reads no code');
  });
});

describe('data: executive orders', () => {
  it('holds the six orders with their periods and what replaced each', () => {
    assert.deepEqual(
      executiveOrders().map((eo) => [eo.number, eo.effective, eo.ended, eo.replacedBy, eo.amends]),
      [
        ['11652', '1972-06-01', '1978-12-01', '12065', undefined],
        ['12065', '1978-12-01', '1982-08-01', '12356', undefined],
        ['12356', '1982-08-01', '1995-10-14', '12958', undefined],
        ['12958', '1995-10-14', '2010-06-27', '13526', undefined],
        ['13292', '2003-03-25', '2010-06-27', '13526', '12958'],
        ['13526', '2010-06-27', undefined, undefined, undefined],
      ],
    );
    assert.equal(executiveOrder('13526')?.signed, '2009-12-29');
    assert.match(executiveOrder('12958')!.citation, /60 FR 19825/);
    assert.equal(executiveOrder('10501'), undefined);
  });

  it('says which order governs a cable of a day (never an amendment)', () => {
    const on = (day: string) => governingExecutiveOrder(day)?.number;
    assert.equal(on('1972-05-31'), undefined);
    assert.equal(on('1975-01-01'), '11652');
    assert.equal(on('1978-12-01'), '12065');
    assert.equal(on('1985-01-01'), '12356');
    assert.equal(on('2005-01-01'), '12958');
    assert.equal(on('2010-06-26'), '12958');
    assert.equal(on('2010-06-27'), '13526');
    assert.equal(on('2026-12-06'), '13526');
  });

  it('tells CBL049 that 12958 and 13292 are superseded on a draft of today, in force on a 2008 cable', () => {
    assert.equal(executiveOrderStatus('12958', '2026-12-06'), 'superseded');
    assert.equal(executiveOrderStatus('13292', '2026-12-06'), 'superseded');
    assert.equal(executiveOrderStatus('12958', '2008-05-14'), 'in-force');
    assert.equal(executiveOrderStatus('13292', '2008-05-14'), 'in-force');
    assert.equal(executiveOrderStatus('13526', '2010-01-15'), 'not-yet-effective');
    assert.equal(executiveOrderStatus('12065', '1980-08-12'), 'in-force');
    assert.equal(executiveOrderStatus('11652', '1980-08-12'), 'superseded');
    assert.equal(executiveOrderStatus('99999', '1980-08-12'), undefined);
  });
});

describe('data: generated tables', () => {
  it('tables.generated.ts is what server/data/*.tsv give (node scripts/gen-data.mjs --check)', () => {
    const out = execFileSync(process.execPath, [join(root, 'scripts/gen-data.mjs'), '--check'], { encoding: 'utf8' });
    assert.match(out, /is up to date/);
  });
});
