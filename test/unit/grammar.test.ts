import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseCable } from '../../grammar/src/index';

const here = dirname(fileURLToPath(import.meta.url));
const synthetic = readFileSync(join(here, '../fixtures/synthetic-reykjavik.cable'), 'utf8');

describe('grammar: the annotated synthetic cable (spec 1.1)', () => {
  const cable = parseCable(synthetic);

  it('parses without syntax problems', () => {
    assert.deepEqual(cable.errors, []);
  });

  it('reads the envelope line by line', () => {
    const env = cable.envelope!;
    assert.deepEqual(
      env.lines.map((l) => l.lineKind),
      ['transmissionId', 'precedence', 'de', 'security', 'dtg', 'fm', 'to', 'info', 'addressee', 'addressee'],
    );
    assert.equal(env.de?.stationSerial?.text, '0457');
    assert.equal(env.de?.dayOfYear, 135);
    assert.deepEqual([env.dtg?.day, env.dtg?.month, env.dtg?.year, env.dtg?.hour], [14, 5, 2008, 15]);
    assert.equal(env.to.length, 1);
    assert.equal(env.info.length, 3);
    assert.equal(env.info[1]!.routingIndicator?.text, 'RUEHNY');
  });

  it('reads the banner with its section marker and exact ranges', () => {
    const b = cable.banner!;
    assert.equal(b.level, 'CONFIDENTIAL');
    assert.equal(b.spaced, true);
    assert.equal(b.post.text, 'REYKJAVIK');
    assert.equal(b.serial.text, '000457');
    assert.deepEqual([b.section?.number, b.section?.total], [1, 2]);
    assert.equal(b.range.start.line, 10);
    assert.equal(b.section!.totalText.range.start.character, 'C O N F I D E N T I A L SECTION 01 OF '.length);
  });

  it('reads captions, pass line and header fields', () => {
    assert.deepEqual(cable.captions.map((c) => c.names), [['SIPDIS'], ['NOFORN']]);
    assert.equal(cable.passLines[0]!.text, 'DEPT FOR EUR/NB AND EEB/ESC');
    assert.equal(cable.eo?.decl?.text, '05/14/2018');
    assert.deepEqual(cable.tags[0]!.tags.map((t) => t.text), ['PREL', 'ENRG', 'EINV', 'IC', 'DA', 'NO']);
    assert.equal(cable.subject?.subject, 'ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC INTEREST, AND SOME DOUBTS');
    assert.deepEqual(cable.refs?.items.map((i) => [i.letter, i.target.text]), [
      ['A', 'REYKJAVIK 412'],
      ['B', '07 REYKJAVIK 1188'],
      ['C', 'STATE 50123'],
    ]);
    assert.equal(cable.classifiedBy?.authority?.text, 'Ambassador Jane Q. Example');
    assert.equal(cable.classifiedBy?.reasonSection, '1.4');
    assert.deepEqual(cable.classifiedBy?.reasonLetters.map((l) => l.text), ['b', 'd']);
    assert.deepEqual(cable.headerOrder.map((h) => h.kind), ['EoLine', 'TagsLine', 'SubjectLine', 'RefList', 'ClassifiedBy']);
  });

  it('reads numbered paragraphs, portion marks, sub-paragraphs and blocks', () => {
    assert.deepEqual(cable.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5]);
    assert.deepEqual(cable.paragraphs.map((p) => p.portionMark?.level), ['C', 'U', 'C', 'SBU', 'C']);
    assert.equal(cable.paragraphs[2]!.portionMark?.noforn, true);
    assert.deepEqual(cable.subParagraphs.map((s) => [s.letter, s.parentIndex]), [['A', 2], ['B', 2], ['C', 2]]);
    assert.deepEqual(cable.blocks.map((b) => [b.block, Boolean(b.open), Boolean(b.end)]), [
      ['SUMMARY', true, true],
      ['NOTE', true, true],
      ['COMMENT', true, true],
    ]);
  });

  it('reads the page marker, signature and end of message', () => {
    assert.deepEqual(cable.pageMarkers.map((p) => [p.number, p.total, p.wellFormed]), [[2, 2, true]]);
    assert.equal(cable.signature?.text, 'EXAMPLE');
    assert.equal(cable.endOfMessage?.range.start.line, 55);
  });
});

describe('grammar: never throws, ranges stay inside the text', () => {
  for (const input of ['', '\n', '\r\n\r', 'VZCZC', '1.', '¶', 'C O N F I D E N T I A L', '\u0000\uD800x', 'TAGS:']) {
    it(`parses ${JSON.stringify(input)}`, () => {
      const cable = parseCable(input);
      assert.equal(cable.range.end.offset, input.length);
    });
  }
});
