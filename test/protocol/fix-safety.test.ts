/**
 * One safety rule for every fix (issue 14): a safe fix that would change words its title does
 * not name is withheld by `--fix` and by the editor alike, its quick fix and its fix-all. The
 * case is real (07LISBON2960): CBL041 rewrites `E.O. 12958: DECLASSIFY 11/29/2027` as
 * `E.O. 12958: DECL: 11/29/2027` under the title `Write "E.O. 12958: DECL: 11/29/2027"`, which
 * drops the letters of DECLASSIFY without naming the word. A fix that keeps the words (PRELL →
 * PREL) goes through both the same way.
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
const WRITE_DECL = 'Write "E.O. 12958: DECL: 11/29/2027"';

describe('fix safety: the editor and --fix withhold the same fixes', () => {
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

  it('--fix leaves the E.O. line alone, says why, and applies the fix that keeps the words', () => {
    writeFileSync(join(dir, 'a.cable'), CABLE);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'cable-lint.js'), '--fix', 'a.cable'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.match(r.stderr, /^cable-lint: left out in a\.cable:5: CBL041 "Write "E\.O\. 12958: DECL: 11\/29\/2027"" would change words it does not name$/m);
    assert.match(r.stderr, /^fixed a\.cable: 1 fix \(CBL061\)$/m);
    const lines = readFileSync(join(dir, 'a.cable'), 'utf8').split('\n');
    assert.equal(lines[EO_LINE], 'E.O. 12958: DECLASSIFY 11/29/2027');
    assert.equal(lines[EO_LINE + 1], 'TAGS: PREL PO');
  });

  it('the editor offers no quick fix that --fix withholds, and its fix-all leaves the same line alone', async () => {
    const uri = pathToFileURL(join(dir, 'b.cable')).href;
    const diagnostics = await client.openAndWait(uri, CABLE);
    const eo = diagnostics.find((d) => d.code === 'CBL041');
    assert.ok(eo, 'CBL041 reports the E.O. line');
    assert.ok(
      (eo.data as { fixes: Array<{ title: string }> }).fixes.some((f) => f.title === WRITE_DECL),
      'the rule still proposes the fix: the safety rule, not the rule, withholds it',
    );
    const ask = (d: Diagnostic[], only: string[]) =>
      client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: d, only } });
    const quick = await ask([eo], ['quickfix']);
    assert.deepEqual(
      quick.filter((a) => !a.title.startsWith('cable-lint: ')).map((a) => a.title),
      [],
      'no quick fix for the E.O. line',
    );
    const tags = diagnostics.find((d) => d.code === 'CBL061')!;
    const tagFix = (await ask([tags], ['quickfix'])).find((a) => a.title.startsWith('Replace PRELL with PREL'));
    assert.ok(tagFix, 'a fix that keeps the words is offered');

    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.ok(fixAll, 'fix-all is offered (for the TAGS line)');
    const fixed = applyTextEdits(CABLE, editsFor(fixAll.edit, uri));
    assert.equal(fixed, readFileSync(join(dir, 'a.cable'), 'utf8'), 'the text --fix wrote');
  });
});
