/**
 * "cable-lint: New draft" in VS Code: run with its four answers given, it opens a cable whose
 * text is the server's skeleton and whose diagnostics stay empty; cancelled, it opens nothing.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, serverDiagnostics, waitFor } from './helpers';

const LEVELS = ['UNCLASSIFIED', 'SBU', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];
const ANSWERS = { post: 'Dushanbe', tags: ['PGOV', 'KWMN', 'TI'], subject: 'Tajikistan: women in the new parliament' };

describe('cable-lint: New draft', () => {
  it('is in the Command Palette, with its snippets and the walkthrough contributed', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('cableLint.newDraft'));
    const pkg = vscode.extensions.all.find((e) => e.packageJSON?.name === 'cable-lint')!.packageJSON;
    assert.deepEqual(pkg.contributes.snippets, [{ language: 'cable', path: './snippets/cable.code-snippets' }]);
    assert.deepEqual(pkg.contributes.walkthroughs[0].steps.map((s: { id: string }) => s.id), ['newDraft', 'hover', 'problems']);
  });

  for (const classification of LEVELS) {
    it(`${classification}: opens the skeleton as a cable, and the Problems panel has nothing for it`, async () => {
      const uri = (await vscode.commands.executeCommand('cableLint.newDraft', { classification, ...ANSWERS })) as vscode.Uri;
      assert.ok(uri, 'the command returned the new document');
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), uri.toString());
      const doc = editor!.document;
      assert.equal(doc.languageId, 'cable');
      // The text is the server's skeleton, the snippet's placeholders at their defaults.
      const skeleton = (await vscode.commands.executeCommand('cableLint.newDraft.skeleton', { classification, ...ANSWERS })) as { text: string };
      assert.equal(doc.getText(), skeleton.text);
      assert.match(doc.getText(), /\nTAGS: PGOV KWMN TI\nSUBJECT: TAJIKISTAN: WOMEN IN THE NEW PARLIAMENT\n/);
      // Tab stop 1, the serial, is selected.
      assert.equal(doc.getText(editor!.selection), '000000');

      // Diagnostics flow for this document (a broken E.O. line is reported) and, undone, none is left.
      const eo = doc.getText().split('\n').findIndex((l) => l.startsWith('E.O. 13526'));
      await editor!.edit((e) => e.replace(new vscode.Range(eo, 0, eo, 4), 'EO  '));
      await diagnosticsWhere(uri, true, () => true, 'a diagnostic on the edited draft');
      await editor!.edit((e) => e.replace(new vscode.Range(eo, 0, eo, 4), 'E.O.'));
      assert.equal(doc.getText(), skeleton.text);
      await diagnosticsWhere(uri, false, () => true, 'the diagnostics of the edited draft');
      assert.deepEqual(serverDiagnostics(uri), []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }

  it('asks first for the classification, and opens nothing when the question is dismissed', async () => {
    const drafts = () => vscode.workspace.textDocuments.filter((d) => d.languageId === 'cable' && d.isUntitled && !d.isClosed).map((d) => d.uri.toString());
    const before = new Set(drafts());
    const running = vscode.commands.executeCommand('cableLint.newDraft');
    // The quick pick takes the focus once it shows; closing it is the user's Escape.
    await waitFor('the classification question', async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return (await Promise.race([running.then(() => 'done'), new Promise((r) => setTimeout(() => r(undefined), 200))])) as string | undefined;
    });
    assert.equal(await running, undefined);
    assert.deepEqual(drafts().filter((u) => !before.has(u)), []);
  });
});
