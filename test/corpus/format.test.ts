/**
 * The formatter over real cables, as properties (service/format.ts), forced so that published
 * copies are formatted too: on the committed sample always, and on the 2,098 cables of
 * ../shared/corpus/public when they are there.
 *   - every cable keeps its words: the sequence of non-blank tokens is the same after;
 *   - a cable whose every line fits the width gets no edit at all (the formatter applies no fix,
 *     so none of its lines changes), and in any cable each edit replaces lines of a paragraph
 *     that had a line over the width;
 *   - formatting the result again changes nothing;
 *   - unforced, a published copy is left alone.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseCable } from '../../grammar/src/index';
import { decodeCable } from '../../server/src/host/decode';
import { measureLine } from '../../server/src/model/line-width';
import { formatCable, formatText } from '../../server/src/service/format';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../fixtures/corpus');
const PUBLIC = join(here, '../../../shared/corpus/public');
const NOW = new Date('2026-12-06T12:00:00Z');
const WIDTH = 69;

const tokens = (text: string) => text.split(/\s+/).filter((t) => t.length > 0);

/** Whether a line (trailing blanks left out, as CBL120 leaves them) is over the width. */
function over(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  return measureLine(text, start, e, WIDTH).overflow >= 0;
}

interface Figures {
  cables: number;
  fitting: number;
  formatted: number;
  kept: number;
  failures: string[];
}

function check(folder: string): Figures {
  const f: Figures = { cables: 0, fitting: 0, formatted: 0, kept: 0, failures: [] };
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt')).sort()) {
    const text = decodeCable(readFileSync(join(folder, name)));
    const cable = parseCable(text);
    f.cables++;
    const result = formatCable(cable, { force: true, lint: { now: NOW } });
    const out = formatText(text, { force: true, lint: { now: NOW } });
    const fail = (why: string) => f.failures.push(`${name}: ${why}`);
    if (out.text !== text) f.formatted++;
    f.kept += result.kept.length;
    if (tokens(out.text).join(' ') !== tokens(text).join(' ')) fail('the words changed');
    const fits = cable.lines.every((l) => !over(text, l.start, l.end));
    if (fits) {
      f.fitting++;
      if (result.edits.length > 0) fail('a cable that fits was changed');
    }
    for (const e of result.edits) {
      let had = false;
      for (let l = e.range.start.line; l <= e.range.end.line && !had; l++) had = over(text, cable.lines[l]!.start, cable.lines[l]!.end);
      if (!had) fail(`lines ${e.range.start.line + 1}-${e.range.end.line + 1} changed though none was over the width`);
    }
    if (formatText(out.text, { force: true, lint: { now: NOW } }).text !== out.text) fail('formatting again changed it');
    const unforced = formatCable(cable, { lint: { now: NOW } });
    if (unforced.skipped === 'published' && unforced.edits.length > 0) fail('a published copy was changed unforced');
  }
  return f;
}

describe('formatter over real cables (forced)', () => {
  it('committed sample: words kept, fitting cables untouched, only over-wide paragraphs changed, idempotent', () => {
    const f = check(SAMPLE);
    assert.deepEqual(f.failures, []);
    assert.equal(f.cables, readdirSync(SAMPLE).filter((n) => n.endsWith('.txt')).length);
    // The sample holds both kinds: cables that fit (left alone) and reflowed ones (re-wrapped).
    assert.ok(f.fitting > 0 && f.formatted > 0, JSON.stringify(f));
  });

  it('public corpus (../shared/corpus/public): the same properties on every cable', (t) => {
    if (!existsSync(PUBLIC)) {
      t.diagnostic('NOTE: ../shared/corpus/public is absent: only the committed sample was checked');
      return;
    }
    const f = check(PUBLIC);
    t.diagnostic(`${f.cables} cables: ${f.fitting} fit and were left alone, ${f.formatted} re-wrapped, ${f.kept} paragraphs kept as written`);
    assert.deepEqual(f.failures, []);
    assert.equal(f.cables, 2098);
  });
});
