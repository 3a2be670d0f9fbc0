/**
 * Quick fixes and fix-all through `vscode.executeCodeActionProvider`, applied the way the light
 * bulb applies them: the diagnostic goes away and every other word of the draft stays, in order.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../../protocol/expected';
import { assertKeepsWords, codeOf, copyOf, diagnosticsMatching, diagnosticsWhere, openUri } from './helpers';

async function apply(action: vscode.CodeAction): Promise<vscode.TextEdit[]> {
  assert.ok(action.edit, `${action.title} carries an edit`);
  const edits = action.edit.entries().flatMap(([, e]) => e);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return edits;
}

describe('code actions', () => {
  it('the quick fix for PHUMPGOV splits the glued tags; the other words stay', async () => {
    const doc = await openUri(await copyOf('invalid-header.cable'));
    const diagnostics = await diagnosticsMatching(doc.uri, EXPECTED['invalid-header.cable']!);
    const d064 = diagnostics.find((d) => codeOf(d) === 'CBL064')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d064.range, vscode.CodeActionKind.QuickFix.value);
    // The "cable-lint: ignore/disable" actions come along; the fix is the other one.
    const fixes = actions.filter((a) => a.kind?.value === 'quickfix' && !a.title.startsWith('cable-lint: '));
    assert.equal(fixes.length, 1, actions.map((a) => a.title).join(' | '));
    const before = doc.getText();
    const edits = await apply(fixes[0]!);
    // Line 6 was "TAGS: PRELL PGOV PHUMPGOV QZXV MK".
    assert.equal(doc.lineAt(5).text, 'TAGS: PRELL PGOV PHUM PGOV QZXV MK');
    await diagnosticsWhere(doc.uri, false, (d) => codeOf(d) === 'CBL064' && d.severity === vscode.DiagnosticSeverity.Warning, 'the CBL064 warning');
    // The split leaves PGOV twice on the line, which CBL064 reports as a repeated tag, at info
    // level (docs/rules/CBL064.md); the other rows are unchanged.
    const rest = EXPECTED['invalid-header.cable']!.filter((r) => !r.startsWith('CBL064'));
    await diagnosticsMatching(doc.uri, [...rest, 'CBL064·info·6']);
    assertKeepsWords(before, doc.getText(), edits, await vscode.workspace.openTextDocument({ content: before }));
    await doc.save();
  });

  it('the "ignore" actions are offered next to the fix', async () => {
    const doc = await openUri(await copyOf('invalid-header-missing-eo.cable'));
    const [d040] = await diagnosticsMatching(doc.uri, EXPECTED['invalid-header-missing-eo.cable']!);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d040!.range);
    assert.ok(actions.some((a) => a.title.startsWith('cable-lint: ')), actions.map((a) => a.title).join(' | '));
  });

  it('fix-all on seed 000 repairs every pilcrow artefact at once; the words stay', async () => {
    const doc = await openUri(await copyOf('seed-000-dushanbe-50-partial-extract.txt'));
    assert.equal(doc.languageId, 'cable');
    await diagnosticsMatching(doc.uri, EXPECTED['seed-000-dushanbe-50-partial-extract.txt']!);
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, all, vscode.CodeActionKind.SourceFixAll.value);
    assert.deepEqual(actions.map((a) => a.kind?.value), ['source.fixAll.cableLint']);
    const before = doc.getText();
    const edits = await apply(actions[0]!);
    // docs/rules/CBL084.md: with `110.` in the cable the detection is certain, so every single
    // fix is safe and fix-all takes them all: "- 11." becomes "1." and the LaTeX ¶7 becomes "7.".
    assert.match(doc.lineAt(13).text, /^1\. SUMMARY:/);
    assert.match(doc.lineAt(28).text, /^ ?7\. The MOI and IOM/);
    await diagnosticsMatching(doc.uri, []);
    assertKeepsWords(before, doc.getText(), edits, await vscode.workspace.openTextDocument({ content: before }));
    await doc.save();
  });
});
