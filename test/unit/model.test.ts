/**
 * The cable model (server/src/model): its invariants (one object per tree, computed once, frozen,
 * never throws), and the disagreements between the rules and the editor it ended: every reader
 * now takes the meaning from it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { describe, it } from 'node:test';
import type { Cable } from '../../grammar/src/ast';
import { parseCable } from '../../grammar/src/index';
import { lint, lintCable } from '../../server/src/lint';
import { modelOf } from '../../server/src/model/index';
import { documentSymbols, hover } from '../../server/src/service/index';
import { positionOf, root } from './service-fixtures';

const unclassified = readFileSync(join(root, 'examples/valid-draft-unclassified.cable'), 'utf8');
const transmitted = readFileSync(join(root, 'examples/valid-transmitted-two-sections.cable'), 'utf8');

function hoverText(cable: Cable, needle: string, delta = 0): string {
  const h = hover(cable, positionOf(cable, needle, delta));
  assert.ok(h, `a hover at ${needle}`);
  return (h.contents as { value: string }).value;
}

function symbolDetails(cable: Cable): string[] {
  const out: string[] = [];
  const walk = (symbols: ReturnType<typeof documentSymbols>) => {
    for (const s of symbols) {
      out.push(`${s.name}: ${s.detail ?? ''}`);
      if (s.children) walk(s.children);
    }
  };
  walk(documentSymbols(cable));
  return out;
}

describe('model: invariants', () => {
  const cable = parseCable(transmitted);

  it('is one object per tree, and each meaning is computed once', () => {
    const model = modelOf(cable);
    assert.equal(modelOf(cable), model);
    assert.equal(model.blocks, model.blocks);
    assert.equal(model.tags, model.tags);
    assert.equal(model.envelope.routingIndicators, model.envelope.routingIndicators);
    assert.notEqual(modelOf(parseCable(transmitted)), model, 'another tree of the same text has its own model');
  });

  it('keeps the model with the tree without changing what the tree shows: its keys, its JSON, a copy of it', () => {
    const fresh = parseCable(transmitted);
    const keys = Reflect.ownKeys(fresh).filter((k) => Object.prototype.propertyIsEnumerable.call(fresh, k));
    const json = JSON.stringify(fresh);
    const model = modelOf(fresh);
    void model.blocks;
    assert.deepEqual(Reflect.ownKeys(fresh).filter((k) => Object.prototype.propertyIsEnumerable.call(fresh, k)), keys);
    assert.equal(JSON.stringify(fresh), json);
    // On the tree itself, in a symbol slot: a WeakMap from tree to model kept every linted tree
    // through the young generation's collections (the value refers back to its key).
    assert.equal(Object.getOwnPropertySymbols(fresh).filter((k) => (fresh as unknown as Record<symbol, unknown>)[k] === model).length, 1);
    const copy = { ...fresh };
    assert.notEqual(modelOf(copy), model, 'a spread copy is another tree: it does not carry the model along');
    assert.equal(modelOf(copy).cable, copy);
  });

  it('gives a tree its owner froze one model too', () => {
    const frozenTree = Object.freeze(parseCable(transmitted));
    const model = modelOf(frozenTree);
    assert.equal(modelOf(frozenTree), model);
    assert.equal(model.cable, frozenTree);
    assert.ok(model.envelope.routingIndicators.length > 0, 'its meanings are computed as for any tree');
  });

  it('is inert from outside: the model and each of its meanings are frozen (their records are typed read-only)', () => {
    const model = modelOf(cable);
    for (const [name, value] of [
      ['model', model],
      ['dates', model.dates],
      ['classification', model.classification],
      ['header', model.header],
      ['tags', model.tags],
      ['blocks', model.blocks],
      ['numbering', model.numbering],
      ['sections', model.sections],
      ['references', model.references],
      ['envelope', model.envelope],
      ['wrapper', model.wrapper],
    ] as const) {
      assert.ok(Object.isFrozen(value), `${name} is frozen`);
    }
    assert.throws(() => {
      (model as unknown as { tags: unknown }).tags = undefined;
    }, TypeError);
    assert.throws(() => {
      (model.blocks as unknown as { spans: unknown }).spans = [];
    }, TypeError);
    assert.equal(model.blocks.spans, modelOf(cable).blocks.spans, 'asking again answers the same list');
  });

  it('keeps the model and every meaning a fast-properties object in V8, their lazy parts answered from the prototype', () => {
    // A getter written in a meaning's object literal (a new accessor per cable) put the object in
    // dictionary mode: every read of it by a rule a hash lookup, every freeze a dictionary copy.
    setFlagsFromString('--allow-natives-syntax');
    const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    const model = modelOf(parseCable(transmitted));
    const meanings = [
      'dates', 'classification', 'header', 'tags', 'blocks', 'numbering', 'sections', 'references', 'envelope', 'wrapper',
      'publication', 'anotherCable', 'tagList', 'subject', 'addressees', 'authority', 'summary', 'identity',
    ] as const;
    assert.equal(hasFastProperties(model), true, 'model');
    for (const name of meanings) assert.equal(hasFastProperties(model[name]), true, name);
    // The lazy parts, read through the prototype's getters, answer (and the objects stay fast).
    assert.ok(model.envelope.routingIndicators.length > 0);
    assert.ok(model.envelope.addressees.length > 0);
    assert.equal(model.classification.bannerAttempts.length, 0);
    assert.equal(model.classification.statedInHeader.noforn, true);
    assert.equal(model.header.classifiedByHasReason, true);
    assert.equal(model.numbering.laterPart, false);
    assert.ok(model.wrapper.lastTextLine);
    assert.deepEqual(model.references.citations.map((c) => c.letter), ['A', 'B']);
    assert.equal(model.sections.bannerTotalCorrection, undefined);
    for (const name of meanings) assert.equal(hasFastProperties(model[name]), true, `${name} after its lazy parts`);
    assert.ok(Object.isFrozen(model.header) && Object.isFrozen(model.envelope));
  });

  it('never throws: a meaning that cannot be computed answers empty, and lint reports it', () => {
    const broken = { ...parseCable(unclassified) } as Cable;
    Object.defineProperty(broken, 'blockMarks', {
      get() {
        throw new Error('tree damaged');
      },
    });
    const model = modelOf(broken);
    assert.deepEqual(model.blocks.spans, []);
    assert.deepEqual(model.failures, [{ meaning: 'blocks', message: 'tree damaged' }]);
    const internal = lintCable(broken).diagnostics.filter((d) => d.message.includes('internal error in the cable model'));
    assert.deepEqual(internal.map((d) => [d.ruleId, d.message]), [['CBL000', 'internal error in the cable model (blocks): tree damaged']]);
  });
});

describe('model: the (NOTE: …) paragraph (hover, outline and rules agree)', () => {
  const text = unclassified.replace(
    '2. (U) The Economy Ministry published the decision on its',
    '2. (U) The minister arrived (NOTE: he was late). We met him.\nThe Economy Ministry published the decision on its',
  );
  const cable = parseCable(text);

  it('the rules: the note is closed by its ) and CBL104 says nothing', () => {
    const ids = lint(text).diagnostics.map((d) => d.ruleId);
    assert.ok(!ids.includes('CBL104'), ids.join(' '));
    const note = modelOf(cable).blocks.spans.find((s) => s.block === 'NOTE');
    assert.equal(note?.closes.by, 'paren');
  });

  it('the hover on (NOTE says it is closed by ) on its line, not that it is open', () => {
    const line = positionOf(cable, 'late)').line + 1;
    assert.equal(hoverText(cable, '(NOTE', 1), `**Note** opens (closed by \`)\` on line ${line}).`);
  });

  it('the outline says the note is closed by ), and its extent runs from (NOTE to the )', () => {
    assert.ok(symbolDetails(cable).includes('NOTE: closed by )'), symbolDetails(cable).join('\n'));
    const note = modelOf(cable).blocks.spans.find((s) => s.block === 'NOTE')!;
    assert.equal(cable.text.slice(note.range.start.offset, note.range.end.offset), '(NOTE: he was late)');
  });

  it('an unclosed (NOTE: is reported by CBL104 and the hover says so', () => {
    const open = text.replace('(NOTE: he was late).', '(NOTE: he was late.');
    const ids = lint(open).diagnostics.map((d) => d.ruleId);
    assert.ok(ids.includes('CBL104'));
    assert.match(hoverText(parseCable(open), '(NOTE', 1), /\(not closed\)/);
  });

  it('a comment in parentheses closed by ) is closed though no mark follows it (CBL103)', () => {
    const comment = unclassified.replace(
      '2. (U) The Economy Ministry',
      '2. (U) The cabinet met (COMMENT: as it does each week.) on Monday.\n\n3. (U) The Economy Ministry',
    ).replace('bid. END SUMMARY.', 'bid.');
    const diagnostics = lint(comment, { rules: { CBL103: 'info' } }).diagnostics.map((d) => d.ruleId);
    assert.ok(!diagnostics.includes('CBL103'), diagnostics.join(' '));
    assert.match(hoverText(parseCable(comment), 'COMMENT:'), /closed by `\)`/);
  });
});

describe('model: routing indicators are R + 3–7 letters, defined once', () => {
  for (const ri of ['RUEHRKABC', 'RUEHRKABCD']) {
    const text = transmitted.replace('DE RUEHRK #0457/01 1351530', `DE ${ri} #0457/01 1351530`);
    const cable = parseCable(text);
    const letters = ri.length - 1;

    it(`a DE line with ${letters} letters after R still parses as the DE line`, () => {
      assert.equal(cable.envelope?.de?.routingIndicator?.text, ri);
      assert.deepEqual(cable.errors, []);
    });

    it(`the model marks it malformed, and CBL004 reports it (${letters} letters)`, () => {
      const use = modelOf(cable).envelope.routingIndicators.find((r) => r.span.text === ri);
      assert.equal(use?.wellFormed, false);
      const d = lint(text).diagnostics.filter((x) => x.ruleId === 'CBL004');
      assert.deepEqual(
        d.map((x) => [x.message, x.range.start.line, x.range.start.character, x.range.end.character]),
        [[`DE routing indicator '${ri}': expected R followed by 3–7 letters ('DE <routing indicator> #<serial>[/NN] <DDDHHMM>')`, 2, 3, 3 + ri.length]],
      );
      assert.ok(!lint(text).diagnostics.some((x) => x.ruleId === 'CBL000'));
    });

    it(`the hover and the outline call it malformed (${letters} letters)`, () => {
      assert.match(hoverText(cable, ri), new RegExp(`^\\*\\*${ri}\\*\\*: malformed routing indicator: it has ${ri.length} letters; expected R followed by 3–7 letters`));
      assert.ok(symbolDetails(cable).some((s) => s.startsWith(`DE ${ri}`) && s.endsWith(`malformed routing indicator ${ri}`)), symbolDetails(cable).join('\n'));
    });
  }

  it('a well-formed indicator is not called malformed anywhere', () => {
    const cable = parseCable(transmitted);
    assert.ok(modelOf(cable).envelope.routingIndicators.every((r) => r.wellFormed));
    assert.doesNotMatch(hoverText(cable, 'RUEHRK'), /malformed/);
    assert.ok(!symbolDetails(cable).some((s) => s.includes('malformed')));
  });

  it('CBL003 and CBL011 report a long indicator on the precedence and addressee lines', () => {
    const text = transmitted.replace('PP RUEHCP RUEHNY', 'PP RUEHCPABCD RUEHNY').replace('TO RUEHC/SECSTATE', 'TO RUEHCABCDE/SECSTATE');
    const d = lint(text).diagnostics;
    assert.deepEqual(
      d.filter((x) => x.ruleId === 'CBL003' || x.ruleId === 'CBL011').map((x) => [x.ruleId, x.message]),
      [
        ['CBL003', "routing indicator 'RUEHCPABCD' has 10 letters: expected R followed by 3–7 letters"],
        ['CBL011', "routing indicator 'RUEHCABCDE' has 10 letters: expected R followed by 3–7 letters"],
      ],
    );
  });
});
