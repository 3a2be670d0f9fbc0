/**
 * `reftel` over LSP (issue 15 item 8): a cable whose single reference is unlettered cites it as
 * "reftel". The REF hover counts those citations, definition and references from "reftel" reach
 * the REF item, and CBL076 has nothing to say. With two references the word names neither.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, Location, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { positionOf, TestClient, textAt } from './lsp-client';

const cable = (refs: string[]) =>
  [
    'UNCLAS ROME 000123',
    '',
    'SIPDIS',
    '',
    'E.O. 12958: N/A',
    'TAGS: PREL IT',
    'SUBJECT: ITALY ON THE REFERENCE TELEGRAM',
    '',
    ...refs,
    '',
    '1. (U) As requested reftel, Post delivered the demarche on May 4.',
    '',
    '2. (U) Officials said the points of REFTEL were already known.',
    '',
    'SMITH',
    '',
  ].join('\n');

const ONE = cable(['REF: STATE 45123']);
const TWO = cable(['REF: A. STATE 45123', 'B. ROME 880']);

function markdown(h: Hover | null): string {
  const c = h?.contents;
  assert.ok(c && typeof c === 'object' && 'kind' in c && c.kind === 'markdown', 'a Markdown hover');
  return c.value;
}

describe('reftel over LSP', () => {
  let client: TestClient;
  const one = 'untitled:reftel-one';
  const two = 'untitled:reftel-two';
  let oneDiagnostics: PublishDiagnosticsParams['diagnostics'];
  before(async () => {
    // The capabilities a plain client announces: hover in Markdown, definition and references
    // with plain locations (no link support).
    client = await TestClient.start({
      patchCapabilities: (c) => {
        c.textDocument!.hover = { contentFormat: ['markdown', 'plaintext'] };
        c.textDocument!.definition = { linkSupport: false };
        c.textDocument!.references = {};
      },
    });
    oneDiagnostics = await client.openAndWait(one, ONE);
    await client.openAndWait(two, TWO);
  });
  after(async () => {
    await client?.stop();
  });

  const at = (text: string, needle: string, delta = 1, occurrence = 0) => positionOf(text, needle, delta, occurrence);

  it('the REF hover says the only reference is cited as reftel, and how often', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: one }, position: at(ONE, 'REF:') });
    assert.equal(markdown(h), '**REF**: 1 reference, not lettered: the text cites it as `REFTEL` (2 times).');
  });

  it('definition from "reftel" (either case) is the REF item; its references are both', async () => {
    for (const [needle, occurrence] of [['reftel', 0], ['REFTEL', 0]] as const) {
      const loc = await client.request<Location | Location[] | null>('textDocument/definition', { textDocument: { uri: one }, position: at(ONE, needle, 2, occurrence) });
      const first = Array.isArray(loc) ? loc[0] : loc;
      assert.ok(first, `a definition from ${needle}`);
      assert.equal(first.uri, one);
      assert.equal(textAt(ONE, first.range), 'STATE 45123');
    }
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: one },
      position: at(ONE, 'reftel', 2),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(refs.map((r) => textAt(ONE, r.range)), ['reftel', 'REFTEL']);
  });

  it('the hover on "reftel" names the only reference; the hover on it counts its citations', async () => {
    const cite = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: one }, position: at(ONE, 'reftel', 2) }));
    assert.match(cite, /^\*\*REFTEL\*\* → the only reference: `STATE 45123`/);
    const item = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: one }, position: at(ONE, 'STATE 45123', 2) }));
    assert.match(item, /Cited 2 times in the text\./);
  });

  it('no CBL076 for reftel citing the only reference', () => {
    assert.deepEqual(oneDiagnostics.filter((d) => d.code === 'CBL076'), []);
  });

  it('with two references "reftel" names neither: no definition', async () => {
    const loc = await client.request<Location | Location[] | null>('textDocument/definition', { textDocument: { uri: two }, position: at(TWO, 'reftel', 2) });
    assert.ok(loc === null || (Array.isArray(loc) && loc.length === 0), JSON.stringify(loc));
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: two }, position: at(TWO, 'REF:') });
    assert.equal(markdown(h), '**REF**: 2 references, cited by letter in the text (`REF A`, not at all).');
  });
});
