import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Profile } from '../../grammar/src/ast';
import { lint } from '../../server/src/lint';
import type { Diagnostic, Fix } from '../../server/src/engine/types';
import { fixKeepsWords } from '../../server/src/service/fix-safety';

const here = dirname(fileURLToPath(import.meta.url));
const synthetic = readFileSync(join(here, '../fixtures/synthetic-reykjavik.cable'), 'utf8');
const seed002 = readFileSync(join(here, '../../examples/seed-002-dushanbe-313-published.txt'), 'utf8');

const MINE = [
  'CBL030', 'CBL031', 'CBL032', 'CBL033', 'CBL035', 'CBL036', 'CBL037',
  'CBL040', 'CBL041', 'CBL042', 'CBL043', 'CBL044', 'CBL045', 'CBL046', 'CBL047', 'CBL048', 'CBL049',
];
const NOW = new Date('2026-01-01T00:00:00Z');

function run(text: string, profile?: Profile) {
  return lint(text, { now: NOW, ...(profile ? { profile } : {}) });
}

function diags(text: string, rule: string, profile?: Profile): Diagnostic[] {
  return run(text, profile).diagnostics.filter((d) => d.ruleId === rule);
}

function mineOf(text: string, profile?: Profile): Diagnostic[] {
  return run(text, profile).diagnostics.filter((d) => MINE.includes(d.ruleId));
}

/** Replaces exactly one occurrence (the test fails loudly if the fixture changed). */
function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  assert.ok(i >= 0, `fixture lacks ${JSON.stringify(from)}`);
  assert.equal(text.indexOf(from, i + 1), -1, `fixture has ${JSON.stringify(from)} twice`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const colOf = (text: string, needle: string, inner = needle): number => {
  const at = text.indexOf(needle) + needle.indexOf(inner);
  return at - (text.lastIndexOf('\n', at - 1) + 1);
};

function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

/** Every word of the original survives the fix, except the words the fix replaced. */
function assertKeepsWords(before: string, after: string, fix: Fix): void {
  const replaced = new Set(fix.edits.flatMap((e) => before.slice(e.range.start.offset, e.range.end.offset).split(/\s+/)));
  const words = (s: string) => {
    const m = new Map<string, number>();
    for (const w of s.split(/\s+/).filter(Boolean)) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const a = words(after);
  for (const [w, n] of words(before)) {
    if (replaced.has(w)) continue;
    assert.ok((a.get(w) ?? 0) >= n, `fix lost the word ${JSON.stringify(w)}`);
  }
}

function fixAndRelint(text: string, d: Diagnostic, rule: string, fixIndex = 0): string {
  const fix = d.fixes?.[fixIndex];
  assert.ok(fix, `${rule} offers a fix`);
  const fixed = applyFix(text, fix);
  assert.deepEqual(diags(fixed, rule).map((x) => x.message), []);
  assertKeepsWords(text, fixed, fix);
  return fixed;
}

/** The synthetic cable as an unsent draft: no envelope, no page marker (profile `draft`). */
const draft = synthetic
  .slice(synthetic.indexOf('C O N F I D E N T I A L'))
  .replace('REYKJAVIK 00000457  002 OF 002\n\n', '')
  // Measured against "today" (2026-01-01) when undated: ten years ahead.
  .replace('DECL: 05/14/2018', 'DECL: 05/14/2036')
  // A draft of today cites the order in force (CBL049).
  .replace('E.O. 12958:', 'E.O. 13526:');

/** The synthetic cable in the full transmitted form: section 2 opens with its own banner. */
const transmitted = edit(
  synthetic,
  'REYKJAVIK 00000457  002 OF 002',
  'C O N F I D E N T I A L SECTION 02 OF 02 REYKJAVIK 000457',
);

/** A cable of `n` sections in the published form, with page markers 002..n (or as given). */
function sections(bannerTotal: string, markers: string[]): string {
  const head = synthetic.slice(0, synthetic.indexOf('1. (C) SUMMARY')).replace('SECTION 01 OF 02', `SECTION 01 OF ${bannerTotal}`);
  let body = '';
  for (let i = 0; i <= markers.length; i++) {
    body += `${i + 1}. (C) Paragraph ${i + 1} of the report continues here.\n\n`;
    if (i < markers.length) body += `REYKJAVIK 00000457  ${markers[i]}\n\n`;
  }
  return `${head}${body}EXAMPLE\n`;
}

describe('rules-sections: valid cables stay silent', () => {
  it('the synthetic cable (published), its draft and transmitted forms', () => {
    assert.deepEqual(mineOf(synthetic).map((d) => d.message), []);
    assert.equal(run(draft).profile, 'draft');
    assert.deepEqual(mineOf(draft).map((d) => d.message), []);
    assert.equal(run(transmitted).profile, 'transmitted');
    assert.deepEqual(mineOf(transmitted).map((d) => d.message), []);
  });

  it('seed 002 (SECTION 01 OF 08 with markers 001.2 … 008.2)', () => {
    assert.deepEqual(mineOf(seed002).map((d) => `${d.ruleId} ${d.message}`), []);
  });
});

describe('CBL030 section-marker-format', () => {
  it('reports a one-digit section marker and pads it', () => {
    const text = edit(synthetic, 'SECTION 01 OF 02', 'SECTION 1 OF 2');
    const [d, ...rest] = diags(text, 'CBL030');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /expected two digits, "SECTION 01 OF 02"/);
    assert.equal(d!.range.start.line, 10);
    assert.equal(d!.range.start.character, colOf(text, 'C O N F I D E N T I A L SECTION', 'SECTION'));
    assert.equal(d!.fixes![0]!.safe, true);
    const fixed = fixAndRelint(text, d!, 'CBL030');
    assert.ok(fixed.includes('SECTION 01 OF 02 REYKJAVIK 000457'));
  });

  it('accepts two digits', () => {
    assert.deepEqual(diags(synthetic, 'CBL030'), []);
  });
});

describe('CBL031 section-sequence', () => {
  const three = (t2: string, t3: string) =>
    edit(
      edit(
        edit(transmitted, 'SECTION 01 OF 02', 'SECTION 01 OF 03'),
        'SECTION 02 OF 02',
        t2,
      ),
      '5. (C) COMMENT',
      `C O N F I D E N T I A L ${t3} REYKJAVIK 000457\n\n5. (C) COMMENT`,
    );

  it('reports a skipped section banner', () => {
    const text = edit(edit(transmitted, 'SECTION 01 OF 02', 'SECTION 01 OF 03'), 'SECTION 02 OF 02', 'SECTION 03 OF 03');
    const [d, ...rest] = diags(text, 'CBL031');
    assert.equal(rest.length, 0, rest.map((x) => x.message).join('; '));
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /section 03 follows section 01: expected 02 \(section 02 is missing\)/);
    assert.equal(d!.range.start.line, lineOf(text, 'C O N F I D E N T I A L SECTION 03 OF 03'));
    assert.equal(d!.range.start.character, 'C O N F I D E N T I A L SECTION '.length);
  });

  it('reports a banner whose total disagrees with the others, with a safe fix', () => {
    const text = three('SECTION 02 OF 02', 'SECTION 03 OF 03');
    const [d, ...rest] = diags(text, 'CBL031');
    assert.equal(rest.length, 0, rest.map((x) => x.message).join('; '));
    assert.match(d!.message, /gives the total 02: the other section banners say OF 03/);
    assert.equal(d!.range.start.line, lineOf(text, 'SECTION 02 OF 02'));
    assert.equal(d!.range.start.character, 'C O N F I D E N T I A L SECTION 02 OF '.length);
    assert.equal(d!.fixes![0]!.safe, true);
    fixAndRelint(text, d!, 'CBL031');
  });

  it('accepts 01, 02, 03 and is silent on published copies that keep only section 01', () => {
    assert.deepEqual(diags(three('SECTION 02 OF 03', 'SECTION 03 OF 03'), 'CBL031'), []);
    assert.deepEqual(diags(synthetic, 'CBL031'), []);
  });
});

describe('CBL032 section-total', () => {
  it('reports a page marker beyond the banner total (SECTION 01 OF 07, markers to 008)', () => {
    const text = sections('07', ['002 OF 008', '003 OF 008', '004 OF 008', '005 OF 008', '006 OF 008', '007 OF 008', '008 OF 008']);
    const [d, ...rest] = diags(text, 'CBL032');
    assert.equal(rest.length, 0, rest.map((x) => x.message).join('; '));
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /page marker 008 exceeds the section total: the banner says SECTION 01 OF 07/);
    assert.equal(d!.range.start.line, lineOf(text, '008 OF 008'));
    assert.equal(d!.range.start.character, 'REYKJAVIK 00000457  '.length);
    assert.equal(d!.fixes![0]!.safe, true);
    const fixed = fixAndRelint(text, d!, 'CBL032');
    assert.ok(fixed.includes('SECTION 01 OF 08 REYKJAVIK'));
    assert.deepEqual(diags(fixed, 'CBL037'), []);
  });

  it('reports missing sections: info on published text, warning on a draft', () => {
    const text = sections('03', ['002 OF 003']);
    const [d, ...rest] = diags(text, 'CBL032');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'info');
    assert.match(d!.message, /section 003 is missing: the text ends after section 002 of 003/);
    assert.equal(d!.range.start.line, 10);
    assert.equal(d!.range.start.character, 'C O N F I D E N T I A L SECTION 01 OF '.length);
    const [w] = diags(text, 'CBL032', 'draft');
    assert.equal(w!.severity, 'warning');
  });

  it('accepts markers that reach the total, and no markers at all', () => {
    assert.deepEqual(diags(synthetic, 'CBL032'), []);
    assert.deepEqual(diags(sections('04', ['002 OF 004', '003 OF 004', '004 OF 004']), 'CBL032'), []);
    assert.deepEqual(diags(edit(synthetic, 'REYKJAVIK 00000457  002 OF 002\n', ''), 'CBL032'), []);
  });
});

describe('CBL033 single-section-marker', () => {
  const single = edit(edit(synthetic, 'SECTION 01 OF 02', 'SECTION 01 OF 01'), 'REYKJAVIK 00000457  002 OF 002\n\n', '');

  it('reports SECTION 01 OF 01 and removes it', () => {
    const [d, ...rest] = diags(single, 'CBL033');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'info');
    assert.equal(d!.unnecessary, true);
    assert.match(d!.message, /"SECTION 01 OF 01" is unnecessary/);
    assert.equal(d!.range.start.line, 10);
    assert.equal(d!.range.start.character, 'C O N F I D E N T I A L '.length);
    const fixed = fixAndRelint(single, d!, 'CBL033');
    assert.ok(fixed.includes('\nC O N F I D E N T I A L REYKJAVIK 000457\n'));
  });

  it('accepts a banner without a section marker', () => {
    assert.deepEqual(diags(edit(single, ' SECTION 01 OF 01', ''), 'CBL033'), []);
  });
});

describe('CBL035 page-marker-format', () => {
  it('reports a serial that is not padded to 8 digits, with a safe fix', () => {
    const text = edit(synthetic, 'REYKJAVIK 00000457  002 OF 002', 'REYKJAVIK 457 002 OF 002');
    const [d, ...rest] = diags(text, 'CBL035');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'warning');
    assert.match(d!.message, /serial 457 should have 8 digits \(00000457\)/);
    assert.equal(d!.range.start.line, lineOf(text, 'REYKJAVIK 457 002'));
    assert.equal(d!.range.start.character, 0);
    assert.equal(d!.fixes![0]!.safe, true);
    fixAndRelint(text, d!, 'CBL035');
  });

  it('reports a post that does not match the banner', () => {
    const text = edit(synthetic, 'REYKJAVIK 00000457  002 OF 002', 'REYKJAVIC 00000457  002 OF 002');
    const [d] = diags(text, 'CBL035');
    assert.match(d!.message, /post "REYKJAVIC" does not match the banner post REYKJAVIK/);
    assert.equal(d!.fixes![0]!.safe, false);
    fixAndRelint(text, d!, 'CBL035');
  });

  it('accepts the exact marker, a post cut to 10 characters and title case', () => {
    assert.deepEqual(diags(synthetic, 'CBL035'), []);
    const tegu = edit(
      edit(synthetic, 'SECTION 01 OF 02 REYKJAVIK 000457', 'SECTION 01 OF 02 TEGUCIGALPA 000457'),
      'REYKJAVIK 00000457  002 OF 002',
      'TEGUCIGALP 00000457  002 OF 002',
    );
    assert.deepEqual(diags(tegu, 'CBL035'), []);
    assert.deepEqual(diags(edit(synthetic, 'REYKJAVIK 00000457  002 OF 002', 'Reykjavik 00000457  002 of 002'), 'CBL035'), []);
  });
});

describe('CBL036 page-marker-sequence', () => {
  it('reports a skipped marker: warning on a draft, info on published text', () => {
    const text = sections('04', ['002 OF 004', '004 OF 004']);
    const [w] = diags(text, 'CBL036', 'draft');
    assert.equal(w!.severity, 'warning');
    const [d, ...rest] = diags(text, 'CBL036');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'info');
    // The missing section is reported once, here, not again by CBL032.
    assert.deepEqual(diags(text, 'CBL032'), []);
    assert.match(d!.message, /page marker 004 follows 002: expected 003/);
    assert.equal(d!.range.start.line, lineOf(text, '004 OF 004'));
    assert.equal(d!.range.start.character, 'REYKJAVIK 00000457  '.length);
  });

  it('reports 001 written without the decimal, and a repeated marker (warnings)', () => {
    const text = sections('03', ['001 OF 003', '002 OF 003', '003 OF 003']);
    const [d] = diags(text, 'CBL036');
    assert.equal(d!.severity, 'warning');
    assert.match(d!.message, /section 1 is marked only in the decimal form/);
    const rep = sections('03', ['002 OF 003', '002 OF 003', '003 OF 003']);
    const [r, ...rest] = diags(rep, 'CBL036');
    assert.equal(rest.length, 0);
    assert.equal(r!.severity, 'warning');
    assert.match(r!.message, /page marker 002 repeats 002/);
  });

  it('treats a restart at 001.2 as another copy of the text (header preview, merged release)', () => {
    assert.deepEqual(diags(sections('02', ['001.2 OF 002', '001.2 OF 002', '002.2 OF 002']), 'CBL036'), []);
  });

  it('accepts 002, 003, 004 and 001.2, 002.2 …', () => {
    assert.deepEqual(diags(sections('04', ['002 OF 004', '003 OF 004', '004 OF 004']), 'CBL036'), []);
    assert.deepEqual(diags(sections('03', ['001.2 OF 003', '002.2 OF 003', '003 OF 003']), 'CBL036'), []);
  });
});

describe('CBL037 page-marker-total', () => {
  it('reports a banner total that the marker contradicts', () => {
    const text = edit(synthetic, '002 OF 002', '002 OF 003');
    const [d, ...rest] = diags(text, 'CBL037');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /the banner says SECTION 01 OF 02 but the page marker says OF 003/);
    assert.equal(d!.range.start.line, 10);
    assert.equal(d!.range.start.character, 'C O N F I D E N T I A L SECTION 01 OF '.length);
    // One marker against the banner: which is right is a judgement.
    assert.equal(d!.fixes![0]!.safe, false);
  });

  it('fixes the banner when all markers agree and reach beyond it', () => {
    const text = sections('02', ['002 OF 003', '003 OF 003']);
    const [d] = diags(text, 'CBL037');
    assert.equal(d!.fixes![0]!.safe, true);
    const fixed = fixAndRelint(text, d!, 'CBL037');
    assert.ok(fixed.includes('SECTION 01 OF 03 REYKJAVIK'));
  });

  it('reports the odd marker when the others confirm the banner', () => {
    const text = sections('03', ['002 OF 003', '003 OF 004']);
    const [d, ...rest] = diags(text, 'CBL037');
    assert.equal(rest.length, 0);
    assert.match(d!.message, /page marker total 004 differs from the banner's section total: expected 003/);
    assert.equal(d!.range.start.line, lineOf(text, '003 OF 004'));
    assert.equal(d!.range.start.character, 'REYKJAVIK 00000457  003 OF '.length);
    assert.equal(d!.fixes![0]!.safe, true);
    fixAndRelint(text, d!, 'CBL037');
  });

  it('accepts equal totals', () => {
    assert.deepEqual(diags(synthetic, 'CBL037'), []);
  });
});

describe('CBL040 eo-required', () => {
  it('reports a missing E.O. line: error on a draft, info on published text', () => {
    const text = edit(draft, 'E.O. 13526: DECL: 05/14/2036\n', '');
    const [d, ...rest] = diags(text, 'CBL040');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /no E\.O\. line/);
    assert.equal(d!.range.start.line, lineOf(text, 'TAGS:'));
    assert.equal(d!.range.start.character, 0);
    const [p] = diags(edit(synthetic, 'E.O. 12958: DECL: 05/14/2018\n', ''), 'CBL040');
    assert.equal(p!.severity, 'info');
  });

  it('accepts an E.O. line on its own line or mid-line in reflowed text', () => {
    assert.deepEqual(diags(draft, 'CBL040'), []);
    const glued = edit(
      edit(draft, 'E.O. 13526: DECL: 05/14/2036\n', ''),
      'REYKJAVIK 000457\n',
      'REYKJAVIK 000457 SIPDIS E.O. 13526: DECL: 05/14/2036\n',
    );
    assert.deepEqual(diags(glued, 'CBL040'), []);
  });
});

describe('CBL041 eo-format', () => {
  it('reports EO without dots and colon, with a safe fix', () => {
    const text = edit(synthetic, 'E.O. 12958: DECL: 05/14/2018', 'EO 12958 DECL: 05/14/2018');
    const [d, ...rest] = diags(text, 'CBL041');
    assert.equal(rest.length, 0);
    // The spec's example is a published text (its page marker): there `EO 12958 DECL:` is the
    // media copies' rewrite, info and marked as publication; in a draft it is a warning.
    assert.equal(d!.severity, 'info');
    assert.equal(d!.publication, true);
    assert.deepEqual(diags(text, 'CBL041', 'draft').map((x) => [x.severity, x.publication]), [['warning', undefined]]);
    assert.match(d!.message, /"EO 12958 DECL: 05\/14\/2018" is not canonical: .*expected "E\.O\. 12958: DECL: 05\/14\/2018"/);
    assert.equal(d!.range.start.line, 18);
    assert.equal(d!.range.start.character, 0);
    assert.equal(d!.fixes![0]!.safe, true);
    const fixed = fixAndRelint(text, d!, 'CBL041');
    assert.ok(fixed.includes('\nE.O. 12958: DECL: 05/14/2018\n'));
  });

  it('reports lower case and an unknown order (no fix for the latter)', () => {
    const lower = edit(synthetic, 'E.O. 12958: DECL: 05/14/2018', 'E.o. 12958: decl: 05/14/2018');
    fixAndRelint(lower, diags(lower, 'CBL041')[0]!, 'CBL041');
    const typo = edit(synthetic, 'E.O. 12958: DECL: 05/14/2018', 'E.O. 12598: DECL: 05/14/2018');
    const [d] = diags(typo, 'CBL041');
    assert.match(d!.message, /unknown executive order 12598/);
    assert.equal(d!.fixes, undefined);
  });

  it('shortens DECLASSIFY to DECL with a safe fix whose title names the change, which the fix-safety words check lets through (07LISBON2960)', () => {
    for (const [written, word] of [
      ['E.O. 12958: DECLASSIFY 05/14/2018', 'DECLASSIFY'],
      ['EO 12958 Declassify:  05/14/2018', 'Declassify'],
    ] as const) {
      const text = edit(synthetic, 'E.O. 12958: DECL: 05/14/2018', written);
      const [d] = diags(text, 'CBL041');
      const fix = d!.fixes![0]!;
      assert.equal(fix.title, `Write "E.O. 12958: DECL: 05/14/2018", shortening ${word} to DECL`);
      assert.equal(fix.safe, true);
      // Only the edit of the named word changes letters; the safety rule passes the fix.
      // An edit that would change nothing (`E.O. 12958: ` as written) is left out.
      assert.deepEqual(fix.edits.map((e) => e.newText), written.startsWith('E.O.') ? ['DECL', ': 05/14/2018'] : ['E.O. 12958: ', 'DECL', ': 05/14/2018']);
      assert.equal(fixKeepsWords(fix, text), true);
      assert.equal(fixKeepsWords({ ...fix, title: 'Write "E.O. 12958: DECL: 05/14/2018"' }, text), false, 'a title that does not name the word is still refused');
      const fixed = applyFix(text, fix);
      assert.ok(fixed.includes('\nE.O. 12958: DECL: 05/14/2018\n'));
      assert.deepEqual(diags(fixed, 'CBL041'), []);
    }
    // The words of the rest of the cable are kept (a whitespace-separated check; `Declassify:`
    // above is one such word, so it is checked on the form without the colon).
    const plain = edit(synthetic, 'E.O. 12958: DECL: 05/14/2018', 'E.O. 12958: DECLASSIFY 05/14/2018');
    fixAndRelint(plain, diags(plain, 'CBL041')[0]!, 'CBL041');
  });

  it('accepts the E.O. 11652 form without DECL keyword, `E.O. 11652: GDS` (73TEHRAN8233)', () => {
    assert.deepEqual(diags(edit(synthetic, 'E.O. 12958: DECL: 05/14/2018', 'E.O. 11652: GDS'), 'CBL041'), []);
    assert.deepEqual(diags(edit(synthetic, 'E.O. 12958: DECL: 05/14/2018', 'E.O. 11652: XGDS-2'), 'CBL041'), []);
    // GDS was that order's schedule only: under 12958 it is still a DECL value without its keyword.
    assert.equal(diags(edit(synthetic, 'E.O. 12958: DECL: 05/14/2018', 'E.O. 12958: GDS'), 'CBL041').length, 1);
  });

  it('accepts the canonical form, N/A and double spaces', () => {
    assert.deepEqual(diags(synthetic, 'CBL041'), []);
    assert.deepEqual(diags(edit(synthetic, 'E.O. 12958: DECL: 05/14/2018', 'E.O. 12958:  DECL:  5/14/2018'), 'CBL041'), []);
  });
});

describe('CBL042 eo-level', () => {
  it('reports N/A on a CONFIDENTIAL cable, offering DECL ten years after the DTG', () => {
    const text = edit(synthetic, 'E.O. 12958: DECL: 05/14/2018', 'E.O. 12958: N/A');
    const [d, ...rest] = diags(text, 'CBL042');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /CONFIDENTIAL cable: the E\.O\. line needs "DECL: <date>"/);
    assert.equal(d!.range.start.line, 18);
    assert.equal(d!.range.start.character, 'E.O. 12958: '.length);
    assert.equal(d!.fixes![0]!.safe, false);
    const fixed = applyFix(text, d!.fixes![0]!);
    assert.equal(fixed, synthetic);
  });

  it('reports DECL on an UNCLAS cable', () => {
    const text = edit(synthetic, 'C O N F I D E N T I A L SECTION', 'UNCLAS SECTION');
    const [d] = diags(text, 'CBL042');
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /UNCLASSIFIED cable: the E\.O\. line should read N\/A, found "DECL: 05\/14\/2018"/);
    assert.equal(d!.range.start.line, 18);
    fixAndRelint(text, d!, 'CBL042');
  });

  it('accepts DECL on a classified cable, N/A on UNCLAS, and a declassification record', () => {
    assert.deepEqual(diags(synthetic, 'CBL042'), []);
    const unclas = edit(edit(synthetic, 'C O N F I D E N T I A L SECTION', 'UNCLAS SECTION'), 'DECL: 05/14/2018', 'N/A');
    assert.deepEqual(diags(unclas, 'CBL042'), []);
    const nara = edit(edit(synthetic, 'C O N F I D E N T I A L SECTION', 'UNCLAS SECTION'), 'DECL: 05/14/2018', 'DECL: DECLASSIFIED BY NARA 09/02/2009');
    assert.deepEqual(diags(nara, 'CBL042'), []);
  });
});

describe('CBL043 decl-valid', () => {
  it('reports a date that does not exist', () => {
    const text = edit(synthetic, 'DECL: 05/14/2018', 'DECL: 02/30/2018');
    const [d, ...rest] = diags(text, 'CBL043');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /02\/30\/2018 is not a real calendar date/);
    assert.equal(d!.range.start.line, 18);
    assert.equal(d!.range.start.character, 'E.O. 12958: DECL: '.length);
    assert.equal(d!.range.end.character, 'E.O. 12958: DECL: 02/30/2018'.length);
  });

  it('reports a value that is neither date, code nor phrase', () => {
    const [d] = diags(edit(synthetic, 'DECL: 05/14/2018', 'DECL: 1.4(D)'), 'CBL043');
    assert.match(d!.message, /"1\.4\(D\)" is neither a date/);
  });

  it('reads a long run of codes joined by AND that ends in a separator (once exponential: fuzz seed 20261122)', () => {
    const value = `${Array.from({ length: 30 }, () => 'X1').join(' AND ')} /`;
    const [d, ...rest] = diags(edit(synthetic, 'DECL: 05/14/2018', `DECL: ${value}`), 'CBL043');
    assert.equal(rest.length, 0);
    assert.match(d!.message, /^DECL value: "X1 AND X1 AND .* X1 \/" is neither a date/);
  });

  it('reads a long comma-separated value that is no phrase (once exponential)', () => {
    const value = `${Array.from({ length: 30 }, () => 'ABC').join(', ')} !`;
    const [d, ...rest] = diags(edit(synthetic, 'DECL: 05/14/2018', `DECL: ${value}`), 'CBL043');
    assert.equal(rest.length, 0);
    assert.match(d!.message, /^DECL value: "ABC, ABC, .* ABC !" is neither a date/);
  });

  it('accepts the date forms, codes and event phrases of spec 2.4', () => {
    for (const v of [
      '05/14/2018', '5/14/2018', '05/14/18', '2018/05/14', '2018-05-14', '14 MAY 2018', '25X1-HUMAN', '25X1- HUMAN',
      '(X1)', 'X1, X6', 'OADR', 'MR', 'TEN YEARS AFTER KOREAN UNIFICATION', 'TWENTY YEARS', '05/14/2018 TAGS',
    ]) {
      assert.deepEqual(diags(edit(synthetic, 'DECL: 05/14/2018', `DECL: ${v}`), 'CBL043').map((d) => d.message), [], v);
    }
  });
});

describe('CBL044 decl-after-date', () => {
  it('reports a DECL date before the DTG', () => {
    const text = edit(synthetic, 'DECL: 05/14/2018', 'DECL: 05/14/2007');
    const [d, ...rest] = diags(text, 'CBL044');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /DECL 05\/14\/2007 is before the cable date 14 MAY 2008/);
    assert.equal(d!.range.start.line, 18);
    assert.equal(d!.range.start.character, 'E.O. 12958: DECL: '.length);
  });

  it('measures an undated draft against the injectable clock', () => {
    const text = edit(draft, 'DECL: 05/14/2036', 'DECL: 05/14/2018');
    const [d] = diags(text, 'CBL044');
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /DECL 05\/14\/2018 is before today \(2026-01-01\)/);
    assert.equal(d!.range.start.line, lineOf(text, 'E.O.'));
    assert.deepEqual(diags(draft, 'CBL044'), []);
  });

  it('accepts a later date, and is silent on published text without a date', () => {
    assert.deepEqual(diags(synthetic, 'CBL044'), []);
    const undatedPublished = synthetic.slice(synthetic.indexOf('C O N F I D E N T I A L')).replace('05/14/2018', '05/14/2007');
    assert.equal(run(undatedPublished).profile, 'published');
    assert.deepEqual(diags(undatedPublished, 'CBL044'), []);
  });
});

describe('CBL045 decl-horizon', () => {
  it('reports a DECL date more than 25 years out', () => {
    const text = edit(synthetic, 'DECL: 05/14/2018', 'DECL: 03/06/2059');
    const [d, ...rest] = diags(text, 'CBL045');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'warning');
    assert.match(d!.message, /DECL 03\/06\/2059 is 51 years after the cable date 14 MAY 2008: beyond 25 years use a 25X or 50X exemption code/);
    assert.equal(d!.range.start.line, 18);
    assert.equal(d!.range.start.character, 'E.O. 12958: DECL: '.length);
  });

  it('accepts 25 years (rounded to the year end) and codes', () => {
    assert.deepEqual(diags(edit(synthetic, 'DECL: 05/14/2018', 'DECL: 12/31/2033'), 'CBL045'), []);
    assert.deepEqual(diags(edit(synthetic, 'DECL: 05/14/2018', 'DECL: 25X1-HUMAN'), 'CBL045'), []);
  });
});

describe('CBL046 classified-by-required', () => {
  const noCb = (t: string) => edit(t, 'Classified By: Ambassador Jane Q. Example for reasons 1.4 (b)\nand (d).\n\n', '');

  it('reports a CONFIDENTIAL draft without Classified By (info on published text)', () => {
    const text = noCb(draft);
    const [d, ...rest] = diags(text, 'CBL046');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /CONFIDENTIAL cable without a Classified By line/);
    assert.equal(d!.range.start.line, lineOf(text, '1. (C) SUMMARY'));
    assert.equal(d!.range.start.character, 0);
    assert.equal(diags(noCb(synthetic), 'CBL046')[0]!.severity, 'info');
  });

  it('takes the level from a banner whose serial was cut off (06TELAVIV4032)', () => {
    const text = noCb(edit(synthetic, 'SECTION 01 OF 02 REYKJAVIK 000457', 'SECTION 01 OF 02 REYKJAVIK'));
    const [d, ...rest] = diags(text, 'CBL046');
    assert.equal(rest.length, 0);
    assert.match(d!.message, /CONFIDENTIAL cable without a Classified By line/);
    assert.equal(d!.range.start.line, lineOf(text, '1. (C) SUMMARY'));
  });

  it('reports a Classified By line without a reason', () => {
    const text = edit(draft, 'for reasons 1.4 (b)\nand (d).', 'Political Section.');
    const [d] = diags(text, 'CBL046');
    assert.equal(d!.severity, 'error');
    assert.match(d!.message, /lacks a reason \(1\.4 \(b\), \(d\) …\) or "Derived from …"/);
    assert.equal(d!.range.start.line, lineOf(text, 'Classified By'));
  });

  it('accepts the corpus variants of reason and authority', () => {
    for (const cb of [
      'Classified By: DCM A. Smith, Derived from State 123',
      'CLASSIFIED BY: DCM A. SMITH. REAS ONS 1.4 (B) AND (D)',
      'Classified By: DCM A. Smith per 1.4 (d)',
      'Classified By: DCM A. Smith, reasons 1/4 (b)',
      'Classified By: DCM A. Smith, Reason(s): 1.5 (b),(d)',
      '(U) Classified By: Political Counselor A. Smith for\nreasons 1.4\n(b) and (d).',
      'Classified By: DCM A. Smith for reasons 1  .4 (b) and (d).',
    ]) {
      const text = edit(draft, 'Classified By: Ambassador Jane Q. Example for reasons 1.4 (b)\nand (d).', cb);
      assert.deepEqual(diags(text, 'CBL046').map((d) => d.message), [], cb);
    }
  });

  it('reads a reason written as an E.O. line below Classified By as its reason (05SAOPAULO1158)', () => {
    const text = edit(
      draft,
      'Classified By: Ambassador Jane Q. Example for reasons 1.4 (b)\nand (d).',
      'Classified By: ACTING CONSUL GENERAL ARNOLD VELA. REASON:\n\nE.O. 12958, 1.4(D)',
    );
    const r = run(text);
    assert.deepEqual(r.diagnostics.filter((d) => ['CBL041', 'CBL046', 'CBL050'].includes(d.ruleId)), []);
    // The real E.O. line keeps its DECL date.
    assert.equal(r.cable.eo?.decl?.text, '05/14/2036');
    assert.deepEqual(r.cable.classifiedBy?.reasonLetters.map((l) => l.text), ['D']);
  });

  it('finds Classified By glued after the REF list on one line (08MANAMA300)', () => {
    const text = edit(
      draft,
      'REF: A. REYKJAVIK 412\n     B. 07 REYKJAVIK 1188\n     C. STATE 50123\n\nClassified By: Ambassador Jane Q. Example for reasons 1.4 (b)\nand (d).',
      "REF: STATE 46477  Classified By: Charge d'Affaires, a.i. Christopher Henzel for reasons 1 .4 (b) and (d).",
    );
    assert.deepEqual(diags(text, 'CBL046'), []);
  });

  it('is info, not error, when the publisher cut the header off at `Classif...` (08RIGA497)', () => {
    const text = edit(
      noCb(draft),
      '1. (C) SUMMARY',
      'Classif...\n\nC O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000457 SIPDIS E.O. 12958: DECL: 05/14/2018\n\n1. (C) SUMMARY',
    );
    const r = run(text);
    assert.equal(r.profile, 'published');
    assert.deepEqual(r.diagnostics.filter((d) => d.ruleId === 'CBL046').map((d) => d.severity), ['info']);
  });
});

describe('CBL047 classification-reason', () => {
  it('reports a reason letter outside a–h', () => {
    const text = edit(synthetic, 'reasons 1.4 (b)\nand (d)', 'reasons 1.4 (k)');
    const [d, ...rest] = diags(text, 'CBL047');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'warning');
    assert.match(d!.message, /reason \(k\) does not exist: section 1\.4 has reasons \(a\)–\(h\)/);
    assert.equal(d!.range.start.line, 27);
    assert.equal(d!.range.start.character, colOf(text, 'reasons 1.4 (k)', 'k'));
  });

  it('reports 1.5 on a 2008 cable as info and a doubled letter as warning', () => {
    const text = edit(synthetic, 'reasons 1.4 (b)', 'reasons 1.5 (b)');
    const [d] = diags(text, 'CBL047');
    assert.equal(d!.severity, 'info');
    assert.match(d!.message, /reason section 1\.5 on a cable of 2008/);
    assert.equal(d!.range.start.character, colOf(text, 'reasons 1.5', '1.5'));
    fixAndRelint(text, d!, 'CBL047');
    const [dup] = diags(edit(synthetic, 'and (d).', 'and (b).'), 'CBL047');
    assert.match(dup!.message, /reason \(b\) is cited twice/);
    assert.equal(dup!.range.start.line, 28);
  });

  it('accepts 1.4 (b) and (d), and 1.5 on a 2002 cable', () => {
    assert.deepEqual(diags(synthetic, 'CBL047'), []);
    const old = edit(edit(synthetic, 'reasons 1.4 (b)', 'reasons 1.5 (b)'), 'P 141530Z MAY 08', 'P 141530Z MAY 02');
    assert.deepEqual(diags(old, 'CBL047'), []);
  });
});

describe('CBL049 eo-superseded', () => {
  const dated = (dtg: string) => edit(edit(transmitted, 'P 141530Z MAY 08', dtg), 'DECL: 05/14/2018', 'DECL: 05/14/2030');

  it('reports E.O. 12958 on a cable dated after 27 June 2010, with an editor-only fix to 13526', () => {
    const text = dated('P 271530Z JUN 10');
    const [d, ...rest] = diags(text, 'CBL049');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'warning');
    assert.equal(
      d!.message,
      'E.O. 12958 no longer governed on the cable date 27 JUN 2010 (E.O. 13526 replaced it on 27 June 2010): expected E.O. 13526',
    );
    assert.equal(d!.range.start.line, 18);
    assert.equal(d!.range.start.character, 'E.O. '.length);
    assert.equal(d!.range.end.character, 'E.O. 12958'.length);
    assert.equal(d!.fixes!.length, 1);
    assert.equal(d!.fixes![0]!.title, 'Cite E.O. 13526');
    assert.equal(d!.fixes![0]!.safe, false, 'X1-X8 do not exist under 13526: never applied without looking');
    // The order's number and nothing else: the DECL value is left for the drafter to read again.
    const fixed = applyFix(text, d!.fixes![0]!);
    assert.equal(fixed, text.replace('E.O. 12958: DECL', 'E.O. 13526: DECL'));
    assert.deepEqual(diags(fixed, 'CBL049'), []);
    assert.ok(fixed.includes('\nE.O. 13526: DECL: 05/14/2030\n'));
  });

  it('keeps E.O. 12958 correct up to the day before, and reads E.O. 13292 as its amendment', () => {
    assert.deepEqual(diags(dated('P 261530Z JUN 10'), 'CBL049'), []);
    assert.deepEqual(diags(synthetic, 'CBL049'), []);
    const amended = edit(dated('P 011200Z JUL 10'), 'E.O. 12958:', 'E.O. 13292:');
    const [d] = diags(amended, 'CBL049');
    assert.match(d!.message, /^E\.O\. 13292 \(the 2003 amendment of E\.O\. 12958\) no longer governed/);
    // The order in force on the day is the expected one, whatever the old order.
    const older = edit(dated('P 011200Z JUL 96'), 'E.O. 12958:', 'E.O. 12356:');
    assert.match(diags(older, 'CBL049')[0]!.message, /E\.O\. 12356 no longer governed .*\(E\.O\. 12958 replaced it on 14 October 1995\): expected E\.O\. 12958$/);
  });

  it('dates an undated draft by the clock: today it is reported, in 2009 it was not', () => {
    const old = edit(draft, 'E.O. 13526:', 'E.O. 12958:');
    const [d] = diags(old, 'CBL049');
    assert.match(d!.message, /no longer governed on today \(2026-01-01\)/);
    assert.equal(lint(old, { now: new Date('2009-03-01T00:00:00Z') }).diagnostics.filter((x) => x.ruleId === 'CBL049').length, 0);
  });

  it('reads the order a Classified By line names, and is info on a published copy', () => {
    const text = edit(dated('P 011200Z JUL 10'), 'for reasons 1.4 (b)', 'E.O. 12958 Reason 1.4 (b)');
    const found = diags(text, 'CBL049');
    assert.deepEqual(found.map((d) => d.range.start.line), [18, 27]);
    assert.equal(found[1]!.range.start.character, colOf(text, 'E.O. 12958 Reason', '12958'));
    assert.deepEqual(diags(text, 'CBL049', 'published').map((d) => d.severity), ['info', 'info']);
  });

  it('is silent on a published copy without any date', () => {
    assert.deepEqual(diags(edit(draft, 'E.O. 13526:', 'E.O. 12958:'), 'CBL049', 'published'), []);
  });
});

describe('CBL048 classified-by-unclassified', () => {
  it('reports Classified By on an UNCLAS cable', () => {
    const text = edit(edit(synthetic, 'C O N F I D E N T I A L SECTION', 'UNCLAS SECTION'), 'DECL: 05/14/2018', 'N/A');
    const [d, ...rest] = diags(text, 'CBL048');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'warning');
    assert.match(d!.message, /UNCLASSIFIED cable with a Classified By line/);
    assert.equal(d!.range.start.line, 27);
    assert.equal(d!.range.start.character, 0);
    assert.equal(d!.range.end.character, 'Classified By:'.length);
  });

  it('accepts Classified By on a classified cable', () => {
    assert.deepEqual(diags(synthetic, 'CBL048'), []);
  });
});
