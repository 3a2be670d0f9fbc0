import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, Location, SelectionRange } from 'vscode-languageserver-protocol';
import { EXAMPLES, exampleUri, positionOf, TestClient, textAt } from './lsp-client';

const NAME = 'valid-draft-reykjavik.cable';
const TEXT = readFileSync(join(EXAMPLES, NAME), 'utf8');
const URI = exampleUri(NAME);
const td = { uri: URI };

function hoverText(h: Hover | null): string {
  const c = h?.contents;
  if (!c) return '';
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

describe('language features over LSP (the annotated example of spec 1.1)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    await client.openAndWait(URI, TEXT);
  });
  after(async () => {
    await client?.stop();
  });

  const hoverAt = (needle: string, delta = 1) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: td, position: positionOf(TEXT, needle, delta) });

  it('outline: envelope, banner with its captions, header fields, sections holding paragraphs', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: td });
    const names = symbols.map((s) => s.name);
    assert.equal(names[0], 'Envelope');
    assert.equal(symbols[0]!.children?.length, 10);
    assert.ok(symbols[0]!.children!.some((c) => c.name === 'DE RUEHRK #0457/01 1351530'));
    const banner = symbols.find((s) => s.name.startsWith('C O N F I D E N T I A L'));
    assert.ok(banner, names.join(' | '));
    assert.deepEqual(banner.children?.map((c) => c.name).slice(0, 2), ['SIPDIS', 'NOFORN']);
    for (const field of ['TAGS', 'SUBJECT', 'REF', 'Classified By']) assert.ok(names.includes(field), `${field} in ${names.join(' | ')}`);
    const ref = symbols.find((s) => s.name === 'REF')!;
    assert.equal(ref.children?.length, 3);
    const sections = symbols.filter((s) => /^Section \d of 2$/.test(s.name));
    assert.equal(sections.length, 2);
    const paragraphNumbers = sections.map((s) => (s.children ?? []).map((p) => Number.parseInt(p.name, 10)));
    assert.deepEqual(paragraphNumbers, [[1, 2, 3], [4, 5]]);
    const para3 = sections[0]!.children!.find((p) => p.name.startsWith('3.'))!;
    assert.deepEqual(para3.children?.map((c) => c.name[0]), ['A', 'B', 'C']);
    // Every child lies inside its parent.
    const inside = (s: DocumentSymbol): void => {
      for (const c of s.children ?? []) {
        assert.ok(c.range.start.line >= s.range.start.line && c.range.end.line <= s.range.end.line, `${c.name} inside ${s.name}`);
        inside(c);
      }
    };
    symbols.forEach(inside);
    assert.equal(names.at(-1), 'EXAMPLE');
  });

  it('hover on a subject tag explains it', async () => {
    const text = hoverText(await hoverAt('PREL'));
    assert.match(text, /PREL/);
    assert.match(text, /External Political Relations/);
  });

  it('hover on a geographic tag names the country', async () => {
    assert.match(hoverText(await hoverAt(' IC ', 1)), /Iceland/);
  });

  it('hover on a routing indicator names the station', async () => {
    assert.match(hoverText(await hoverAt('RUEHRK')), /AMEMBASSY REYKJAVIK/);
  });

  it('hover on the DTG reads the date', async () => {
    const text = hoverText(await hoverAt('141530Z'));
    assert.match(text, /14 May 2008/);
    assert.match(text, /15:30/);
  });

  it('hover on free text has nothing to say', async () => {
    assert.equal(await hoverAt('lenders want'), null);
  });

  it('completion offers TAGS codes on the TAGS line and portion marks after a paragraph number', async () => {
    const onTags = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: td,
      position: positionOf(TEXT, 'ENRG', 1),
    });
    const labels = onTags.map((c) => c.label);
    assert.ok(labels.includes('ENRG') || labels.includes('EAGR'), labels.slice(0, 10).join(' '));
    assert.ok(labels.every((l) => l.startsWith('E')), 'filtered by the typed prefix');
    const marks = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: td,
      position: positionOf(TEXT, '(U) The Industry'),
    });
    const markLabels = marks.map((c) => c.label);
    assert.ok(markLabels.includes('(U)') && markLabels.includes('(C)'), markLabels.join(' '));
    // A CONFIDENTIAL cable offers nothing above its banner.
    assert.ok(!markLabels.includes('(S)'), markLabels.join(' '));
  });

  it('go to definition from a REF citation lands on the REF item letter', async () => {
    const loc = await client.request<Location | null>('textDocument/definition', {
      textDocument: td,
      position: positionOf(TEXT, '(REF A)', 5),
    });
    assert.ok(loc);
    assert.equal(loc.uri, URI);
    assert.equal(textAt(TEXT, loc.range), 'A.');
    assert.equal(loc.range.start.line, positionOf(TEXT, 'A. REYKJAVIK 412').line);
  });

  it('references of a REF item: the declaration and each citation', async () => {
    const position = positionOf(TEXT, 'A. REYKJAVIK 412');
    const all = await client.request<Location[]>('textDocument/references', { textDocument: td, position, context: { includeDeclaration: true } });
    assert.deepEqual(all.map((l) => textAt(TEXT, l.range)), ['A.', 'A']);
    assert.ok(all.every((l) => l.uri === URI));
    const usesOnly = await client.request<Location[]>('textDocument/references', { textDocument: td, position, context: { includeDeclaration: false } });
    assert.deepEqual(usesOnly.map((l) => l.range.start.line), [positionOf(TEXT, '(REF A)').line]);
    const highlights = await client.request<{ kind: number }[]>('textDocument/documentHighlight', { textDocument: td, position });
    assert.deepEqual(highlights.map((h) => h.kind), [3, 2]);
  });

  it('folding ranges cover the envelope, the classification block and the blocks', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: td });
    const has = (start: number, end: number) => ranges.some((r) => r.startLine === start && r.endLine === end);
    assert.ok(has(0, 9), 'envelope lines 1-10');
    const summary = positionOf(TEXT, '1. (C) SUMMARY').line;
    const endSummary = positionOf(TEXT, 'END SUMMARY').line;
    assert.ok(has(summary, endSummary), 'paragraph 1 with its summary');
    for (const r of ranges) assert.ok(r.endLine > r.startLine);
  });

  it('selection ranges grow from a tag to its line, block and document', async () => {
    const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: td,
      positions: [positionOf(TEXT, 'ENRG', 1)],
    });
    assert.ok(sel);
    assert.equal(textAt(TEXT, sel.range), 'ENRG');
    let level: SelectionRange | undefined = sel;
    let depth = 0;
    while (level?.parent) {
      const inner = level.range;
      const outer = level.parent.range;
      assert.ok(textAt(TEXT, outer).includes(textAt(TEXT, inner)));
      level = level.parent;
      depth++;
    }
    assert.ok(depth >= 2);
    assert.ok(textAt(TEXT, level!.range).startsWith('VZCZC'));
  });

  it('semantic tokens use the announced legend and mark routing indicators and captions', async () => {
    const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: td });
    assert.equal(data.length % 5, 0);
    assert.ok(data.length > 0);
    const tokens: { text: string; type: string }[] = [];
    const lines = TEXT.split('\n');
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i] ? data[i + 1]! : char + data[i + 1]!;
      const type = legend.tokenTypes[data[i + 3]!];
      assert.ok(type, `token type index ${data[i + 3]}`);
      tokens.push({ text: lines[line]!.slice(char, char + data[i + 2]!), type });
    }
    const typeOf = (text: string) => tokens.find((t) => t.text === text)?.type;
    assert.equal(typeOf('RUEHRK'), 'namespace');
    assert.equal(typeOf('SIPDIS'), 'macro');
    assert.equal(typeOf('FM'), 'keyword');
  });
});

describe('lettered items over LSP: outline and folding (seed 002, issue 15 item 6)', () => {
  const SEED = 'seed-002-dushanbe-313-published.txt';
  const text = readFileSync(join(EXAMPLES, SEED), 'utf8');
  const lines = text.split(/\r\n|\r|\n/);
  const uri = exampleUri(SEED);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({
      patchCapabilities: (c) => {
        c.textDocument!.documentSymbol = { hierarchicalDocumentSymbolSupport: true };
        c.textDocument!.foldingRange = { lineFoldingOnly: true };
      },
    });
    await client.openAndWait(uri, text);
  });
  after(async () => {
    await client?.stop();
  });

  const flatten = (symbols: DocumentSymbol[]): DocumentSymbol[] => symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
  /** The last line holding text before `line` (the text's own reading, not the server's). */
  const lastTextLineBefore = (line: number) => {
    let l = line - 1;
    while (l > 0 && !/\S/.test(lines[l]!)) l--;
    return l;
  };

  it('each of the 36 lettered items spans its text, up to the next item, heading, paragraph or page', async () => {
    const all = flatten(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
    const items = all.filter((s) => /^[A-O]\. /.test(s.name));
    assert.equal(items.length, 36);
    const starts = [...new Set(all.map((s) => s.range.start.line))].sort((a, b) => a - b);
    const tajikistan = items[0]!;
    assert.match(tajikistan.name, /^A\. Tajikistan is an origin/);
    assert.ok(tajikistan.range.end.line > tajikistan.range.start.line + 20, `A. runs over its lines: ${JSON.stringify(tajikistan.range)}`);
    for (const item of items) {
      const next = starts.find((l) => l > item.range.start.line) ?? lines.length;
      assert.equal(item.range.end.line, lastTextLineBefore(next), `${item.name} at line ${item.range.start.line + 1}`);
    }
  });

  it('folds each lettered item of more than one line over the lines its outline entry spans', async () => {
    const all = flatten(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const items = all.filter((s) => /^[A-O]\. /.test(s.name) && s.range.end.line > s.range.start.line);
    assert.ok(items.length >= 30, `${items.length} multi-line items`);
    for (const item of items) {
      assert.ok(
        ranges.some((r) => r.startLine === item.range.start.line && r.endLine === item.range.end.line),
        `${item.name}: a fold over lines ${item.range.start.line + 1}-${item.range.end.line + 1}`,
      );
    }
  });
});
