/**
 * The language features a user reaches through VS Code's own commands, on the annotated example of
 * spec 1.1 (valid-draft-reykjavik.cable). Expected values are read off the cable itself.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, open, positionOf, waitFor } from './helpers';

const NAME = 'valid-draft-reykjavik.cable';

describe(`language features on ${NAME}`, () => {
  let doc: vscode.TextDocument;
  before(async () => {
    doc = await open(NAME);
    // The server is up once it answers for this document.
    await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    });
  });

  const hoverAt = async (needle: string, delta = 1) =>
    hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, needle, delta)));

  it('outline: envelope, banner, header fields, two sections holding their paragraphs, signature', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = symbols.map((s) => s.name);
    assert.equal(names[0], 'Envelope');
    // Lines 1-10 of the cable are the envelope, each one an entry.
    assert.equal(symbols[0]!.children.length, 10);
    assert.ok(symbols[0]!.children.some((c) => c.name === 'DE RUEHRK #0457/01 1351530'));
    for (const field of ['TAGS', 'SUBJECT', 'REF', 'Classified By']) assert.ok(names.includes(field), `${field} in ${names.join(' | ')}`);
    assert.equal(symbols.find((s) => s.name === 'REF')!.children.length, 3);
    const sections = symbols.filter((s) => /^Section \d of 2$/.test(s.name));
    assert.deepEqual(
      sections.map((s) => s.children.map((p) => Number.parseInt(p.name, 10))),
      [[1, 2, 3], [4, 5]],
    );
    assert.equal(names.at(-1), 'EXAMPLE');
  });

  it('hover on a TAGS subject code explains it', async () => {
    const text = await hoverAt('PREL');
    assert.match(text, /PREL/);
    assert.match(text, /External Political Relations/);
  });

  it('hover on a geographic tag names the country', async () => {
    assert.match(await hoverAt(' IC ', 1), /Iceland/);
  });

  it('hover on the DTG reads the date and time', async () => {
    const text = await hoverAt('141530Z');
    assert.match(text, /14 May 2008/);
    assert.match(text, /15:30/);
  });

  it('hover on free text has nothing to say', async () => {
    assert.equal(await hoverAt('lenders want'), '');
  });

  it('inlay hints: the meaning after each TAGS code, the DTG and the DE line decoded, the DECL date from the cable date', async () => {
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, whole);
    const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    /** The word each hint follows, and its label. */
    const after = hints.map((h) => [doc.lineAt(h.position.line).text.slice(0, h.position.character).split(/\s+/).pop(), label(h)]);
    const tags = after.filter(([, l]) => l!.startsWith('›'));
    assert.deepEqual(
      tags.map(([code]) => code),
      ['PREL', 'ENRG', 'EINV', 'IC', 'DA', 'NO'],
    );
    assert.deepEqual(tags[0], ['PREL', '› External Political Relations']);
    assert.deepEqual(tags[3], ['IC', '› Iceland']);
    // DE day 135 of 2008 and the DTG 141530Z MAY 08 are 14 May 2008; DECL 05/14/2018 ten years on.
    assert.deepEqual(
      after.filter(([, l]) => !l!.startsWith('›')),
      [
        ['1351530', '14 May 15:30Z'],
        ['08', '14 May 2008 15:30Z'],
        ['05/14/2018', 'in 10 years'],
      ],
    );
  });

  it('completion offers TAGS codes for the typed prefix, and portion marks after a paragraph number', async () => {
    const onTags = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, 'ENRG', 1));
    const labels = onTags.items.map((c) => (typeof c.label === 'string' ? c.label : c.label.label));
    // EAGR (agriculture) is a subject tag starting with the typed E and not yet on the line.
    assert.ok(labels.includes('EAGR'), labels.join(' '));
    assert.ok(labels.every((l) => l.startsWith('E')), 'filtered by the typed "E"');
    const marks = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, '(U) The Industry'));
    const markLabels = marks.items.map((c) => (typeof c.label === 'string' ? c.label : c.label.label));
    assert.ok(markLabels.includes('(U)') && markLabels.includes('(C)'), markLabels.join(' '));
    // Nothing above the CONFIDENTIAL banner.
    assert.ok(!markLabels.includes('(S)'), markLabels.join(' '));
  });

  it('go to definition from a REF citation lands on the REF item', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      positionOf(doc, '(REF A)', 5),
    );
    assert.equal(locations.length, 1);
    const l = locations[0]!;
    const [uri, range] = 'targetUri' in l ? [l.targetUri, l.targetSelectionRange ?? l.targetRange] : [l.uri, l.range];
    assert.equal(uri.toString(), doc.uri.toString());
    assert.equal(doc.getText(range), 'A.');
    assert.equal(range.start.line, 23);
  });

  it('folding ranges cover the envelope and the summary paragraph', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const has = (start: number, end: number) => ranges.some((r) => r.start === start && r.end === end);
    assert.ok(has(0, 9), 'envelope, lines 1-10');
    assert.ok(has(30, 33), 'paragraph 1 with its summary, lines 31-34');
    for (const r of ranges) assert.ok(r.end > r.start);
  });

  it('semantic tokens colour the routing indicator, the DTG, the TAGS codes and the banner', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
    assert.ok(legend && tokens, 'a semantic tokens provider for cables');
    const decoded = new Map<string, string>();
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, length, type] = [tokens.data[i]!, tokens.data[i + 1]!, tokens.data[i + 2]!, tokens.data[i + 3]!];
      line += dl;
      char = dl === 0 ? char + dc : dc;
      decoded.set(doc.getText(new vscode.Range(line, char, line, char + length)) + `@${line}`, legend.tokenTypes[type]!);
    }
    assert.equal(decoded.get('RUEHRK@2'), 'namespace');
    assert.equal(decoded.get('PREL@19'), 'enumMember');
    assert.equal(decoded.get('IC@19'), 'enumMember');
    assert.equal(decoded.get('TAGS:@19') ?? decoded.get('TAGS@19'), 'keyword');
    assert.equal(decoded.get('C O N F I D E N T I A L@10'), 'type');
    const dtg = [...decoded].find(([k]) => k.endsWith('@4') && k.includes('141530Z'));
    assert.ok(dtg, [...decoded.keys()].filter((k) => k.endsWith('@4')).join(' '));
    assert.equal(dtg[1], 'number');
  });
});
