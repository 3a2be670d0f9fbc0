/**
 * A broken or hostile client: requests out of session, garbage params and frames, a burst of a
 * thousand requests, a client that vanishes. Every request gets an answer or a JSON-RPC error,
 * the server goes on serving or exits by itself, and its stdout holds nothing but frames.
 * Raw frames are written here (no client library), since a library would refuse to send most
 * of this.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { capabilities, ROOT, SERVER } from './lsp-client';

type Message = { jsonrpc: string; id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };

function frame(body: unknown): Buffer {
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/** The server over stdio with nothing in between: frames in, every stdout byte kept. */
class RawServer {
  readonly stdout: Buffer[] = [];
  readonly stderr: Buffer[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private nextId = 0;

  constructor(readonly child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })) {
    child.stdout!.on('data', (b: Buffer) => this.stdout.push(b));
    child.stderr!.on('data', (b: Buffer) => this.stderr.push(b));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    // A write after the server left must not fail the test: the exit is what is checked.
    child.stdin!.on('error', () => undefined);
  }

  write(...messages: unknown[]): void {
    this.child.stdin!.write(Buffer.concat(messages.map(frame)));
  }

  request(method: string, params?: unknown): number {
    const id = ++this.nextId;
    this.write({ jsonrpc: '2.0', id, method, ...(params !== undefined ? { params } : {}) });
    return id;
  }

  notify(method: string, params?: unknown): void {
    this.write({ jsonrpc: '2.0', method, ...(params !== undefined ? { params } : {}) });
  }

  /**
   * Every frame on stdout so far; throws on a byte outside a frame. A frame still arriving at
   * the end is left for later unless `complete`.
   */
  frames(complete = false): Message[] {
    const all = Buffer.concat(this.stdout);
    const out: Message[] = [];
    let at = 0;
    while (at < all.length) {
      const headerEnd = all.indexOf('\r\n\r\n', at);
      if (headerEnd < 0 && !complete) break;
      assert.ok(headerEnd >= 0, `stray bytes on stdout: ${JSON.stringify(all.subarray(at, at + 80).toString())}`);
      const header = all.subarray(at, headerEnd).toString('ascii');
      const m = /^Content-Length: (\d+)(?:\r\nContent-Type: [^\r\n]*)?$/i.exec(header);
      assert.ok(m, `not a protocol header on stdout: ${JSON.stringify(header.slice(0, 80))}`);
      const end = headerEnd + 4 + Number(m[1]);
      if (end > all.length && !complete) break;
      assert.ok(end <= all.length, 'stdout ends inside a frame');
      const message = JSON.parse(all.subarray(headerEnd + 4, end).toString('utf8')) as Message;
      assert.equal(message.jsonrpc, '2.0');
      out.push(message);
      at = end;
    }
    return out;
  }

  /** Waits for the responses to `ids`. */
  async responses(ids: readonly number[]): Promise<Map<number, Message>> {
    for (;;) {
      const found = new Map<number, Message>();
      for (const f of this.frames()) if (typeof f.id === 'number' && f.method === undefined && ids.includes(f.id)) found.set(f.id, f);
      if (found.size === ids.length) return found;
      if (this.child.exitCode !== null) assert.fail(`server exited with ${found.size} of ${ids.length} answers`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async response(id: number): Promise<Message> {
    return (await this.responses([id])).get(id)!;
  }

  initialize(processId: number | null = process.pid): Promise<Message> {
    const id = this.request('initialize', { processId, rootUri: null, capabilities: capabilities({ configuration: false }) });
    return this.response(id).then((r) => {
      this.notify('initialized', {});
      return r;
    });
  }

  /** Log messages of type error (1): handler failures. */
  errorLogs(): string[] {
    return this.frames()
      .filter((f) => f.method === 'window/logMessage' && (f.params as { type: number }).type === 1)
      .map((f) => (f.params as { message: string }).message);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

const DRAFT = ['UNCLAS ROME 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL ECON', 'SUBJECT: A DRAFT', '', '1. (U) TEXT.', ''].join('\n');
const TAGS_LINE = 3;

describe('requests out of session', () => {
  let server: RawServer;
  before(() => {
    server = new RawServer();
  });
  after(() => server.kill());

  it('before initialize: ServerNotInitialized (-32002) for every feature, MethodNotFound for unknown methods', async () => {
    const td = { uri: 'file:///nowhere/a.cable' };
    const position = { line: 0, character: 0 };
    const ids = [
      server.request('textDocument/hover', { textDocument: td, position }),
      server.request('textDocument/documentSymbol', { textDocument: td }),
      server.request('textDocument/codeAction', { textDocument: td, range: { start: position, end: position }, context: { diagnostics: [] } }),
      server.request('textDocument/diagnostic', { textDocument: td }),
      server.request('textDocument/inlayHint', { textDocument: td, range: { start: position, end: position } }),
      server.request('cableLint/lintWorkspaceFiles', [td.uri]),
    ];
    const unknown = server.request('no/such/method', {});
    const answers = await server.responses([...ids, unknown]);
    for (const id of ids) assert.equal(answers.get(id)!.error?.code, -32002, JSON.stringify(answers.get(id)));
    assert.equal(answers.get(unknown)!.error?.code, -32601);
  });

  it('then initializes and serves', async () => {
    const init = await server.initialize();
    assert.equal((init.result as { serverInfo: { name: string } }).serverInfo.name, 'cable-lint');
    server.notify('textDocument/didOpen', { textDocument: { uri: 'untitled:a', languageId: 'cable', version: 1, text: DRAFT } });
    const hover = await server.response(server.request('textDocument/hover', { textDocument: { uri: 'untitled:a' }, position: { line: TAGS_LINE, character: 7 } }));
    assert.match((hover.result as { contents: { value: string } }).contents.value, /PREL/);
  });

  it('after shutdown: InvalidRequest (-32600); exit then ends the process with status 0', async () => {
    const shutdown = await server.response(server.request('shutdown'));
    assert.equal(shutdown.result, null);
    const late = await server.response(server.request('textDocument/hover', { textDocument: { uri: 'untitled:a' }, position: { line: 0, character: 0 } }));
    assert.equal(late.error?.code, -32600);
    server.notify('exit');
    assert.deepEqual(await server.exited, { code: 0, signal: null });
    server.frames(true);
    assert.deepEqual(server.errorLogs(), []);
    assert.equal(Buffer.concat(server.stderr).toString(), '');
  });
});

describe('garbage from the client', () => {
  let server: RawServer;
  before(async () => {
    server = new RawServer();
    await server.initialize();
  });
  after(() => server.kill());

  it('a frame that is not JSON is skipped and the next request answered', async () => {
    server.write('{"jsonrpc": "2.0", "id": 99, "method": "textDoc');
    const id = server.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:none' } });
    assert.deepEqual((await server.response(id)).result, []);
  });

  it('an open without text is an empty document; malformed changes are skipped, well-formed ones applied', async () => {
    const uri = 'untitled:no-text';
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1 } });
    const symbols = await server.response(server.request('textDocument/documentSymbol', { textDocument: { uri } }));
    assert.deepEqual(symbols.result, []);
    server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: 'junk' });
    server.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: 'bad', text: 'X' }, 42, { text: 7 }] });
    // Positions far outside the text clamp to its end, as in every LSP text model.
    server.notify('textDocument/didChange', {
      textDocument: { uri, version: 4 },
      contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: 99, character: 99 } }, text: DRAFT }],
    });
    const hover = await server.response(server.request('textDocument/hover', { textDocument: { uri }, position: { line: TAGS_LINE, character: 7 } }));
    assert.match((hover.result as { contents: { value: string } }).contents.value, /PREL/, 'the draft is the whole text');
    // Notifications nobody can answer: a change without params, for an unknown document, a close of one.
    server.notify('textDocument/didChange', null);
    server.notify('textDocument/didChange', { textDocument: { uri: 'untitled:unknown', version: 2 }, contentChanges: [{ text: 'x' }] });
    server.notify('textDocument/didClose', { textDocument: { uri: 'untitled:unknown' } });
    server.notify('workspace/didChangeConfiguration', 'nonsense');
    server.notify('workspace/didChangeWatchedFiles', { changes: 'nonsense' });
    const again = await server.response(server.request('textDocument/documentSymbol', { textDocument: { uri } }));
    assert.ok((again.result as unknown[]).length > 0);
    // Only the library's own note on the change without params; none of cable-lint's handlers failed.
    assert.deepEqual(
      server.errorLogs().filter((m) => !/^Notification handler 'textDocument\/didChange' failed/.test(m)),
      [],
    );
  });

  it('a burst of 1,000 requests, valid and not, in one write: 1,000 answers, each a result or an error', async () => {
    const uri = 'untitled:burst';
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: DRAFT } });
    const td = { uri };
    const shapes: [string, (i: number) => unknown][] = [
      ['textDocument/hover', (i) => ({ textDocument: td, position: { line: i % 12, character: (i * 7) % 30 } })],
      ['textDocument/completion', (i) => ({ textDocument: td, position: { line: i % 9, character: i % 20 } })],
      ['textDocument/documentSymbol', () => ({ textDocument: td })],
      ['textDocument/foldingRange', () => ({ textDocument: { uri: 'untitled:nowhere' } })],
      ['textDocument/semanticTokens/full', () => ({ textDocument: td })],
      ['textDocument/selectionRange', (i) => ({ textDocument: td, positions: [{ line: i % 10, character: -i }] })],
      ['textDocument/definition', (i) => ({ textDocument: td, position: { line: 'x', character: i } })],
      ['textDocument/references', () => ({ textDocument: td, position: null, context: null })],
      ['textDocument/codeAction', (i) => ({ textDocument: td, range: { start: { line: i % 8, character: 0 }, end: { line: 40, character: 0 } }, context: { diagnostics: [] } })],
      ['textDocument/documentHighlight', () => ({})],
      ['textDocument/inlayHint', (i) => ({ textDocument: td, range: i % 2 ? { start: { line: -i, character: 0 }, end: { line: i, character: 0 } } : { start: { line: 0, character: 0 }, end: { line: i, character: i } } })],
      ['no/such/method', () => ({})],
    ];
    const start = 1_000_000;
    const frames: Buffer[] = [];
    const unknown = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const [method, params] = shapes[i % shapes.length]!;
      if (method === 'no/such/method') unknown.add(start + i);
      frames.push(frame({ jsonrpc: '2.0', id: start + i, method, params: params(i) }));
    }
    server.child.stdin!.write(Buffer.concat(frames));
    const ids = Array.from({ length: 1000 }, (_, i) => start + i);
    const answers = await server.responses(ids);
    assert.equal(answers.size, 1000);
    for (const [id, a] of answers) {
      if (unknown.has(id)) assert.equal(a.error?.code, -32601);
      else assert.ok('result' in a && a.error === undefined, `answer ${id}: ${JSON.stringify(a).slice(0, 200)}`);
    }
    // Answered once each.
    const counts = new Map<number, number>();
    for (const f of server.frames()) if (typeof f.id === 'number' && f.id >= start && f.method === undefined) counts.set(f.id, (counts.get(f.id) ?? 0) + 1);
    assert.ok([...counts.values()].every((c) => c === 1));
    const hover = await server.response(server.request('textDocument/hover', { textDocument: td, position: { line: TAGS_LINE, character: 7 } }));
    assert.match((hover.result as { contents: { value: string } }).contents.value, /PREL/);
  });
});

describe('a client that vanishes', () => {
  it('stdin closed without shutdown: the server exits by itself, stdout all frames, no stack trace', async () => {
    const server = new RawServer();
    try {
      await server.initialize();
      server.notify('textDocument/didOpen', { textDocument: { uri: 'untitled:v', languageId: 'cable', version: 1, text: DRAFT } });
      await server.response(server.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:v' } }));
      server.child.stdin!.end();
      const { code, signal } = await server.exited;
      assert.equal(signal, null, 'not killed');
      assert.equal(typeof code, 'number');
      server.frames(true);
      assert.doesNotMatch(Buffer.concat(server.stderr).toString(), /\n\s+at /);
    } finally {
      server.kill();
    }
  });

  it('its process gone (initialize named a process that has exited): the server exits by itself', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const server = new RawServer();
    try {
      await server.initialize(gone);
      const { signal } = await server.exited;
      assert.equal(signal, null, 'not killed');
      server.frames(true);
    } finally {
      server.kill();
    }
  });
});
