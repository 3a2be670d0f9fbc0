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
      const reference = new RegExp(pattern.re.source, `${pattern.re.flags}d`);
      for (const line of lines) {
        const want = reference.exec(line);
        const got = F.execTiled(pattern, line);
        assert.ok(want, `${name} should match ${JSON.stringify(line)}`);
        assert.ok(got);
        assert.deepEqual([...got.indices!], [...want.indices!], line);
        assert.deepEqual({ ...got.indices!.groups }, { ...want.indices!.groups }, line);
      }
    });
  }

  it('a group that holds groups starts at its first one', () => {
    const p = F.tiled(/^(?<all>(?<a>\d+)(-)(?<b>\d+))(?<rest>.*)$/);
    const m = F.execTiled(p, '12-345 end')!;
    assert.deepEqual(m.indices!.groups, { all: [0, 6], a: [0, 2], b: [3, 6], rest: [6, 10] });
  });
});
