import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPENDED_SIGNATURE } from '../../grammar/src/build-body';
import { ITEM_LABEL } from '../../grammar/src/build-header';
import { MIDLINE_FIELD } from '../../grammar/src/header-repair';
import * as F from '../../grammar/src/fields';

/**
 * The envelope's patterns give their groups' offsets without the `d` flag (fields.ts, `tiled`):
 * every offset must be the one the `d` flag gives, for lines with and without each optional part.
 */
const CASES: [string, F.TiledPattern, string[]][] = [
  ['DTG', F.DTG, ['O 141530Z MAY 08', 'P R 141530Z MAY 08 ZDK', 'R  011200Z JAN 09(CCY AD)', 'Z 311159Z DEC 081', 'O 141530Z MAY 08   ']],
  ['DE_LINE', F.DE_LINE, ['DE RUEHRK #0457/01 1351530', 'DE  RUEHRKA #0457 1351530 \\', 'DE RUEHC #1234 0010000']],
  ['SECURITY', F.SECURITY, ['ZNY CCCCC ZZH', 'ZNR  UUUUU', 'ZNY SSSSS/NNNNN ZZH ZDK']],
  [
    'ADDRESSEE',
    F.ADDRESSEE,
    [
      'FM AMEMBASSY REYKJAVIK',
      'TO RUEHC/SECSTATE WASHDC PRIORITY 1234',
      'INFO  RUEHNY/AMEMBASSY OSLO 0012',
      'RUEHBS/USEU BRUSSELS',
      'AMCONSUL HALIFAX NIACT IMMEDIATE \\',
      'XMT AMEMBASSY PARIS',
      'SECDEF WASHDC 0001',
    ],
  ],
];

describe('grammar: tiled patterns read group offsets as the d flag does', () => {
  for (const [name, pattern, lines] of CASES) {
    it(name, () => {
      const reference = new RegExp(pattern.written.source, `${pattern.written.flags}d`);
      for (const line of lines) {
        const want = reference.exec(line);
        const m = pattern.re.exec(line);
        assert.ok(want && m, `${name} should match ${JSON.stringify(line)}`);
        for (const [group, pair] of Object.entries(want.indices!.groups!)) {
          const got = F.part(pattern, m, 100, group);
          assert.deepEqual(got && [got.start - 100, got.end - 100], pair, `${group} of ${JSON.stringify(line)}`);
          if (got) assert.equal(got.text, line.slice(got.start - 100, got.end - 100));
        }
      }
    });
  }

  it('a numbered pattern runs without names and reads each group as the named pattern does', () => {
    const NUMBERED: [F.Numbered, string[]][] = [
      ...CASES.map(([, p, lines]) => [p, lines] as [F.Numbered, string[]]),
      [F.PORTION_MARK, ['(C)', '(S//NF)', '(s/rel to usa, gbr)', '(SBU)', '(TS/ORCON/NOFORN) x', '(X)']],
      [F.PORTION_LIKE, ['(C )', 'S) text', '(Afghanistan)', '(N/SF)', '()']],
      [F.LONG_PORTION, ['(CONFIDENTIAL)', '(secret noforn) x', '(TOP SECRET', '(UNCLASSIFIED//FOUO)']],
    ];
    let matched = 0;
    for (const [p, lines] of NUMBERED) {
      assert.doesNotMatch(p.re.source, /\(\?<[A-Za-z]/, p.written.source);
      for (const line of lines) {
        const want = p.written.exec(line);
        const m = p.re.exec(line);
        assert.deepEqual(m && [...m], want && [...want], `${p.written.source} on ${JSON.stringify(line)}`);
        if (!want || !m) continue;
        matched++;
        for (const [name, value] of Object.entries(want.groups!)) assert.equal(F.group(p, m, name), value, `${name} of ${JSON.stringify(line)}`);
      }
    }
    assert.ok(matched >= 20, `matched ${matched}`);
  });

  /**
   * The header's and the text layer's patterns that ran with the `d` flag until they were tiled: on
   * every line of the committed sample of real cables, and on every line that starts at each
   * keyword, run with and without the `d` flag, every group's offsets agree (global ones: every match).
   */
  it('header and text patterns: the same offsets as the d flag on every line of the real sample', () => {
    const TILED: [string, F.TiledPattern, string[]][] = [
      ['BANNER', F.BANNER, ['C O N F I D E N T I A L SECTION 01 OF 03 BAGHDAD 001234', 'UNCLAS  SECTION 2 OF 2  STATE 12345 SIPDIS', 'SECRET ANKARA 004567 NOFORN', 'Confidential Tel Aviv 1234']],
      ['PAGE_MARKER', F.PAGE_MARKER, ['BAGHDAD 00001234  002.2 OF 004', 'STATE 00012345 001 OF 002 \\']],
      ['PAGE_MARKER_LOOSE', F.PAGE_MARKER_LOOSE, ['USUN NEW YORK 1234 2 of 3', "Port-au-Prince 12 01.5 OF 2x"]],
      ['EO_LOOSE', F.EO_LOOSE, ['E.O. 12958: DECL: 10/20/2015 TAGS: PREL', 'EO 12958 N/A', 'E. 0. 12958 :  DNG: CO 01/01/2020']],
      ['DECL_VALUE', F.DECL_VALUE, ['DECL: 10/20/2015  TAGS', 'DECLASSIFY ON 1.4 (B)   ', 'DNG: CO, DECL: ']],
      ['TAGS_KEYWORD', F.TAGS_KEYWORD, ['TAGS: PREL PGOV', 'TAS;PREL', 'TAGS  EFIN']],
      ['SUBJECT_KEYWORD', F.SUBJECT_KEYWORD, ['SUBJECT: THE TALKS', 'UBJECT THE TALKS', 'SUBJ:  X']],
      ['REF_KEYWORD', F.REF_KEYWORD, ['REF: A. STATE 1', 'REFTELS  B) X', 'REF(S). STATE 2']],
      ['CLASSIFIED_BY', F.CLASSIFIED_BY, ['Classified By: Ambassador X', '1. (C) CLASSIFIED BY  DCM', '¶ 1.(SBU) classified by: A']],
      ['REASON_CITE', F.REASON_CITE, ['for reasons 1.4 (b) and (d)', 'REASON 1.5 B, D', '1,4(A)/(B)', '1.4']],
      ['ITEM_LABEL', ITEM_LABEL, ['A. STATE 1 B. STATE 2', 'REF: REF (A) QUITO 83; REF B) QUITO 91', 'D.07 MANAMA 1070 E: X', 'REF A SECRETARY']],
      ['APPENDED_SIGNATURE', APPENDED_SIGNATURE, ['We agree. JONES', 'done." SMITH JR.', 'ok) Van Voorst  ']],
    ];
    const dir = join(import.meta.dirname, '..', 'fixtures', 'corpus');
    const sample = readdirSync(dir).filter((f) => f.endsWith('.txt')).flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\r\n|\r|\n/));
    // Each line also from each place a pattern could start reading it: after each space.
    const lines = [...new Set(sample.flatMap((l) => [l, l.trimEnd(), ...[...l.matchAll(/ (?=\S)/g)].slice(0, 12).map((m) => l.slice(m.index + 1))]))];
    let compared = 0;
    for (const [name, pattern, own] of TILED) {
      const reference = new RegExp(pattern.written.source, `${pattern.written.flags}d`);
      const global = pattern.re.global;
      let matched = 0;
      for (const line of [...own, ...lines]) {
        reference.lastIndex = 0;
        pattern.re.lastIndex = 0;
        const want = global ? [...line.matchAll(reference)] : [reference.exec(line)].filter((m) => m !== null);
        const got = global ? [...line.matchAll(pattern.re)] : [pattern.re.exec(line)].filter((m) => m !== null);
        assert.equal(got.length, want.length, `${name} on ${JSON.stringify(line)}`);
        want.forEach((w, i) => {
          const m = got[i]!;
          assert.equal(m.index, w.index, `${name} on ${JSON.stringify(line)}`);
          for (const [group, pair] of Object.entries(w.indices!.groups!)) {
            const at = F.part(pattern, m, 7, group);
            assert.deepEqual(at && [at.start - 7, at.end - 7], pair, `${name}: ${group} of ${JSON.stringify(line)}`);
            assert.equal(F.group(pattern, m, group), w.groups![group], `${name}: ${group} of ${JSON.stringify(line)}`);
            compared++;
          }
          matched++;
        });
      }
      for (const line of own) assert.ok(line.match(new RegExp(reference.source, reference.flags.replace('g', ''))), `${name} should match its own case ${JSON.stringify(line)}`);
      assert.ok(matched >= own.length, `${name} matched ${matched}`);
    }
    assert.ok(lines.length > 20_000 && compared > 20_000, `${lines.length} lines, ${compared} groups compared`);

    // A global pattern run by numbers: every match in the same place, each group as named.
    let fields = 0;
    for (const line of ['E.O. 12958: DECL: 10/20/2015 TAGS: PREL SUBJECT: X Classified By: Y', 'tags: a subj : b', ...lines]) {
      const want = [...line.matchAll(MIDLINE_FIELD.written)];
      const got = [...line.matchAll(MIDLINE_FIELD.re)];
      assert.deepEqual(got.map((m) => [m.index, m[0]]), want.map((m) => [m.index, m[0]]), `MIDLINE_FIELD on ${JSON.stringify(line)}`);
      want.forEach((w, i) => {
        for (const [name, value] of Object.entries(w.groups!)) assert.equal(F.group(MIDLINE_FIELD, got[i]!, name), value, `${name} of ${JSON.stringify(line)}`);
        fields++;
      });
    }
    assert.ok(fields > 300, `${fields} field keywords`);
  });

  it('a group that holds groups starts at its first one', () => {
    const p = F.tiled(/^(?<all>(?<a>\d+)(-)(?<b>\d+))(?<rest>.*)$/);
    const m = p.re.exec('12-345 end')!;
    const at = (g: string) => [F.part(p, m, 0, g)!.start, F.part(p, m, 0, g)!.end];
    assert.deepEqual([at('all'), at('a'), at('b'), at('rest')], [[0, 6], [0, 2], [3, 6], [6, 10]]);
  });
});
