/**
 * What a client other than VS Code gets (issue 15): a client is driven over stdio with the
 * capabilities it names, as Neovim 0.7 (no snippets, no `workspaceEdit.documentChanges`) or a
 * client that asks for code actions over the whole document with a range past its last line.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, DocumentSymbol, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, EXAMPLES, editsFor, positionOf, TestClient } from './lsp-client';

const SEED_000 = readFileSync(join(EXAMPLES, 'seed-000-dushanbe-50-partial-extract.txt'), 'utf8');
const REYKJAVIK = readFileSync(join(EXAMPLES, 'valid-draft-reykjavik.cable'), 'utf8');
/** An unclassified draft with one paragraph, and a blank line to type the next one on. */
const DRAFT = 'UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: PREL IT\nSUBJECT: TEST\n\n1. (U) TEXT.\n\n';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
const range = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

/** A draft with an escape sequence on its TAGS line and an `END NOTE` split over two lines. */
const HOSTILE = [
  'UNCLAS ROME 000123',
  '',
  'E.O. 12958: N/A',
  'TAGS: PREL LH\u001b[2J',
  'SUBJECT: TEST',
  '',
  '1. (U) SUMMARY: THE TEXT. BEGIN NOTE: A NOTE. END',
  'NOTE. END SUMMARY.',
  '',
  '2. (U) FORM\u000cFEED AND \u008c HERE.',
  '',
  'SMITH',
  '',
].join('\n');

function newText(item: CompletionItem): string {
  return (item.textEdit as TextEdit | undefined)?.newText ?? item.insertText ?? item.label;
}

describe('a client without snippets or documentChanges (Neovim 0.7)', () => {
  let client: TestClient;
  let n = 0;
  before(async () => {
    // The test client announces `snippetSupport: false`; this one also leaves out documentChanges.
    client = await TestClient.start({
      patchCapabilities: (c) => {
        c.workspace!.workspaceEdit = {};
      },
    });
  });
  after(async () => {
    await client?.stop();
  });

  async function open(text: string): Promise<string> {
    const uri = `untitled:third-party-${++n}`;
    await client.openAndWait(uri, text);
    return uri;
  }

  it('diagnostic messages show control characters as U+XXXX and a quoted line break as a space', async () => {
    const uri = `untitled:third-party-${++n}`;
    const diagnostics = await client.openAndWait(uri, HOSTILE);
    for (const d of diagnostics) assert.doesNotMatch(d.message, /[\u0000-\u001f\u007f-\u009f]/, JSON.stringify(d.message));
    const messages = diagnostics.map((d) => `${String(d.code)} ${d.message}`);
    assert.ok(messages.includes('CBL101 `END NOTE` in paragraph 1 closes nothing: expected an opening `(NOTE:` before it'), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('CBL062 ') && m.endsWith('found PREL LHU+001B[2J')), messages.join('\n'));
    assert.ok(messages.includes('CBL122 character outside the telegraphic set: (U+000C form feed); expected plain ASCII'));
    assert.ok(messages.includes('CBL122 character outside the telegraphic set: (U+008C); expected plain ASCII'));
  });

  it('completion sends plain text: the next paragraph, the banner and the E.O. templates', async () => {
    const draft = await open(DRAFT);
    const inText = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: draft }, position: { line: 8, character: 0 } });
    const next = inText.find((i) => i.label === '2.');
    assert.ok(next, inText.map((i) => i.label).join(' '));
    assert.notEqual(next.insertTextFormat, 2);
    assert.equal(newText(next), '2. (U) ', 'the first choice (the banner level), then a blank');

    const text = REYKJAVIK.replace(/\nE\.O\. [^\n]*\n/, '\n\n');
    const uri = await open(text);
    const header = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, '\n\nTAGS', 1) });
    const eo = header.filter((i) => i.label.startsWith('E.O.'));
    assert.deepEqual(eo.map(newText).sort(), ['E.O. 12958: DECL: 05/14/2018', 'E.O. 12958: N/A']);

    const bare = await open('\n');
    const banner = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: bare }, position: { line: 0, character: 0 } });
    const confidential = banner.find((i) => i.label === 'CONFIDENTIAL');
    assert.ok(confidential, banner.map((i) => i.label).join(' '));
    assert.equal(newText(confidential), 'CONFIDENTIAL POST 000000');
    for (const item of [...inText, ...header, ...banner]) {
      assert.notEqual(item.insertTextFormat, 2, item.label);
      assert.ok(!/\$\{?\d/.test(newText(item)), `${item.label}: ${newText(item)}`);
    }
  });

  it('a .cablelintrc.json that is not valid JSON is explained in words, with line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-third-party-'));
    try {
      writeFileSync(join(dir, '.cablelintrc.json'), '{\n  "rules": {\n    "CBL061": "off"\n    "CBL062": "off"\n  }\n}\n');
      const uri = pathToFileURL(join(dir, 'a.cable')).href;
      await client.openAndWait(uri, DRAFT);
      const shown = (await client.notification('window/showMessage', (p) => String((p as { message: string }).message).includes('.cablelintrc.json'))) as {
        message: string;
      };
      assert.match(shown.message, /^cable-lint: .*\.cablelintrc\.json:4:5: invalid JSON: expected a comma before `"CBL062"`$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('code actions send `changes`, not `documentChanges`, and applying them fixes the text', async () => {
    const uri = await open(SEED_000);
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: range(0, 0, 40, 4),
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.ok(fixAll?.edit, 'a fix-all action');
    assert.equal(fixAll.edit.documentChanges, undefined);
    const edits = fixAll.edit.changes?.[uri];
    assert.ok(edits && edits.length > 0, JSON.stringify(fixAll.edit));
    const fixed = applyTextEdits(SEED_000, edits);
    const before = await client.openAndWait(`untitled:third-party-${++n}`, SEED_000);
    const rest = await client.openAndWait(`untitled:third-party-${++n}`, fixed);
    assert.ok(before.some((d) => d.code === 'CBL084'));
    assert.deepEqual(rest.filter((d) => d.code === 'CBL084'), [], 'the fixed text has no pilcrow artefact left');

    const diagnostics = client.published.filter((p) => p.uri === uri).at(-1)!.diagnostics;
    const quick = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics: [diagnostics[0]], only: ['quickfix'] },
    });
    const fix = quick.find((a) => !a.title.startsWith('cable-lint: '));
    assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(quick));
    assert.equal(fix.edit.documentChanges, undefined);
  });

  it('a code-action range past the last line is clamped: the whole document, as with 0:0-40:4', async () => {
    const uri = await open(SEED_000);
    assert.equal(SEED_000.split('\n').length, 41, 'seed 000: 41 lines, no final newline');
    const ask = (r: Range) =>
      client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: r, context: { diagnostics: [], only: ['source.fixAll'] } });
    const inside = await ask(range(0, 0, 40, 4));
    const past = await ask(range(0, 0, 41, 0));
    assert.equal(inside.length, 1);
    assert.deepEqual(past, inside);
    const far = await ask(range(0, 0, 1000, 7));
    assert.deepEqual(far, inside);
  });
});

describe('a client with snippets and documentChanges', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({
      patchCapabilities: (c) => {
        c.textDocument!.completion = { completionItem: { snippetSupport: true } };
      },
    });
  });
  after(async () => {
    await client?.stop();
  });

  it('gets the snippet, and versioned documentChanges', async () => {
    const uri = 'untitled:snippets-1';
    await client.openAndWait(uri, DRAFT);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 0 } });
    const next = items.find((i) => i.label === '2.');
    assert.equal(next?.insertTextFormat, 2);
    assert.equal(newText(next!), '2. (${1|U,SBU,SBU/NF|}) $0');
    const [renumber] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: 'untitled:snippets-2' },
      range: range(0, 0, 0, 0),
      context: { diagnostics: [], only: ['refactor'] },
    });
    assert.equal(renumber, undefined, 'an unknown document has no actions');
  });

  it('a code action is answered for the version it was asked at, never for a newer one', async () => {
    const uri = 'untitled:version-race';
    const v1 = '1. (U) First.\n\n3. (U) Second.\n';
    let release!: () => void;
    const asked = client.configurationRequests;
    // The settings of a fresh document need a workspace/configuration round trip: hold it.
    client.configurationGate = new Promise((r) => (release = r));
    await client.open(uri, v1, 1);
    const pending = client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: range(2, 0, 2, 0),
      context: { diagnostics: [], only: ['refactor'] },
    });
    while (client.configurationRequests === asked) await new Promise((r) => setTimeout(r, 5));
    await client.change(uri, 2, [{ range: range(0, 0, 0, 0), text: 'X\nY\n' }]);
    // A request after the change returns once the server has taken the change in.
    await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    release();
    client.configurationGate = undefined;
    assert.deepEqual(await pending, [], 'asked at v1, the document is at v2: the client asks again');

    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: range(4, 0, 4, 0),
      context: { diagnostics: [], only: ['refactor'] },
    });
    const renumber = again.find((a) => a.title === 'Renumber all paragraphs');
    assert.ok(renumber, JSON.stringify(again));
    const change = renumber.edit!.documentChanges![0] as { textDocument: { version: number }; edits: TextEdit[] };
    assert.equal(change.textDocument.version, 2);
    assert.equal(applyTextEdits('X\nY\n' + v1, editsFor(renumber.edit, uri)), 'X\nY\n1. (U) First.\n\n2. (U) Second.\n');
  });
});
