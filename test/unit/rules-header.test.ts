import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint, type LintOptions } from '../../server/src/lint';
import type { Diagnostic, Fix } from '../../server/src/engine/types';
import { headerRules } from '../../server/src/rules/catalogue-header';
import type { Cable } from '../../grammar/src/ast';
import { modelOf } from '../../server/src/model/index';

/** The REF citations in the text, as the cable model reads them (CBL076 and navigation share them). */
const findRefCitations = (cable: Cable) => modelOf(cable).references.citations;
import { parseCable } from '../../grammar/src/index';

const NOW = new Date('2026-01-01T00:00:00Z');
const FIXTURE = readFileSync(fileURLToPath(new URL('../fixtures/synthetic-reykjavik.cable', import.meta.url)), 'utf8');
const MINE = new Set(headerRules.map((r) => r.id));

/** The fixture without its page marker: a transmitted cable (the fixture itself is `published`). */
const TRANSMITTED = FIXTURE.replace('REYKJAVIK 00000457  002 OF 002\n\n', '');

function run(text: string, options: LintOptions = {}) {
  return lint(text, { now: NOW, ...options });
}

function of(text: string, ruleId: string, options: LintOptions = {}): Diagnostic[] {
  return run(text, options).diagnostics.filter((d) => d.ruleId === ruleId);
}

function one(text: string, ruleId: string, options: LintOptions = {}): Diagnostic {
  const ds = of(text, ruleId, options);
  assert.equal(ds.length, 1, `expected one ${ruleId}, got ${JSON.stringify(ds.map((d) => d.message))}`);
  return ds[0]!;
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture lacks ${from}`);
  return text.replace(from, to);
}

/** Applies a fix's edits (non-overlapping), last first so offsets stay valid. */
function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

function applyAll(text: string, fixes: Fix[]): string {
  return applyFix(text, { title: 'all', edits: fixes.flatMap((f) => f.edits), safe: true });
}

const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);

describe('header rules: valid cable', () => {
  it('the synthetic cable yields no header diagnostic, published and transmitted', () => {
    for (const text of [FIXTURE, TRANSMITTED]) {
      const r = run(text);
      assert.deepEqual(
        r.diagnostics.filter((d) => MINE.has(d.ruleId)).map((d) => `${d.ruleId} ${d.message}`),
        [],
      );
    }
    assert.equal(run(FIXTURE).profile, 'published');
    assert.equal(run(TRANSMITTED).profile, 'transmitted');
  });

  it('catalogue lists the rules in id order with the spec names', () => {
    assert.deepEqual(
      headerRules.map((r) => `${r.id} ${r.name}`),
      [
        'CBL050 header-order',
        'CBL060 tags-required',
        'CBL061 tags-known',
        'CBL062 tags-geographic',
        'CBL063 tags-subject',
        'CBL064 tags-hygiene',
        'CBL065 field-keyword',
        'CBL070 subject-required',
        'CBL071 subject-uppercase',
        'CBL075 ref-lettering',
        'CBL076 ref-citation',
      ],
    );
  });
});

describe('CBL050 header-order', () => {
  it('reports TAGS after SUBJECT', () => {
    const text = replaceOnce(
      FIXTURE,
      'TAGS: PREL ENRG EINV IC DA NO\nSUBJECT: ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC\nINTEREST, AND SOME DOUBTS\n',
      'SUBJECT: ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC\nINTEREST, AND SOME DOUBTS\nTAGS: PREL ENRG EINV IC DA NO\n',
    );
    const d = one(text, 'CBL050');
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 21);
    assert.equal(d.range.start.character, 0);
    assert.match(d.message, /TAGS follows SUBJECT: expected TAGS before SUBJECT/);
  });

  it('REF after Classified By is info', () => {
    const text = replaceOnce(
      TRANSMITTED,
      'REF: A. REYKJAVIK 412\n     B. 07 REYKJAVIK 1188\n     C. STATE 50123\n\nClassified By: Ambassador Jane Q. Example for reasons 1.4 (b)\nand (d).\n',
      'Classified By: Ambassador Jane Q. Example for reasons 1.4 (b)\nand (d).\n\nREF: A. REYKJAVIK 412\n     B. 07 REYKJAVIK 1188\n     C. STATE 50123\n',
    );
    const d = one(text, 'CBL050');
    assert.equal(d.severity, 'info');
    assert.equal(d.range.start.line, 26);
    assert.match(d.message, /REF follows Classified By/);
  });

  it('passes the canonical order', () => {
    assert.deepEqual(of(TRANSMITTED, 'CBL050'), []);
  });
});

describe('CBL060 tags-required', () => {
  const noTags = replaceOnce(TRANSMITTED, 'TAGS: PREL ENRG EINV IC DA NO\n', '');

  it('is an error in a transmitted cable, reported at the E.O. line', () => {
    const d = one(noTags, 'CBL060');
    assert.equal(d.severity, 'error');
    assert.equal(d.range.start.line, 18);
    assert.match(d.message, /no TAGS line: expected `TAGS:`/);
  });

  it('is info in a published copy', () => {
    const d = one(replaceOnce(FIXTURE, 'TAGS: PREL ENRG EINV IC DA NO\n', ''), 'CBL060');
    assert.equal(d.severity, 'info');
  });

  it('passes with a TAGS line, also glued into a reflowed header', () => {
    assert.deepEqual(of(TRANSMITTED, 'CBL060'), []);
    const glued = replaceOnce(
      TRANSMITTED,
      'E.O. 12958: DECL: 05/14/2018\nTAGS: PREL',
      'E.O. 12958: DECL: 05/14/2018 TAGS: PREL',
    );
    assert.deepEqual(of(glued, 'CBL060'), []);
    assert.deepEqual(of(glued, 'CBL061'), []);
  });
});

describe('CBL061 tags-known', () => {
  const withTags = (tags: string) => replaceOnce(TRANSMITTED, 'TAGS: PREL ENRG EINV IC DA NO', `TAGS: ${tags}`);

  it('reports an unknown code with its nearest codes', () => {
    const d = one(withTags('PREL ENRG QZXV IC DA NO'), 'CBL061');
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 19);
    assert.equal(d.range.start.character, 16);
    assert.equal(d.range.end.character, 20);
    assert.match(d.message, /unknown TAGS code QZXV/);
  });

  it('reports a misspelt code even when the corpus has seen it, with a safe single fix', () => {
    for (const bad of ['PRELL', 'PGOVE']) {
      const text = withTags(`${bad} ENRG EINV IC DA NO`);
      const d = one(text, 'CBL061');
      assert.match(d.message, new RegExp(`${bad} is not a known code: expected`));
      assert.equal(d.range.start.character, 6);
      const fix = d.fixes?.[0];
      assert.ok(fix);
      const fixed = applyFix(text, fix);
      assert.deepEqual(of(fixed, 'CBL061'), []);
      assert.equal(words(fixed).length, words(text).length);
    }
  });

  it('accepts known, corpus-seen, personal and free-word tokens', () => {
    for (const tags of [
      'PREL KTIA EINV IC',
      'OVIP (CLINTON, HILLARY), PREL, IC',
      'OVIP RICE CONDOLEEZZA KISL PGOV PHUM LE',
      'PHUM PREL IT HUMAN RIGHTS',
      'PREL PGOV IT ITALY NATIONAL ELECTIONS',
      'pgov, prel, econ, epet, pinr, marr, snar, kz',
      'ovip (steinberg, james b.), prel, parm, pgov, econ,',
      'PREL, MOPS, KJUS, IT, IZ, IRAQI FREEDOM',
      'PREL PGOV RU EU APECO AU-1',
    ]) {
      assert.deepEqual(of(withTags(tags), 'CBL061').map((d) => d.message), [], tags);
    }
  });

  it('leaves run-together tokens to CBL064', () => {
    assert.deepEqual(of(withTags('PHUMPGOV IC'), 'CBL061'), []);
  });
});

describe('CBL062 tags-geographic', () => {
  it('reports a list without a country or organization', () => {
    const text = replaceOnce(TRANSMITTED, 'TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PREL ENRG EINV');
    const d = one(text, 'CBL062');
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 19);
    assert.equal(d.range.start.character, 6);
    assert.match(d.message, /no geographic or organization tag/);
    assert.match(d.message, /found PREL ENRG EINV/);
  });

  it('accepts an organization tag', () => {
    const text = replaceOnce(TRANSMITTED, 'TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PREL ENRG NATO');
    assert.deepEqual(of(text, 'CBL062'), []);
  });
});

describe('CBL063 tags-subject', () => {
  it('reports a list without a subject or program tag', () => {
    const text = replaceOnce(TRANSMITTED, 'TAGS: PREL ENRG EINV IC DA NO', 'TAGS: IC DA NO');
    const d = one(text, 'CBL063');
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 19);
    assert.match(d.message, /no subject or program tag/);
  });

  it('accepts a program tag', () => {
    const text = replaceOnce(TRANSMITTED, 'TAGS: PREL ENRG EINV IC DA NO', 'TAGS: KCRM IC');
    assert.deepEqual(of(text, 'CBL063'), []);
  });
});

describe('CBL064 tags-hygiene', () => {
  it('splits run-together codes with a safe fix', () => {
    const text = replaceOnce(TRANSMITTED, 'TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PHUMPGOV ENRG EINV IC DA NO');
    const d = one(text, 'CBL064');
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 19);
    assert.equal(d.range.start.character, 6);
    assert.equal(d.range.end.character, 14);
    assert.match(d.message, /PHUMPGOV runs known codes together: expected PHUM PGOV/);
    assert.equal(d.fixes?.[0]?.safe, true);
    const fixed = applyFix(text, d.fixes![0]!);
    assert.match(fixed, /TAGS: PHUM PGOV ENRG EINV IC DA NO/);
    assert.deepEqual(of(fixed, 'CBL064'), []);
  });

  it('keeps the list separator when splitting', () => {
    const text = replaceOnce(TRANSMITTED, 'TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PREL, KWMNCS');
    const d = one(text, 'CBL064');
    assert.match(applyFix(text, d.fixes![0]!), /TAGS: PREL, KWMN, CS\n/);
  });

  it('reports a repeated tag as info and removes it', () => {
    const text = replaceOnce(TRANSMITTED, 'TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PREL ENRG PREL IC DA NO');
    const d = one(text, 'CBL064');
    assert.equal(d.severity, 'info');
    assert.equal(d.range.start.character, 16);
    assert.match(d.message, /PREL is repeated/);
    const fixed = applyFix(text, d.fixes![0]!);
    assert.match(fixed, /TAGS: PREL ENRG IC DA NO\n/);
    assert.deepEqual(of(fixed, 'CBL064'), []);
  });

  it('fix-all removes every repeat and splits a repeated run-together token once', () => {
    const text = replaceOnce(TRANSMITTED, 'TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PREL, PREL, VTPREL, VTPREL, IC');
    const ds = of(text, 'CBL064');
    assert.deepEqual(ds.map((d) => d.severity), ['info', 'warning', 'info']);
    const fixed = applyAll(text, ds.flatMap((d) => d.fixes ?? []));
    assert.match(fixed, /TAGS: PREL, VT, PREL, IC\n/);
  });

  it('passes a clean list', () => {
    assert.deepEqual(of(TRANSMITTED, 'CBL064'), []);
  });
});

describe('CBL070 subject-required', () => {
  const noSubject = replaceOnce(
    TRANSMITTED,
    'SUBJECT: ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC\nINTEREST, AND SOME DOUBTS\n',
    '',
  );

  it('is an error in a transmitted cable, reported after TAGS', () => {
    const d = one(noSubject, 'CBL070');
    assert.equal(d.severity, 'error');
    assert.equal(d.range.start.line, 19);
    assert.match(d.message, /no SUBJECT line: expected `SUBJECT:`/);
  });

  it('is info in a published copy', () => {
    const text = replaceOnce(FIXTURE, 'SUBJECT: ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC\nINTEREST, AND SOME DOUBTS\n', '');
    assert.equal(one(text, 'CBL070').severity, 'info');
  });

  it('accepts SUBJ: and mixed case', () => {
    const text = replaceOnce(TRANSMITTED, 'SUBJECT: ICELAND:', 'Subj: ICELAND:');
    assert.deepEqual(of(text, 'CBL070'), []);
  });
});

describe('CBL071 subject-uppercase', () => {
  const mixed = replaceOnce(
    TRANSMITTED,
    'SUBJECT: ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC\nINTEREST, AND SOME DOUBTS',
    'SUBJECT: Iceland: geothermal export plan draws Nordic\ninterest, and some doubts',
  );

  it('reports lower-case letters and upper-cases them', () => {
    const d = one(mixed, 'CBL071');
    assert.equal(d.severity, 'info');
    assert.equal(d.range.start.line, 20);
    assert.equal(d.range.start.character, 9);
    assert.equal(d.range.end.line, 21);
    assert.match(d.message, /lower-case letters \(Iceland:\): expected upper case/);
    const fixed = applyFix(mixed, d.fixes![0]!);
    assert.equal(fixed, TRANSMITTED);
    assert.deepEqual(of(fixed, 'CBL071'), []);
  });

  it('passes an upper-case subject', () => {
    assert.deepEqual(of(TRANSMITTED, 'CBL071'), []);
  });
});

describe('CBL075 ref-lettering', () => {
  it('reports a skipped letter', () => {
    const text = replaceOnce(TRANSMITTED, '     C. STATE 50123', '     D. STATE 50123');
    const d = one(text, 'CBL075');
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 25);
    assert.equal(d.range.start.character, 5);
    assert.match(d.message, /REF item D\. skips a letter: expected C\./);
  });

  it('reports a change of style', () => {
    const text = replaceOnce(TRANSMITTED, '     B. 07 REYKJAVIK 1188', '     B) 07 REYKJAVIK 1188');
    const d = one(text, 'CBL075');
    assert.equal(d.range.start.line, 24);
    assert.match(d.message, /REF item B\) is lettered in another style: expected B\./);
  });

  it('accepts a single unlettered reference and (A) style', () => {
    const single = replaceOnce(
      TRANSMITTED,
      'REF: A. REYKJAVIK 412\n     B. 07 REYKJAVIK 1188\n     C. STATE 50123\n',
      'REF: STATE 50123\n',
    );
    assert.deepEqual(of(single, 'CBL075'), []);
    const enclosed = replaceOnce(
      TRANSMITTED,
      'REF: A. REYKJAVIK 412\n     B. 07 REYKJAVIK 1188\n     C. STATE 50123\n',
      'REF: (A) REYKJAVIK 412\n     (B) 07 REYKJAVIK 1188\n     (C) STATE 50123\n',
    );
    assert.deepEqual(of(enclosed, 'CBL075'), []);
  });
});

describe('CBL076 ref-citation', () => {
  it('reports a letter that is not in the list', () => {
    const text = replaceOnce(TRANSMITTED, 'described in REF B.', 'described in REFS B AND D.');
    const d = one(text, 'CBL076');
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 36);
    assert.equal(d.range.start.character, 'following the feasibility study described in REFS B AND '.length);
    assert.match(d.message, /REF D is cited but not in the REF list: expected one of A, B, C/);
  });

  it('REF A with a single unlettered reference is info', () => {
    const text = replaceOnce(
      TRANSMITTED,
      'REF: A. REYKJAVIK 412\n     B. 07 REYKJAVIK 1188\n     C. STATE 50123\n',
      'REF: REYKJAVIK 412\n',
    ).replace('described in REF B.', 'described in REFTEL.');
    const d = one(text, 'CBL076');
    assert.equal(d.severity, 'info');
    assert.equal(d.range.start.line, 29);
    assert.match(d.message, /only reference is not lettered/);
  });

  it('letters against an unlettered list of several references are info; a truncated list is silent', () => {
    const several = replaceOnce(
      TRANSMITTED,
      'REF: A. REYKJAVIK 412\n     B. 07 REYKJAVIK 1188\n     C. STATE 50123\n',
      'REF: REYKJAVIK 412; 07 REYKJAVIK 1188\n',
    );
    const ds = of(several, 'CBL076');
    assert.deepEqual(ds.map((d) => [d.severity, d.range.start.line]), [['info', 29], ['info', 34]]);
    // `REF A` resolves to the first item, which runs two cables together: not "the only reference".
    assert.match(ds[0]!.message, /REF A is cited but the REF list is not lettered/);
    assert.match(ds[1]!.message, /REF B is cited but the REF list is not lettered/);
    const truncated = replaceOnce(TRANSMITTED, '     C. STATE 50123\n', '     C. STATE 50...\n').replace(
      'described in REF B.',
      'described in REF D.',
    );
    assert.deepEqual(of(truncated, 'CBL076'), []);
  });

  it('passes cited letters that exist, and ignores prose', () => {
    assert.deepEqual(of(TRANSMITTED, 'CBL076'), []);
    const prose = replaceOnce(
      TRANSMITTED,
      'described in REF B.',
      'described in REF B AND I WOULD NOTE THE REFORM; see ref a and REFTEL PARA 2 (REF A), P/E CHIEF.',
    );
    assert.deepEqual(of(prose, 'CBL076'), []);
  });
});

describe('findRefCitations', () => {
  it('returns each cited letter with its exact range and item', () => {
    const cable = parseCable(FIXTURE);
    const cites = findRefCitations(cable);
    assert.deepEqual(
      cites.map((c) => [c.letter, c.range.start.line, c.range.start.character, c.range.end.character, c.item?.target.text]),
      [
        ['A', 31, 'geothermal drilling services to two Nordic neighbors (REF '.length, 'geothermal drilling services to two Nordic neighbors (REF A'.length, 'REYKJAVIK 412'],
        ['B', 36, 'following the feasibility study described in REF '.length, 'following the feasibility study described in REF B'.length, '07 REYKJAVIK 1188'],
      ],
    );
  });

  it('reads lists, ranges and wrapped citations', () => {
    const text = replaceOnce(FIXTURE, 'described in REF B.', 'described in REFS A, B\nAND C (REFTELS A-C).');
    const cites = findRefCitations(parseCable(text));
    assert.deepEqual(
      cites.map((c) => c.letter),
      ['A', 'A', 'B', 'C', 'A', 'C'],
    );
    assert.ok(cites.every((c) => c.item));
  });

  it('counts lower-case letters only with a lower-case list', () => {
    const lower = replaceOnce(
      FIXTURE,
      'REF: A. REYKJAVIK 412\n     B. 07 REYKJAVIK 1188\n     C. STATE 50123\n',
      'Ref: a. REYKJAVIK 412\n     b. 07 REYKJAVIK 1188\n     c. STATE 50123\n',
    ).replace('described in REF B.', 'described in ref b.');
    const cites = findRefCitations(parseCable(lower));
    assert.deepEqual(cites.map((c) => [c.letter, c.item?.letter]), [['A', 'A'], ['B', 'B']]);
    const upper = replaceOnce(FIXTURE, 'described in REF B.', 'described in ref b.');
    assert.deepEqual(findRefCitations(parseCable(upper)).map((c) => c.letter), ['A']);
  });
});
