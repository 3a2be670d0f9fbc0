import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  type InitializeResult,
  IPCMessageReader,
  IPCMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { capabilities, EXAMPLES, exampleUri, ROOT, SERVER, TestClient } from './lsp-client';

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
      'inlayHintProvider',
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

describe('cancellation', () => {
  let client: TestClient;
  const uri = exampleUri('invalid-paragraphs.cable');
  before(async () => {
    client = await TestClient.start({ pull: true });
    await client.open(uri, DRAFT);
    // The first pull caches this document's settings, so the requests below start at once.
    await client.pull(uri);
  });
  after(async () => {
    await client?.stop();
  });

  it('a request cancelled before it ran answers RequestCancelled (-32800), for every feature', async () => {
    const position = { line: 12, character: 0 };
    const td = { uri };
    const requests: [string, unknown][] = [
      ['textDocument/hover', { textDocument: td, position }],
      ['textDocument/completion', { textDocument: td, position }],
      ['textDocument/definition', { textDocument: td, position }],
      ['textDocument/references', { textDocument: td, position, context: { includeDeclaration: true } }],
      ['textDocument/documentHighlight', { textDocument: td, position }],
      ['textDocument/documentSymbol', { textDocument: td }],
      ['textDocument/foldingRange', { textDocument: td }],
      ['textDocument/selectionRange', { textDocument: td, positions: [position] }],
      ['textDocument/semanticTokens/full', { textDocument: td }],
      ['textDocument/codeAction', { textDocument: td, range: { start: position, end: position }, context: { diagnostics: [] } }],
      ['textDocument/diagnostic', { textDocument: td }],
    ];
    for (const [method, params] of requests) {
      const response = await client.requestAndCancel(method, params);
      assert.equal(response.error?.code, -32800, `${method}: ${JSON.stringify(response).slice(0, 200)}`);
    }
    // Cancelling changed nothing: the same requests answer normally afterwards.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: td });
    assert.ok(symbols.length > 0, 'symbols after the cancellations');
  });

  it('a request cancelled while the server waits for the client settings answers RequestCancelled', async () => {
    let release!: () => void;
    const asked = client.configurationRequests;
    client.configurationGate = new Promise((r) => (release = r));
    // A settings change empties the cache: the next request must ask the client again.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: {} } });
    const source = new CancellationTokenSource();
    const range = { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } };
    const pending = client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }, source.token);
    const pendingPull = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    // Once the server has asked for the settings, the handlers are parked on the answer. The
    // cancel goes out before the answer on the same stream, so the server sees it first.
    while (client.configurationRequests === asked) await new Promise((r) => setTimeout(r, 5));
    source.cancel();
    release();
    client.configurationGate = undefined;
    await assert.rejects(pending, (err: { code?: number }) => err.code === -32800);
    await assert.rejects(pendingPull, (err: { code?: number }) => err.code === -32800);
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
  });

  it('lintWorkspaceFiles stops at a cancellation and returns what it has', async () => {
    const response = await client.requestAndCancel('cableLint/lintWorkspaceFiles', [uri, uri]);
    assert.deepEqual(response.result, []);
  });

  it('logged no handler failure', () => {
    assert.deepEqual(client.errorLogs(), []);
  });
});

describe('over node IPC (how VS Code starts the server)', () => {
  it('initializes, pushes diagnostics and exits cleanly', async () => {
    const child = fork(SERVER, ['--node-ipc'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const stdout: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => stdout.push(b));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const uri = exampleUri('invalid-paragraphs.cable');
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
          if (p.uri === uri) resolve(p);
        }),
      );
      const init = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: capabilities({}) });
      assert.equal(init.serverInfo?.name, 'cable-lint');
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: DRAFT } });
      const { diagnostics } = await published;
      assert.deepEqual([...new Set(diagnostics.map((d) => String(d.code)))].sort(), ['CBL080', 'CBL081', 'CBL090', 'CBL091', 'CBL100']);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
      assert.equal(Buffer.concat(stdout).length, 0, 'nothing on stdout');
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
