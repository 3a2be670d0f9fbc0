/**
 * "cable-lint: Lint workspace" fills the Problems collection for cables nobody has opened.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../../protocol/expected';
import { diagnosticsMatching, fileUri, open, rows } from './helpers';

describe('cable-lint: Lint workspace', () => {
  it('reports on unopened .cable and .tel files, and hands over to the server when one is opened', async () => {
    const riga = fileUri('unopened/riga-no-eo.cable');
    const dtg = fileUri('unopened/dtg.tel');
    const isOpen = (u: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === u.toString());
    assert.ok(!isOpen(riga) && !isOpen(dtg));
    assert.deepEqual(vscode.languages.getDiagnostics(riga), []);

    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('cableLint.lintWorkspace'));
    await vscode.commands.executeCommand('cableLint.lintWorkspace');

    // Copies of invalid-header-missing-eo.cable and invalid-dtg.cable.
    assert.deepEqual(rows(vscode.languages.getDiagnostics(riga)), EXPECTED['invalid-header-missing-eo.cable']);
    assert.deepEqual(rows(vscode.languages.getDiagnostics(dtg)), EXPECTED['invalid-dtg.cable']);
    assert.ok(!isOpen(riga) && !isOpen(dtg), 'still unopened');

    // Opened, the file has the server's live diagnostics and no second copy from the workspace run.
    await open('unopened/riga-no-eo.cable');
    await diagnosticsMatching(riga, EXPECTED['invalid-header-missing-eo.cable']!);
    assert.equal(vscode.languages.getDiagnostics(riga).length, 1);
  });
});
