/**
 * A minimal LSP client for the protocol tests: it starts the bundled server (`dist/server.js
 * --stdio`, so `npm run build` first) as a child process and speaks to it as an editor would.
 * Every byte the server writes to stdout is kept, so a test can check that nothing but
 * protocol frames ever went there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  createProtocolConnection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assertValidReport } from '../report-schema';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
export const EXAMPLES = join(ROOT, 'examples');
/** The Node API as the package ships it, built beside the server by `npm run build`. */
export const API = join(ROOT, 'dist', 'index.js');

export function exampleUri(name: string): string {
  return pathToFileURL(join(EXAMPLES, name)).href;
}

export interface StartOptions {
  /** Announce LSP 3.17 pull diagnostics (`textDocument.diagnostic`). */
  pull?: boolean;
  /** The `cableLint` settings section the client answers workspace/configuration with. */
  settings?: Record<string, unknown>;
  /** Announce workspace/configuration support (default true). */
  configuration?: boolean;
  /** Node flags for the server process (the extension starts it with `SERVER_NODE_FLAGS`). */
  nodeFlags?: readonly string[];
  /** The server bundle to start (default dist/server.js), e.g. one unpacked from the .vsix. */
  server?: string;
  /** Changes the announced capabilities (a client that takes snippets, or no documentChanges). */
  patchCapabilities?: (capabilities: ClientCapabilities) => void;
  /** `initializationOptions` of the initialize request (the VS Code clients' `ruleDocsCommand`). */
  initializationOptions?: unknown;
  /** The workspace folder (default the repository). */
  workspaceFolder?: string;
  /** Other sections the client answers workspace/configuration with (`cableLint.index`, `files.associations`). */
  sections?: Record<string, unknown>;
}

export function capabilities(options: StartOptions): ClientCapabilities {
  return {
    workspace: {
      configuration: options.configuration ?? true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
      ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: {
        relatedInformation: true,
        versionSupport: true,
        codeDescriptionSupport: true,
        dataSupport: true,
        tagSupport: { valueSet: [1, 2] },
      },
      codeAction: {
        dataSupport: true,
        isPreferredSupport: true,
        codeActionLiteralSupport: {
          codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] },
        },
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      semanticTokens: {
        requests: { full: true },
        tokenTypes: [],
        tokenModifiers: [],
        formats: ['relative'],
      },
      ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
  };
}

type Waiter = { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  /** When each publication arrived (`performance.now()`), index for index with `published`. */
  readonly publishedAt: number[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly stdout: Buffer[] = [];
  readonly stderr: Buffer[] = [];
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  refreshRequests = 0;
  /** While set, answers to workspace/configuration wait for it: a slow client, to cancel into. */
  configurationGate: Promise<void> | undefined;
  configurationRequests = 0;
  private waiters: Waiter[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const server = options.server ?? SERVER;
    if (!existsSync(server)) throw new Error(`${server} is missing: run npm run build first`);
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), server, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const tap = new PassThrough();
    const connection = createProtocolConnection(new StreamMessageReader(tap), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    child.stdout!.on('data', (chunk: Buffer) => {
      client.stdout.push(chunk);
      tap.write(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => client.stderr.push(chunk));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.push(p);
      client.publishedAt.push(performance.now());
      for (const w of [...client.waiters]) {
        if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
          client.waiters.splice(client.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    connection.onNotification('window/logMessage', (p: { type: number; message: string }) => client.logs.push(p));
    for (const method of ['cableLint/profile', 'window/showMessage', '$/progress']) {
      connection.onNotification(method, (params: unknown) => void client.notifications.push({ method, params }));
    }
    connection.onRequest('workspace/configuration', async (p: { items: { section?: string }[] }) => {
      client.configurationRequests++;
      await client.configurationGate;
      return p.items.map((item) => (item.section === 'cableLint' ? client.settings : (options.sections?.[item.section ?? ''] ?? null)));
    });
    connection.onRequest('client/registerCapability', () => null);
    // Recorded whether or not the client announced window.workDoneProgress: a server must not ask one that did not.
    connection.onRequest('window/workDoneProgress/create', (params: unknown) => {
      client.notifications.push({ method: 'window/workDoneProgress/create', params });
      return null;
    });
    connection.onRequest('window/showMessageRequest', (params: unknown) => {
      client.notifications.push({ method: 'window/showMessageRequest', params });
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshRequests++;
      return null;
    });
    connection.listen();
    const died = client.exited.then((code) => {
      throw new Error(`server exited (${code}) during initialize: ${Buffer.concat(client.stderr).toString()}`);
    });
    client.initializeResult = await Promise.race([
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(options.workspaceFolder ?? ROOT).href,
        capabilities: (() => {
          const announced = capabilities(options);
          options.patchCapabilities?.(announced);
          return announced;
        })(),
        workspaceFolders: [{ uri: pathToFileURL(options.workspaceFolder ?? ROOT).href, name: 'cable-lint' }],
        ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      }) as Promise<InitializeResult>,
      died,
    ]);
    died.catch(() => undefined);
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the next publication for `uri` (and `version`, when given). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version ?? '?'} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Resolves once a notification matching `test` has arrived (or already had). */
  async notification(method: string, test: (params: unknown) => boolean, timeoutMs = 20_000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.notifications.find((n) => n.method === method && test(n.params));
      if (found) return found.params;
      if (Date.now() > deadline) throw new Error(`no ${method} notification within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'cable', version, text },
    });
  }

  /** Opens a document and waits for its first published diagnostics (push mode). */
  async openAndWait(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri, version);
    await this.open(uri, text, version);
    return (await next).diagnostics;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      ...(previousResultId ? { previousResultId } : {}),
    });
  }

  /** Opens a document and pulls its first diagnostics (pull mode). */
  async openAndPull(uri: string, text: string, version = 1): Promise<DocumentDiagnosticReport> {
    await this.open(uri, text, version);
    return this.pull(uri);
  }

  /**
   * A change and, right behind it, a pull of the document's diagnostics: what VS Code's client does
   * after every change (vscode-languageclient's `diagnosticPullOptions.onChange`, on by default).
   */
  async changeAndPull(uri: string, version: number, changes: TextDocumentContentChangeEvent[], previousResultId?: string): Promise<DocumentDiagnosticReport> {
    await this.change(uri, version, changes);
    return this.pull(uri, previousResultId);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  private rawId = 0;

  /**
   * Sends a request and its `$/cancelRequest` in one write, so the server reads both before it
   * dispatches the request (what a client does when the user moves on at once). Resolves with
   * the raw JSON-RPC response.
   */
  requestAndCancel(method: string, params: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    const id = `raw-${++this.rawId}`;
    const frame = (msg: unknown) => {
      const body = Buffer.from(JSON.stringify(msg), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    };
    const response = new Promise<{ result?: unknown; error?: { code: number; message: string } }>((resolve) => {
      const scan = () => {
        for (const f of this.stdoutFrames(true)) {
          if ((f as { id?: unknown }).id === id) return resolve(f as { result?: unknown; error?: { code: number; message: string } });
        }
        setTimeout(scan, 10);
      };
      scan();
    });
    this.process.stdin!.write(
      Buffer.concat([frame({ jsonrpc: '2.0', id, method, params }), frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } })]),
    );
    return response;
  }

  /**
   * Writes several notifications in one write to the server's stdin, so they arrive together
   * whatever the load on this machine: a burst no timer of the server can fall between.
   */
  sendNotificationsAtOnce(messages: readonly { method: string; params: unknown }[]): void {
    const frames = messages.map(({ method, params }) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method, params }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.process.stdin!.write(Buffer.concat(frames));
  }

  private stopping?: Promise<number | null>;

  /** Shutdown, exit and the exit status; safe to call twice. */
  stop(): Promise<number | null> {
    this.stopping ??= (async () => {
      try {
        await this.connection.sendRequest('shutdown', undefined);
        await this.connection.sendNotification('exit');
      } catch {
        // the process may already be gone
      }
      const timer = setTimeout(() => this.process.kill(), 5_000);
      const code = await this.exited;
      clearTimeout(timer);
      this.connection.dispose();
      return code;
    })();
    return this.stopping;
  }

  /**
   * Splits everything the server wrote to stdout into frames; throws on anything else. With
   * `partial`, a frame still arriving at the end is left out instead.
   */
  stdoutFrames(partial = false): unknown[] {
    const all = Buffer.concat(this.stdout);
    const frames: unknown[] = [];
    let at = 0;
    while (at < all.length) {
      const headerEnd = all.indexOf('\r\n\r\n', at);
      if (headerEnd < 0 && partial) break;
      if (headerEnd < 0) throw new Error(`stray bytes on stdout: ${JSON.stringify(all.subarray(at, at + 80).toString())}`);
      const header = all.subarray(at, headerEnd).toString('ascii');
      const m = /^Content-Length: (\d+)(?:\r\nContent-Type: [^\r\n]*)?$/i.exec(header);
      if (!m) throw new Error(`not a protocol header on stdout: ${JSON.stringify(header.slice(0, 80))}`);
      const start = headerEnd + 4;
      const end = start + Number(m[1]);
      if (partial && end > all.length) break;
      frames.push(JSON.parse(all.subarray(start, end).toString('utf8')));
      at = end;
    }
    return frames;
  }

  /** Messages the server logged as errors (type 1), e.g. a handler that threw. */
  errorLogs(): string[] {
    return this.logs.filter((l) => l.type === 1).map((l) => l.message);
  }
}

type LspTextEdit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };

/** Applies LSP text edits to a text, as an editor would. */
export function applyTextEdits(text: string, edits: LspTextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'cable', 0, text), edits);
}

/** The text edits a WorkspaceEdit makes to one document, whichever of its two forms it uses. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): LspTextEdit[] {
  if (!edit) return [];
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits : []));
  return [...fromChanges, ...fromDocumentChanges] as LspTextEdit[];
}

/** LSP position of `needle` (its `occurrence`-th match) plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: before.length - lastBreak - 1 };
}

/** The text a range covers. */
export function textAt(text: string, range: LspTextEdit['range']): string {
  const doc = TextDocument.create('file:///x', 'cable', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

type NodeApi = typeof import('../../server/src/api');
let nodeApi: NodeApi | undefined;

/** A diagnostic reduced to what every path reports the same way: where, how bad, which rule, what. */
export interface CoreDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
}

const byPlace = (a: CoreDiagnostic, b: CoreDiagnostic) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** What the server published, reduced for comparison with {@link apiDiagnostics}. */
export function coreDiagnostics(ds: readonly Diagnostic[]): CoreDiagnostic[] {
  return ds
    .map((d) => ({
      range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
      severity: d.severity ?? 0,
      code: String(d.code),
      message: d.message,
    }))
    .sort(byPlace);
}

/**
 * What the Node API (`dist/index.js`, in this process) reports for a text: an oracle outside the
 * server, which has no document store, incremental sync, scheduler, worker or LSP conversion, so a
 * bug in any of those cannot pass by agreeing with itself. No config file, like an untitled document.
 */
export function apiDiagnostics(text: string, options: { profile?: 'transmitted' | 'draft' | 'published'; rules?: Record<string, string> } = {}): CoreDiagnostic[] {
  if (!existsSync(API)) throw new Error(`${API} is missing: run npm run build first`);
  nodeApi ??= createRequire(import.meta.url)(API) as NodeApi;
  const report = nodeApi.lintText(text, { config: false, ...(options.profile ? { profile: options.profile } : {}), ...(options.rules ? { rules: options.rules as never } : {}) });
  assertValidReport(report, 'dist/index.js lintText');
  const severity = { error: 1, warning: 2, info: 3 } as const;
  return report.files[0]!.diagnostics
    .map((d) => ({
      range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } },
      severity: severity[d.severity],
      code: d.ruleId,
      message: d.message,
    }))
    .sort(byPlace);
}
