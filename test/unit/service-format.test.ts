/**
 * The formatter (service/format.ts): whitespace only, paragraphs over the width re-wrapped,
 * everything else as written. Inputs are the committed examples with their paragraphs joined
 * onto single lines, as a drafter pastes them; expected wraps worked out by hand at 69.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCable } from '../../grammar/src/index';
import { formatCable, formatText, formatWidth } from '../../server/src/service/format';
import { lint } from '../../server/src/lint';
import { allFixtures, root } from './service-fixtures';

const NOW = new Date('2026-12-06T12:00:00Z');
const DRAFT = readFileSync(join(root, 'examples/valid-draft-unclassified.cable'), 'utf8');
const tokens = (text: string) => text.split(/\s+/).filter((t) => t.length > 0);
const format = (text: string, options: Parameters<typeof formatText>[1] = {}) => formatText(text, { lint: { now: NOW }, ...options });

/** The draft with each numbered paragraph joined onto one line. */
function joined(text: string): string {
  const at = text.indexOf('\n1. ');
  return text.slice(0, at + 1) + text.slice(at + 1).replace(/([^\n])\n(?=[^\n])(?!HOLMGREN)/g, '$1 ');
}

/** A paragraph of about 300 characters on one line. */
const LONG =
  'The Economy Ministry published the decision on its website the same day, and the minister told parliament that the retrofit, budgeted at 180 million euros over four years and financed in part by a loan from the European Investment Bank, would be tendered in the autumn under the new rules.';

describe('service: formatting a draft', () => {
  it('re-wraps paragraphs written as single long lines to 69, the same words in the same order, and again changes nothing', () => {
    const input = joined(DRAFT).replace(/^2\. \(U\) .*$/m, `2. (U) ${LONG}`);
    assert.ok(input.split('\n').some((l) => l.length > 290), 'a paragraph of about 300 characters on one line');
    const out = format(input);
    assert.deepEqual(out.kept, []);
    assert.deepEqual(tokens(out.text), tokens(input));
    for (const line of out.text.split('\n')) assert.ok(line.length <= 69, line);
    assert.equal(format(out.text).text, out.text, 'idempotent');
    // The header, untouched, and each paragraph's continuation lines at the margin.
    assert.equal(out.text.slice(0, out.text.indexOf('\n1. ')), input.slice(0, input.indexOf('\n1. ')));
    assert.match(
      out.text,
      /\n2\. \(U\) The Economy Ministry published the decision on its website the\nsame day, and the minister told parliament that the retrofit,\nbudgeted at 180 million euros over four years and financed in part by\na loan from the European Investment Bank, would be tendered in the\nautumn under the new rules\.\n/,
    );
    // The result lints as the input did, less the long lines.
    const ids = (text: string) => lint(text, { now: NOW }).diagnostics.map((d) => d.ruleId).filter((id) => id !== 'CBL120');
    assert.deepEqual(ids(out.text), ids(input));
    assert.ok(!lint(out.text, { now: NOW, rules: { CBL120: 'warning' } }).diagnostics.some((d) => d.ruleId === 'CBL120'));
  });

  it('leaves a cable that fits exactly as written, its spacing after numbers and marks included', () => {
    const spaced = DRAFT.replace('1. (SBU) SUMMARY:', '1.  (SBU)  SUMMARY:');
    assert.deepEqual(formatCable(parseCable(spaced), { lint: { now: NOW } }).edits, []);
    assert.deepEqual(formatCable(parseCable(DRAFT), { lint: { now: NOW } }).edits, []);
  });

  it('a paragraph it re-wraps gets one space after the number and the portion mark', () => {
    const input = DRAFT.replace(/^2\. \(U\) .*\n.*\n.*\n.*$/m, `2.   (U)    ${LONG}`);
    assert.match(format(input).text, /\n2\. \(U\) The Economy Ministry/);
  });

  it('keeps the header, the REF list and indented items as written, long or not', () => {
    const longSubject = 'SUBJECT: ESTONIA: OIL-SHALE PLANT UPGRADE WINS CABINET BACKING AFTER A LONG AND BITTER DEBATE';
    const indented = `   A. ${LONG}`;
    const input = DRAFT.replace(/^SUBJECT: .*\nBACKING$/m, longSubject).replace('tender opens.', `tender opens.\n${indented}`);
    const out = format(input).text;
    assert.ok(out.includes(`\n${longSubject}\n`));
    assert.ok(out.includes(`\n${indented}\n`));
  });

  it('keeps a line set out in columns, and a rule of dashes', () => {
    const table = `POST        STAFF    BUDGET (MILLIONS)    SHARE OF THE REGIONAL TOTAL (PERCENT)`;
    const input = DRAFT.replace('tender opens.', `tender opens.\n\n${table}\n${'-'.repeat(80)}`);
    assert.equal(format(input).text, input);
  });

  it('never starts a wrapped line with what would read as a paragraph number or an item', () => {
    // Greedy filling would put "16." and "A." at line starts: a paragraph 16 (CBL085's trap)
    // and a lettered item.
    const para =
      '2. (U) The Economy Ministry published the decision on its website on May 16. The retrofit is budgeted at 180 million euros over four years, financed in part by a loan from Mr. John A. Smith of the European Investment Bank Group.';
    const input = DRAFT.replace(/^2\. \(U\) .*\n.*\n.*\n.*$/m, para);
    const out = format(input).text;
    const body = out.slice(out.indexOf('\n2. '), out.indexOf('\n3. '));
    for (const line of body.split('\n').slice(2)) assert.doesNotMatch(line, /^(?:\d{1,3}\.|[A-Z]\.)\s/, line);
    assert.deepEqual(tokens(out), tokens(input));
    assert.deepEqual(
      parseCable(out).paragraphs.map((p) => p.number),
      [1, 2, 3, 4],
    );
  });

  it('keeps CRLF line ends and writes the paragraph with them', () => {
    const input = joined(DRAFT).replace(/\n/g, '\r\n');
    const out = format(input).text;
    assert.ok(!/[^\r]\n/.test(out), 'every line end a CRLF');
    assert.deepEqual(tokens(out), tokens(input));
    for (const line of out.split('\r\n')) assert.ok(line.length <= 69);
  });

  it("wraps to CBL120's configured limit, by id or by name", () => {
    assert.equal(formatWidth(undefined), 69);
    assert.equal(formatWidth({ CBL120: ['info', { max: 55 }] }), 55);
    assert.equal(formatWidth({ 'line-length': ['warning', { max: 72 }] }), 72);
    const out = format(joined(DRAFT), { lint: { now: NOW, rules: { CBL120: ['info', { max: 55 }] } } });
    assert.equal(out.width, 55);
    for (const line of out.text.split('\n').slice(14)) assert.ok(line.length <= 55, line);
  });

  it('range formatting re-wraps only the paragraphs the range touches', () => {
    const input = joined(DRAFT);
    const line = input.split('\n').findIndex((l) => l.startsWith('3. '));
    const out = format(input, { lines: { start: line, end: line } }).text;
    const lines = out.split('\n');
    assert.ok(lines.find((l) => l.startsWith('1. '))!.length > 69, 'paragraph 1 as written');
    assert.ok(lines.find((l) => l.startsWith('3. '))!.length <= 69, 'paragraph 3 re-wrapped');
  });

  it('leaves published text alone unless forced', () => {
    // The partial-extract note makes the text a published copy (spec 4.1).
    const page = `This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n${joined(DRAFT)}`;
    const result = format(page);
    assert.equal(result.skipped, 'published');
    assert.equal(result.text, page);
    const forced = format(page, { force: true });
    assert.notEqual(forced.text, page);
    assert.deepEqual(tokens(forced.text), tokens(page));
    // A profile set in the settings decides, as for linting.
    assert.equal(format(joined(DRAFT), { lint: { now: NOW, profile: 'published' } }).skipped, 'published');
  });

  it('on every fixture, forced: the same words, edits inside the text and in order, kept paragraphs as written', () => {
    for (const { name, cable } of allFixtures()) {
      const result = formatCable(cable, { force: true, lint: { now: NOW } });
      const out = formatText(cable.text, { force: true, lint: { now: NOW } }).text;
      assert.deepEqual(tokens(out), tokens(cable.text), name);
      let at = 0;
      for (const e of result.edits) {
        assert.ok(e.range.start.offset >= at && e.range.end.offset <= cable.text.length, name);
        at = e.range.end.offset;
      }
      for (const line of result.kept) assert.ok(out.split('\n').includes(cable.text.split('\n')[line]!), `${name}: line ${line + 1} kept`);
    }
  });

  it('never throws, and gives no edit, on text that is not a cable', () => {
    for (const text of ['', '\n\n', '\u0000\u0001', 'x'.repeat(5000), '1.\n2.\n'.repeat(50)]) {
      const out = format(text, { force: true });
      assert.deepEqual(tokens(out.text), tokens(text));
    }
  });
});
