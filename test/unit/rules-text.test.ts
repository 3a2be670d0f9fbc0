import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCable } from '../../grammar/src/index';
import { lint } from '../../server/src/lint';
import type { Diagnostic } from '../../server/src/engine/types';
import { applyEdits, fixAll } from '../../server/src/service/index';

/**
 * Paragraph and portion-mark rules on excerpts modelled on real sent cables that the engine
 * used to flag wrongly (false-positive triage of the public corpus), next to the defect each
 * rule must still catch.
 */

const NOW = new Date('2026-01-01T00:00:00Z');
const HEAD = [
  'C O N F I D E N T I A L MADRID 000707',
  '',
  'SIPDIS',
  '',
  'E.O. 12958: DECL: 06/24/2018',
  'TAGS: ECON SP',
  'SUBJECT: ZAPATERO ANNOUNCES 21 REFORMS',
  '',
  'Classified By: DCM Hugo Llorens for reasons 1.4(b),(d)',
  '',
].join('\n');

function diags(body: string, rule: string): Diagnostic[] {
  return lint(`${HEAD}\n${body}`, { now: NOW }).diagnostics.filter((d) => d.ruleId === rule);
}
const numbers = (body: string) => parseCable(`${HEAD}\n${body}`).paragraphs;
const lineOf = (body: string, needle: string) => `${HEAD}\n${body}`.split('\n').findIndex((l) => l.includes(needle));

describe('CBL090 portion-mark-required: corpus forms that carry a mark', () => {
  it('finds the mark after a doubled full stop, a `Summary.` label and a `KEY POINTS --` label', () => {
    for (const first of [
      '3.. (C) All elections within Europe have an EU dimension.', // 05PARIS4760
      '3. Summary.  (C) On April 1, A/S Shannon met the minister.', // 09STATE35745
      '3.KEY POINTS -- (C) On June 7, IO A/S Brimmer told the MFA.', // 09CAIRO1139
      '3. Key Points: -- (C) Egypt has increased its efforts.', // 09CAIRO1377
    ]) {
      const body = `1. (C) Text.\n\n2. (C) Text.\n\n${first}\n`;
      assert.deepEqual(diags(body, 'CBL090'), [], first);
      assert.equal(numbers(body)[2]!.portionMark?.level, 'C', first);
    }
  });

  it('reads a mark longer than 80 characters (08STATE98975)', () => {
    const body = '1. (C) Text.\n\n2.(S/REL BULGARIA, CZECH REPUBLIC, ITALY, POLAND, ROMANIA, SLOVAKIA, SLOVENIA, SPAIN) Washington requests.\n';
    assert.equal(numbers(body)[1]!.portionMark?.level, 'S');
    assert.deepEqual(diags(body, 'CBL090'), []);
  });

  it('leaves mistyped marks `(SE)`, `(N/SF)`, `( C)` to CBL092 (09CARACAS1443, 09KABUL1892, 09MONTERREY14)', () => {
    for (const mark of ['(SE)', '(N/SF)', '( C)']) {
      const body = `1. (C) Text.\n\n2. ${mark} Chavez's comments follow.\n`;
      assert.deepEqual(diags(body, 'CBL090'), [], mark);
      const [d] = diags(body, 'CBL092');
      assert.equal(d?.range.start.line, lineOf(body, mark), mark);
    }
    // A topic in parentheses is not a mark: that paragraph really is unmarked.
    assert.equal(diags('1. (C) Text.\n\n2. (EU) The Council met.\n', 'CBL090').length, 1);
  });

  it('exempts a redaction run in parentheses where the mark was (09STATE53356)', () => {
    assert.deepEqual(diags('1. (C) Text.\n\n2. (XXXXXXXXXXXX\n3. (U) A word version of this document will be posted.\n', 'CBL090'), []);
    assert.deepEqual(diags('1. (C) Text.\n\n2. (XXXXXXXXXXXX) told us the minister would resign.\n', 'CBL090'), []);
    // 09BEIJING1970: the run ate the closing parenthesis.
    assert.deepEqual(diags('1. (C) Text.\n\n2. (C XXXXXXXXXXXX, too, asserted that reform is slow.\n', 'CBL090'), []);
  });

  it('exempts numbered headings over a dashed rule or over marked bullets (06VIENNA515, 09RIYADH447)', () => {
    assert.deepEqual(diags('1. (C) Text.\n\n2. WMD Proliferation Financing Issues\n----------------------------------\n\n3. (C) Text.\n', 'CBL090'), []);
    assert.deepEqual(diags('1. KEY POINTS\n-- (C) Saudi King Abdullah welcomed the adviser.\n-- (C) The adviser brought a letter.\n', 'CBL090'), []);
    // A one-line paragraph of text under which text continues is still a paragraph.
    assert.equal(diags('1. (C) Text.\n\n2. Ambassador McDonald has cleared\nthis cable.\n', 'CBL090').length, 1);
  });

  it('does not count the cut-off preview `1...` before the full copy (06LIMA1358)', () => {
    const body = '1...\n\nid: 59852\n\n1. (C) Text.\n';
    assert.deepEqual(diags(body, 'CBL090'), []);
    assert.deepEqual(numbers(body).map((p) => p.number), [1]);
  });

  it('still reports an unmarked paragraph of the cable itself', () => {
    const body = '1. (C) Text.\n\n2. This is an action cable.\n\n3. (C) Text.\n';
    const [d, ...rest] = diags(body, 'CBL090');
    assert.equal(rest.length, 0);
    assert.equal(d!.range.start.line, lineOf(body, '2. This'));
  });
});

describe('nested lists and quoted documents inside a marked paragraph', () => {
  // 08MADRID707: ¶3 announces a list under title lines; the cable's numbering resumes at ¶4.
  const madrid = [
    '1. (C) Summary: Zapatero announced 21 reforms. End Summary.',
    '',
    '3. (U) During the speech, Zapatero presented a package of',
    'measures. A list follows:',
    '',
    'Measures to Address the Deceleration',
    '1. More credit lines to small businesses and',
    'government-protected housing;',
    '2. Encouraging renovation of homes and hotels;',
    '',
    'Austerity Measures',
    '3. Reduce the number of new government jobs;',
    '4. Freeze salaries of high-level officials;',
    '',
    '4. (U) The opposition was not impressed.',
    '',
  ].join('\n').replace('3. (U) During', '2. (U) During').replace('4. (U) The', '3. (U) The');

  it('reads the list items as nested, not as paragraphs of the cable', () => {
    assert.deepEqual(
      numbers(madrid).map((p) => [p.number, p.nested, p.ambiguous]),
      [
        [1, false, false],
        [2, false, false],
        [1, true, false],
        [2, true, false],
        [3, true, false],
        [4, true, false],
        [3, false, false],
      ],
    );
    for (const rule of ['CBL080', 'CBL081', 'CBL085', 'CBL090']) assert.deepEqual(diags(madrid, rule), [], rule);
  });

  it('reads numbers inside BEGIN TEXT as the quoted document’s (04THEHAGUE3178)', () => {
    const body = [
      '1. (C) Text.',
      '',
      '2. (SBU) BEGIN TEXT OF DRAFT CONCLUSIONS ON TURKEY:',
      '',
      '17. The European Council recalled its previous conclusions.',
      '',
      '18. The European Council welcomed the decisive progress.',
      '',
      'END TEXT.',
      '',
      '3. (C) Comment: The Dutch will hold the line.',
      '',
    ].join('\n');
    assert.deepEqual(numbers(body).map((p) => p.nested), [false, false, true, true, false]);
    for (const rule of ['CBL080', 'CBL081', 'CBL090']) assert.deepEqual(diags(body, rule), [], rule);
  });

  it('still reports a repeated marked number and an unmarked gap (not a nested list)', () => {
    // 06CARACAS958 runs 5, 6, 5, 6: marked paragraphs are the cable's own.
    const repeated = '1. (C) Text.\n\n2. (C) Text.\n\n1. (C) Text again.\n\n2. (C) Text.\n';
    assert.equal(numbers(repeated).some((p) => p.nested), false);
    const gap = '1. (C) Text.\n\n2. (C) Text.\n\n4. Unmarked text.\n';
    assert.equal(numbers(gap).some((p) => p.nested), false);
    assert.equal(diags(gap, 'CBL090').length, 1);
    assert.equal(diags(gap, 'CBL081').length, 1);
  });
});

describe('blocks: corpus forms of openers and ends (CBL100, CBL101, CBL102)', () => {
  it('`(Note. …` opens a note that `End Note.)` closes (08BEIJING4253)', () => {
    const body = '1. (C) Wu spoke. (Note. According to press reports, China and Costa Rica\nsigned 11 agreements. End Note.). The rest.\n';
    assert.deepEqual(diags(body, 'CBL101'), []);
    assert.deepEqual(diags(body, 'CBL104'), []);
  });

  it('a `COMMENT` heading opens the comment that `END COMMENT` closes (10HARARE93)', () => {
    const body = '1. (C) Text.\n\n-------------\nCOMMENT\n-------------\n\n2. (C) The minister is unlikely to move. END COMMENT.\n';
    assert.deepEqual(diags(body, 'CBL101'), []);
    // Without the heading the end is an orphan (info).
    assert.equal(diags('1. (C) Text.\n\n2. (C) The minister is unlikely to move. END COMMENT.\n', 'CBL101').length, 1);
  });

  it('a summary left open above a `COMMENT` heading is CBL100 at its opener, not a crossing at `END COMMENT` (06BUENOSAIRES1732)', () => {
    const body =
      '1. (SBU) SUMMARY: The Lower House voted.\n\n2. (SBU) Text.\n\n-------\nCOMMENT\n-------\n\n3. (SBU) The bill is irrelevant.  END COMMENT.\n';
    const unclosed = diags(body, 'CBL100');
    assert.equal(unclosed.length, 1);
    assert.equal(unclosed[0]!.range.start.line, lineOf(body, '1. (SBU) SUMMARY:'));
    assert.match(unclosed[0]!.message, /summary opened by `SUMMARY:` in paragraph 1 is never closed/);
    assert.deepEqual(diags(body, 'CBL102'), []);
    assert.deepEqual(diags(body, 'CBL101'), []);
    // Closed, nothing is reported.
    const closed = body.replace('voted.', 'voted. END SUMMARY.');
    for (const rule of ['CBL100', 'CBL101', 'CBL102']) assert.deepEqual(diags(closed, rule), [], rule);
  });

  it('`End \tsummary.` split by a tab and `End introduction/summary.` close the summary (09SANTIAGO783, 06SAOPAULO73)', () => {
    const comment = '\n\n-------\nCOMMENT\n-------\n\n3. (SBU) Text.  END COMMENT.\n';
    const tab = `1. (SBU) Summary:  Officials spoke.  End \tsummary.\n\n2. (SBU) Text.${comment}`;
    const slash = `1. (SBU) Introduction and summary: Officials spoke. End introduction/summary.\n\n2. (SBU) Text.${comment}`;
    const heading = `-----------------------\nINTRODUCTION AND SUMMARY\n-----------------------\n\n1. (SBU) Officials spoke.\n\n2. (SBU) They left. End introduction/summary.\n\n3. (SBU) Text.${comment}`;
    for (const body of [tab, slash, heading]) {
      for (const rule of ['CBL100', 'CBL101', 'CBL102']) assert.deepEqual(diags(body, rule), [], `${rule}: ${body.slice(0, 60)}`);
    }
  });

  it('`End Introduction ⏎ and Summary.` closes `Introduction and Summary:` (09LIMA345)', () => {
    const body = '1. (C) Introduction and Summary: The Garcia government has\nchanged course. End Introduction\nand Summary.\n\n2. (C) Text.\n';
    for (const rule of ['CBL100', 'CBL101', 'CBL102']) assert.deepEqual(diags(body, rule), [], rule);
  });

  it('a summary in the cut-off preview of paragraph 1 is not left open (08USUNNEWYORK720)', () => {
    const body = '1. (C) SUMMARY.  The UN Security Council failed on Augu...\n\n\nid: 1\n\n1. (C) SUMMARY: The Council failed. END SUMMARY.\n';
    assert.deepEqual(diags(body, 'CBL100'), []);
    assert.deepEqual(numbers(body).map((p) => p.number), [1]);
    // A summary really left open is reported.
    assert.equal(diags('1. (C) SUMMARY: The Council failed.\n\n2. (C) Text.\n', 'CBL100').length, 1);
  });
});

describe('paragraph numbers: corpus forms that are not paragraphs', () => {
  it('`20." This name …` and `8.)` on a wrapped line are not paragraph numbers (06NEWDELHI5239, 09TIJUANA732)', () => {
    const body = '1. (C) He was known as "Operation\n20." This name appears to be an amalgam.\n\n2. (C) Killing (see para\n8.) municipal police is easier.\n';
    assert.deepEqual(numbers(body).map((p) => p.number), [1, 2]);
    assert.deepEqual(diags(body, 'CBL085'), []);
    // A real wrapped `16. The` still reads as a number and is reported.
    assert.equal(diags('1. (C) He met them at the Pentagon on May\n16. The U.S. enjoys ties.\n', 'CBL085').length, 1);
  });

  it('the publisher’s `¶1.` before the original `1.` on the same line is one paragraph (08ROME1406)', () => {
    const long = 'The political conditions in Italy are dramatically different from the conditions that existed when you last visited in July 2006 and more.';
    const body = `¶1. (C) Summary. 1. (C) Summary. ${long}\n\n¶2. (C) Text.\n`;
    assert.deepEqual(numbers(body).map((p) => p.number), [1, 2]);
    assert.deepEqual(diags(body, 'CBL080'), []);
  });

  it('paragraph 1 at the end of a reflowed header copy before paragraph 2 (08VILNIUS668)', () => {
    const body =
      '¶1.  (SBU) The neutrality of the Belarusian regime with regar...\n\nUNCLAS VILNIUS 000668 SENSITIVE SIPDIS E.O. 12958: N/A TAGS: PREL BO\nSUBJECT: BELARUS: SPAT WITH RUSSIA REF: VILNIUS 663 1. (SBU)\nThe neutrality of the regime has become a topic.\n¶2. (SBU) A response was provided.\n';
    assert.deepEqual(numbers(body).map((p) => p.number), [1, 2]);
  });
});

describe('more corpus forms (signature, page markers, quotations, header copies)', () => {
  it('a surname with a lower-case particle signs the cable (09REYKJAVIK72 `van Voorst`)', () => {
    const body = '1. (C) Text.\n\nvan Voorst\n';
    assert.deepEqual(diags(body, 'CBL110'), []);
    assert.equal(parseCable(`${HEAD}\n${body}`).signature?.text, 'van Voorst');
    assert.equal(diags('1. (C) Text.\n\nthe end of it\n', 'CBL110').length, 1);
  });

  it('`END TEXT` of a quotation opened in words crosses no comment (10ABUDHABI103)', () => {
    const body = '1. (C) Comment: Ambassador requests expeditious handling.\n\n2. (C) Text of letter from GDSS to the Governor:\n\nWe request your help.\n\nEND TEXT\n\n3. (C) Text.\n';
    assert.deepEqual(diags(body, 'CBL102'), []);
  });

  it('the reflowed copy of the header under a wrapped subject is not part of it (06YEREVAN1019)', () => {
    const cable = parseCable(
      'C O N F I D E N T I A L SECTION 01 OF 03 YEREVAN 001019\n\nE.O. 12958: DECL: 07/28/2016\nTAGS: KTIP PHUM AM\nSUBJECT: A PROSTITUTE\'S STORY: SEX AND TRAFFICKING IN\n...C O N F I D E N T I A L SECTION 01 OF 03 YEREVAN 001019 SIPDIS E.O. 12958: DECL: 07/28/2016 TAGS: KTIP PHUM AM\n\n1. (C) Text.\n',
    );
    assert.equal(cable.subject?.subject, "A PROSTITUTE'S STORY: SEX AND TRAFFICKING IN");
    assert.equal(cable.tags.length, 1);
  });

  it('a page marker is not compared with a redacted banner post (10SHENYANG4)', () => {
    const text = `C O N F I D E N T I A L SECTION 01 OF 02 XXXXXXXXXXXX 000004\n\nE.O. 12958: DECL: 01/07/2019\nTAGS: PREL CH\nSUBJECT: TEST\n\nClassified By: Consul General for reasons 1.4 (b) and (d)\n\n1. (C) Text.\n\nSHENYANG 00000004 002 OF 002\n\n2. (C) Text.\n`;
    assert.deepEqual(lint(text, { now: NOW }).diagnostics.filter((d) => d.ruleId === 'CBL035'), []);
  });
});

describe('CBL122 charset on a published record', () => {
  const page = (body: string) =>
    `This record is a partial extract of the original cable. The full text of the original cable is not available.\n${HEAD}\n${body}`;

  it('sums up the publisher’s typography once per text, with one fix for all of it', () => {
    const text = page('1. (C) The minister’s “plan” is late.\n\n2. (C) He said ‘no’.\n');
    const r = lint(text, { now: NOW });
    assert.equal(r.profile, 'published');
    const [d, ...rest] = r.diagnostics.filter((x) => x.ruleId === 'CBL122');
    assert.equal(rest.length, 0);
    assert.match(d!.message, /^5 runs of characters outside the telegraphic set in this published text: `’` \(U\+2019 right single quote\)/);
    assert.equal(d!.range.start.line, text.split('\n').findIndex((l) => l.includes('minister’s')));
    const fix = d!.fixes![0]!;
    assert.equal(fix.edits.length, 5);
    let out = text;
    for (const e of [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset)) {
      out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
    }
    assert.ok(out.includes(`1. (C) The minister's "plan" is late.`) && out.includes(`He said 'no'.`));
  });

  it('still reports each run in a draft', () => {
    assert.equal(diags('1. (C) The minister’s “plan” is late.\n', 'CBL122').length, 3);
  });

  it('in a draft, lists the first 100 runs and sums up the rest with one fix, so fix-all settles in one pass', () => {
    const body = Array.from({ length: 130 }, (_, i) => `${i + 1}. (C) Text.\tMore text.`).join('\n\n') + '\n';
    const text = `${HEAD}\n${body}`;
    const found = lint(text, { now: NOW }).diagnostics.filter((d) => d.ruleId === 'CBL122');
    assert.equal(found.length, 101, 'each of 100 runs, then one summary');
    const summary = found.find((d) => /not listed/.test(d.message))!;
    assert.match(summary.message, /^30 more runs of characters outside the telegraphic set not listed: \(U\+0009 tab\)$/);
    const fix = summary.fixes![0]!;
    assert.equal(fix.title, 'Replace the 30 unlisted with plain ASCII');
    assert.equal(fix.safe, true, 'a tab for a space is safe');
    assert.deepEqual(
      fix.edits.map((e) => text.slice(e.range.start.offset, e.range.end.offset)),
      Array.from({ length: 30 }, () => '\t'),
      'the 30 tabs of paragraphs 101-130',
    );
    assert.equal(fix.edits[0]!.range.start.line, text.split('\n').findIndex((l) => l.startsWith('101. ')));
    const fixed = applyEdits(text, fixAll(text, found));
    assert.equal(fixed, text.replaceAll('\t', ' '), 'one fix-all pass replaces all 130 tabs and nothing else');
  });

  it('a run with no plain form among the unlisted holds back none of the others (fuzz seed 20261121)', () => {
    const body = Array.from({ length: 130 }, (_, i) => `${i + 1}. (C) Text.${i === 120 ? '\uFFFD' : '\t'}More text.`).join('\n\n') + '\n';
    const text = `${HEAD}\n${body}`;
    const found = lint(text, { now: NOW }).diagnostics.filter((d) => d.ruleId === 'CBL122');
    const summary = found.find((d) => /not listed/.test(d.message))!;
    assert.deepEqual(
      summary.fixes!.map((f) => [f.title, f.safe, f.edits.length]),
      [['Replace 29 of the 30 unlisted with plain ASCII', true, 29]],
    );
    const fixed = applyEdits(text, fixAll(text, found));
    assert.equal(fixed, text.replaceAll('\t', ' '), 'every tab replaced, the U+FFFD left for the writer');
  });
});

describe('note and comment openers in brackets and mid-sentence (CBL101)', () => {
  it('`[NOTE: …`, `(BIO NOTE: …`, `… future. NOTE: …` and `[COMMENT: …` open their blocks', () => {
    for (const body of [
      '1. (C) Text. [NOTE: In response, Moshiri offered a course. END NOTE] More.\n',
      '1. (C) Franco leads. (BIO NOTE: Franco is an old-school politician. END NOTE.)\n',
      '1. (C) He will call in the near future. NOTE: WHA DAS called that afternoon. END NOTE.\n',
      '1. (C) Text. [COMMENT: The party strongly supports it. END COMMENT]\n',
    ]) {
      assert.deepEqual(diags(body, 'CBL101'), [], body);
    }
  });
});

describe('block openers the model used to miss, so that their ends were orphans or crossings (issue 17)', () => {
  const blocks = (body: string) => ['CBL100', 'CBL101', 'CBL102', 'CBL104'].flatMap((r) => diags(body, r)).map((d) => `${d.ruleId} ${d.message}`);

  it('a comment opened with a dash, `Comment - This was …` (and `COMMENT -- …`)', () => {
    assert.deepEqual(blocks('1. (C) The meeting ended.\n\n2. (C) Comment - This was a useful meeting. End Comment.\n'), []);
    assert.deepEqual(blocks('1. (C) The meeting ended.\n\n2. (C) COMMENT -- This was useful. END COMMENT.\n'), []);
    // Not a sentence start: `declined to comment - citing …` opens nothing, so its end is an orphan.
    assert.equal(blocks('1. (C) He declined to comment - citing the talks. End Comment.\n').length, 1);
  });

  it('a note after the portion mark, a note named for its author, a sentence `NOTE.`, an indented `NOTE:` line', () => {
    for (const body of [
      '1. (C) The minister left.\n\n2. (C) Note: Renewed focus on trade will be on the agenda. End Note.\n', // 07KABUL2998
      '1. (C) He paid the driver. (USAID Note: The driver is likely an absentee landlord. End Note.)\n', // 06LIMA4516
      '1. (C) Two men were shot.  NOTE.  These killings resemble those of January.  END NOTE.\n', // 07MONTERREY130
      '1. (C) The minister met us.\n   NOTE: James Smith, the new director, was\nalso present.  END NOTE.\n',
    ]) {
      assert.deepEqual(blocks(body), [], body);
    }
    // A wrapped `note.` at a line start ends a sentence: it opens nothing.
    assert.equal(blocks('1. (C) The committee took\nnote. The vote is next week. End Note.\n').length, 1);
  });

  it('`Summary` alone on a line, with a rule below it or none, heads the summary its `End Summary` closes', () => {
    // 06VIENNA515: the heading sits below paragraph 1's opening lines; 05SANTIAGO2541: no rule at all.
    assert.deepEqual(blocks('1. (C) Cleared with all agencies.\n\n\nSummary\n--------\n\nThe banks are worried. End Summary.\n\n2. (C) More.\n'), []);
    assert.deepEqual(blocks('Summary\n1. (C) The banks are worried.\n2. (C) The ministry agrees. End Summary.\n'), []);
  });

  it('`Comment` headings: with a rule below it, with a title, with a page marker run into it', () => {
    assert.deepEqual(blocks('1. (C) Text.\n\nComment\n-------\n\n2. (C) We doubt it. End Comment.\n'), []); // 09STOCKHOLM31
    assert.deepEqual(blocks('1. (C) Text.\n\n------- COMMENT: HOPE SPRINGS ETERNAL -------\n\n2. (C) We doubt it. END COMMENT.\n'), []); // 06SAOPAULO428
    assert.deepEqual(blocks('1. (C) Text.\n\nComment MADRID 00000707 004 OF 004\n-------\n\n2. (C) We doubt it. End Comment.\n'), []); // 10HANOI7
  });

  it('`Further Summary:` continues the summary that is open rather than reopening it', () => {
    assert.deepEqual(blocks('1. (C) Summary: The talks went well.\n\n2. (C) Further Summary: The vote is next week. End Summary.\n\n3. (C) More.\n'), []);
    // A second summary opened while the first is open is still a slip (CBL102).
    assert.deepEqual(
      blocks('1. (C) Summary: The talks went well.\n\n2. (C) Summary: The vote is next week. End Summary.\n\n3. (C) More.\n').map((m) => m.slice(0, 6)),
      ['CBL102'],
    );
  });
});
