import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parse } from 'jsonc-parser/lib/esm/main.js';
import type { CodeAction, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, EXAMPLES, editsFor, exampleUri, ROOT, TestClient } from './lsp-client';

const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
/** Real cables committed with the tests (the corpus sample). */
const SAMPLE = join(ROOT, 'test', 'fixtures', 'corpus');

/** Words of the original that no edit touches must all survive, in order. */
function assertKeepsWords(before: string, after: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]): void {
  const lineStarts = [0];
  for (let i = 0; i < before.length; i++) if (before[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }) => lineStarts[p.line]! + p.character;
  const touched = edits.map((e) => [off(e.range.start), off(e.range.end)] as const);
  const kept: string[] = [];
  for (const m of before.matchAll(/\S+/g)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!touched.some(([a, b]) => a <= e && s <= b)) kept.push(m[0]);
  }
  const words = after.match(/\S+/g) ?? [];
  let i = 0;
  for (const w of words) if (w === kept[i]) i++;
  assert.equal(i, kept.length, `word ${JSON.stringify(kept[i])} lost`);
}

async function actionsAt(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[], range = diagnostics[0]!.range) {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
}

describe('code actions', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('every quick fix on the examples removes a diagnostic of its rule and keeps every other word', async () => {
    let tried = 0;
    for (const name of ['invalid-header.cable', 'invalid-sections.cable', 'invalid-envelope.cable', 'seed-000-dushanbe-50-partial-extract.txt']) {
      const uri = exampleUri(name);
      const text = read(name);
      const diagnostics = await client.openAndWait(uri, text);
      for (const d of diagnostics.filter((x) => (x.data as { fixes: unknown[] }).fixes.length > 0)) {
        const actions = (await actionsAt(client, uri, [d], ['quickfix'])).filter((a) => !a.title.startsWith('cable-lint: '));
        assert.ok(actions.length > 0, `${name}: no quick fix for ${String(d.code)} at line ${d.range.start.line + 1}`);
        for (const action of actions) {
          assert.equal(action.kind, 'quickfix');
          assert.deepEqual(action.diagnostics, [d]);
          const change = action.edit?.documentChanges?.[0] as TextDocumentEdit;
          assert.deepEqual(change.textDocument, { uri, version: 1 }, 'versioned, so a stale fix is refused');
          const fixed = applyTextEdits(text, change.edits);
          assert.notEqual(fixed, text);
          const scratch = `untitled:fixed-${tried++}`;
          const after = await client.openAndWait(scratch, fixed);
          await client.close(scratch);
          // The diagnostic is gone (a fix may move later text, so it is found by rule and message).
          assert.ok(!after.some((x) => x.code === d.code && x.message === d.message), `${action.title}: ${d.message} still there`);
          assertKeepsWords(text, fixed, change.edits);
        }
      }
      await client.close(uri);
    }
    assert.ok(tried > 0);
  });

  it('fix-all applies every safe fix at once (source.fixAll.cableLint)', async () => {
    for (const name of ['invalid-header.cable', 'seed-000-dushanbe-50-partial-extract.txt']) {
      const uri = exampleUri(name);
      const text = read(name);
      const diagnostics = await client.openAndWait(uri, text);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions = await actionsAt(client, uri, [], ['source.fixAll'], whole);
      assert.equal(actions.length, 1, name);
      assert.equal(actions[0]!.kind, 'source.fixAll.cableLint');
      const edits = editsFor(actions[0]!.edit, uri);
      const fixed = applyTextEdits(text, edits);
      const after = await client.openAndWait(`untitled:fixall-${name}`, fixed);
      // Every diagnostic that carried a safe fix is gone.
      const safe = (d: Diagnostic) => (d.data as { fixes: { safe: boolean }[] }).fixes.some((f) => f.safe);
      const fixedRules = new Set(diagnostics.filter(safe).map((d) => String(d.code)));
      for (const d of diagnostics.filter(safe)) {
        assert.ok(!after.some((x) => x.code === d.code && x.message === d.message), `${name}: ${d.message} after fix-all`);
      }
      assert.ok(fixedRules.size > 0, `${name} has safe fixes`);
      assertKeepsWords(text, fixed, edits);
      await client.close(uri);
    }
  });

  it('refuses fixes carried by diagnostics of an older version', async () => {
    const uri = exampleUri('invalid-header.cable');
    const text = read('invalid-header.cable');
    const diagnostics = await client.openAndWait(uri, text);
    const d = diagnostics.find((x) => x.code === 'CBL064')!;
    assert.ok(d);
    const next = client.nextDiagnostics(uri, 2);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    await next;
    const actions = (await actionsAt(client, uri, [d], ['quickfix'])).filter((a) => !a.title.startsWith('cable-lint: '));
    assert.deepEqual(actions, []);
    await client.close(uri);
  });

  it('renumbers all paragraphs and the references to them', async () => {
    const text = read('valid-draft-unclassified.cable')
      .replace('3. (SBU) A ministry adviser', '5. (SBU) A ministry adviser')
      .replace('4. (U) As proposed in reftel,', '6. (U) As proposed in reftel and para 5,');
    const uri = 'untitled:renumber';
    await client.openAndWait(uri, text);
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await actionsAt(client, uri, [], ['refactor'], at);
    const renumber = actions.find((a) => a.title === 'Renumber all paragraphs');
    assert.ok(renumber, actions.map((a) => a.title).join(' | '));
    assert.equal(renumber.kind, 'refactor.rewrite');
    const edits = editsFor(renumber.edit, uri);
    const result = applyTextEdits(text, edits);
    const numbers = [...result.matchAll(/^(\d+)\. \(/gm)].map((m) => Number(m[1]));
    assert.deepEqual(numbers, [1, 2, 3, 4]);
    assert.match(result, /As proposed in reftel and para 3,/);
    // Only digits change.
    assert.equal(result.replace(/\d/g, ''), text.replace(/\d/g, ''));
  });
});

/** LSP's rule for one document's edits: no two ranges overlap (an insertion at another edit's start is fine). */
function assertDisjoint(edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }[], what: string): void {
  const key = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) {
      const [a, b] = [edits[i]!.range, edits[j]!.range];
      const overlap = key(a.start) < key(b.end) && key(b.start) < key(a.end);
      assert.ok(!overlap, `${what}: edits ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`);
    }
  }
}

describe('workspace edits never overlap (issue 15 item 17)', () => {
  let client: TestClient;
  before(async () => {
    // VS Code's capabilities for edits: versioned documentChanges (it refuses overlapping ranges).
    client = await TestClient.start({ patchCapabilities: (c) => (c.workspace!.workspaceEdit = { documentChanges: true }) });
  });
  after(async () => {
    await client?.stop();
  });
  const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
  /**
   * Drafts where renumbering, references and fixes meet on one line: paragraphs written `¶N.` and
   * `- ¶N.` cited as `¶N`, `para N` and `paras N and M`, numbering restarted after a heading, and
   * fixes (tabs, curly quotes, a misspelt TAGS code) on the numbered lines themselves.
   */
  const DRAFTS: Record<string, string> = {
    'own-pilcrows': ['1. (U) First paragraph.', '', '- \u00b65. (U) Second; see \u00b65 and para 1.', '', '\u00b67. (U) Third, after \u00b65.', ''].join('\n'),
    'restarted': [
      'UNCLAS ROME 000123',
      '',
      'E.O. 12958: N/A',
      'TAGS: PRELL PGOV IT',
      'SUBJECT: RENUMBERING',
      '',
      '1. (U) Summary: paras 3 and 4 below.',
      '',
      '3. (U)\tText \u201cquoted\u201d, para 3 itself.',
      '',
      'BACKGROUND',
      '',
      '2. (U) Restarted; see para 2 and \u00b62.',
      '',
      '2. (U) Twice the same number: paragraph 2.',
      '',
      'SMITH',
      '',
    ].join('\n'),
  };

  it("renumbering a paragraph written '- ¶5.' changes its number once: its own ¶5 is no reference to paragraph 5", async () => {
    const text = '1. (U) First paragraph.\n\n- \u00b65. (U) Second paragraph.';
    const uri = 'untitled:renumber-own-pilcrow';
    await client.openAndWait(uri, text);
    const actions = await actionsAt(client, uri, [], ['refactor'], WHOLE);
    const renumber = actions.find((a) => a.title === 'Renumber all paragraphs');
    assert.ok(renumber, actions.map((a) => a.title).join(' | '));
    const edits = editsFor(renumber.edit, uri);
    assert.deepEqual(edits, [{ range: { start: { line: 2, character: 3 }, end: { line: 2, character: 4 } }, newText: '2' }]);
    assert.equal(applyTextEdits(text, edits), '1. (U) First paragraph.\n\n- \u00b62. (U) Second paragraph.');
  });

  it('renumbering paragraphs written with a pilcrow rewrites each number and each citation once', async () => {
    const uri = 'untitled:renumber-pilcrows';
    await client.openAndWait(uri, DRAFTS['own-pilcrows']!);
    const actions = await actionsAt(client, uri, [], ['refactor'], WHOLE);
    const renumber = actions.find((a) => a.title === 'Renumber all paragraphs');
    assert.ok(renumber);
    assert.equal(
      applyTextEdits(DRAFTS['own-pilcrows']!, editsFor(renumber.edit, uri)),
      ['1. (U) First paragraph.', '', '- \u00b62. (U) Second; see \u00b62 and para 1.', '', '\u00b63. (U) Third, after \u00b62.', ''].join('\n'),
    );
    await client.close(uri);
  });

  it('every code action on every example, the committed real cables and drafts that meet renumbering, has disjoint edits', async () => {
    const texts: [string, string, string][] = [
      ...readdirSync(EXAMPLES)
        .filter((n) => /\.(cable|txt)$/.test(n))
        .map((n): [string, string, string] => [n, exampleUri(n), read(n)]),
      ...readdirSync(SAMPLE)
        .filter((n) => n.endsWith('.txt'))
        .map((n): [string, string, string] => [n, pathToFileURL(join(SAMPLE, n)).href, readFileSync(join(SAMPLE, n), 'utf8')]),
      ...Object.entries(DRAFTS).map(([n, t]): [string, string, string] => [n, `untitled:${n}`, t]),
    ];
    const kinds = new Set<string>();
    let checked = 0;
    for (const [name, uri, text] of texts) {
      const diagnostics = await client.openAndWait(uri, text);
      const all = await actionsAt(client, uri, diagnostics, undefined, WHOLE);
      for (const a of all) {
        if (!a.edit) continue;
        const edits = editsFor(a.edit, uri);
        assertDisjoint(edits, `${name}: ${a.title}`);
        if (edits.length > 0) {
          checked++;
          kinds.add(a.kind ?? '');
        }
      }
      await client.close(uri);
    }
    assert.ok(checked > 100, `${checked} actions checked`);
    assert.deepEqual([...kinds].sort(), ['quickfix', 'refactor.rewrite', 'source.fixAll.cableLint']);
  });
});

describe('"ignore" code actions write .cablelintrc.json', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    client = await TestClient.start();
    dir = mkdtempSync(join(tmpdir(), 'cable-lint-ignore-'));
    mkdirSync(join(dir, 'drafts'));
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function applyWorkspaceEdit(edit: WorkspaceEdit | undefined): string {
    assert.ok(edit);
    let path = '';
    for (const c of edit.documentChanges ?? []) {
      if ('kind' in c && c.kind === 'create') {
        path = new URL(c.uri).pathname;
        writeFileSync(path, '');
      } else if ('textDocument' in c) {
        path = new URL(c.textDocument.uri).pathname;
        writeFileSync(path, applyTextEdits(readFileSync(path, 'utf8'), c.edits));
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      path = new URL(uri).pathname;
      writeFileSync(path, applyTextEdits(readFileSync(path, 'utf8'), edits));
    }
    return path;
  }

  it('creates the file with an ignore for one line, then disables a rule keeping the comments', async () => {
    const file = join(dir, 'drafts', 'malta.cable');
    const text = read('invalid-paragraphs.cable');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const diagnostics = await client.openAndWait(uri, text);
    const d081 = diagnostics.find((d) => d.code === 'CBL081');
    assert.ok(d081, 'CBL081 missing');
    const actions = await actionsAt(client, uri, [d081], ['quickfix']);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('cable-lint: ignore CBL081 on this line'), titles.join(' | '));
    assert.ok(titles.includes('cable-lint: ignore CBL081 in this file'));
    assert.ok(titles.includes('cable-lint: disable rule CBL081'));

    const onLine = actions.find((a) => a.title === 'cable-lint: ignore CBL081 on this line')!;
    const rc = applyWorkspaceEdit(onLine.edit);
    assert.equal(rc, join(dir, 'drafts', '.cablelintrc.json'));
    const written = parse(readFileSync(rc, 'utf8'));
    assert.equal(written.ignores.length, 1);
    assert.equal(written.ignores[0].rule, 'CBL081');
    assert.equal(written.ignores[0].files, 'malta.cable');
    assert.ok(new RegExp(written.ignores[0].text).test(text.split('\n')[d081.range.start.line]!));

    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 1 }] });
    const afterIgnore = (await next).diagnostics;
    assert.deepEqual(afterIgnore.filter((d) => d.code === 'CBL081'), []);
    assert.equal(afterIgnore.length, diagnostics.length - 1, 'only that diagnostic went');

    // The user adds a comment; disabling a rule keeps it.
    writeFileSync(rc, readFileSync(rc, 'utf8').replace('{', '{\n  // reviewed with the desk officer'));
    const d080 = afterIgnore.find((d) => d.code === 'CBL080');
    assert.ok(d080, 'CBL080 missing');
    const disable = (await actionsAt(client, uri, [d080], ['quickfix'])).find((a) => a.title === 'cable-lint: disable rule CBL080');
    assert.ok(disable);
    assert.equal(disable.edit?.documentChanges, undefined, 'an existing file is edited in place');
    applyWorkspaceEdit(disable.edit);
    const content = readFileSync(rc, 'utf8');
    assert.match(content, /\/\/ reviewed with the desk officer/);
    assert.equal(parse(content).rules.CBL080, 'off');
    assert.equal(parse(content).ignores.length, 1);
    const next2 = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    assert.deepEqual((await next2).diagnostics.filter((d) => d.code === 'CBL080' || d.code === 'CBL081'), []);
  });
});
