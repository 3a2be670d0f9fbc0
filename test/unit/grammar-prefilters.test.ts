import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDashRule, isHeadingText, subParagraphAt } from '../../grammar/src/build-body';
import { contentEnd } from '../../grammar/src/chars';
import { lex } from '../../grammar/src/lexer';
import { lineIndexAt, splitLines } from '../../grammar/src/positions';
import { Finder, isTrailer, segmentOf, TRAILER } from '../../grammar/src/segments';
import { seeded } from '../seeded';

/**
 * The text layer skips a pattern where a segment's first characters rule it out, and finds some
 * patterns by one search of the text instead of one per segment (issue 14 speed). Each shortcut
 * must answer exactly as the pattern on the segment alone: checked here on generated texts built
 * from the pieces the patterns care about, segmented by the real lexer.
 */

const PIECES = [
  'BEGIN', 'begin', 'Begin', 'BeGiN', ' TEXT', ' QUOTE', 'TEXT', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u2028', '\u00a0',
  'TABLE OF CONTENTS', 'table of contents', 'xBEGIN TEXT', '-BEGIN QUOTE', 'END', 'A.', 'a)', '(b)', '(B)', '¶', 'B. ', 'b) ',
  'HEADING', 'SECTION 2', 'The', 'word', '---', '-', '=', '====== CABLE ENDS ======', 'Visit our Web Site', 'WikiLeaks',
  'keep us strong', '2010ABC12 - Classification: x', '1', '9', 'K', 'w', 'v', '\\', 'Ünï', '(', ')', ':', '.', ',',
];

function generated(rnd: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

describe('text layer shortcuts answer as their patterns', () => {
  it('Finder.within is the pattern on the segment, for segments asked in text order (some skipped)', () => {
    const rnd = seeded(14);
    const pattern = /\bBEGIN\s+(?:TEXT|QUOTE)|TABLE OF CONTENTS/i;
    let hits = 0;
    let runOn = 0;
    for (let n = 0; n < 3000; n++) {
      const text = generated(rnd, 1 + Math.floor(rnd() * 40));
      const lines = splitLines(text);
      const finder = new Finder(text, pattern);
      for (const token of lex(text).tokens) {
        if (rnd() < 0.3) continue;
        const seg = segmentOf({ text, lines }, token);
        const expected = pattern.test(text.slice(seg.start, seg.end));
        assert.equal(finder.within(seg.start, seg.end), expected, `${JSON.stringify(text)} [${seg.start}, ${seg.end})`);
        if (expected) hits++;
        if (!expected && new RegExp(pattern.source, 'gi').test(text.slice(seg.start))) runOn++;
      }
    }
    // The generator reaches both answers and the case of a match that runs on past a segment.
    assert.ok(hits > 100, `hits ${hits}`);
    assert.ok(runOn > 100, `run-on ${runOn}`);
  });

  it('the first-character tests never skip a segment the pattern matches', () => {
    const rnd = seeded(23);
    const SUBPARA = /^¶?\s*(?:(?<u>[A-Z])\.|\((?<p>[a-zA-Z])\)|(?<b>[a-z])\))\s+\S/;
    const HEADING = /^[A-Z0-9][A-Z0-9 ,.'&/()-]{2,}:?$/;
    const seen = { trailer: 0, sub: 0, heading: 0, dash: 0 };
    for (let n = 0; n < 3000; n++) {
      const text = generated(rnd, 1 + Math.floor(rnd() * 12));
      const lines = splitLines(text);
      for (const token of lex(text).tokens) {
        const seg = segmentOf({ text, lines }, token);
        const s = text.slice(seg.start, seg.end);
        const where = JSON.stringify(s);
        assert.equal(isTrailer(text, seg.start, seg.end), TRAILER.test(s), where);
        assert.equal(subParagraphAt({ text, lines }, seg.start, seg.end) !== undefined, SUBPARA.test(s), where);
        const t = s.trim();
        assert.equal(isHeadingText(s), t.length <= 80 && HEADING.test(t) && /[A-Z]{2}/.test(t) && !/^(?:END|NNNN|BT)\b/.test(t), where);
        assert.equal(isDashRule(t), /^-{3,}\s*$/.test(t), where);
        if (TRAILER.test(s)) seen.trailer++;
        if (SUBPARA.test(s)) seen.sub++;
        if (HEADING.test(t)) seen.heading++;
        if (/^-{3,}/.test(t)) seen.dash++;
      }
    }
    for (const [k, v] of Object.entries(seen)) assert.ok(v > 20, `${k} ${v}`);
  });

  it('contentEnd drops trailing blanks and backslashes as /[\\s\\\\]/ does, character by character', () => {
    const rnd = seeded(5);
    for (let n = 0; n < 2000; n++) {
      const text = generated(rnd, 1 + Math.floor(rnd() * 8));
      const start = Math.floor(rnd() * text.length);
      let end = text.length;
      while (end > start && /[\s\\]/.test(text[end - 1]!)) end--;
      assert.equal(contentEnd(text, start, text.length), end, JSON.stringify(text));
    }
  });

  it('lineIndexAt answers as a binary search whatever order offsets come in', () => {
    const rnd = seeded(9);
    for (let n = 0; n < 300; n++) {
      const text = generated(rnd, 1 + Math.floor(rnd() * 60));
      const lines = splitLines(text);
      for (let k = 0; k < 50; k++) {
        // Mostly forward, now and then back or past the end, as the builders and the service ask.
        const offset = rnd() < 0.8 ? Math.floor((k / 50) * text.length) : Math.floor(rnd() * (text.length + 5)) - 2;
        let expected = 0;
        lines.forEach((l, i) => {
          if (l.start <= offset) expected = i;
        });
        assert.equal(lineIndexAt(lines, offset), expected, `${JSON.stringify(text)} @${offset}`);
      }
    }
  });
});
