/**
 * What the Problems collection holds for the examples and seeds, through
 * `vscode.languages.getDiagnostics`: the contract of examples/README.md (test/protocol/expected.ts
 * encodes its table), ranges on the offending words, and updates after a WorkspaceEdit.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../../protocol/expected';
import { codeOf, copyOf, diagnosticsMatching, diagnosticsWhere, open, openUri, positionOf, rows, serverDiagnostics } from './helpers';

const DIRTY = Object.keys(EXPECTED).filter((n) => EXPECTED[n]!.length > 0);
const CLEAN = Object.keys(EXPECTED).filter((n) => EXPECTED[n]!.length === 0);

describe('diagnostics in the Problems collection', () => {
  const seen: Record<string, vscode.Diagnostic[]> = {};
  const docs: Record<string, vscode.TextDocument> = {};

  for (const name of DIRTY) {
    it(`${name}: the rule ids, severities and lines of examples/README.md`, async () => {
      const doc = await open(name);
      docs[name] = doc;
      seen[name] = await diagnosticsMatching(doc.uri, EXPECTED[name]!);
      for (const d of seen[name]!) {
        assert.equal(d.source, 'cable-lint');
        // The code links to the rule's page shipped with the extension.
        const code = d.code as { value: string; target: vscode.Uri };
        assert.equal(code.target.scheme, 'file');
        assert.ok(code.target.path.endsWith(`/docs/rules/${code.value}.md`), code.target.toString());
      }
    });
  }

  it(`no diagnostics on the clean ones: ${CLEAN.join(', ')}`, async () => {
    const clean = [];
    for (const name of CLEAN) clean.push(await open(name));
    // A "nothing yet" and a "nothing" look alike; a document opened after them whose diagnostics
    // have arrived shows the server has answered for the earlier ones too.
    const sentinel = await openUri(await copyOf('invalid-dtg.cable'));
    await diagnosticsMatching(sentinel.uri, EXPECTED['invalid-dtg.cable']!);
    for (const doc of clean) assert.deepEqual(rows(serverDiagnostics(doc.uri)), [], doc.uri.path);
  });

  it('ranges cover the offending text', () => {
    const header = docs['invalid-header.cable']!;
    const d061 = seen['invalid-header.cable']!.filter((d) => codeOf(d) === 'CBL061').map((d) => header.getText(d.range));
    assert.deepEqual(d061.sort(), ['PRELL', 'QZXV']);
    const d064 = seen['invalid-header.cable']!.find((d) => codeOf(d) === 'CBL064')!;
    assert.equal(header.getText(d064.range), 'PHUMPGOV');

    const dtg = docs['invalid-dtg.cable']!;
    const d006 = seen['invalid-dtg.cable']!.find((d) => codeOf(d) === 'CBL006')!;
    assert.match(dtg.getText(d006.range), /311530Z/);

    // The seed's "- 11. SUMMARY" is paragraph 1 with the ¶ read as a 1: the diagnostic covers the
    // number as written (with the bullet it hides behind), not the words after it.
    const seed = docs['seed-000-dushanbe-50-partial-extract.txt']!;
    const d084 = seen['seed-000-dushanbe-50-partial-extract.txt']!.find((d) => d.range.start.line === 13)!;
    assert.match(seed.getText(d084.range), /^(- )?11\.$/);

    // The banner's 07 is where the fix of "OF 07" against seven markers saying 008 goes.
    const sections = docs['invalid-sections.cable']!;
    const d037 = seen['invalid-sections.cable']!.find((d) => codeOf(d) === 'CBL037')!;
    assert.equal(sections.getText(d037.range), '07');
  });

  it('a security-line mismatch points at the banner as related information', () => {
    const d005 = seen['invalid-envelope.cable']!.find((d) => codeOf(d) === 'CBL005')!;
    const related = (d005.relatedInformation ?? []).map((r) => r.location.range.start.line);
    // The banner is line 10 (0-based 9).
    assert.ok(related.includes(9), `related lines: ${related.join(', ')}`);
  });

  it('follows a WorkspaceEdit: a slip fixed goes away, a slip introduced appears', async () => {
    const doc = await openUri(await copyOf('invalid-paragraphs.cable'));
    await diagnosticsMatching(doc.uri, EXPECTED['invalid-paragraphs.cable']!);

    // ¶2 marked (S) under a CONFIDENTIAL banner (CBL091, line 17): mark it (C).
    const edit = new vscode.WorkspaceEdit();
    const s = positionOf(doc, '2. (S)', 4);
    edit.replace(doc.uri, new vscode.Range(s, s.translate(0, 1)), 'C');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsMatching(doc.uri, EXPECTED['invalid-paragraphs.cable']!.filter((r) => !r.startsWith('CBL091')));

    // Drop the mark of ¶4 (line 20): CBL090 there too, the rest unchanged.
    const second = new vscode.WorkspaceEdit();
    const c = positionOf(doc, '4. (C) ', 3);
    second.delete(doc.uri, new vscode.Range(c, c.translate(0, 4)));
    assert.ok(await vscode.workspace.applyEdit(second));
    assert.equal(doc.lineAt(19).text.startsWith('4. He argued'), true, doc.lineAt(19).text);
    await diagnosticsWhere(doc.uri, true, (d) => codeOf(d) === 'CBL090' && d.range.start.line === 19, 'CBL090 on line 20');
    await doc.save();
  });
});
