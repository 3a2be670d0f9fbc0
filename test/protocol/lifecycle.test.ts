import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXAMPLES, exampleUri, TestClient } from './lsp-client';

const DRAFT = readFileSync(join(EXAMPLES, 'invalid-paragraphs.cable'), 'utf8');

describe('server lifecycle (push diagnostics)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('announces incremental sync, the features and no pull provider', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.equal(caps.diagnosticProvider, undefined);
    for (const key of [
      'hoverProvider',
      'completionProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'selectionRangeProvider',
      'definitionProvider',
      'referencesProvider',
      'documentHighlightProvider',
      'semanticTokensProvider',
      'codeActionProvider',
    ] as const) {
      assert.ok(caps[key], `${key} missing`);
    }
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.deepEqual([...kinds].sort(), ['quickfix', 'refactor.rewrite', 'source.fixAll.cableLint']);
  });

  it('pushes diagnostics on open and tells the profile', async () => {
    const uri = exampleUri('invalid-paragraphs.cable');
    const diagnostics = await client.openAndWait(uri, DRAFT);
    assert.ok(diagnostics.length > 0);
    const profile = await client.notification('cableLint/profile', (p) => (p as { uri: string }).uri === uri);
    assert.deepEqual(profile, { uri, profile: 'draft' });
    await client.close(uri);
    // Closing clears what was pushed.
    const cleared = await client.nextDiagnostics(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('answers requests about unknown documents with empty results', async () => {
    const uri = 'file:///nowhere/unknown.cable';
    const position = { line: 0, character: 0 };
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position }), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/semanticTokens/full', { textDocument: { uri } }), { data: [] });
    assert.equal(await client.request('textDocument/definition', { textDocument: { uri }, position }), null);
    assert.deepEqual(
      await client.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }),
      [],
    );
    assert.deepEqual(
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [] },
      }),
      [],
    );
  });

  it('answers out-of-range positions and malformed params without crashing', async () => {
    const uri = exampleUri('valid-draft-unclassified.cable');
    await client.openAndWait(uri, readFileSync(join(EXAMPLES, 'valid-draft-unclassified.cable'), 'utf8'));
    const td = { uri };
    for (const position of [{ line: 9999, character: 0 }, { line: -1, character: 0 }, { line: 0, character: -5 }, { line: 1.5, character: 0 }, null]) {
      assert.equal(await client.request('textDocument/hover', { textDocument: td, position }), null, JSON.stringify(position));
      assert.deepEqual(await client.request('textDocument/completion', { textDocument: td, position }), []);
      assert.equal(await client.request('textDocument/definition', { textDocument: td, position }), null);
      assert.deepEqual(await client.request('textDocument/documentHighlight', { textDocument: td, position }), []);
    }
    assert.deepEqual(await client.request('textDocument/selectionRange', { textDocument: td, positions: [{ line: 9999, character: 0 }] }), []);
    assert.deepEqual(await client.request('textDocument/selectionRange', { textDocument: td, positions: 'nope' }), []);
    assert.equal(await client.request('textDocument/hover', {}), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: 42 }), null);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: td, range: 'bad', context: {} }), []);
    assert.deepEqual(await client.request('cableLint/lintWorkspaceFiles', 'not an array'), []);
    // Still alive and answering.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: td });
    assert.ok(symbols.length > 0);
    await client.close(uri);
  });

  it('writes nothing but protocol frames to stdout and logs no handler failure', () => {
    const frames = client.stdoutFrames();
    assert.ok(frames.length > 0);
    for (const f of frames) assert.equal((f as { jsonrpc?: string }).jsonrpc, '2.0');
    assert.deepEqual(client.errorLogs(), []);
  });

  it('exits with status 0 after shutdown and exit', async () => {
    const code = await client.stop();
    assert.equal(code, 0);
  });
});

describe('server lifecycle (pull diagnostics)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(async () => {
    await client?.stop();
  });

  it('registers the pull provider and never pushes', async () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'cable-lint', interFileDependencies: false, workspaceDiagnostics: false });
    const uri = exampleUri('invalid-paragraphs.cable');
    await client.open(uri, DRAFT);
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    assert.ok(report.kind === 'full' && report.items.length > 0);
    // Give a push every chance to arrive: open, a change and the longest debounce.
    await client.change(uri, 2, [{ text: DRAFT + '\n' }]);
    await new Promise((r) => setTimeout(r, 600));
    assert.deepEqual(client.published, []);
  });

  it('answers "unchanged" for a result id the client already has', async () => {
    const uri = exampleUri('invalid-paragraphs.cable');
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    const again = await client.pull(uri, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
    await client.change(uri, 3, [{ text: DRAFT }]);
    const changed = await client.pull(uri, first.resultId);
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, first.resultId);
  });

  it('asks the client to pull again when the settings change', async () => {
    const before = client.refreshRequests;
    client.settings = { rules: { CBL100: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    for (let i = 0; i < 100 && client.refreshRequests === before; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(client.refreshRequests, before + 1);
    const report = await client.pull(exampleUri('invalid-paragraphs.cable'));
    assert.ok(report.kind === 'full' && !report.items.some((d) => d.code === 'CBL100'));
  });

  it('answers an unknown document with an empty report', async () => {
    assert.deepEqual(await client.pull('file:///nowhere/x.cable'), { kind: 'full', items: [] });
  });
});
