/**
 * Huge documents through the bundled server: 10 MB validate without a stack overflow, and while
 * a large document is being linted the server goes on answering about the small ones. Orders
 * of answers are tested, never times (scripts/size-check.ts measures those).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { positionOf, TestClient } from './lsp-client';
import { cableLike, randomPrintable } from './robustness-inputs';

const MB = 1024 * 1024;

/** A small draft with a hover worth having: PREL on its TAGS line. */
const SMALL = ['UNCLAS ROME 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL ECON', 'SUBJECT: A SMALL DRAFT', '', '1. (U) TEXT.', ''].join('\n');

function assertInside(text: string, diagnostics: Diagnostic[]): void {
  const doc = TextDocument.create('file:///x', 'cable', 0, text);
  for (const d of diagnostics) {
    const { start, end } = d.range;
    assert.ok(start.line >= 0 && end.line < doc.lineCount, `${d.code} on line ${end.line} of ${doc.lineCount}`);
    assert.equal(doc.offsetAt(start) <= doc.offsetAt(end), true, `${d.code} ends before it starts`);
    // A range past a line's end would be clamped by offsetAt; round-tripping catches it.
    assert.deepEqual(doc.positionAt(doc.offsetAt(start)), start, `${d.code} starts outside its line`);
    assert.deepEqual(doc.positionAt(doc.offsetAt(end)), end, `${d.code} ends outside its line`);
  }
}

async function openHuge(client: TestClient, uri: string, text: string): Promise<Diagnostic[]> {
  const published = client.nextDiagnostics(uri, 1, 180_000);
  await client.open(uri, text);
  return (await published).diagnostics;
}

describe('10 MB documents', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('a 10 MB cable of real paragraphs numbered 1 … N: ranges inside it, no parse error, no numbering complaint', async () => {
    const text = cableLike(10 * MB);
    const uri = 'untitled:huge-cable';
    const diagnostics = await openHuge(client, uri, text);
    assertInside(text, diagnostics);
    const codes = new Set(diagnostics.map((d) => String(d.code)));
    assert.equal(codes.has('CBL000'), false, 'the parse recovered nowhere');
    // The paragraphs run 1, 2, 3 … without a gap or repeat, each marked (U) under an UNCLAS banner.
    for (const code of ['CBL080', 'CBL081', 'CBL082', 'CBL083']) assert.equal(codes.has(code), false, `${code} on a sequence without gaps`);
    // The features walk the same 10 MB tree on the request path: no stack overflow there either.
    const symbols = await client.request<{ name: string; children?: unknown[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, 'TAGS: ', 6),
    });
    assert.ok(hover && hover.contents.value.length > 0, 'a hover on the first tag');
    await client.close(uri);
  });

  it('10 MB of random printable text: ranges inside it', async () => {
    const text = randomPrintable(10 * MB);
    const uri = 'untitled:huge-random';
    const diagnostics = await openHuge(client, uri, text);
    assert.ok(diagnostics.length > 0, 'random text is no cable');
    assertInside(text, diagnostics);
    const folds = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(Array.isArray(folds));
    await client.close(uri);
  });

  it('wrote nothing but protocol frames and logged no failure', () => {
    assert.ok(client.stdoutFrames().length > 0);
    assert.deepEqual(client.errorLogs(), []);
  });
});

describe('a large document does not hold up the others', () => {
  let client: TestClient;
  const small = 'untitled:small';
  before(async () => {
    client = await TestClient.start();
    await client.openAndWait(small, SMALL);
  });
  after(async () => {
    await client?.stop();
  });

  /**
   * Opens `uri` and resolves once the server has its settings for it, i.e. once validation is
   * past its last wait and about to lint: the moment to send something else.
   */
  async function openUntilLinting(uri: string, text: string, version = 1): Promise<void> {
    let release!: () => void;
    const asked = client.configurationRequests;
    client.configurationGate = new Promise((r) => (release = r));
    await client.open(uri, text, version);
    while (client.configurationRequests === asked) await new Promise((r) => setTimeout(r, 5));
    release();
    client.configurationGate = undefined;
    // The answer is written once the handler resumes: let it go out before anything else.
    await new Promise((r) => setImmediate(r));
  }

  it('answers a hover on a small document before the large one’s diagnostics', async () => {
    const uri = 'untitled:large-1';
    const order: string[] = [];
    const published = client.nextDiagnostics(uri, 1, 120_000).then((p) => (order.push('large diagnostics'), p));
    await openUntilLinting(uri, cableLike(4 * MB));
    const hover = client
      .request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: small }, position: positionOf(SMALL, 'PREL', 1) })
      .then((h) => (order.push('small hover'), h));
    const [h, p] = await Promise.all([hover, published]);
    assert.match(h?.contents.value ?? '', /PREL/);
    assert.ok(p.diagnostics.length > 0);
    assert.deepEqual(order, ['small hover', 'large diagnostics']);
    await client.close(uri);
  });

  it('drops the lint of a version edited meanwhile: only the new version is published', async () => {
    const uri = 'untitled:large-2';
    const text = cableLike(4 * MB);
    const seen: PublishDiagnosticsParams[] = [];
    const from = client.published.length;
    const second = client.nextDiagnostics(uri, 2, 120_000);
    await openUntilLinting(uri, text);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }]);
    const p = await second;
    seen.push(...client.published.slice(from).filter((q) => q.uri === uri));
    assert.deepEqual(
      seen.map((q) => q.version),
      [2],
      'version 1 was dropped once version 2 arrived',
    );
    assert.ok(p.diagnostics.length > 0);
    await client.close(uri);
  });
});

describe('a pull for a large document, cancelled while it lints', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(async () => {
    await client?.stop();
  });

  it('answers RequestCancelled, and the next pull a full report', async () => {
    const uri = 'untitled:large-pull';
    await client.open(uri, cableLike(4 * MB));
    let release!: () => void;
    const asked = client.configurationRequests;
    client.configurationGate = new Promise((r) => (release = r));
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    while (client.configurationRequests === asked) await new Promise((r) => setTimeout(r, 5));
    release();
    client.configurationGate = undefined;
    // The settings go out first, so the server is linting when the cancel comes.
    await new Promise((r) => setImmediate(r));
    source.cancel();
    await assert.rejects(pending, (err: { code?: number }) => err.code === -32800);
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    assert.ok(report.kind === 'full' && report.items.length > 0);
    assert.deepEqual(client.errorLogs(), []);
  });
});
