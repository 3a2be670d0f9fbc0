/**
 * Editing features over LSP beyond the basics of features.test.ts: completion in each place
 * the issue names, paragraph cross-references, renumbering with every reference form, the
 * single-candidate rule of fix-all, related information and the outline's blocks.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, DocumentHighlight, DocumentSymbol, Location } from 'vscode-languageserver-protocol';
import { applyTextEdits, EXAMPLES, editsFor, exampleUri, positionOf, TestClient, textAt } from './lsp-client';

const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const REYKJAVIK = read('valid-draft-reykjavik.cable');
const TALLINN = read('valid-draft-unclassified.cable');
const VALLETTA = read('invalid-paragraphs.cable');
const lineOf = (text: string, needle: string) => positionOf(text, needle).line;
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('editing features over LSP', () => {
  let client: TestClient;
  let n = 0;
  before(async () => {
    // A client that takes snippets, as VS Code does: the skeletons come as snippets only then.
    client = await TestClient.start({ patchCapabilities: (c) => void (c.textDocument!.completion!.completionItem!.snippetSupport = true) });
  });
  after(async () => {
    await client?.stop();
  });

  /** Opens `text` as a fresh untitled document and returns its URI. */
  async function open(text: string): Promise<string> {
    const uri = `untitled:editing-${++n}`;
    await client.openAndWait(uri, text);
    return uri;
  }

  const complete = (uri: string, position: { line: number; character: number }) =>
    client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });

  describe('completion', () => {
    it('TAGS codes of every kind after "TAGS: ", filtered by what is typed, with their meanings', async () => {
      const text = REYKJAVIK.replace('TAGS: PREL ENRG EINV IC DA NO', 'TAGS: ');
      const uri = await open(text);
      const all = await complete(uri, positionOf(text, 'TAGS: ', 6));
      const kinds = new Set(all.map((i) => String(i.detail).split(':')[0]));
      assert.deepEqual([...kinds].sort(), ['geographic', 'organization', 'program', 'subject']);

      const typed = text.replace('TAGS: ', 'TAGS: PREL N');
      await client.change(uri, 2, [{ text: typed }]);
      const onN = await complete(uri, positionOf(typed, 'PREL N', 6));
      assert.ok(onN.length > 0, 'items for N');
      assert.ok(onN.every((i) => i.label.startsWith('N')), onN.map((i) => i.label).join(' '));
      const nato = onN.find((i) => i.label === 'NATO');
      assert.equal(nato?.detail, 'organization: North Atlantic Treaty Organization (acronym, current table)', 'meaning, trust and source');
      assert.equal(onN.find((i) => i.label === 'NO')?.detail, 'geographic: Norway (fips, current table)');
      // The edit replaces just the typed prefix.
      const edit = nato!.textEdit as { range: Diagnostic['range']; newText: string };
      assert.equal(applyTextEdits(typed, [edit]).split('\n')[19], 'TAGS: PREL NATO');
    });

    it('captions not yet present at a line start under the banner', async () => {
      const uri = await open(REYKJAVIK);
      // Line 16 is the blank line between NOFORN and the pass line.
      const items = await complete(uri, { line: 15, character: 0 });
      const captions = items.filter((i) => i.detail === 'caption').map((i) => i.label);
      assert.ok(captions.includes('EXDIS') && captions.includes('NODIS'), captions.join(' '));
      assert.ok(!captions.includes('SIPDIS') && !captions.includes('NOFORN'), 'the cable already has SIPDIS and NOFORN');
      assert.match(String((items.find((i) => i.label === 'EXDIS')?.documentation as { value: string }).value), /Exclusive distribution only/);
    });

    it('classification words (banner skeletons) at the start of an empty draft', async () => {
      const uri = await open('\n');
      const items = await complete(uri, { line: 0, character: 0 });
      const banners = items.filter((i) => i.detail === 'banner').map((i) => i.label);
      for (const level of ['UNCLAS', 'C O N F I D E N T I A L', 'S E C R E T', 'LIMITED OFFICIAL USE']) assert.ok(banners.includes(level), `${level} in ${banners.join(' | ')}`);
      // header_codes.tsv's "UNCLAS E F T O" is a security-line form, not one a drafter types.
      assert.ok(!banners.includes('UNCLAS E F T O'), 'no EFTO banner');
    });

    it('the E.O. line skeleton, dated ten years after the DTG under E.O. 12958 (a 2008 cable)', async () => {
      const text = REYKJAVIK.replace('E.O. 12958: DECL: 05/14/2018\n', '');
      const uri = await open(text);
      const items = await complete(uri, { line: lineOf(text, 'TAGS:') - 1, character: 0 });
      const labels = items.filter((i) => i.detail?.startsWith('E.O. line')).map((i) => i.label);
      assert.deepEqual(labels, ['E.O. 12958: DECL: 05/14/2018', 'E.O. 12958: N/A']);
      const classified = items.find((i) => i.label === 'E.O. 12958: DECL: 05/14/2018')!;
      assert.equal(classified.sortText, '00', 'a CONFIDENTIAL cable gets the DECL form first');
    });

    it('the next paragraph number, with the marks allowed under the banner, its own level first', async () => {
      const uri = await open(REYKJAVIK);
      // Line 50 is the blank line after paragraph 4.
      const items = await complete(uri, { line: 49, character: 0 });
      assert.equal(items.length, 1);
      assert.equal(items[0]!.label, '5.');
      assert.equal((items[0]!.textEdit as { newText: string }).newText, '5. (${1|C,U,SBU,SBU/NF,C/NF|}) $0');
    });

    it('portion marks after a paragraph number, up to the banner level', async () => {
      const text = TALLINN.replace('4. (U) As proposed', '4. (');
      const uri = await open(text);
      const items = await complete(uri, positionOf(text, '4. (', 4));
      assert.deepEqual(items.map((i) => i.label), ['(U)', '(SBU)', '(SBU/NF)']);
    });
  });

  describe('paragraph cross-references', () => {
    const text = REYKJAVIK.replace('welcome the offer.', 'welcome the offer (para 2).');
    let uri: string;
    before(async () => {
      uri = await open(text);
    });

    it('go to definition from "para 2" lands on paragraph 2\'s number', async () => {
      const loc = await client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'para 2', 5) });
      assert.ok(loc, "a location");
      assert.equal(loc.uri, uri);
      assert.equal(loc.range.start.line, lineOf(text, '2. (U) The Industry'));
      assert.equal(textAt(text, loc.range), '2.');
    });

    it('references and highlights of paragraph 2: its number and the citation', async () => {
      const position = positionOf(text, '2. (U) The Industry');
      const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
      assert.deepEqual(refs.map((l) => [l.range.start.line, textAt(text, l.range)]), [
        [lineOf(text, '2. (U) The Industry'), '2.'],
        [lineOf(text, '(para 2)'), '2'],
      ]);
      const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: positionOf(text, 'para 2', 5) });
      // The declaration is written (3), the citation read (2).
      assert.deepEqual(highlights.map((h) => h.kind), [3, 2]);
    });
  });

  it('renumbering updates "para 5", "paragraph 5" and "¶6" with the paragraphs they point at', async () => {
    // 1, 2, 5, 6 becomes 1, 2, 3, 4; the references to 5 and 6 must follow.
    const text = TALLINN.replace('3. (SBU) A ministry adviser', '5. (SBU) A ministry adviser')
      .replace('4. (U) As proposed in reftel,', '6. (U) As proposed in reftel (see para 5, paragraph 5 and ¶6),');
    const uri = await open(text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: { diagnostics: [], only: ['refactor.rewrite'] } });
    const renumber = actions.find((a) => a.title === 'Renumber all paragraphs');
    assert.ok(renumber, actions.map((a) => a.title).join(' | '));
    const result = applyTextEdits(text, editsFor(renumber.edit, uri));
    assert.deepEqual([...result.matchAll(/^(\d+)\. \(/gm)].map((m) => Number(m[1])), [1, 2, 3, 4]);
    assert.match(result, /As proposed in reftel \(see para 3, paragraph 3 and ¶4\),/);
    assert.equal(result.replace(/\d/g, ''), text.replace(/\d/g, ''), 'only digits change');
  });

  it('fix-all takes a nearest-tag fix only when it is the single candidate', async () => {
    // PRELL is one letter from PREL and from no other code; ETRA is one edit from BTRA, ETRD
    // and OTRA alike, so no fix can be chosen for it without the user (issue 15 item 1).
    // (Every assert.ok here carries a message: without one, node:assert re-reads the source
    // to build it, which hangs under tsx.)
    const text = REYKJAVIK.replace('TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PRELL ETRA ENRG IC');
    const uri = `untitled:editing-${++n}`;
    const diagnostics = await client.openAndWait(uri, text);
    const prell = diagnostics.find((d) => d.code === 'CBL061' && textAt(text, d.range) === 'PRELL');
    const etra = diagnostics.find((d) => d.code === 'CBL061' && textAt(text, d.range) === 'ETRA');
    assert.ok(prell && etra, diagnostics.map((d) => `${String(d.code)} ${textAt(text, d.range)}`).join(' | '));

    const quick = async (d: Diagnostic) =>
      (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })).filter(
        (a) => a.title.startsWith('Replace'),
      );
    const prellFixes = await quick(prell);
    assert.deepEqual(prellFixes.map((a) => [a.title, a.isPreferred]), [['Replace PRELL with PREL (External Political Relations)', true]]);
    const etraFixes = await quick(etra);
    assert.ok(etraFixes.length >= 2, etraFixes.map((a) => a.title).join(' | '));
    assert.ok(etraFixes.every((a) => !a.isPreferred), 'no candidate is preferred among several');

    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: WHOLE,
      context: { diagnostics: [], only: ['source.fixAll.cableLint'] },
    });
    assert.ok(fixAll, 'a fix-all action');
    const fixed = applyTextEdits(text, editsFor(fixAll.edit, uri));
    assert.equal(fixed.split('\n')[19], 'TAGS: PREL ETRA ENRG IC');
  });

  it('a repeated paragraph number points at the first one (relatedInformation)', async () => {
    const uri = exampleUri('invalid-paragraphs.cable');
    const diagnostics = await client.openAndWait(uri, VALLETTA);
    const repeat = diagnostics.find((d) => d.code === 'CBL080');
    assert.ok(repeat, 'CBL080 on the second 5.');
    assert.equal(repeat.range.start.line, 25);
    const related = repeat.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0]!.location.uri, uri);
    assert.equal(related[0]!.location.range.start.line, 22, 'the first 5. is on line 23');
    assert.equal(textAt(VALLETTA, related[0]!.location.range), '5.');
    await client.close(uri);
  });

  it('outline: SUMMARY, NOTE and COMMENT blocks inside their paragraphs, the signature last', async () => {
    const uri = await open(REYKJAVIK);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const sections = symbols.filter((s) => s.name.startsWith('Section '));
    const paragraphs = sections.flatMap((s) => s.children ?? []);
    const blocksOf = (num: string) => (paragraphs.find((p) => p.name.startsWith(`${num}.`))?.children ?? []).map((c) => c.name);
    assert.deepEqual(blocksOf('1'), ['SUMMARY']);
    assert.deepEqual(blocksOf('4'), ['NOTE']);
    assert.deepEqual(blocksOf('5'), ['COMMENT']);
    assert.equal(paragraphs.find((p) => p.name.startsWith('3.'))?.detail, '(C/NF)', 'the portion mark as detail');
    const last = symbols.at(-1)!;
    assert.equal(last.name, 'EXAMPLE');
    assert.equal(last.detail, 'signature');
  });
});
