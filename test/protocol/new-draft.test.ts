/**
 * New draft over LSP, as any client reaches it: `workspace/executeCommand` with the commands the
 * server announces. The skeleton for every classification, opened as a document on the same
 * server, gets no diagnostic; bad answers get InvalidParams with a one-line message.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';

const CHOICES = 'cableLint.newDraft.choices';
const SKELETON = 'cableLint.newDraft.skeleton';
const LEVELS = ['UNCLASSIFIED', 'SBU', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];

interface Choices {
  classifications: { id: string }[];
  posts: { post: string }[];
  tags: { code: string; meaning: string; group: string; sourceName: string }[];
}
interface Draft {
  text: string;
  snippet: string;
  declassifyOn?: string;
}

describe('new draft over LSP (workspace/executeCommand)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  const run = <R>(command: string, ...args: unknown[]) => client.request<R>('workspace/executeCommand', { command, arguments: args });

  it('announces both commands in its capabilities', () => {
    const caps = (client.initializeResult as InitializeResult).capabilities;
    assert.deepEqual(caps.executeCommandProvider?.commands, [CHOICES, SKELETON]);
  });

  it('offers the levels, posts and TAGS codes with their meanings', async () => {
    const c = await run<Choices>(CHOICES);
    assert.deepEqual(c.classifications.map((l) => l.id), LEVELS);
    assert.ok(c.posts.some((p) => p.post === 'DUSHANBE'));
    const kwmn = c.tags.find((t) => t.code === 'KWMN');
    assert.deepEqual(kwmn && [kwmn.meaning, kwmn.group, kwmn.sourceName], ["Women's issues", 'subject', 'current table']);
    assert.equal(c.tags.find((t) => t.code === 'TI')?.meaning, 'Tajikistan');
  });

  for (const classification of LEVELS) {
    it(`${classification}: the skeleton, opened on the same server, gets no diagnostic`, async () => {
      const draft = await run<Draft>(SKELETON, { classification, post: 'Dushanbe', tags: ['PGOV', 'KWMN', 'TI'], subject: 'Tajikistan: women in the new parliament' });
      assert.match(draft.text, /^(?:UNCLAS|C O N F I D E N T I A L|S E C R E T|T O P S E C R E T) DUSHANBE 000000\n/);
      assert.match(draft.text, /\nTAGS: PGOV KWMN TI\nSUBJECT: TAJIKISTAN: WOMEN IN THE NEW PARLIAMENT\n/);
      assert.match(draft.snippet, /\$\{1:000000\}/);
      const uri = `untitled:new-draft-${classification.replace(' ', '-')}`;
      const diagnostics = await client.openAndWait(uri, draft.text);
      assert.deepEqual(diagnostics.map((d) => `${String(d.code)} ${d.range.start.line + 1}: ${d.message}`), []);
      await client.close(uri);
    });
  }

  it('dates DECL ten years from the server\'s today', async () => {
    const draft = await run<Draft>(SKELETON, { classification: 'SECRET', post: 'DUSHANBE', tags: ['PREL', 'TI'], subject: 'X' });
    const now = new Date();
    const want = `${String(now.getUTCMonth() + 1).padStart(2, '0')}/${String(now.getUTCDate()).padStart(2, '0')}/${now.getUTCFullYear() + 10}`;
    // 29 February has no tenth anniversary: the 28th.
    assert.ok(draft.text.includes(`E.O. 13526: DECL: ${want}`) || want.startsWith('02/29'), draft.text);
  });

  it('answers bad answers with InvalidParams and a one-line message', async () => {
    const err = async (command: string, ...args: unknown[]) => {
      try {
        await run(command, ...args);
      } catch (e) {
        return e as { code: number; message: string };
      }
      assert.fail('expected an error');
    };
    const noGeo = await err(SKELETON, { classification: 'SECRET', post: 'DUSHANBE', tags: ['PREL'], subject: 'X' });
    assert.deepEqual([noGeo.code, noGeo.message], [-32602, 'tags: pick at least one geographic tag (a country code such as TI for Tajikistan)']);
    const none = await err(SKELETON);
    assert.deepEqual([none.code, none.message], [-32602, 'expected an object { classification, post, tags, subject }']);
    const unknown = await err('cableLint.nothing\u001b[2J');
    assert.equal(unknown.code, -32602);
    assert.equal(unknown.message, 'unknown command "cableLint.nothing\\u001b[2J"');
  });
});
