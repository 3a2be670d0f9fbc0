/**
 * First file of the suite: the packaged client started its server, so the rest can rely on it.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsMatching, open } from './helpers';

describe('the extension in VS Code', () => {
  it('activates on a cable and its server reports on the document', async () => {
    const doc = await open('invalid-header-missing-eo.cable');
    assert.equal(doc.languageId, 'cable');
    // examples/README.md: CBL040 · error · 5.
    await diagnosticsMatching(doc.uri, ['CBL040·error·5'], 60_000);
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'cable-lint');
    assert.ok(ext, 'cable-lint is loaded');
    assert.equal(ext.isActive, true);
  });
});
