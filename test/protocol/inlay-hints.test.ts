/**
 * Inlay hints over LSP (`textDocument/inlayHint`), as any client asks for them: the meanings of
 * seed 002's TAGS (server/data/tags.tsv: KWMN is "Women's issues"), the dates decoded by hand
 * (021348Z MAR 07; DE day 061 of 2007 is 2 March), a style per kind from `cableLint.inlayHints`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { InlayHint } from 'vscode-languageserver-protocol';
import { EXAMPLES, exampleUri, TestClient } from './lsp-client';

const SEED_002 = readFileSync(join(EXAMPLES, 'seed-002-dushanbe-313-published.txt'), 'utf8');
const URI = exampleUri('seed-002-dushanbe-313-published.txt');
const LINES = SEED_002.split(/\r?\n/);
const TAGS_LINE = LINES.findIndex((l) => l.startsWith('TAGS:'));
const WHOLE = { start: { line: 0, character: 0 }, end: { line: LINES.length, character: 0 } };

const label = (h: InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
/** The word a hint follows, and its label. */
const pairs = (hints: InlayHint[]) => hints.map((h) => [LINES[h.position.line]!.slice(0, h.position.character).split(/\s+/).pop(), label(h)]);

describe('inlay hints over LSP', () => {
  let client: TestClient;
  let refreshes = 0;
  before(async () => {
    client = await TestClient.start({
      patchCapabilities: (c) => {
        c.workspace = { ...c.workspace, inlayHint: { refreshSupport: true } };
        c.textDocument = { ...c.textDocument, inlayHint: { dynamicRegistration: false } };
      },
    });
    client.connection.onRequest('workspace/inlayHint/refresh', () => {
      refreshes++;
      return null;
    });
    await client.openAndWait(URI, SEED_002);
  });
  after(async () => {
    await client?.stop();
  });

  const ask = (range: unknown = WHOLE, uri = URI) => client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });

  it('announces the provider', () => {
    assert.deepEqual(client.initializeResult.capabilities.inlayHintProvider, { resolveProvider: false });
  });

  it("writes KWMN › Women's issues on seed 002's TAGS line, a meaning after each known code", async () => {
    const hints = await ask({ start: { line: TAGS_LINE, character: 0 }, end: { line: TAGS_LINE + 1, character: 0 } });
    const byCode = Object.fromEntries(pairs(hints));
    assert.equal(byCode.KWMN, "› Women's issues");
    assert.equal(byCode.TI, '› Tajikistan');
    assert.deepEqual(Object.keys(byCode), ['KCRM', 'PHUM', 'KWMN', 'SMIG', 'KFRD', 'ASEC', 'PREF', 'ELAB', 'PGOV', 'TI']);
    for (const h of hints) assert.equal(h.position.line, TAGS_LINE);
  });

  it('decodes the DTG and the DE line', async () => {
    const hints = pairs(await ask());
    assert.deepEqual(
      hints.filter(([, l]) => !l!.startsWith('›')),
      [
        ['0611348', '2 Mar 13:48Z'],
        ['07', '2 Mar 2007 13:48Z'],
      ],
    );
  });

  it('takes a style per kind from cableLint.inlayHints, and asks the client to refresh when it changes', async () => {
    client.settings = { inlayHints: { tags: 'long', dates: 'off' } };
    const before = refreshes;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    const deadline = Date.now() + 10_000;
    while (refreshes === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(refreshes, before + 1, 'workspace/inlayHint/refresh sent');
    const hints = pairs(await ask());
    assert.equal(Object.fromEntries(hints).KWMN, "› Women's issues (current table)");
    assert.ok(hints.every(([, l]) => l!.startsWith('›')), 'no date hints');

    client.settings = { inlayHints: { tags: 'sometimes' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    const shown = await ask();
    // The bad value is reported once and the kind keeps its default.
    assert.equal(Object.fromEntries(pairs(shown)).KWMN, "› Women's issues");
    await client.notification('window/showMessage', (p) => /cableLint\.inlayHints\.tags: invalid style "sometimes" \(expected off, short, long\)/.test((p as { message: string }).message));

    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
  });

  it('answers [] for an unknown document or a range it cannot read, and clamps a range past the end', async () => {
    assert.deepEqual(await ask(WHOLE, 'untitled:nowhere'), []);
    assert.deepEqual(await ask(null), []);
    assert.deepEqual(await ask({ start: { line: 'x', character: 0 }, end: WHOLE.end }), []);
    const clamped = await ask({ start: { line: TAGS_LINE, character: 0 }, end: { line: 1_000_000, character: 0 } });
    assert.ok(clamped.some((h) => label(h) === "› Women's issues"));
  });
});
