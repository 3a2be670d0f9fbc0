import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Diagnostic, Fix } from '../../server/src/engine/types';
import { lint, type LintOptions } from '../../server/src/lint';
import { keptInOrder } from '../../server/src/model/order';
import { misplacedLines } from '../../server/src/rules/CBL001-envelope-order';
import { seeded } from '../seeded';

// Envelope and classification-block rules (CBL001–CBL011, CBL020–CBL027, CBL124). Every
// failing input is the valid synthetic cable of spec 1.1 with one defect injected.

const FIXTURE = readFileSync(new URL('../fixtures/synthetic-reykjavik.cable', import.meta.url), 'utf8');
const NOW = new Date('2026-01-01T00:00:00Z');
const MINE = [
  'CBL001', 'CBL002', 'CBL003', 'CBL004', 'CBL005', 'CBL006', 'CBL007', 'CBL008', 'CBL009', 'CBL010',
  'CBL011', 'CBL020', 'CBL021', 'CBL022', 'CBL023', 'CBL024', 'CBL025', 'CBL026', 'CBL027', 'CBL124',
];

function run(text: string, options: LintOptions = {}) {
  return lint(text, { now: NOW, ...options });
}

function diags(text: string, id: string, options: LintOptions = {}): Diagnostic[] {
  return run(text, options).diagnostics.filter((d) => d.ruleId === id);
}

/** The fixture with `from` (which must occur) replaced by `to`. */
function inject(from: string, to: string, text = FIXTURE): string {
  assert.ok(text.includes(from), `fixture lacks ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

function words(text: string): string[] {
  return text.split(/[\s/]+/).filter(Boolean).sort();
}

/** Exactly one diagnostic of `id`, at `line`:`character`, with `severity` and `message` content. */
function expectOne(
  text: string,
  id: string,
  where: { line: number; character?: number; severity: Diagnostic['severity']; message: RegExp },
  options: LintOptions = {},
): Diagnostic {
  const found = diags(text, id, options);
  assert.equal(found.length, 1, `${id}: ${JSON.stringify(found.map((d) => d.message))}`);
  const d = found[0]!;
  assert.equal(d.ruleId, id);
  assert.equal(d.severity, where.severity);
  assert.match(d.message, where.message);
  assert.equal(d.range.start.line, where.line);
  if (where.character !== undefined) assert.equal(d.range.start.character, where.character);
  return d;
}

/** Applies the diagnostic's first fix; the rule must be quiet afterwards. */
function expectFixed(text: string, d: Diagnostic, options: LintOptions = {}): string {
  assert.ok(d.fixes?.length, `${d.ruleId} offers no fix`);
  const fixed = applyFix(text, d.fixes[0]!);
  assert.deepEqual(diags(fixed, d.ruleId, options), []);
  return fixed;
}

/** The fixture as a draft: no envelope, no page marker. */
const DRAFT = FIXTURE.replace(/^[\s\S]*?(?=C O N F I D E N T I A L)/, '').replace('REYKJAVIK 00000457  002 OF 002\n\n', '');

describe('envelope and classification block: the valid cable', () => {
  it('is quiet under every rule of the group, CBL022 included', () => {
    const r = run(FIXTURE, { referenceId: '08REYKJAVIK457', rules: { CBL022: 'info' } });
    assert.equal(r.profile, 'published');
    assert.deepEqual(
      r.diagnostics.filter((d) => MINE.includes(d.ruleId)).map((d) => `${d.ruleId} ${d.message}`),
      [],
    );
  });

  it('is quiet as a draft too', () => {
    const r = run(DRAFT, { referenceId: '08REYKJAVIK457', rules: { CBL022: 'info' } });
    assert.equal(r.profile, 'draft');
    assert.deepEqual(
      r.diagnostics.filter((d) => MINE.includes(d.ruleId)).map((d) => `${d.ruleId} ${d.message}`),
      [],
    );
  });

  it('keeps envelope rules silent in profile draft', () => {
    const text = inject('#0457/01 1351530', '0457/01 1361530');
    assert.equal(diags(text, 'CBL004', { profile: 'draft' }).length, 0);
    assert.equal(diags(text, 'CBL008', { profile: 'draft' }).length, 0);
    assert.equal(diags(text, 'CBL004').length, 1);
  });
});

describe('CBL001 envelope-order', () => {
  it('reports a DE line below the security line', () => {
    const text = inject('DE RUEHRK #0457/01 1351530\nZNY CCCCC ZZH', 'ZNY CCCCC ZZH\nDE RUEHRK #0457/01 1351530');
    expectOne(text, 'CBL001', { line: 3, character: 0, severity: 'error', message: /DE line follows the security line: expected it before/ });
  });

  it('reports the one misplaced line, not every line after it', () => {
    const text = inject('ZNY CCCCC ZZH\nP 141530Z MAY 08', 'P 141530Z MAY 08\nZNY CCCCC ZZH');
    expectOne(text, 'CBL001', { line: 4, character: 0, severity: 'error', message: /security line follows the DTG: expected it before the DTG/ });
  });

  it('accepts blank lines and routing continuation lines', () => {
    const text = inject('PP RUEHCP RUEHNY RUEHSM\nDE', 'PP RUEHCP RUEHNY\nRUEHSM\n\nDE');
    assert.deepEqual(diags(text, 'CBL001'), []);
  });

  // The pairwise longest non-decreasing subsequence CBL001 ran until it took 251 ms on 16,000
  // envelope lines, and its walks to the neighbours a message names: the oracle of which lines
  // the rule keeps (ties: the earlier line) and which it names.
  function keptByPairs(ranks: readonly number[]): number[] {
    const n = ranks.length;
    const len = new Array<number>(n).fill(1);
    const prev = new Array<number>(n).fill(-1);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        if (ranks[j]! <= ranks[i]! && len[j]! + 1 > len[i]!) {
          len[i] = len[j]! + 1;
          prev[i] = j;
        }
      }
    }
    let best = 0;
    for (let i = 1; i < n; i++) if (len[i]! > len[best]!) best = i;
    const kept: number[] = [];
    for (let i = n ? best : -1; i >= 0; i = prev[i]!) kept.unshift(i);
    return kept;
  }

  function neighboursByWalks(ranks: readonly number[], kept: ReadonlySet<number>) {
    const out: { line: number; above: number; below: number }[] = [];
    ranks.forEach((rank, i) => {
      if (kept.has(i)) return;
      let above = -1;
      for (let j = i - 1; j >= 0 && above < 0; j--) if (kept.has(j) && ranks[j]! > rank) above = j;
      let below = -1;
      for (let j = i + 1; j < ranks.length && below < 0; j++) if (kept.has(j) && ranks[j]! < rank) below = j;
      out.push({ line: i, above, below });
    });
    return out;
  }

  /** Ranks 0-7 in runs (long runs of one rank are where ties are decided), some drawn from two or three ranks only. */
  function randomRanks(random: () => number): number[] {
    const pool = random() < 0.3 ? [0, 1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.35) : [0, 1, 2, 3, 4, 5, 6, 7];
    if (pool.length === 0) pool.push(Math.floor(random() * 8));
    const n = Math.floor(random() * (random() < 0.1 ? 400 : 40));
    const ranks: number[] = [];
    while (ranks.length < n) {
      const rank = pool[Math.floor(random() * pool.length)]!;
      const run = random() < 0.2 ? 1 + Math.floor(random() * 30) : 1;
      for (let k = 0; k < run && ranks.length < n; k++) ranks.push(rank);
    }
    return ranks;
  }

  it('keeps the lines the pairwise subsequence kept and names the same neighbours, ties included', () => {
    const random = seeded(1001);
    for (let t = 0; t < 3000; t++) {
      const ranks = randomRanks(random);
      const expected = keptByPairs(ranks);
      const kept = keptInOrder(ranks, 8);
      const got = [...kept.keys()].filter((i) => kept[i]);
      assert.deepEqual(got, expected, `ranks ${JSON.stringify(ranks)}`);
      assert.deepEqual(misplacedLines(ranks, kept), neighboursByWalks(ranks, new Set(expected)), `ranks ${JSON.stringify(ranks)}`);
    }
  });

  it('reports the later of two lines that tie', () => {
    // FM and ZNR alternate after VZCZC: three FM lines or three ZNR lines would do; the earlier kept.
    const text = 'VZCZCXYZ123\nFM AMEMBASSY ROME\nZNR UUUUU ZZH\nFM AMEMBASSY ROME\nZNR UUUUU ZZH\nFM AMEMBASSY ROME\nZNR UUUUU ZZH\n\nUNCLAS\n';
    const lines = diags(text, 'CBL001', { profile: 'transmitted' }).map((d) => d.range.start.line);
    assert.deepEqual(lines, [2, 4, 6]);
  });
});

describe('CBL002 transmission-id', () => {
  it('reports a transmission id without channel', () => {
    expectOne(inject('VZCZCXRO4570', 'VZCZC4570'), 'CBL002', {
      line: 0,
      character: 5,
      severity: 'warning',
      message: /expected a 3-letter channel after VZCZC, found '4570'/,
    });
  });

  it('accepts a 3-digit sequence number', () => {
    assert.deepEqual(diags(inject('VZCZCXRO4570', 'VZCZCXYZ457'), 'CBL002'), []);
  });
});

describe('CBL003 precedence-line', () => {
  it('reports a routing indicator that is too long', () => {
    expectOne(inject('PP RUEHCP RUEHNY RUEHSM', 'PP RUEHCP RUEHNY RUEHSMXXX'), 'CBL003', {
      line: 1,
      character: 17,
      severity: 'error',
      message: /routing indicator 'RUEHSMXXX' has 9 letters: expected R followed by 3–7 letters/,
    });
  });

  it('accepts each prosign', () => {
    for (const p of ['ZZ', 'OO', 'RR']) {
      assert.deepEqual(diags(inject('PP RUEHCP', `${p} RUEHCP`), 'CBL003'), []);
    }
  });
});

describe('CBL004 de-line', () => {
  it("reports a station serial without '#' and inserts it", () => {
    const text = inject('#0457/01', '0457/01');
    const d = expectOne(text, 'CBL004', { line: 2, character: 10, severity: 'error', message: /station serial '0457\/01' lacks '#'/ });
    assert.equal(d.fixes?.[0]?.safe, true);
    const fixed = expectFixed(text, d);
    assert.equal(fixed, FIXTURE);
  });

  it('reports a Julian day beyond the year', () => {
    expectOne(inject('1351530', '4001530'), 'CBL004', {
      line: 2,
      character: 19,
      severity: 'error',
      message: /DE Julian day 400: expected 001–366 \(2008\)/,
    });
  });

  it('reports a part above the section total', () => {
    expectOne(inject('#0457/01', '#0457/03'), 'CBL004', {
      line: 2,
      character: 16,
      severity: 'error',
      message: /DE part \/03 exceeds the section total 02/,
    });
  });

  it('accepts a DE line without /NN', () => {
    assert.deepEqual(diags(inject('#0457/01', '#0457'), 'CBL004'), []);
  });
});

describe('CBL005 security-line-level', () => {
  it('reports a code that differs from the banner level', () => {
    expectOne(inject('ZNY CCCCC ZZH', 'ZNY SSSSS ZZH'), 'CBL005', {
      line: 3,
      character: 4,
      severity: 'error',
      message: /security code SSSSS \(SECRET\) does not match the banner level CONFIDENTIAL: expected CCCCC/,
    });
  });

  it('accepts the SSSAA variant on a SECRET cable and operating signals after ZZH', () => {
    const secret = inject('C O N F I D E N T I A L SECTION', 'S E C R E T SECTION');
    assert.deepEqual(diags(inject('ZNY CCCCC ZZH', 'ZNY SSSAA ZZH', secret), 'CBL005'), []);
    assert.deepEqual(diags(inject('ZNY CCCCC ZZH', 'ZNY CCCCC ZZH ZDK'), 'CBL005'), []);
  });
});

describe('a banner whose serial the printout cut off still gives the level (06TELAVIV4032)', () => {
  const cut = inject('SECTION 01 OF 02 REYKJAVIK 000457', 'SECTION 01 OF 02 REYKJAVIK');

  it('CBL021 reports the missing serial on the banner line', () => {
    const found = diags(cut, 'CBL021');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.range.start.line, 10);
    assert.match(found[0]!.message, /no serial/);
  });

  it('CBL005 still compares the security code with the banner level', () => {
    assert.deepEqual(diags(cut, 'CBL005'), []);
    expectOne(inject('ZNY CCCCC ZZH', 'ZNY SSSSS ZZH', cut), 'CBL005', {
      line: 3,
      character: 4,
      severity: 'error',
      message: /does not match the banner level CONFIDENTIAL: expected CCCCC/,
    });
  });

  it('no banner-required or banner-order finding for it', () => {
    assert.deepEqual(diags(cut, 'CBL020'), []);
    assert.deepEqual(diags(cut, 'CBL001'), []);
  });
});

describe('CBL006 dtg-format', () => {
  it('reports a date that does not exist', () => {
    expectOne(inject('P 141530Z MAY 08', 'P 311530Z APR 08'), 'CBL006', {
      line: 4,
      character: 2,
      severity: 'error',
      message: /DTG date 31 APR 08 does not exist: April 2008 has 30 days/,
    });
  });

  it('reports an hour past 23', () => {
    expectOne(inject('P 141530Z MAY 08', 'P 142530Z MAY 08'), 'CBL006', {
      line: 4,
      character: 4,
      severity: 'error',
      message: /DTG hour 25: expected 00–23/,
    });
  });

  it('accepts a dual precedence and operating signals', () => {
    assert.deepEqual(diags(inject('P 141530Z MAY 08', 'P R 141530Z MAY 08 ZDK'), 'CBL006'), []);
    assert.deepEqual(diags(inject('P 141530Z MAY 08', 'P 141530Z MAY 08 (CCY AD4E5483 MSI9413-695)'), 'CBL006'), []);
  });
});

describe('CBL007 dtg-precedence', () => {
  it('reports a DTG precedence that differs from the prosign', () => {
    expectOne(inject('PP RUEHCP', 'RR RUEHCP'), 'CBL007', {
      line: 4,
      character: 0,
      severity: 'warning',
      message: /DTG precedence P \(PRIORITY\) differs from the precedence line's RR \(ROUTINE\): expected R/,
    });
  });

  it('compares the action (first) letter of a dual precedence', () => {
    assert.deepEqual(diags(inject('P 141530Z', 'P R 141530Z'), 'CBL007'), []);
  });
});

describe('CBL008 dtg-julian', () => {
  it('reports a DE day that differs from the DTG day', () => {
    // Three days on: past the 48 hours a transmission may take (a day on is accepted, issue 17).
    const text = inject('1351530', '1381530');
    const d = expectOne(text, 'CBL008', {
      line: 2,
      character: 19,
      severity: 'warning',
      message: /DE Julian day 138 differs from the DTG date 14 MAY 08: expected 135/,
    });
    assert.equal(expectFixed(text, d), FIXTURE);
  });

  it('accepts a DE time queued past midnight', () => {
    const text = inject('1351530', '1360010', inject('P 141530Z', 'P 142350Z'));
    assert.deepEqual(diags(text, 'CBL008'), []);
  });

  it('accepts a DE up to 48 hours after the DTG, and reports the day before it', () => {
    assert.deepEqual(diags(inject('1351530', '1361530'), 'CBL008'), []);
    assert.deepEqual(diags(inject('1351530', '1371530'), 'CBL008'), []);
    assert.equal(diags(inject('1351530', '1341530'), 'CBL008').length, 1);
  });

  it('reports a DE time well before the DTG time', () => {
    expectOne(inject('1351530', '1351400'), 'CBL008', {
      line: 2,
      character: 22,
      severity: 'warning',
      message: /DE time 1400Z is earlier than the DTG time 1530Z/,
    });
  });
});

describe('CBL009 station-serial', () => {
  it('reports a station serial that is not the banner serial mod 10000', () => {
    const text = inject('#0457/01', '#0458/01');
    const d = expectOne(text, 'CBL009', {
      line: 2,
      character: 11,
      severity: 'warning',
      message: /station serial #0458 does not match the banner serial 000457: expected #0457/,
    });
    assert.equal(expectFixed(text, d), FIXTURE);
  });

  it('reduces serials above 9999', () => {
    const text = inject('REYKJAVIK 000457', 'REYKJAVIK 010457', inject('REYKJAVIK 00000457', 'REYKJAVIK 00010457'));
    assert.deepEqual(diags(text, 'CBL009'), []);
  });
});

describe('CBL010 from-to-required', () => {
  it('reports an envelope without TO', () => {
    expectOne(inject('TO RUEHC/SECSTATE WASHDC PRIORITY 3101\n', ''), 'CBL010', {
      line: 5,
      character: 0,
      severity: 'error',
      message: /envelope has no TO line/,
    });
  });

  it('accepts PLAD-only addressees', () => {
    assert.deepEqual(diags(inject('TO RUEHC/SECSTATE WASHDC', 'TO SECSTATE WASHDC'), 'CBL010'), []);
  });
});

describe('CBL011 addressee-format', () => {
  it('reports a routing indicator without its slash and joins it', () => {
    const text = inject('TO RUEHC/SECSTATE', 'TO RUEHC SECSTATE');
    const d = expectOne(text, 'CBL011', {
      line: 6,
      character: 3,
      severity: 'warning',
      message: /routing indicator RUEHC is not joined to its addressee: expected 'RUEHC\/SECSTATE WASHDC PRIORITY 3101'/,
    });
    assert.equal(d.fixes?.[0]?.safe, true);
    const fixed = expectFixed(text, d);
    assert.deepEqual(words(fixed), words(FIXTURE));
  });

  it('reports a short sequence number and pads it', () => {
    const text = inject('PRIORITY 0412', 'PRIORITY 412');
    const d = expectOne(text, 'CBL011', { line: 7, character: 42, severity: 'warning', message: /sequence number '412' has 3 digits: expected 4/ });
    assert.equal(expectFixed(text, d), FIXTURE);
  });

  it('accepts PLAD-only lines, XMT lines and a missing sequence number', () => {
    const text = inject('RUEHSM/AMEMBASSY STOCKHOLM 0377', 'AMEMBASSY STOCKHOLM\nXMT AMCONSUL NUUK');
    assert.deepEqual(diags(text, 'CBL011'), []);
  });
});

describe('CBL020 banner-required', () => {
  const noBanner = (text: string) => inject('C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000457\n', '', text);

  it('reports a draft without banner at the E.O. line', () => {
    expectOne(noBanner(DRAFT), 'CBL020', { line: 7, character: 0, severity: 'error', message: /no classification banner before the header/ });
  });

  it('is info on a published copy', () => {
    expectOne(noBanner(FIXTURE), 'CBL020', { line: 17, character: 0, severity: 'info', message: /no classification banner/ });
  });

  it('reports a banner below the E.O. line', () => {
    const text = inject('E.O. 12958: DECL: 05/14/2018\n', 'E.O. 12958: DECL: 05/14/2018\nC O N F I D E N T I A L REYKJAVIK 000457\n', noBanner(DRAFT));
    expectOne(text, 'CBL020', { line: 8, character: 0, severity: 'error', message: /banner follows the E.O. line: expected it before the header fields/ });
  });

  it('leaves a misspelt banner to CBL021', () => {
    const text = inject('C O N F I D E N T I A L SECTION', 'CONFIDENTAL SECTION', DRAFT);
    assert.deepEqual(diags(text, 'CBL020'), []);
  });
});

describe('CBL021 banner-format', () => {
  it('reports a misspelt level and corrects it', () => {
    const text = inject('C O N F I D E N T I A L SECTION', 'CONFIDENTAL SECTION', DRAFT);
    const d = expectOne(text, 'CBL021', {
      line: 0,
      character: 0,
      severity: 'error',
      message: /unknown classification level 'CONFIDENTAL' \(expected CONFIDENTIAL\)/,
    });
    assert.equal(d.fixes?.[0]?.safe, true);
    const fixed = expectFixed(text, d);
    assert.ok(fixed.includes('CONFIDENTIAL SECTION 01 OF 02 REYKJAVIK 000457'));
  });

  it('on a published page, right below an envelope that states the level and serial, the garble is the page’s (issue 17)', () => {
    const text = inject('C O N F I D E N T I A L SECTION', 'CONFIDENTAL SECTION');
    const d = expectOne(text, 'CBL021', { line: 10, character: 0, severity: 'info', message: /unknown classification level 'CONFIDENTAL'/ });
    assert.equal(d.publication, true);
    assert.equal(d.fixes?.[0]?.safe, true);
  });

  it('reports a short serial', () => {
    expectOne(inject('REYKJAVIK 000457\n', 'REYKJAVIK 457\n', DRAFT), 'CBL021', {
      line: 0,
      character: 0,
      severity: 'error',
      message: /serial '457' has 3 digits \(expected 4–8, usually 6\)/,
    });
  });

  it('reports a one-digit section marker', () => {
    expectOne(inject('SECTION 01 OF 02', 'SECTION 1 OF 2'), 'CBL021', {
      line: 10,
      character: 24,
      severity: 'error',
      message: /expected 'SECTION 01 OF 02'/,
    });
  });

  it('accepts glued captions, several spaces and the unspaced level', () => {
    assert.deepEqual(diags(inject('REYKJAVIK 000457', 'REYKJAVIK 000457 NOFORN SIPDIS'), 'CBL021'), []);
    assert.deepEqual(diags(inject('C O N F I D E N T I A L SECTION', 'CONFIDENTIAL  SECTION'), 'CBL021'), []);
  });
});

describe('CBL022 banner-style', () => {
  const on = { rules: { CBL022: 'info' as const } };

  it('is off by default', () => {
    assert.deepEqual(diags(inject('C O N F I D E N T I A L', 'CONFIDENTIAL'), 'CBL022'), []);
  });

  it('reports an unspaced classified level and spaces it', () => {
    const text = inject('C O N F I D E N T I A L', 'CONFIDENTIAL');
    const d = expectOne(text, 'CBL022', { line: 10, character: 0, severity: 'info', message: /'CONFIDENTIAL' is not letter-spaced/ }, on);
    assert.equal(expectFixed(text, d, on), FIXTURE);
  });

  it('reports a serial that is not 6 digits', () => {
    const text = inject('REYKJAVIK 000457\n', 'REYKJAVIK 0457\n');
    const d = expectOne(text, 'CBL022', { line: 10, character: 51, severity: 'info', message: /serial '0457' has 4 digits: expected 6/ }, on);
    assert.equal(expectFixed(text, d, on), FIXTURE);
  });
});

describe('CBL023 caption-order', () => {
  it('reports NODIS after EXDIS', () => {
    const text = inject('SIPDIS\n\nNOFORN', 'EXDIS\n\nNODIS');
    expectOne(text, 'CBL023', { line: 14, character: 0, severity: 'warning', message: /NODIS follows EXDIS: the most restrictive/ });
  });

  it('reports an unknown one-word caption as info, with the nearest known one', () => {
    expectOne(inject('SIPDIS\n', 'SIPDIS\n\nSIPDS\n'), 'CBL023', { line: 14, character: 0, severity: 'info', message: /unknown caption 'SIPDS': did you mean SIPDIS\?/ });
  });

  it('reports a caption stated only below the header', () => {
    const text = inject('\nNOFORN\n', '\n', inject('SUBJECT:', 'NOFORN\n\nSUBJECT:'));
    expectOne(text, 'CBL023', { line: 19, character: 0, severity: 'warning', message: /caption NOFORN follows the E.O. line/ });
  });

  it('accepts NODIS with STADIS and repeated SIPDIS', () => {
    assert.deepEqual(diags(inject('SIPDIS\n\nNOFORN', 'NODIS\n\nSTADIS'), 'CBL023'), []);
    assert.deepEqual(diags(inject('SIPDIS\n', 'SIPDIS\n\nSIPDIS SIPDIS\n'), 'CBL023'), []);
  });
});

describe('CBL024 noforn-caption', () => {
  it('reports a /NF portion without NOFORN caption and adds one', () => {
    const text = inject('NOFORN\n\n', '');
    const d = expectOne(text, 'CBL024', { line: 36, character: 3, severity: 'info', message: /portion mark \(C\/NF\) in paragraph 3 requires a NOFORN caption/ });
    const fixed = expectFixed(text, d);
    assert.deepEqual(words(fixed), words(FIXTURE));
  });

  it('accepts NOFORN glued to the banner', () => {
    const text = inject('REYKJAVIK 000457\n', 'REYKJAVIK 000457 NOFORN\n', inject('NOFORN\n\n', ''));
    assert.deepEqual(diags(text, 'CBL024'), []);
  });
});

describe('CBL025 sensitive-caption', () => {
  const unclas = inject('C O N F I D E N T I A L SECTION', 'UNCLAS SECTION');

  it('reports SBU portions in an UNCLAS cable without SENSITIVE and adds it', () => {
    const d = expectOne(unclas, 'CBL025', { line: 46, character: 3, severity: 'info', message: /portion mark \(SBU\) in paragraph 4 requires a SENSITIVE caption/ });
    const fixed = expectFixed(unclas, d);
    assert.deepEqual(words(fixed), words(unclas + ' SENSITIVE'));
  });

  it('accepts SENSITIVE, and SBU portions in a classified cable', () => {
    assert.deepEqual(diags(inject('SIPDIS\n', 'SENSITIVE\nSIPDIS\n', unclas), 'CBL025'), []);
    assert.deepEqual(diags(FIXTURE, 'CBL025'), []);
  });
});

describe('CBL026 sipdis-restricted', () => {
  it('reports SIPDIS with NODIS', () => {
    expectOne(inject('\nNOFORN\n', '\nNODIS\n'), 'CBL026', { line: 12, character: 0, severity: 'warning', message: /SIPDIS is combined with NODIS/ });
  });

  it('accepts NODIS alone and SIPDIS repeated', () => {
    assert.deepEqual(diags(inject('SIPDIS\n\nNOFORN', 'NODIS\n\nNOFORN'), 'CBL026'), []);
    assert.deepEqual(diags(inject('SIPDIS\n', 'SIPDIS\n\nSIPDIS\n'), 'CBL026'), []);
  });
});

describe('CBL027 banner-section-total', () => {
  it('reports a section number above the total', () => {
    expectOne(inject('SECTION 01 OF 02', 'SECTION 03 OF 02'), 'CBL027', {
      line: 10,
      character: 32,
      severity: 'error',
      message: /section 03 of 02: the section number exceeds the total 02/,
    });
  });

  it('reports section 00', () => {
    expectOne(inject('SECTION 01 OF 02', 'SECTION 00 OF 02'), 'CBL027', { line: 10, character: 32, severity: 'error', message: /numbered from 01/ });
  });

  it('accepts the last section', () => {
    assert.deepEqual(diags(inject('SECTION 01 OF 02', 'SECTION 02 OF 02'), 'CBL027'), []);
  });
});

describe('CBL124 reference-id', () => {
  it('reports a file name whose serial differs from the banner', () => {
    expectOne(FIXTURE, 'CBL124', {
      line: 10,
      character: 51,
      severity: 'info',
      message: /reference id 08REYKJAVIK458 differs from 08REYKJAVIK457 built from the text: serial 458 vs banner serial 000457/,
    }, { referenceId: '08REYKJAVIK458.txt' });
  });

  it('is silent without a reference id, with a matching one, or with a name that is no id', () => {
    assert.deepEqual(diags(FIXTURE, 'CBL124'), []);
    assert.deepEqual(diags(FIXTURE, 'CBL124', { referenceId: '08reykjavik457' }), []);
    assert.deepEqual(diags(FIXTURE, 'CBL124', { referenceId: 'notes-for-dcm.cable' }), []);
  });
});
