/**
 * The web server bundle (dist/browser/server.js, `npm run build` first) on its own, as the web
 * extension runs it: started in a real Chromium web worker (Debian's /usr/bin/chromium, driven
 * by playwright-core) and spoken to with LSP messages over postMessage. The test plays the
 * VS Code web client: it answers the server's requests, including the files the server cannot
 * read itself (cableLint/readFile), from an in-memory workspace.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import picomatch from 'picomatch';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Diagnostic, Hover, InitializeResult, Location, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { EXPECTED, rows } from '../protocol/expected';
import { positionOf, ROOT } from '../protocol/lsp-client';

const BUNDLE = join(ROOT, 'dist', 'browser', 'server.js');
const CHROMIUM = process.env.CABLE_LINT_CHROMIUM ?? '/usr/bin/chromium';
const SEED = 'seed-000-dushanbe-50-partial-extract.txt';
const SEED_TEXT = readFileSync(join(ROOT, 'examples', SEED), 'utf8');
const WS = 'vscode-vfs://github/someone/cables';
/** Seed 002 and the cable its `REF: STATE 202745` cites, in the workspace from the start (test/fixtures/workspace-refs). */
const SEED_002 = readFileSync(join(ROOT, 'examples', 'seed-002-dushanbe-313-published.txt'), 'latin1');
const CITED = readFileSync(join(ROOT, 'test', 'fixtures', 'workspace-refs', 'state-202745.cable'), 'utf8');
const SEED_002_URI = `${WS}/replies/seed-002.cable`;
const CITED_URI = `${WS}/replies/state-202745.cable`;
const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The page's globals the test uses (the project has no DOM typings). */
interface PageWorker {
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message: string }) => void) | null;
  postMessage(m: unknown): void;
}
type PageScope = { Worker: new (url: string, options?: { name?: string }) => PageWorker; server?: PageWorker; fromServer(m: unknown): void };

type Message = { jsonrpc: '2.0'; id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

/** An LSP client over a page's Worker: what the VS Code web client does with the server. */
class WorkerClient {
  readonly published: PublishDiagnosticsParams[] = [];
  /** The URIs the server asked the client to read, in order. */
  readonly reads: string[] = [];
  /** The folders the server asked the client to list (cableLint/findFiles). */
  readonly finds: string[] = [];
  readonly logs: string[] = [];
  /** window/showMessage texts. */
  readonly messages: string[] = [];
  /** The workspace the client reads from: URI → text. */
  files = new Map<string, string>();
  private nextId = 0;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

  constructor(private readonly page: Page) {}

  async start(): Promise<void> {
    await this.page.exposeFunction('fromServer', (m: Message) => this.receive(m));
    await this.page.evaluate(() => {
      const g = globalThis as unknown as PageScope;
      const w = new g.Worker('/server.js', { name: 'cable-lint server' });
      w.onmessage = (e) => g.fromServer(e.data);
      w.onerror = (e) => g.fromServer({ jsonrpc: '2.0', method: 'test/workerError', params: e.message });
      g.server = w;
    });
  }

  private post(m: Message): Promise<void> {
    return this.page.evaluate((msg) => (globalThis as unknown as PageScope).server!.postMessage(msg), m);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = ++this.nextId;
    const answer = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    void this.post({ jsonrpc: '2.0', id, method, params });
    return answer;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.post({ jsonrpc: '2.0', method, params });
  }

  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
    return (await published).diagnostics;
  }

  private receive(m: Message): void {
    if (m.method === undefined) {
      const p = this.pending.get(Number(m.id));
      this.pending.delete(Number(m.id));
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result);
      return;
    }
    if (m.id === undefined) {
      if (m.method === 'textDocument/publishDiagnostics') {
        const p = m.params as PublishDiagnosticsParams;
        this.published.push(p);
        for (const w of this.waiters.filter((x) => x.uri === p.uri)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      } else if (m.method === 'window/showMessage') {
        this.messages.push((m.params as { message: string }).message);
      } else if (m.method === 'window/logMessage' || m.method === 'test/workerError') {
        this.logs.push(JSON.stringify(m.params));
      }
      return;
    }
    void this.post({ jsonrpc: '2.0', id: m.id, result: this.answer(m.method, m.params) });
  }

  /** The server's requests, answered as the VS Code web client does. */
  private answer(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration':
        return (params as { items: unknown[] }).items.map(() => ({}));
      case 'cableLint/findFiles': {
        // What VS Code's workspace.findFiles does with a RelativePattern per glob.
        const { folder, globs, max } = params as { folder: string; globs: string[]; max: number };
        this.finds.push(folder);
        const matchers = globs.map((g) => picomatch(g, { dot: true }));
        const below = [...this.files.keys()].filter((uri) => uri.startsWith(`${folder}/`) && matchers.some((m) => m(decodeURIComponent(uri.slice(folder.length + 1)))));
        return { uris: below.slice(0, max) };
      }
      case 'cableLint/readFile': {
        const { uri } = params as { uri: string };
        this.reads.push(uri);
        const text = this.files.get(uri);
        return text === undefined ? { missing: true } : { base64: utf8(text) };
      }
      default:
        // client/registerCapability, window/workDoneProgress/create …
        return null;
    }
  }
}

/** A server of the bundle and an empty page on one origin, as a worker script must be. */
function serveBundle(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/server.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(BUNDLE));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>cable-lint web worker</title>');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the web server bundle in a Chromium web worker, LSP over postMessage', () => {
  let http: Server;
  let browser: Browser;
  let client: WorkerClient;
  let init: InitializeResult;

  before(async () => {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build`);
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (npm run test:vscode installs it as root)`);
    http = await serveBundle();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    client = new WorkerClient(page);
    client.files.set(SEED_002_URI, SEED_002);
    client.files.set(CITED_URI, CITED);
    // Not a cable by its name, and below a dot-folder: never indexed.
    client.files.set(`${WS}/replies/notes.txt`, 'notes\n');
    client.files.set(`${WS}/.history/state-202745.cable`, CITED);
    await client.start();
    init = await client.request<InitializeResult>('initialize', {
      processId: null,
      rootUri: WS,
      workspaceFolders: [{ uri: WS, name: 'cables' }],
      initializationOptions: { ruleDocsCommand: 'cableLint.showRuleDoc' },
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
        textDocument: {
          publishDiagnostics: { codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    await client.notify('initialized', {});
  });

  after(async () => {
    await browser?.close();
    http?.close();
  });

  it('initialize: the same capabilities as the Node server (hover, symbols, code actions)', () => {
    assert.equal(init.serverInfo?.name, 'cable-lint');
    assert.ok(init.capabilities.hoverProvider);
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.ok(init.capabilities.codeActionProvider);
  });

  it(`didOpen ${SEED}: the diagnostics of examples/README.md, linked to the rule-page command`, async () => {
    const uri = `${WS}/examples/${SEED}`;
    const diagnostics = await client.open(uri, SEED_TEXT);
    assert.deepEqual(rows(diagnostics), EXPECTED[SEED]);
    for (const d of diagnostics) {
      assert.equal(d.codeDescription?.href, `command:cableLint.showRuleDoc?${encodeURIComponent(JSON.stringify([String(d.code)]))}`);
    }
    // The server looked for a .cablelintrc.json from the document's folder up, through the client.
    assert.ok(client.reads.includes(`${WS}/examples/.cablelintrc.json`), client.reads.join(' '));
  });

  it('hover on KWMN reads "Women\'s issues"', async () => {
    const uri = `${WS}/examples/${SEED}`;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(SEED_TEXT, 'KWMN', 1) });
    const contents = hover?.contents as { kind: string; value: string } | undefined;
    assert.equal(contents?.kind, 'markdown');
    assert.match(contents!.value, /Women's issues/);
  });

  it('documentSymbol: the outline of the seed (TAGS, SUBJECT, the signature)', async () => {
    const uri = `${WS}/examples/${SEED}`;
    const symbols = await client.request<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols.flatMap((s) => [s.name, ...(s.children ?? []).map((c) => c.name)]);
    for (const want of ['TAGS', 'SUBJECT', 'ARMBRUSTER']) assert.ok(names.some((n) => n.startsWith(want)), names.join(' | '));
  });

  it('.cablelintrc.json and the file it extends are read through the client and applied', async () => {
    client.files.set(`${WS}/quiet/.cablelintrc.json`, '// the base holds the rules\n{ "extends": ["../shared/base.json"] }\n');
    client.files.set(`${WS}/shared/base.json`, '{ "rules": { "CBL084": "off" } }\n');
    const uri = `${WS}/quiet/${SEED}`;
    const diagnostics = await client.open(uri, SEED_TEXT);
    assert.ok(client.reads.includes(`${WS}/shared/base.json`), client.reads.join(' '));
    assert.deepEqual(
      rows(diagnostics),
      EXPECTED[SEED]!.filter((r) => !r.startsWith('CBL084')),
    );
  });

  it('a config that cannot be used is reported, and the document is linted without it', async () => {
    client.files.set(`${WS}/broken/.cablelintrc.json`, '{ "extends": ["./nowhere.json"] }\n');
    const diagnostics = await client.open(`${WS}/broken/${SEED}`, SEED_TEXT);
    assert.deepEqual(rows(diagnostics), EXPECTED[SEED]);
    assert.ok(
      client.messages.includes('cable-lint: /someone/cables/broken/.cablelintrc.json: extends "./nowhere.json": no such file'),
      client.messages.join(' | '),
    );
  });

  it('the workspace index lists the folder and reads its cables through the client: definition across cables', async () => {
    type Status = { state: string; files?: number; memory?: { measured: string } };
    let status: Status = { state: 'off' };
    for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
      status = await client.request<Status>('cableLint/indexStatus', null);
      if (status.state === 'ready') break;
    }
    assert.equal(status.state, 'ready', JSON.stringify(status));
    assert.equal(status.files, 2, JSON.stringify(status));
    // The web worker reports no heap: the memory cap goes by the index's estimate.
    assert.equal(status.memory?.measured, 'estimate');
    assert.deepEqual(client.finds, [WS]);
    assert.ok(client.reads.includes(CITED_URI), client.reads.join(' '));
    assert.ok(!client.reads.includes(`${WS}/.history/state-202745.cable`), 'a dot-folder is never indexed');
    // The cited cable is not open: only the index knows where it is.
    await client.open(SEED_002_URI, SEED_002);
    const loc = await client.request<Location | null>('textDocument/definition', {
      textDocument: { uri: SEED_002_URI },
      position: positionOf(SEED_002, 'REF: STATE 202745', 'REF: STATE 2'.length),
    });
    assert.equal(loc?.uri, CITED_URI, JSON.stringify(loc));
    assert.deepEqual(loc!.range.start, positionOf(CITED, 'UNCLAS STATE 202745'));
    const symbols = await client.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: '06STATE202745' });
    assert.ok(symbols.some((x) => x.location.uri === CITED_URI), JSON.stringify(symbols));
  });

  it('Lint workspace: an unopened file is read through the client and linted', async () => {
    const uri = `${WS}/unopened/${SEED}`;
    client.files.set(uri, SEED_TEXT);
    const results = await client.request<{ uri: string; diagnostics: Diagnostic[]; error?: string }[]>('cableLint/lintWorkspaceFiles', [
      // By position, as vscode-jsonrpc sends one array parameter.
      [uri, `${WS}/unopened/gone.cable`],
    ]);
    assert.equal(results[0]!.uri, uri);
    assert.deepEqual(rows(results[0]!.diagnostics), EXPECTED[SEED]);
    assert.match(results[1]!.error ?? '', /gone\.cable: no such file/);
  });
});
