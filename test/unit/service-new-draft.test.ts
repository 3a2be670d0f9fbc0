/**
 * New draft (server/src/service/new-draft.ts): the skeleton for each classification lints clean
 * under the engine with every rule on, for any answers the questions accept; the DECL date is ten
 * years out by default and never past 25; bad answers get a one-line error.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { lint } from '../../server/src/lint';
import { allRules } from '../../server/src/rules/index';
import {
  draftSnippets,
  newDraft,
  newDraftChoices,
  readNewDraftRequest,
  type DraftClassification,
  type NewDraft,
} from '../../server/src/service/new-draft';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TODAY = new Date(Date.UTC(2026, 11, 6));
const LEVELS: DraftClassification[] = ['UNCLASSIFIED', 'SBU', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];
/** Every rule on, the off-by-default ones included: the skeleton satisfies them all. */
const EVERY_RULE = Object.fromEntries(allRules.map((r) => [r.id, 'info' as const]));

function draftOf(params: unknown, today = TODAY): NewDraft {
  const a = newDraft(params, today);
  assert.ok('draft' in a, 'error' in a ? a.error : '');
  return a.draft;
}

function findings(text: string, today = TODAY, rules: typeof EVERY_RULE | undefined = EVERY_RULE): string[] {
  const r = lint(text, { now: today, ...(rules ? { rules } : {}) });
  return r.diagnostics.map((d) => `${d.ruleId} ${d.range.start.line + 1}: ${d.message}`);
}

/** The snippet with every tab stop at its default: what a client shows before the user types. */
function expandSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === '\\') {
      out += snippet[++i];
    } else if (c === '$' && snippet[i + 1] === '{') {
      const close = snippet.indexOf('}', i);
      out += snippet.slice(snippet.indexOf(':', i) + 1, close).replace(/\\(.)/g, '$1');
      i = close;
    } else if (c === '$' && /\d/.test(snippet[i + 1]!)) {
      i++;
    } else out += c;
  }
  return out;
}

const REQUEST = { post: 'Dushanbe', tags: ['PGOV', 'PREL', 'TI'], subject: 'Tajikistan: parliament passes the 2027 budget' };

describe('new draft: the skeleton', () => {
  for (const classification of LEVELS) {
    it(`${classification}: lints clean, every rule on, under the draft profile`, () => {
      const d = draftOf({ ...REQUEST, classification });
      const r = lint(d.text, { now: TODAY, rules: EVERY_RULE });
      assert.equal(r.profile, 'draft');
      assert.deepEqual(findings(d.text), []);
      assert.equal(expandSnippet(d.snippet), d.text, 'the snippet at its defaults is the text');
    });
  }

  it('writes a CONFIDENTIAL draft as a drafter would', () => {
    const d = draftOf({ ...REQUEST, classification: 'CONFIDENTIAL' });
    assert.equal(
      d.text,
      [
        'C O N F I D E N T I A L DUSHANBE 000000',
        '',
        'SIPDIS',
        '',
        'E.O. 13526: DECL: 12/06/2036',
        'TAGS: PGOV PREL TI',
        'SUBJECT: TAJIKISTAN: PARLIAMENT PASSES THE 2027 BUDGET',
        '',
        'Classified By: NAME, TITLE, for reasons 1.4 (b) and (d).',
        '',
        '1. (C) SUMMARY: The main point in two or three sentences.',
        'END SUMMARY.',
        '',
        '2. (C) The details, one paragraph for each point.',
        '',
        'SURNAME',
        '',
      ].join('\n'),
    );
    assert.equal(d.declassifyOn, '2036-12-06');
    // Tab stops: the serial, the DECL date, the classifying official, both paragraphs, the signature.
    assert.deepEqual(
      [...d.snippet.matchAll(/\$\{(\d+):([^}]*)\}/g)].map((m) => [m[1], m[2]]),
      [
        ['1', '000000'],
        ['2', '12/06/2036'],
        ['3', 'NAME, TITLE'],
        ['4', 'The main point in two or three sentences.'],
        ['5', 'The details, one paragraph for each point.'],
        ['6', 'SURNAME'],
      ],
    );
  });

  it('marks paragraphs only where the level needs it: none UNCLAS, (SBU) with SENSITIVE, (S), (TS) without SIPDIS', () => {
    const lines = (c: DraftClassification) => draftOf({ ...REQUEST, classification: c }).text.split('\n');
    assert.ok(lines('UNCLASSIFIED').includes('1. SUMMARY: The main point in two or three sentences.'));
    assert.ok(lines('UNCLASSIFIED').includes('E.O. 13526: N/A'));
    assert.ok(!lines('UNCLASSIFIED').some((l) => l.startsWith('Classified By')));
    assert.deepEqual(lines('SBU').slice(0, 5), ['UNCLAS DUSHANBE 000000', '', 'SENSITIVE', 'SIPDIS', '']);
    assert.ok(lines('SBU').includes('2. (SBU) The details, one paragraph for each point.'));
    assert.ok(lines('SECRET').includes('1. (S) SUMMARY: The main point in two or three sentences.'));
    assert.deepEqual(lines('TOP SECRET').slice(0, 3), ['T O P S E C R E T DUSHANBE 000000', '', 'E.O. 13526: DECL: 12/06/2036']);
  });

  it('computes DECL ten years out by default, as asked up to 25, never past', () => {
    const decl = (years: number | undefined, today = TODAY) =>
      draftOf({ ...REQUEST, classification: 'SECRET', ...(years === undefined ? {} : { declassifyAfterYears: years }) }, today).declassifyOn;
    assert.equal(decl(undefined), '2036-12-06');
    assert.equal(decl(25), '2051-12-06');
    assert.equal(decl(1), '2027-12-06');
    // 29 February ten years on is not a day: the 28th, still within the horizon.
    const leap = new Date(Date.UTC(2028, 1, 29));
    assert.equal(decl(25, leap), '2053-02-28');
    assert.deepEqual(findings(draftOf({ ...REQUEST, classification: 'SECRET', declassifyAfterYears: 25 }, leap).text, leap), []);
    for (const years of [0, 26, 10.5, '10']) {
      const a = newDraft({ ...REQUEST, classification: 'SECRET', declassifyAfterYears: years }, TODAY);
      assert.ok('error' in a && /^declassifyAfterYears: expected a whole number of years from 1 to 25$/.test(a.error), String(years));
    }
  });

  it('wraps a long TAGS list, subject and reason list to 69 characters and still lints clean', () => {
    const tags = ['PREL', 'PGOV', 'ECON', 'EFIN', 'ETRD', 'ENRG', 'EINV', 'SENV', 'KDEM', 'PHUM', 'KWMN', 'TI', 'AF', 'RS', 'CH', 'UZ', 'KG', 'KZ', 'TX', 'IR', 'NATO'];
    const subject = 'Tajikistan: the president, the parliament and the opposition argue for a week over a budget that donors say hides the cost of the dam';
    const d = draftOf({ classification: 'SECRET', post: 'dushanbe', tags, subject, reasons: ['h', 'a', 'b', 'c', 'd', 'e', 'f', 'g'] });
    assert.ok(d.text.split('\n').every((l) => l.length <= 69), d.text);
    assert.ok(d.text.includes('for reasons 1.4 (a), (b), (c), (d), (e),\n(f), (g) and (h).'));
    assert.deepEqual(findings(d.text), []);
  });

  it('lints clean for any answers the questions accept (property, 300 runs)', () => {
    const choices = newDraftChoices(TODAY);
    const subjects = choices.tags.filter((t) => t.group === 'subject').map((t) => t.code);
    const geos = choices.tags.filter((t) => t.group === 'geographic').map((t) => t.code);
    const others = choices.tags.filter((t) => t.group === 'organization').map((t) => t.code);
    // Random words, and words that would read as something else at the start of a line.
    const risky = ['1.', '12.', 'TO', 'INFO', 'REF:', 'REFTEL', 'CLASSIFIED', 'BY', 'E.O.', '13526', 'TAGS', 'SUBJECT:', 'NNNN', 'VZCZC', 'A.', '(A)', 'B)', 'END', 'SUMMARY:', 'COMMENT:', 'NOTE:', 'PAGE', '02', 'OF', 'SECTION', 'SIPDIS', 'NOFORN', '-', '(C)', 'SECRET', 'DECL:', 'FM', 'DE', 'RUEHC', 'BT'];
    const word = fc.oneof(fc.stringMatching(/^[\x21-\x7e]{1,14}$/), fc.constantFrom(...risky));
    const KEYWORD = /(?:^|[^A-Z])(?:TAGS?[:\s]|TAGS$|SUBJ(?:ECT)?\s*:|REF(?:S|TELS?)?\s*:|CLASSIFIED\s+BY)|(?:^|\s)1\.\s+\(/;
    let refused = 0;
    const day = fc.date({ min: new Date(Date.UTC(2011, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.constantFrom(...LEVELS),
        fc.oneof(fc.constantFrom(...choices.posts.map((p) => p.post)), fc.stringMatching(/^[A-Z][A-Z .'-]{0,20}[A-Z]$/)),
        fc.uniqueArray(fc.constantFrom(...subjects), { minLength: 1, maxLength: 6 }),
        fc.uniqueArray(fc.constantFrom(...geos), { minLength: 1, maxLength: 6 }),
        fc.uniqueArray(fc.constantFrom(...others), { maxLength: 3 }),
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 25 }),
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { minLength: 1, maxLength: 8 }),
        day,
        (classification, post, s, g, o, words, years, reasons, today) => {
          const tags = [...s, ...g, ...o];
          const params = { classification, post, tags, subject: words.join(' '), declassifyAfterYears: years, reasons };
          const a = newDraft(params, today);
          if ('error' in a) {
            // Refused, never drafted badly, and only for a subject with no words, a backslash, or a
            // field keyword the format reads.
            const subject = params.subject.toUpperCase();
            if (/^subject: it holds words/.test(a.error)) assert.match(subject, KEYWORD, JSON.stringify(params));
            else if (/^subject: `\\`/.test(a.error)) assert.ok(subject.includes('\\'));
            else assert.equal(a.error, 'subject: expected words, not only punctuation', JSON.stringify(params));
            refused++;
            return;
          }
          assert.deepEqual(findings(a.draft.text, today), [], `${JSON.stringify(params)} on ${today.toISOString()}\n${a.draft.text}`);
          assert.equal(expandSnippet(a.draft.snippet), a.draft.text);
          const cable = lint(a.draft.text, { now: today }).cable;
          assert.deepEqual(cable.tags.flatMap((t) => t.tags.map((x) => x.text.replace(/,$/, ''))), tags, 'the TAGS read back');
        },
      ),
      { numRuns: 300, seed: 18 },
    );
    assert.ok(refused < 150, `${refused} of 300 refused: the property would test little`);
  });
});

describe('new draft: the answers', () => {
  const error = (params: Record<string, unknown>) => {
    const r = readNewDraftRequest({ ...REQUEST, classification: 'CONFIDENTIAL', ...params });
    return 'error' in r ? r.error : undefined;
  };

  it('requires a subject tag and a geographic tag, each known and current', () => {
    assert.match(error({ tags: ['TI', 'AF'] })!, /^tags: pick at least one subject tag/);
    assert.match(error({ tags: ['PREL', 'NATO'] })!, /^tags: pick at least one geographic tag/);
    assert.equal(error({ tags: ['PREL', 'QZXV', 'TI'] }), 'tags: QZXV is not a known TAGS code');
    assert.equal(error({ tags: ['PREL', 'GE'] }), 'tags: GE is a historic code (Germany (East), 1974 handbook); it has no meaning on a draft of today');
    assert.equal(error({ tags: ['kwmn', 'ti'] }), undefined);
  });

  it('refuses what a banner or the telegraphic set cannot carry, in one line', () => {
    assert.equal(error({ classification: 'RESTRICTED' }), 'classification: expected one of UNCLASSIFIED, SBU, CONFIDENTIAL, SECRET, TOP SECRET');
    assert.match(error({ post: 'DUSHANBE 2' })!, /^post: "DUSHANBE 2" is not a post as a banner writes it/);
    assert.equal(error({ subject: '   ' }), 'subject: the subject line is empty');
    assert.equal(error({ subject: 'Tajikistan’s budget' }), 'subject: U+2019 is outside the telegraphic character set (plain ASCII)');
    assert.match(error({ subject: 'A\nB' }) ?? 'accepted', /^accepted$/, 'a line break is a space');
    assert.equal(error({ reasons: ['b', 'k'] }), 'reasons: k is not a section 1.4 reason (a-h)');
    assert.equal(readNewDraftRequest(null).hasOwnProperty('error'), true);
    assert.equal(readNewDraftRequest([1]).hasOwnProperty('error'), true);
    for (const bad of [undefined, 7, 'x', { tags: 'PREL' }]) {
      const a = newDraft(bad, TODAY);
      assert.ok('error' in a && !a.error.includes('\n'), JSON.stringify(bad));
    }
    assert.deepEqual(newDraft({ ...REQUEST, classification: 'SECRET' }, new Date(Number.NaN)), { error: 'today: not a valid date' });
  });

  it('offers the levels, the posts and the TAGS codes in use today, subject tags first, each with its meaning', () => {
    const c = newDraftChoices(TODAY);
    assert.deepEqual(c.classifications.map((l) => l.id), LEVELS);
    assert.ok(c.posts.some((p) => p.post === 'DUSHANBE' && p.fmLine === 'AMEMBASSY DUSHANBE'));
    assert.ok(c.posts.some((p) => p.post === 'NEW DELHI'));
    const tag = (code: string) => c.tags.find((t) => t.code === code);
    assert.deepEqual(tag('KWMN'), { code: 'KWMN', kind: 'program', meaning: "Women's issues", sourceName: 'current table', status: 'secondary', group: 'subject', corpusCount: 20 });
    assert.equal(tag('ABLD')?.sourceName, '5 FAH-3, 2022');
    // Known but not offered: 1974-only codes and the historic ones.
    assert.equal(tag('PFOR'), undefined);
    assert.equal(tag('GE'), undefined);
    assert.equal(c.tags[0]!.group, 'subject');
    assert.equal(c.tags.at(-1)!.group, 'organization');
    const groups = c.tags.map((t) => t.group);
    assert.deepEqual([...new Set(groups)], ['subject', 'geographic', 'organization'], 'grouped, in this order');
  });
});

describe('new draft: snippets (contributes.snippets)', () => {
  it('snippets/cable.code-snippets is what the service gives (npm run snippets)', () => {
    const committed = JSON.parse(readFileSync(join(root, 'snippets', 'cable.code-snippets'), 'utf8'));
    assert.deepEqual(committed, draftSnippets());
  });

  it('each snippet, its tab stops filled, lints clean', () => {
    for (const [name, s] of Object.entries(draftSnippets())) {
      const body = s.body
        .join('\n')
        .replace('$CURRENT_MONTH', '12')
        .replace('$CURRENT_DATE', '06')
        .replace('${1:POST}', 'DUSHANBE')
        .replace(/\$\{\d+:YYYY\}/, '2036')
        .replace(/\$\{\d+:PREL PGOV XX\}/, 'PREL PGOV TI')
        .replace(/\$\{\d+:COUNTRY: WHAT HAPPENED\}/, 'TAJIKISTAN: BUDGET PASSES');
      assert.deepEqual(findings(expandSnippet(body)), [], `${name}\n${expandSnippet(body)}`);
    }
  });
});

describe('new draft: package.json contributions', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const c = pkg.contributes;

  it('declares the command, activates on it, and lists it under File > New File', () => {
    assert.deepEqual(c.commands.find((x: { command: string }) => x.command === 'cableLint.newDraft'), { command: 'cableLint.newDraft', title: 'New draft', category: 'cable-lint' });
    assert.ok(pkg.activationEvents.includes('onCommand:cableLint.newDraft'));
    assert.deepEqual(c.menus['file/newFile'], [{ command: 'cableLint.newDraft', group: 'file' }]);
    const years = c.configuration.properties['cableLint.newDraft.declassifyAfterYears'];
    assert.deepEqual([years.type, years.default, years.minimum, years.maximum], ['integer', 10, 1, 25]);
  });

  it('points the snippets and every walkthrough step at files that exist, and its links at declared commands', () => {
    assert.deepEqual(c.snippets, [{ language: 'cable', path: './snippets/cable.code-snippets' }]);
    const [walkthrough] = c.walkthroughs;
    assert.equal(walkthrough.title, 'Getting started with cable-lint');
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['newDraft', 'hover', 'problems']);
    const builtIn = ['workbench.actions.view.problems', 'editor.action.showHover'];
    const declared = new Set([...c.commands.map((x: { command: string }) => x.command), ...builtIn]);
    for (const step of walkthrough.steps as { id: string; description: string; media: { markdown: string }; completionEvents: string[] }[]) {
      assert.ok(existsSync(join(root, step.media.markdown)), step.media.markdown);
      for (const m of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(declared.has(m[1]!), `${step.id}: ${m[1]}`);
      for (const e of step.completionEvents) assert.ok(declared.has(e.replace(/^onCommand:/, '')), `${step.id}: ${e}`);
    }
    // The walkthrough's draft is what the command writes on the day it shows.
    const page = readFileSync(join(root, 'docs/walkthrough/new-draft.md'), 'utf8');
    const shown = /```text\n([\s\S]*?)```/.exec(page)![1]!;
    const d = draftOf({ classification: 'CONFIDENTIAL', post: 'DUSHANBE', tags: ['PGOV', 'PREL', 'TI'], subject: 'TAJIKISTAN: PARLIAMENT PASSES THE BUDGET' });
    assert.equal(shown, d.text);
  });
});
