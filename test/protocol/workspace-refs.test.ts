/**
 * References across cables over LSP (issue 16), on a workspace folder holding seed 002 and the
 * cable its `REF: STATE 202745` cites (test/fixtures/workspace-refs): the server indexes the
 * folder in the background; definition on the citation opens the cited file, references from
 * that cable's banner list seed 002, hover shows what the cited cable is, the citation is a link,
 * workspace symbols find cables by id, subject words and TAGS; the index follows file changes
 * and respects its settings.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { DocumentLink, Hover, InlayHint, Location, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { EXAMPLES, positionOf, ROOT, TestClient } from './lsp-client';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'workspace-refs');
const SEED = readFileSync(join(EXAMPLES, 'seed-002-dushanbe-313-published.txt'), 'latin1');

type Status = { state: string; files?: number; capped?: string; bytes: number; memory: { measured: string; bytes: number } };

async function indexed(client: TestClient, files: number, timeoutMs = 30_000): Promise<Status> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await client.request<Status>('cableLint/indexStatus', null);
    if (s.state === 'ready' && s.files === files) return s;
    if (Date.now() > until) throw new Error(`index not ready with ${files} files: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cable-lint-refs-'));
  copyFileSync(join(FIXTURES, 'state-202745.cable'), join(dir, 'state-202745.cable'));
  writeFileSync(join(dir, 'seed-002.txt'), SEED, 'latin1');
  writeFileSync(join(dir, 'notes.txt'), 'Not a cable: not indexed unless associated.\n');
  return dir;
}

describe('workspace index over LSP: seed 002 and the cable it cites', () => {
  let dir: string;
  let client: TestClient;
  let seedUri: string;
  let stateUri: string;
  const stateText = readFileSync(join(FIXTURES, 'state-202745.cable'), 'utf8');

  before(async () => {
    dir = folder();
    seedUri = pathToFileURL(join(dir, 'seed-002.txt')).href;
    stateUri = pathToFileURL(join(dir, 'state-202745.cable')).href;
    // `files.associations` maps *.txt to cable, as a user opening published copies would.
    client = await TestClient.start({ workspaceFolder: dir, sections: { 'files.associations': { 'seed-*.txt': 'cable' } } });
    await indexed(client, 2);
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('advertises document links and workspace symbols', () => {
    const caps = client.initializeResult.capabilities;
    assert.ok(caps.documentLinkProvider);
    assert.equal(caps.workspaceSymbolProvider, true);
  });

  it('definition on 202745 in the REF line opens the cited file at its banner (year inferred, the nearest earlier)', async () => {
    await client.open(seedUri, SEED);
    const at = positionOf(SEED, 'REF: STATE 202745', 'REF: STATE 2'.length);
    const loc = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: seedUri }, position: at });
    assert.ok(loc, 'a location');
    assert.equal(loc.uri, stateUri);
    assert.deepEqual(loc.range.start, positionOf(stateText, 'UNCLAS STATE 202745'));
  });

  it("an inlay hint after seed 002's REF item names the cited cable's subject, off/short/long by cableLint.inlayHints.refs", async () => {
    const line = SEED.split(/\r?\n/).findIndex((l) => l.startsWith('REF: STATE 202745'));
    const refHints = async () => {
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: seedUri }, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } } });
      return hints.map((h) => [h.position.line, h.position.character, typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')]);
    };
    const end = 'REF: STATE 202745'.length;
    // short, the default: cut to 28 characters.
    assert.deepEqual(await refHints(), [[line, end, '› SEVENTH ANNUAL TRAFFICKING…']]);
    const setRefs = async (refs: string) => {
      client.settings = { inlayHints: { refs } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    };
    try {
      await setRefs('long');
      assert.deepEqual(await refHints(), [[line, end, '› SEVENTH ANNUAL TRAFFICKING IN PERSONS REPORT: REPORTING INSTRUCTIONS']]);
      await setRefs('off');
      assert.deepEqual(await refHints(), []);
    } finally {
      client.settings = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    }
  });

  it('references from the cited cable\'s banner list seed 002\'s citation ("cited by")', async () => {
    await client.open(stateUri, stateText);
    const at = positionOf(stateText, 'UNCLAS STATE 202745', 'UNCLAS STATE '.length);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: stateUri }, position: at, context: { includeDeclaration: true } });
    const cross = refs.filter((r) => r.uri === seedUri);
    assert.equal(cross.length, 1, JSON.stringify(refs));
    assert.deepEqual(cross[0]!.range.start, positionOf(SEED, 'STATE 202745'));
  });

  it('hover on the citation shows the cited cable\'s id, date, classification and subject', async () => {
    const at = positionOf(SEED, 'REF: STATE 202745', 'REF: STATE 2'.length);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: seedUri }, position: at });
    const value = (h?.contents as { value: string }).value;
    assert.match(value, /06STATE202745 · 2006-10-11 · UNCLASSIFIED/);
    assert.match(value, /SEVENTH ANNUAL TRAFFICKING IN PERSONS REPORT: REPORTING INSTRUCTIONS/);
  });

  it('the citation is a document link to the cited file', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: seedUri } });
    assert.deepEqual(links.map((l) => l.target), [stateUri]);
    assert.deepEqual(links[0]!.range.start, positionOf(SEED, 'STATE 202745'));
  });

  it('workspace symbols find cables by id, subject words and TAGS', async () => {
    const names = async (query: string) => (await client.request<WorkspaceSymbol[]>('workspace/symbol', { query })).map((s) => s.name);
    assert.deepEqual(await names('06STATE202745'), ['06STATE202745']);
    assert.deepEqual(await names('trafficking instructions'), ['06STATE202745']);
    assert.deepEqual(await names('KCRM'), ['06STATE202745', '07DUSHANBE313']);
    const hit = (await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '07DUSHANBE313' }))[0]!;
    assert.equal((hit.location as Location).uri, seedUri);
  });

  it('follows the files: a new cable on disk citing the State cable is indexed and listed', async () => {
    const reply = stateText
      .replace('UNCLAS STATE 202745', 'UNCLAS STATE 300001')
      .replace('DE RUEHC #2745 2841630', 'DE RUEHC #0001 3011630')
      .replace('R 111630Z OCT 06', 'R 281630Z OCT 06')
      .replace('E.O. 12958: N/A', 'E.O. 12958: N/A\nREF: STATE 202745');
    const path = join(dir, 'reply.cable');
    writeFileSync(path, reply);
    const uri = pathToFileURL(path).href;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    await indexed(client, 3);
    const at = positionOf(stateText, 'UNCLAS STATE 202745', 'UNCLAS STATE '.length);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: stateUri }, position: at, context: { includeDeclaration: false } });
    assert.deepEqual(refs.map((r) => r.uri).filter((u) => u !== stateUri).sort(), [uri, seedUri].sort());
    unlinkSync(path);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    await indexed(client, 2);
  });
});

describe('workspace index settings', () => {
  it('cableLint.index.enable false: nothing indexed, a REF item leads nowhere else', async () => {
    const dir = folder();
    const client = await TestClient.start({ workspaceFolder: dir, sections: { 'cableLint.index': { enable: false } } });
    try {
      const s = await client.request<Status>('cableLint/indexStatus', null);
      assert.equal(s.state, 'off');
      const seedUri = pathToFileURL(join(dir, 'seed-002.txt')).href;
      await client.open(seedUri, SEED);
      const loc = await client.request<Location | null>('textDocument/definition', {
        textDocument: { uri: seedUri },
        position: positionOf(SEED, 'REF: STATE 202745', 'REF: STATE 2'.length),
      });
      assert.ok(loc === null || loc.uri === seedUri, JSON.stringify(loc));
      // No cited cable known: no REF hint, the REF line's other hints aside.
      const line = SEED.split(/\r?\n/).findIndex((l) => l.startsWith('REF: STATE 202745'));
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: seedUri }, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } } });
      assert.deepEqual(hints, []);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A folder of `copies` × the 68 committed real cables, each copy under its own name. */
  function manyCables(copies: number): { dir: string; files: number } {
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-many-'));
    const corpus = join(ROOT, 'test', 'fixtures', 'corpus');
    const names = readdirSync(corpus).filter((n) => n.endsWith('.txt'));
    for (let k = 0; k < copies; k++) for (const n of names) copyFileSync(join(corpus, n), join(dir, `${k}-${n.replace(/\.txt$/, '.cable')}`));
    return { dir, files: copies * names.length };
  }

  it("maxMemoryMB stops on the server's heap as Node reports it, not on the index's estimate, and says so", async () => {
    // 1 MB: about the index's estimate of all 828 entries (~1.2 KB each), while Node counts ~2.4 KB
    // of live heap an entry: the heap passes the cap hundreds of files before the estimate would.
    const { dir, files } = manyCables(12);
    const capMB = 1;
    const client = await TestClient.start({ workspaceFolder: dir, sections: { 'cableLint.index': { maxMemoryMB: capMB } } });
    try {
      let s: Status;
      for (const until = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 50))) {
        s = await client.request<Status>('cableLint/indexStatus', null);
        if (s.state === 'ready' || Date.now() > until) break;
      }
      assert.equal(s.state, 'ready', JSON.stringify(s));
      assert.equal(s.memory.measured, 'heap');
      assert.ok(s.files! < files, `stopped early: ${s.files} of ${files}`);
      assert.ok(s.memory.bytes > capMB * 1024 * 1024, `the heap grew past the cap: ${JSON.stringify(s)}`);
      // Where the old cap stopped: the estimate of the entries held is still under it.
      assert.ok(s.bytes < capMB * 1024 * 1024, `the index's estimate is under the cap: ${s.bytes}`);
      assert.match(s.capped ?? '', new RegExp(`memory cap of ${capMB} MB after ${s.files} files: the server's heap grew by \\d+\\.\\d MB while indexing \\(cableLint\\.index\\.maxMemoryMB\\)`));
      assert.ok(client.logs.some((l) => l.message === `cable-lint: ${s.capped}`), 'the server log says so');
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a generous maxMemoryMB indexes everything, measuring the heap all along', async () => {
    const { dir, files } = manyCables(1);
    const client = await TestClient.start({ workspaceFolder: dir, sections: { 'cableLint.index': { maxMemoryMB: 512 } } });
    try {
      const s = await indexed(client, files, 60_000);
      assert.equal(s.capped, undefined);
      assert.equal(s.memory.measured, 'heap');
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('indexing progress: $/progress to a client announcing window.workDoneProgress, nothing to one that does not', async () => {
    const { dir, files } = manyCables(1);
    try {
      const announcing = await TestClient.start({ workspaceFolder: dir, patchCapabilities: (c) => void (c.window = { workDoneProgress: true }) });
      try {
        await indexed(announcing, files, 60_000);
        const created = announcing.notifications.filter((n) => n.method === 'window/workDoneProgress/create');
        assert.equal(created.length, 1);
        const token = (created[0]!.params as { token: string | number }).token;
        // The end arrives just after the index turns ready.
        await announcing.notification('$/progress', (p) => (p as { value: { kind: string } }).value.kind === 'end');
        const values = announcing.notifications
          .filter((n) => n.method === '$/progress' && (n.params as { token: unknown }).token === token)
          .map((n) => (n.params as { value: { kind: string; title?: string; message?: string; percentage?: number } }).value);
        assert.equal(values[0]!.kind, 'begin');
        assert.equal(values[0]!.title, 'Indexing cables');
        assert.equal(values.at(-1)!.kind, 'end');
        const reports = values.filter((v) => v.kind === 'report');
        assert.ok(reports.length >= 2, JSON.stringify(values));
        const percents = reports.map((r) => r.percentage!);
        assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'percentages only rise');
        assert.equal(percents.at(-1), 100);
        assert.equal(reports.at(-1)!.message, `${files}/${files} files`);
      } finally {
        await announcing.stop();
      }
      const silent = await TestClient.start({ workspaceFolder: dir });
      try {
        await indexed(silent, files, 60_000);
        await new Promise((r) => setTimeout(r, 200));
        assert.deepEqual(
          silent.notifications.filter((n) => n.method === '$/progress' || n.method === 'window/workDoneProgress/create'),
          [],
        );
        // The summary still reaches the log.
        assert.ok(silent.logs.some((l) => l.message === `cable-lint: ${files} cables indexed`), JSON.stringify(silent.logs));
      } finally {
        await silent.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maxFiles caps the index and says so', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'second.cable'), readFileSync(join(FIXTURES, 'state-202745.cable')));
    const client = await TestClient.start({ workspaceFolder: dir, sections: { 'cableLint.index': { maxFiles: 1 } } });
    try {
      const s = await indexed(client, 1);
      assert.match(s.capped ?? '', /first 1 cable files \(cableLint\.index\.maxFiles\)/);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
