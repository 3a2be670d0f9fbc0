import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDashRule, isHeadingText, readBlockMarks, subParagraphAt } from '../../grammar/src/build-body';
import type { BlockMark } from '../../grammar/src/ast';
import { contentEnd, isDashAt, isHeadingAt } from '../../grammar/src/chars';
import { Lexer, createToken } from 'chevrotain';
import { allTokens, CarriageReturn, lex, LineBreak } from '../../grammar/src/lexer';
import { lineIndexAt, rangeAt, splitLines } from '../../grammar/src/positions';
import { isTrailer, lineBefore, segmentOf, standsAlone, TRAILER } from '../../grammar/src/segments';
import { gluedEndOfMessage, QUOTE_OPEN, quoteOpensIn } from '../../grammar/src/text-layer';
import { hasMidLineMark, isMetadata, METADATA, MIDLINE_MARK } from '../../grammar/src/reflowed';
import { marksEntireText, ENTIRE_TEXT } from '../../grammar/src/walk';
import { inCapitals } from '../../grammar/src/field-continuation';
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
  'NNNN', 'BT', 'ENDING', 'END_', 'BTX', 'AB', "O'NEIL & CO/", 'A:', 'x'.repeat(70), '_', 'A LONG TITLE IN CAPITALS, WITH ITS WORDS',
];

function generated(rnd: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

describe('text layer shortcuts answer as their patterns', () => {
  it('quoteOpensIn is the pattern on each segment whose end lies in the window (some segments not text)', () => {
    const rnd = seeded(14);
    assert.equal(QUOTE_OPEN.source, String.raw`\bBEGIN\s+(?:TEXT|QUOTE)|TABLE OF CONTENTS`);
    let hits = 0;
    let misses = 0;
    let runOn = 0;
    for (let n = 0; n < 3000; n++) {
      const text = generated(rnd, 1 + Math.floor(rnd() * 40));
      const lines = splitLines(text);
      const segs = lex(text).tokens.filter(() => rnd() >= 0.3).map((token) => segmentOf({ text, lines }, token));
      const opensIn = quoteOpensIn(text, segs.flatMap((s) => [s.start, s.end]));
      for (let k = 0; k < 6; k++) {
        const from = Math.floor(rnd() * (text.length + 2)) - 1;
        const to = from + Math.floor(rnd() * (text.length + 2));
        const expected = segs.some((s) => s.end >= from && s.end < to && QUOTE_OPEN.test(text.slice(s.start, s.end)));
        assert.equal(opensIn(from, to), expected, `${JSON.stringify(text)} [${from}, ${to})`);
        if (expected) hits++;
        else misses++;
      }
      for (const s of segs) if (!QUOTE_OPEN.test(text.slice(s.start, s.end)) && QUOTE_OPEN.test(text.slice(s.start))) runOn++;
    }
    // Both answers, and words that run on past a segment's end (which must not count).
    assert.ok(hits > 100 && misses > 100, `hits ${hits}, misses ${misses}`);
    assert.ok(runOn > 100, `run-on ${runOn}`);
  });

  it('line breaks as a character and a pattern: the same tokens, lines and columns as one pattern for all three', () => {
    const one = createToken({ name: 'LineBreak', pattern: /\r\n|\r|\n/, group: Lexer.SKIPPED, line_breaks: true });
    const quiet = console.warn;
    console.warn = () => undefined;
    const reference = new Lexer([one, ...allTokens.filter((t) => t !== LineBreak && t !== CarriageReturn)], { positionTracking: 'full', ensureOptimizations: false, skipValidations: true });
    console.warn = quiet;
    const rnd = seeded(54);
    const fields = (t: object) => { const { tokenType, tokenTypeIdx, ...rest } = t as { tokenType: { name: string }; tokenTypeIdx: number }; return { ...rest, type: tokenType.name }; };
    let breaks = 0;
    for (let n = 0; n < 3000; n++) {
      const text = generated(rnd, 1 + Math.floor(rnd() * 40));
      assert.deepEqual(lex(text).tokens.map(fields), reference.tokenize(text).tokens.map(fields), JSON.stringify(text));
      breaks += (text.match(/\r\n|\r|\n/g) ?? []).length;
    }
    assert.ok(breaks > 2_000, `breaks ${breaks}`);
  });

  it('an end of message glued to the last line is looked for only where the line ends with NNNN', () => {
    const rnd = seeded(55);
    const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)]!;
    const pattern = /^(.*\S)\s+NNNN\s*$/;
    let glued = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let i = Math.floor(rnd() * 4); i >= 0; i--) text += pick(['word', ' ', '.', 'NNNN', 'NNN', '\u3000', '\u2029', '\\']);
      text += pick(['', ' ', '  ', '\t']) + pick(['NNNN', 'NNN', 'xNNNN', '']) + pick(['', ' ', '\u00a0', ' \\', 'x']);
      const start = Math.floor(rnd() * 3);
      const end = start + Math.floor(rnd() * (text.length - start + 1));
      const want = pattern.exec(text.slice(start, end));
      const got = gluedEndOfMessage(text, start, end);
      assert.deepEqual(got && [...got], want && [...want], `${JSON.stringify(text)} [${start}, ${end})`);
      if (want) glued++;
    }
    assert.ok(glued > 300, `glued ${glued}`);
  });

  it('a mid-line portion mark is read from each parenthesis as the pattern reads the line', () => {
    const rnd = seeded(52);
    const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)]!;
    const BITS = ['.', ' ', '(', 'x', 'word', '1.', 'S)', '(C)'];
    let marked = 0;
    for (let n = 0; n < 20_000; n++) {
      // Bits, then a mark's parts each with what breaks it, then bits.
      let text = '';
      for (let i = Math.floor(rnd() * 4); i > 0; i--) text += pick(BITS);
      text += pick(['.', '.', ',', '']) + pick(['', ' ', '  ', '\u3000', '\t ']) + pick(['(', '(', '[']);
      text += pick(['TS', 'S', 'C', 'SBU', 'U', 'T', 'SB', 'X', '']) + pick(['/', ')', '', 'x']);
      for (let i = Math.floor(rnd() * 4); i > 0; i--) text += pick(BITS);
      const from = Math.floor(rnd() * (text.length + 1));
      const end = from + Math.floor(rnd() * (text.length - from + 1));
      const expected = MIDLINE_MARK.test(text.slice(from, end));
      assert.equal(hasMidLineMark(text, from, end), expected, `${JSON.stringify(text)} [${from}, ${end})`);
      if (expected) marked++;
    }
    assert.ok(marked > 100, `marked ${marked}`);
  });

  it('a metadata row is tried only where its first character allows, and answers as the pattern', () => {
    const rnd = seeded(53);
    const BITS = [' ', '\u3000', '\ufeff', '\t', '1', '2008-01-02', ' 12:30', '06LIMA1358', '12/31/2008', 'Embassy', 'Consulate', 'Mission', 'Secretary of State', 'US Mission', 'USUN', 'REO', 'American Institute', 'UNCLASSIFIED', 'SECRET', '//NOFORN', 'id:', 'date:', 'refid:', 'origin:', 'classification:', 'destination:', 'header:', 'null', 'Cable Text:', 'End Cable Text', '\\', 'x', 'The', 'Embassyx', 'Null'];
    let rows = 0;
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      for (let i = Math.floor(rnd() * 4); i >= 0; i--) s += BITS[Math.floor(rnd() * BITS.length)];
      const expected = METADATA.test(s.trim());
      assert.equal(isMetadata(s), expected, JSON.stringify(s));
      if (expected) rows++;
    }
    assert.ok(rows > 1_000, `rows ${rows}`);
  });

  it('the header says ENTIRE TEXT only where its words are', () => {
    const rnd = seeded(41);
    // Each slot of the marked forms, with what breaks it.
    const SLOTS = [
      ['', 'x', 'TOP ', '\n', 'xx '],
      ['SECRET', 'CONFIDENTIAL', 'unclassified', '(', '( C', '(S/NF', '(TS', '(LOU', 'SECRE', ''],
      [' - ', '--', '-', ')', ') -', ' ', '', '\n-'],
      ['ENTIRE', 'entire', 'Entire', 'ENTIR', 'ENTIRE\n'],
      [' TEXT', '\tTEXT', '  text', 'TEXT', ' TEXTS', ' TEX'],
      ['', '.', ')', 'x', '\n1.'],
    ];
    let marked = 0;
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      for (const slot of SLOTS) s += slot[Math.floor(rnd() * slot.length)];
      assert.equal(marksEntireText(s), ENTIRE_TEXT.test(s), JSON.stringify(s));
      if (ENTIRE_TEXT.test(s)) marked++;
    }
    assert.ok(marked > 200, `marked ${marked}`);
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

  it('headings, dash rules and lines standing alone are read in place as the patterns read a trimmed copy', () => {
    const rnd = seeded(31);
    const HEADING = /^[A-Z0-9][A-Z0-9 ,.'&/()-]{2,}:?$/;
    const heading = (t: string) => t.length <= 80 && HEADING.test(t) && /[A-Z]{2}/.test(t) && !/^(?:END|NNNN|BT)\b/.test(t);
    const seen = { heading: 0, notHeading: 0, dash: 0, alone: 0, notAlone: 0 };
    for (let n = 0; n < 4000; n++) {
      const text = generated(rnd, 1 + Math.floor(rnd() * 14));
      const lines = splitLines(text);
      for (let k = 0; k < 6; k++) {
        // Any range of the text, as the text layer asks (a segment, the rest of one after a label).
        const a = Math.floor(rnd() * (text.length + 1));
        const b = a + Math.floor(rnd() * (text.length - a + 1));
        const t = text.slice(a, b).trim();
        const where = `${JSON.stringify(text)} [${a}, ${b})`;
        assert.equal(isHeadingAt(text, a, b), heading(t), where);
        assert.equal(isDashAt(text, a, b), /^-{3,}\s*$/.test(text.slice(a, b)), where);
        const before = lineBefore({ text, lines }, a).trim();
        const alone = before === '' || /^-{3,}\s*$/.test(before) || /[.:]$/.test(before);
        assert.equal(standsAlone({ text, lines }, a), alone, where);
        if (heading(t)) seen.heading++;
        else if (HEADING.test(t)) seen.notHeading++;
        if (/^-{3,}/.test(text.slice(a, b))) seen.dash++;
        if (alone && before !== '') seen.alone++;
        if (!alone) seen.notAlone++;
      }
    }
    // Heading-shaped lines of every length around the limit, from the characters a heading allows and a few it does not.
    const ALPHABET = ['A', 'B', 'E', 'N', 'D', 'T', '1', ' ', ',', '.', "'", '&', '/', '(', ')', '-', ':', 'x', '_', '\t'];
    for (let n = 0; n < 6000; n++) {
      let line = '';
      for (let len = Math.floor(rnd() * 90); line.length < len; ) line += ALPHABET[Math.floor(rnd() * (rnd() < 0.9 ? 16 : ALPHABET.length))];
      const t = line.trim();
      assert.equal(isHeadingAt(line, 0, line.length), heading(t), JSON.stringify(line));
      if (heading(t) && t.length > 70) seen.heading++;
    }
    for (const [k, v] of Object.entries(seen)) assert.ok(v > 20, `${k} ${v}`);
  });

  it("a lettered item's label is where the d flag puts it", () => {
    const rnd = seeded(37);
    const SUBPARA = /^¶?\s*(?:(?<u>[A-Z])\.|\((?<p>[a-zA-Z])\)|(?<b>[a-z])\))\s+\S/d;
    const LABELS = ['A. ', 'b) ', '(c) ', '(D) ', '¶E. ', '¶ (f) ', '  g) ', '\u00a0H.\t', '¶\u2003(i)  '];
    let checked = 0;
    for (let n = 0; n < 2000; n++) {
      const text = generated(rnd, Math.floor(rnd() * 3)) + '\n' + LABELS[Math.floor(rnd() * LABELS.length)] + generated(rnd, 1 + Math.floor(rnd() * 4));
      const lines = splitLines(text);
      for (const token of lex(text).tokens) {
        const seg = segmentOf({ text, lines }, token);
        const m = SUBPARA.exec(text.slice(seg.start, seg.end));
        const sub = subParagraphAt({ text, lines }, seg.start, seg.end);
        assert.equal(sub !== undefined, m !== null, JSON.stringify(text));
        if (!m || !sub) continue;
        const which = m.groups!.u ? 'u' : m.groups!.p ? 'p' : 'b';
        const [a, b] = m.indices!.groups![which]!;
        const from = seg.start + (which === 'p' ? a - 1 : a);
        assert.deepEqual([sub.letter, sub.letterSpan.range.start.offset, sub.letterSpan.range.end.offset], [m.groups![which], from, seg.start + b + 1], JSON.stringify(text));
        checked++;
      }
    }
    assert.ok(checked > 500, `checked ${checked}`);
  });

  it('the block marks read from one keyword search are those of every pattern on every segment that holds a keyword', () => {
    const rnd = seeded(41);
    const marks = new Map<string, number>();
    let contextStarts = 0;
    for (let n = 0; n < 4000; n++) {
      const text = markText(rnd, 1 + Math.floor(rnd() * 30));
      const lines = splitLines(text);
      const segments: number[] = [];
      lex(text).tokens.forEach((token, i) => {
        const seg = segmentOf({ text, lines }, token);
        if (rnd() < 0.9) segments.push(seg.start, seg.end, i - 1);
      });
      const expected = plainBlockMarks(text, lines, segments);
      assert.deepEqual(readBlockMarks({ text, lines }, segments), expected, JSON.stringify(text));
      for (const m of expected) marks.set(`${m.block} ${m.role}`, (marks.get(`${m.block} ${m.role}`) ?? 0) + 1);
      for (let i = 0; i < segments.length; i += 3) if (segments[i]! - 200 > text.lastIndexOf('\n', segments[i]! - 2) + 1) contextStarts++;
    }
    // Every pattern is reached, and so are segments read from 200 characters back in a long line.
    assert.equal(marks.size, 8, [...marks].join(', '));
    for (const [kind, count] of marks) assert.ok(count > 30, `${kind}: ${count}`);
    assert.ok(contextStarts > 100, `long lines ${contextStarts}`);
  });

  it('a segment read from 200 characters back sees a keyword there as starting a word, as the pattern on that text does', () => {
    // `ySUMMARY`, blanks, a tab, then the segment `: END`: its context starts at the S, mid-word,
    // and SUMMARY's opener runs from there over the tab into the segment.
    const text = `ySUMMARY${' '.repeat(192)}\t: END`;
    const lines = splitLines(text);
    const segments = [201, text.length, 0];
    const marks = readBlockMarks({ text, lines }, segments);
    assert.deepEqual(marks, plainBlockMarks(text, lines, segments));
    assert.deepEqual(marks.map((m) => [m.block, m.role, m.range.start.offset]), [['SUMMARY', 'open', 1]]);
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

/** Pieces of block marks and of the words around them, in the cases cables write them. */
const MARK_PIECES = [
  'SUMMARY', 'Summary', 'summary', 'SUMMAY', 'summa', 'SUMMARIES', 'COMMENT', 'Comment', 'comments', "CONT'D", 'CONTINUED',
  'NOTE', 'Note', 'note', 'noted', 'BEGIN', 'Begin', 'END', 'End', 'end', 'ENDNOTE', 'OF', 'AND', 'and', 'TEXT', 'QUOTE',
  'TALKING POINTS', 'NON-PAPER', 'BEGIN TEXT', 'End quote', '(Note:', '. NOTE.', 'COMMENT:', '. Comment -', "Comment cont'd", 'INTRODUCTION', 'ACTION REQUEST', 'BIO', 'USAID', 'x', 'AttEND', 'RECOMMEND', '1', '_',
  ' ', ' ', ' ', '  ', '\t', '\n', '\r\n', '\u2028', '\u2029', ':', '.', '-', '--', '/', '(', ')', '[', '"', '!', 'İ', 'Ünï',
  'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'The minister arrived ', '1. (C) ', 'y'.repeat(190),
];

function markText(rnd: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) {
    s += MARK_PIECES[Math.floor(rnd() * MARK_PIECES.length)];
    // Words mostly apart, as in prose; now and then run together.
    if (rnd() < 0.6) s += ' ';
  }
  return s;
}

/**
 * The block-mark reader as it was before it took one keyword search (grammar/src/build-body.ts at
 * 7e624ea): a lower-cased copy of the text searched for each keyword, then every pattern whose
 * words the upper-cased context holds run on it.
 */
function plainBlockMarks(text: string, lines: ReturnType<typeof splitLines>, segments: readonly number[]): BlockMark[] {
  const MARKS: { block: BlockMark['block']; role: 'open' | 'end'; needs: string[]; re: RegExp }[] = [
    { block: 'SUMMARY', role: 'open', needs: ['SUMMA'], re: /(?<!\bEND\s{1,3}(?:OF\s{1,3})?)(?<!\bEND\s{1,3}[A-Z]{3,14}(?:\s{1,3}AND\s{1,3}|\s?\/\s?))(?<![A-Za-z])(?:BEGIN\s+)?SUMMAR?Y(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUEST|INTRODUCTION))?\s*[:.\-]/gi },
    { block: 'SUMMARY', role: 'end', needs: ['END', 'SUMMARY'], re: /\bEND\s*(?:OF\s+)?(?:[A-Z]{3,14}(?:\s{1,3}AND\s{1,3}|\s?\/\s?))?SUMMARY\b/gi },
    { block: 'COMMENT', role: 'open', needs: ['COMMENT'], re: /(?:^|[([.:]\s*|\)\s*)(?<!\bEND\s{1,3}(?:OF\s{1,3})?)(?:BEGIN\s+)?(?<kw>COMMENT)(?<cont>\s+CONT'?D|\s+CONTINUED)?(?:\s*[:.]|\s+-{1,2}(?=\s))/gim },
    { block: 'COMMENT', role: 'end', needs: ['END', 'COMMENT'], re: /\bEND\s*(?:OF\s+)?COMMENT\b/gi },
    { block: 'NOTE', role: 'open', needs: ['NOTE'], re: /[([]\s*(?:[A-Z][\w'/.-]*\s+){0,2}NOTE\s*[:.-]|(?<=^[ \t]*)NOTE\s*:|(?<=(?:[.!?]["')]?|\))\s{1,3})NOTE\s*[:.]/gim },
    { block: 'NOTE', role: 'end', needs: ['END', 'NOTE'], re: /\bEND\s*NOTE\b/gi },
    { block: 'QUOTE', role: 'open', needs: ['BEGIN'], re: /\bBEGIN\s+(?:TEXT|QUOTE|TALKING\s+POINTS|NON-PAPER)\b/gi },
    { block: 'QUOTE', role: 'end', needs: ['END'], re: /\bEND\s+(?:TEXT|QUOTE|TALKING\s+POINTS|NON-PAPER)\b/gi },
  ];
  const letter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const lower = text.toLowerCase();
  const starts: [number, number][] = [];
  if (lower.length === text.length) {
    for (const kw of ['summar', 'comment', 'note', 'begin', 'end']) {
      for (let at = lower.indexOf(kw); at >= 0; at = lower.indexOf(kw, at + kw.length)) {
        if (at > 0 && letter(text.charCodeAt(at - 1))) continue;
        starts.push([at, at + kw.length]);
      }
    }
    starts.sort((x, y) => x[0] - y[0]);
  } else {
    const KEYWORD = /(?<![A-Za-z])(?:SUMMAR|COMMENT|NOTE|BEGIN|END)/gi;
    for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) starts.push([m.index, m.index + m[0].length]);
  }
  const hits = starts.flat();
  const out: BlockMark[] = [];
  let h = 0;
  for (let i = 0; i < segments.length; i += 3) {
    const start = segments[i]!;
    const end = segments[i + 1]!;
    while (h < hits.length && hits[h]! < start) h += 2;
    if (h >= hits.length || hits[h + 1]! > end) continue;
    const context = Math.max(0, start - 200, text.lastIndexOf('\n', start - 2) + 1);
    const s = text.slice(context, end);
    const found: BlockMark[] = [];
    const upper = s.toUpperCase();
    for (const { block, role, needs, re } of MARKS) {
      if (!needs.every((w) => upper.includes(w))) continue;
      for (const m of s.matchAll(re)) {
        if (context + m.index + m[0].length <= start) continue;
        if (context + m.index < start && !/[\r\n\t\u2028]/.test(m[0])) continue;
        let a = m.index + context - start;
        let t = m[0];
        if (block === 'COMMENT' && role === 'open') {
          const kw = t.search(/(?:BEGIN\s+)?COMMENT/i);
          a += kw;
          t = t.slice(kw);
        }
        const from = start + a;
        found.push({ kind: 'BlockMark', block, role, text: t, range: rangeAt(lines, from, from + t.length), continued: block === 'COMMENT' && role === 'open' && /CONT/i.test(t), paragraphIndex: segments[i + 2]! });
      }
    }
    found.sort((x, y) => x.range.start.offset - y.range.start.offset);
    out.push(...found);
  }
  return out;
}

describe('field continuation shortcuts answer as their patterns', () => {
  it('inCapitals is /^[^a-z]*[A-Z][^a-z]*$/, which backtracked quadratically on a long subject line ending in a small letter', () => {
    const rnd = seeded(28);
    const pattern = /^[^a-z]*[A-Z][^a-z]*$/;
    let capitals = 0;
    for (let i = 0; i < 5000; i++) {
      const s = generated(rnd, 1 + Math.floor(rnd() * 6));
      assert.equal(inCapitals(s), pattern.test(s), JSON.stringify(s));
      if (inCapitals(s)) capitals++;
    }
    // Both answers occur.
    assert.ok(capitals > 100 && capitals < 4900, String(capitals));
  });
});
