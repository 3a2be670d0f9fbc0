/**
 * Columns count UTF-16 code units (README, ARCHITECTURE): after an emoji or 𝐀 (two units each) a
 * diagnostic's column is the JavaScript string index of its text plus one, counted here on the
 * string and not asked of the engine. The protocol suite checks the same over LSP
 * (test/protocol/astral.test.ts); this keeps `npm test` honest about it too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../server/src/api';
import { assertValidReport } from '../report-schema';

const TEXT = 'UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: \u{1F600} PREL PRELL \u{1D400} IT\nSUBJECT: ITALY: THE EXPORT PLAN\n\n1. (U) The \u{1F600}\u{1D400} minister declined PRELL.\n\nSMITH\n';
const LINES = TEXT.split('\n');

describe('columns after astral characters', () => {
  const report = lintText(TEXT, { config: false });
  const diagnostics = report.files[0]!.diagnostics;

  it('the report validates against the published schema', () => assertValidReport(report));

  it('a diagnostic after an emoji starts and ends at the UTF-16 index of its word', () => {
    const line = LINES.findIndex((l) => l.startsWith('TAGS:'));
    const d = diagnostics.find((x) => x.ruleId === 'CBL061');
    assert.ok(d, 'CBL061 on PRELL');
    const start = LINES[line]!.indexOf('PRELL');
    assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [line + 1, start + 1, line + 1, start + 6], 'CBL061 covers PRELL');
  });

  it('each astral character is reported over its two code units', () => {
    // Counted on the string; two astral characters side by side are one run.
    const runs: Array<[line: number, start: number, end: number]> = [];
    LINES.forEach((l, i) => {
      for (const m of l.matchAll(/\p{Extended_Pictographic}|\u{1D400}/gu)) {
        const last = runs.at(-1);
        if (last && last[0] === i + 1 && last[2] === m.index! + 1) last[2] += m[0].length;
        else runs.push([i + 1, m.index! + 1, m.index! + 1 + m[0].length]);
      }
    });
    assert.equal(runs.length, 3, 'an emoji and a 𝐀 on the TAGS line, the two side by side in paragraph 1');
    const found = diagnostics.filter((d) => d.ruleId === 'CBL122').map((d) => `${d.line}:${d.column}-${d.endColumn}`);
    assert.deepEqual(found, runs.map(([line, start, end]) => `${line}:${start}-${end}`));
  });
});
