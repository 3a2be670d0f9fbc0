/**
 * Hover and rules agree (hover-agreement.ts): on every example and fixture, and on small cables
 * where they used to disagree: a slip on a known TAGS code that was also seen on published cables,
 * a TAGS list in small letters, comments and summaries left open the ways cables leave them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCable } from '../../grammar/src/index';
import { lint } from '../../server/src/lint';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols, hover } from '../../server/src/service/index';
import { disagreements } from './hover-agreement';
import { allFixtures, positionOf } from './service-fixtures';

/** A small classified cable with this TAGS list and these paragraphs. */
const cable = (body: string, tags = 'PREL IT') =>
  `C O N F I D E N T I A L ROME 000123\n\nSIPDIS\n\nE.O. 12958: DECL: 05/14/2018\nTAGS: ${tags}\nSUBJECT: TALKS WITH THE MINISTER\n\nClassified By: Ambassador Jane Q. Example for reasons 1.4 (b) and (d).\n\n${body}\n\nEXAMPLE\n`;

function hoverOn(text: string, needle: string, delta = 1, n = 0): string {
  const parsed = parseCable(text);
  const h = hover(parsed, positionOf(parsed, needle, delta, n));
  assert.ok(h, `no hover on ${needle}`);
  return (h.contents as { value: string }).value;
}

const ruleIds = (text: string) => lint(text, { profile: 'transmitted', rules: { CBL103: 'info' } }).diagnostics.map((d) => d.ruleId);

describe('hover and rules agree', () => {
  it('on every example and committed fixture', () => {
    for (const { name, cable: c } of allFixtures()) assert.deepEqual(disagreements(c), [], name);
  });

  it('a slip on a known code is not a known code to both, even when published cables carry it once (PRELP, 09NEWDELHI2198)', () => {
    const text = cable('1. (C) Text.', 'PRELP IT');
    assert.match(hoverOn(text, 'PRELP'), /^\*\*PRELP\*\*: not a known code: a slip on `PREL` \(External Political Relations\)\. Seen on published cables 1 times all the same\./);
    assert.ok(ruleIds(text).includes('CBL061'));
    assert.deepEqual(disagreements(parseCable(text)), []);
  });

  it('a code of a list written in small letters is a code to both (dprk, 08STATE43817)', () => {
    const text = cable('1. (C) Text.', 'prel, dprk');
    assert.match(hoverOn(text, 'dprk'), /^\*\*DPRK\*\*: unknown TAGS code\. Nearest known codes: /);
    assert.deepEqual(disagreements(parseCable(text)), []);
  });

  it('a comment running to the end is not called unclosed; one left open before a later paragraph is, as CBL103 says', () => {
    const toEnd = cable('1. (C) Text.\n\n2. (C) COMMENT: We think so.');
    assert.match(hoverOn(toEnd, 'COMMENT:'), /^\*\*Comment\*\* opens \(runs to the end of the text without an end mark, which it does not need\)\.$/);
    assert.ok(!ruleIds(toEnd).includes('CBL103'));
    assert.deepEqual(disagreements(parseCable(toEnd)), []);
    const leftOpen = cable('1. (C) COMMENT: We think so.\n\n2. (C) More text.');
    assert.match(hoverOn(leftOpen, 'COMMENT:'), /^\*\*Comment\*\* opens \(not closed before paragraph 2\)\.$/);
    assert.ok(ruleIds(leftOpen).includes('CBL103'));
    assert.deepEqual(disagreements(parseCable(leftOpen)), []);
  });

  it('the outline says of a comment what the hover says: running to the end, or not closed before a later paragraph', () => {
    const blockDetail = (text: string) => {
      const found: string[] = [];
      const walk = (ss: readonly DocumentSymbol[]) => ss.forEach((s) => (s.name === 'COMMENT' && found.push(s.detail ?? ''), walk(s.children ?? [])));
      walk(documentSymbols(parseCable(text)));
      return found;
    };
    assert.deepEqual(blockDetail(cable('1. (C) Text.\n\n2. (C) COMMENT: We think so.')), ['runs to the end']);
    assert.deepEqual(blockDetail(cable('1. (C) COMMENT: We think so.\n\n2. (C) More text.')), ['not closed before paragraph 2']);
    assert.deepEqual(blockDetail(cable('1. (C) COMMENT: We think so. END COMMENT.\n\n2. (C) More text.')), ['closed']);
  });

  it("the publisher's copy of an opener on the same line closes with it (08ROME1406)", () => {
    const text = cable('1. (C) Summary. 1. (C) Summary. The talks went well. End Summary.\n\n2. (C) More text.');
    assert.match(hoverOn(text, 'Summary.', 1, 1), /^\*\*Summary\*\* opens \(closed on line 11\)\.$/);
    assert.deepEqual(disagreements(parseCable(text)), []);
  });

  it('a summary opened again before it closed is not closed, where CBL102 says so (10MEXICO640)', () => {
    const text = cable('1. (C) Summary: The first.\n\n2. (C) Summary: The second. End Summary.');
    assert.match(hoverOn(text, 'Summary:'), /^\*\*Summary\*\* opens \(not closed before it is opened again on line 13\)\.$/);
    assert.ok(ruleIds(text).includes('CBL102'));
    assert.deepEqual(disagreements(parseCable(text)), []);
  });
});
