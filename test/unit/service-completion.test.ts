import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { parseCable } from '../../grammar/src/index';
import { applyEdits, completions } from '../../server/src/service/index';
import { allFixtures, inDocument, positionOf, syntheticText } from './service-fixtures';

const synthetic = parseCable(syntheticText);
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newText = (i: CompletionItem) => (i.textEdit && 'range' in i.textEdit ? i.textEdit.newText : i.insertText);

describe('service: completion on a TAGS line', () => {
  it('offers PREL with its meaning when typing PR', () => {
    const cable = parseCable(syntheticText.replace('TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PR'));
    const items = completions(cable, positionOf(cable, 'TAGS: PR', 8));
    const prel = items.find((i) => i.label === 'PREL');
    assert.ok(prel, 'PREL offered');
    assert.equal(prel.detail, 'subject: External Political Relations (secondary, current table)');
    assert.match((prel.documentation as { value: string }).value, /Trust: `secondary`/);
    assert.ok(items.every((i) => String(i.label).startsWith('PR')), 'filtered by the typed prefix');
    // The typed prefix is replaced, not doubled.
    assert.equal(applyEdits(cable.text, [prel.textEdit as never]).split('\n')[19], 'TAGS: PREL');
  });

  it('offers every kind of code after a space, without the codes already on the line', () => {
    const items = completions(synthetic, positionOf(synthetic, 'DA NO', 5));
    assert.ok(items.length === 0 || labels(items).every((l) => l.startsWith('NO')));
    const cable = parseCable(syntheticText.replace('TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PREL '));
    const all = completions(cable, positionOf(cable, 'TAGS: PREL ', 11));
    const kinds = new Set(all.map((i) => String(i.detail).split(':')[0]));
    assert.deepEqual([...kinds].sort(), ['geographic', 'organization', 'program', 'subject']);
    assert.ok(!labels(all).includes('PREL'), 'PREL is already on the line');
    assert.ok(labels(all).includes('KWMN'));
  });
});

describe('service: TAGS completion, dated and by trust', () => {
  const NOW = new Date('2026-12-06T00:00:00Z');
  const at = (year: string, typed: string) => {
    const cable = parseCable(syntheticText.replace('P 141530Z MAY 08', `P 141530Z MAY ${year}`).replace('TAGS: PREL ENRG EINV IC DA NO', `TAGS: PREL ${typed}`));
    return completions(cable, positionOf(cable, `TAGS: PREL ${typed}`, `TAGS: PREL ${typed}`.length), NOW);
  };
  const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
  const trustOf = (i: CompletionItem) => /\((\w+), /.exec(String(i.detail))![1];

  it('shows the meaning a cable of its date reads, with its trust and source', () => {
    assert.equal(at('75', 'WT').find((i) => i.label === 'WTO')?.detail, 'organization: Warsaw Pact Organization (official, 1974 handbook)');
    assert.match(String(at('08', 'WT').find((i) => i.label === 'WTO')?.detail), /^organization: World Trade Organization \(/);
  });

  it('puts trusted codes first: every official code before every secondary one, inferred meanings last', () => {
    const items = sorted(at('23', 'E'));
    const order = items.map(trustOf);
    assert.equal(order[0], 'official');
    const rank = { official: 0, secondary: 1, fips: 1, acronym: 1, unverified: 2, inferred: 3 } as Record<string, number>;
    for (let i = 1; i < order.length; i++) assert.ok(rank[order[i - 1]!]! <= rank[order[i]!]!, `${items[i - 1]!.label} (${order[i - 1]}) before ${items[i]!.label} (${order[i]})`);
    assert.ok(order.includes('inferred') || order.includes('unverified'), 'the prefix E reaches codes of lower trust too');
  });

  it('offers no historic country code on a cable of today', () => {
    assert.equal(at('08', 'G').find((i) => i.label === 'GE'), undefined);
  });
});

describe('service: completion at a line start', () => {
  it('offers the next paragraph number with a portion-mark snippet in the text', () => {
    const items = completions(synthetic, { line: 37, character: 0 });
    assert.deepEqual(labels(items), ['3.']);
    const item = items[0]!;
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    // CONFIDENTIAL banner: the banner's level first, nothing above it.
    assert.equal(newText(item), '3. (${1|C,U,SBU,SBU/NF,C/NF|}) $0');
  });

  it('keeps the pilcrow style of the previous paragraph', () => {
    const cable = parseCable('UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: PREL IT\nSUBJECT: TEST\n\n¶1. (U) First.\n\n');
    const items = completions(cable, { line: 8, character: 0 });
    assert.deepEqual(labels(items), ['¶2.']);
    assert.equal(newText(items[0]!), '¶2. (${1|U,SBU,SBU/NF|}) $0');
  });

  it('offers captions, classification skeletons and missing field keywords in the header', () => {
    const draft = parseCable('\n');
    const items = completions(draft, { line: 0, character: 0 });
    const l = labels(items);
    for (const want of ['C O N F I D E N T I A L', 'UNCLAS', 'SIPDIS', 'NOFORN', 'TAGS:', 'SUBJECT:', 'REF:']) assert.ok(l.includes(want), `${want} offered`);
    const banner = items.find((i) => i.label === 'S E C R E T')!;
    assert.equal(newText(banner), 'S E C R E T ${1:POST} ${2:000000}');
  });

  it('offers the E.O. skeleton only when the cable has no E.O. line, dated from the DTG', () => {
    assert.ok(!labels(completions(synthetic, { line: 17, character: 0 })).some((l) => l.startsWith('E.O.')));
    const cable = parseCable(syntheticText.replace('E.O. 12958: DECL: 05/14/2018\n', '\n'));
    const items = completions(cable, { line: 18, character: 0 });
    const eo = items.find((i) => i.label === 'E.O. 12958: DECL: 05/14/2018');
    assert.ok(eo, `E.O. skeleton offered, got ${labels(items).join(', ')}`);
    assert.equal(newText(eo), 'E.O. ${1:12958}: DECL: ${2:05/14/2018}');
    assert.ok(!labels(items).includes('SIPDIS'), 'SIPDIS is already there');
    const draft = parseCable('S E C R E T ROME 000123\n\n');
    assert.ok(labels(completions(draft, { line: 2, character: 0 })).includes('E.O. 12958: DECL: MM/DD/YYYY'));
  });
});

describe('service: completion after a paragraph number', () => {
  it('offers only portion marks at or below the banner level', () => {
    const cable = parseCable(syntheticText.replace('2. (U) The Industry', '2. The Industry'));
    const items = completions(cable, positionOf(cable, '2. The Industry', 3));
    assert.deepEqual(labels(items), ['(U)', '(SBU)', '(SBU/NF)', '(C)', '(C/NF)']);
    const unclas = parseCable('UNCLAS ROME 000123\n\nE.O. 12958: N/A\n\n1. ');
    assert.deepEqual(labels(completions(unclas, { line: 4, character: 3 })), ['(U)', '(SBU)', '(SBU/NF)']);
  });

  it('replaces a half-typed mark', () => {
    const cable = parseCable('S E C R E T ROME 000123\n\nE.O. 12958: DECL: 01/01/2030\n\n1. (S');
    const items = completions(cable, { line: 4, character: 5 });
    const s = items.find((i) => i.label === '(S/NF)')!;
    assert.equal(applyEdits(cable.text, [s.textEdit as never]).split('\n')[4], '1. (S/NF) ');
  });
});

describe('service: completion edges', () => {
  it('answers [] outside the document and in the envelope', () => {
    assert.deepEqual(completions(synthetic, { line: 999, character: 0 }), []);
    assert.deepEqual(completions(synthetic, { line: 3, character: 2 }), []);
  });

  it('keeps every edit range inside the document', () => {
    for (const { name, cable } of allFixtures().slice(0, 25)) {
      for (let line = 0; line < cable.lines.length; line += 3) {
        for (const i of completions(cable, { line, character: 0 })) {
          if (i.textEdit && 'range' in i.textEdit) assert.ok(inDocument(cable, i.textEdit.range), `${name}:${line}`);
        }
      }
    }
  });
});
