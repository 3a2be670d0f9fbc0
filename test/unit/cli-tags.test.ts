// TAGS lines through the real command (issue 15 item 10): a known code with digits glued to it is
// a slip CBL061 reports, and the digits real TAGS lines carry (organization forms, the E.O.
// number, dates) are not.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, FIXABLE, jsonRun, scratch } from './cli-helpers';

const tmp = scratch('tags');
after(() => tmp.remove());

/** FIXABLE with its TAGS line replaced and its paragraphs in order: only the TAGS line can be wrong. */
const withTags = (tags: string) => FIXABLE.replace('TAGS: PREL PRELL ECON ECON', `TAGS: ${tags}`).replace('4. (U) THIRD', '3. (U) THIRD');

interface Reported {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

const tagsFindings = (tags: string): Reported[] =>
  jsonRun(['-'], { input: withTags(tags) })
    .report.files[0].diagnostics.filter((d: Reported) => d.line === 4)
    .map(({ ruleId, line, column, message }: Reported) => ({ ruleId, line, column, message }));

describe('cli: a TAGS code with digits glued to it', () => {
  it('reports a known four-letter code followed by digits, at the token', () => {
    assert.deepEqual(tagsFindings('PREL LH EFIN2'), [
      { ruleId: 'CBL061', line: 4, column: 15, message: 'TAGS code EFIN2 is not a known code: expected EFIN' },
    ]);
    assert.deepEqual(tagsFindings('prel, lh, efin22').map((d) => d.message), ['TAGS code efin22 is not a known code: expected EFIN']);
  });

  it('fixes one digit (one edit from EFIN) with --fix, leaves two for the editor', () => {
    const dir = tmp.tree('fix', { 'a.cable': withTags('PREL LH EFIN2'), 'b.cable': withTags('PREL LH EFIN22') });
    const r = cli(['--fix', 'a.cable', 'b.cable'], { cwd: dir });
    assert.equal(r.stderr, 'fixed a.cable: 1 fix (CBL061)\n');
    assert.equal(readFileSync(join(dir, 'a.cable'), 'utf8').split('\n')[3], 'TAGS: PREL LH EFIN');
    assert.equal(readFileSync(join(dir, 'b.cable'), 'utf8').split('\n')[3], 'TAGS: PREL LH EFIN22');
  });

  it('does not report the digits real TAGS lines carry: AU-1, G-77, 12958, dates, short codes with digits', () => {
    assert.deepEqual(tagsFindings('PREL LH AU-1 G-77 12958 08/11/2018 2008-05-14 LH1 ABC12 EFIN-2'), []);
  });
});
