/**
 * TAGS codes from the State Department's handbooks, over LSP as any client sees them: the hover
 * names the handbook, and CBL061 knows every handbook code. Meanings are those of
 * server/data/tags_handbooks.tsv (1974 handbook rows for PFOR, UNCTAD, GE).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { EXAMPLES, positionOf, TestClient } from './lsp-client';

const REYKJAVIK = readFileSync(join(EXAMPLES, 'valid-draft-reykjavik.cable'), 'utf8');
/** The valid example with a TAGS line of codes only the 1974 handbook lists, beside a current one. */
const DRAFT = REYKJAVIK.replace('TAGS: PREL ENRG EINV IC DA NO', 'TAGS: PFOR LH UNCTAD GE');

describe('TAGS from the handbooks over LSP', () => {
  let client: TestClient;
  let diagnostics: Diagnostic[];
  const uri = 'untitled:tags-handbooks';
  before(async () => {
    client = await TestClient.start();
    diagnostics = await client.openAndWait(uri, DRAFT);
  });
  after(async () => {
    await client?.stop();
  });

  async function hoverOn(needle: string): Promise<string> {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(DRAFT, needle, 1) });
    const c = h?.contents;
    assert.ok(c && typeof c === 'object' && 'kind' in c, 'a Markdown hover');
    return c.value;
  }

  it('hovers PFOR as Foreign Policy and Relations, with its handbook source', async () => {
    const text = await hoverOn('PFOR');
    assert.match(text, /\*\*PFOR\*\*: Foreign Policy and Relations/);
    assert.match(text, /Trust: `official`/);
    assert.match(text, /_Source: 1974 handbook: .*Traffic Analysis by Geography and Subject/);
  });

  it('hovers GE as a historic code, not as a country of today', async () => {
    const text = await hoverOn(' GE');
    assert.match(text, /Historic code: Germany \(East\) in the 1974 handbook/);
    assert.match(text, /no meaning on cables dated from 1995 on/);
  });

  it('reports no handbook code as unknown, and no TAGS finding at all on this line', () => {
    const tagsLine = DRAFT.split('\n').findIndex((l) => l.startsWith('TAGS:'));
    const onTags = diagnostics.filter((d) => d.range.start.line === tagsLine);
    assert.deepEqual(onTags.map((d) => `${String(d.code)} ${d.message}`), []);
  });
});
