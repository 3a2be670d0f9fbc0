import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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

  it('a group that holds groups starts at its first one', () => {
    const p = F.tiled(/^(?<all>(?<a>\d+)(-)(?<b>\d+))(?<rest>.*)$/);
    const m = p.re.exec('12-345 end')!;
    const at = (g: string) => [F.part(p, m, 0, g)!.start, F.part(p, m, 0, g)!.end];
    assert.deepEqual([at('all'), at('a'), at('b'), at('rest')], [[0, 6], [0, 2], [3, 6], [6, 10]]);
  });
});
