/**
 * Formatting over LSP (`textDocument/formatting`, `textDocument/rangeFormatting`), as any client
 * asks for it: a draft whose paragraphs are single lines of about 300 characters comes back as
 * lines of at most 69 with the same words in the same order, and formatting again gives no edit.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, EXAMPLES, TestClient } from './lsp-client';

const DRAFT = readFileSync(join(EXAMPLES, 'valid-draft-unclassified.cable'), 'utf8');
const SENTENCE = 'The retrofit is budgeted at 180 million euros over four years, financed in part by a loan from the European Investment Bank.';
/** Each numbered paragraph on one line, padded to about 300 characters. */
const LONG = (() => {
  const at = DRAFT.indexOf('\n1. ');
  const body = DRAFT.slice(at + 1)
    .replace(/([^\n])\n(?=[^\n])(?!HOLMGREN)/g, '$1 ')
    .replace(/^(\d\. .*)$/gm, (p) => `${p} ${SENTENCE} ${SENTENCE}`.slice(0, 320).replace(/\s\S*$/, '.'));
  return DRAFT.slice(0, at + 1) + body;
})();
const PAGE = `This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n${LONG}`;
const tokens = (text: string) => text.split(/\s+/).filter((t) => t.length > 0);
const OPTIONS = { tabSize: 4, insertSpaces: true };

describe('formatting over LSP', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    await client.openAndWait('untitled:long', LONG);
    await client.openAndWait('untitled:page', PAGE);
  });
  after(async () => {
    await client?.stop();
  });

  const formatting = (uri: string) => client.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS });

  it('announces document and range formatting', () => {
    assert.equal(client.initializeResult.capabilities.documentFormattingProvider, true);
    assert.equal(client.initializeResult.capabilities.documentRangeFormattingProvider, true);
  });

  it('a draft of 300-character lines: lines of at most 69, the same words in the same order; again, no edit', async () => {
    assert.ok(LONG.split('\n').filter((l) => l.length >= 290).length >= 3, 'paragraphs of about 300 characters');
    const edits = (await formatting('untitled:long')) ?? [];
    assert.ok(edits.length >= 3);
    const out = applyTextEdits(LONG, edits);
    for (const line of out.split('\n')) assert.ok(line.length <= 69, line);
    assert.deepEqual(tokens(out), tokens(LONG));
    await client.change('untitled:long', 2, [{ text: out }]);
    assert.deepEqual((await formatting('untitled:long')) ?? [], []);
  });

  it('range formatting re-wraps the paragraph the range is in, and nothing else', async () => {
    await client.change('untitled:long', 3, [{ text: LONG }]);
    const lines = LONG.split('\n');
    const line = lines.findIndex((l) => l.startsWith('3. '));
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri: 'untitled:long' },
      range: { start: { line, character: 5 }, end: { line, character: 9 } },
      options: OPTIONS,
    });
    assert.equal(edits.length, 1);
    assert.equal(edits[0]!.range.start.line, line);
    const out = applyTextEdits(LONG, edits).split('\n');
    assert.ok(out.find((l) => l.startsWith('1. '))!.length > 69);
    assert.ok(out.find((l) => l.startsWith('3. '))!.length <= 69);
  });

  it('leaves a published copy alone unless cableLint.format.published is on', async () => {
    assert.deepEqual((await formatting('untitled:page')) ?? [], []);
    client.settings = { format: { published: true } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    const out = applyTextEdits(PAGE, (await formatting('untitled:page')) ?? []);
    assert.notEqual(out, PAGE);
    assert.deepEqual(tokens(out), tokens(PAGE));
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
  });

  it("wraps to CBL120's limit from the client's settings", async () => {
    client.settings = { rules: { 'line-length': ['info', { max: 50 }] } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    await client.change('untitled:long', 4, [{ text: LONG }]);
    const out = applyTextEdits(LONG, (await formatting('untitled:long')) ?? []);
    const para = out.slice(out.indexOf('\n1. ') + 1, out.indexOf('\n\n2. '));
    for (const line of para.split('\n')) assert.ok(line.length <= 50, line);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
  });

  it('answers [] for an unknown document or a range it cannot read', async () => {
    assert.deepEqual((await formatting('untitled:nowhere')) ?? [], []);
    assert.deepEqual(
      await client.request('textDocument/rangeFormatting', { textDocument: { uri: 'untitled:long' }, range: null, options: OPTIONS }),
      [],
    );
  });
});
