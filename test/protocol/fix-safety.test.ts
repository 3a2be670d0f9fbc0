/**
 * One safety rule for every fix (issue 14): a safe fix that would change words its title does
 * not name is withheld by `--fix` and by the editor alike, its quick fix and its fix-all. The
 * case was real (07LISBON2960): CBL041 rewrote `E.O. 12958: DECLASSIFY 11/29/2027` as
 * `E.O. 12958: DECL: 11/29/2027` under a title that did not name DECLASSIFY, so both withheld
 * it. Its title now says the word changes (issue 15), and the fix goes through both the same way
 * as one that keeps the words (PRELL → PREL). The words check itself, with a fix whose title
 * names nothing, is tested in test/unit/service-code-actions.test.ts and rules-sections.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor, ROOT, TestClient } from './lsp-client';

const CABLE = [
  'CONFIDENTIAL LISBON 002960',
  '',
  'SIPDIS',
  '',
  'E.O. 12958: DECLASSIFY 11/29/2027',
  'TAGS: PRELL PO',
  'SUBJECT: TEST',
  '',
  'Classified By: Ambassador A. Smith for reasons 1.4 (b) and (d).',
  '',
  '1. (C) TEXT.',
  '',
  '2. (C) MORE.',
  '',
  'SMITH',
  '',
].join('\n');
const EO_LINE = 4;
const WRITE_DECL = 'Write "E.O. 12958: DECL: 11/29/2027", shortening DECLASSIFY to DECL';

describe('fix safety: the editor and --fix apply the same fixes', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cable-lint-fix-safety-'));
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--fix shortens DECLASSIFY, its title naming the change, and fixes the TAGS code; nothing is left out', () => {
    writeFileSync(join(dir, 'a.cable'), CABLE);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'cable-lint.js'), '--fix', 'a.cable'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.doesNotMatch(r.stderr, /left out/);
    assert.match(r.stderr, /^fixed a\.cable: 2 fixes \(CBL041, CBL061\)$/m);
    const lines = readFileSync(join(dir, 'a.cable'), 'utf8').split('\n');
    assert.equal(lines[EO_LINE], 'E.O. 12958: DECL: 11/29/2027');
    assert.equal(lines[EO_LINE + 1], 'TAGS: PREL PO');
  });

  it('the editor offers the same quick fix, and its fix-all writes what --fix wrote', async () => {
    const uri = pathToFileURL(join(dir, 'b.cable')).href;
    const diagnostics = await client.openAndWait(uri, CABLE);
    const eo = diagnostics.find((d) => d.code === 'CBL041');
    assert.ok(eo, 'CBL041 reports the E.O. line');
    const ask = (d: Diagnostic[], only: string[]) =>
      client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: d, only } });
    const quick = await ask([eo], ['quickfix']);
    const decl = quick.find((a) => a.title === WRITE_DECL);
    assert.ok(decl, quick.map((a) => a.title).join(' | '));
    assert.equal(decl.isPreferred, true);
    assert.equal(applyTextEdits(CABLE, editsFor(decl.edit, uri)).split('\n')[EO_LINE], 'E.O. 12958: DECL: 11/29/2027');
    const tags = diagnostics.find((d) => d.code === 'CBL061')!;
    const tagFix = (await ask([tags], ['quickfix'])).find((a) => a.title.startsWith('Replace PRELL with PREL'));
    assert.ok(tagFix, 'a fix that keeps the words is offered');

    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.ok(fixAll, 'fix-all is offered');
    const fixed = applyTextEdits(CABLE, editsFor(fixAll.edit, uri));
    assert.equal(fixed, readFileSync(join(dir, 'a.cable'), 'utf8'), 'the text --fix wrote');
  });
});
