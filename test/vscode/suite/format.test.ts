/**
 * Format Document in VS Code on a draft whose paragraphs were pasted as single long lines: the
 * server's formatter (service/format.ts) re-wraps them to 69 with every word kept, and a second
 * Format Document changes nothing.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

const PARAGRAPH =
  'The Economy Ministry published the decision on its website the same day, and the minister told parliament that the retrofit, budgeted at 180 million euros over four years and financed in part by a loan from the European Investment Bank, would be tendered in the autumn under the new rules.';
const DRAFT = [
  'UNCLAS TALLINN 000214',
  '',
  'SIPDIS',
  '',
  'E.O. 13526: N/A',
  'TAGS: ENRG EINV PGOV EN',
  'SUBJECT: ESTONIA: OIL-SHALE PLANT UPGRADE WINS CABINET BACKING',
  '',
  `1. (U) SUMMARY: ${PARAGRAPH} END SUMMARY.`,
  '',
  `2. (U) ${PARAGRAPH}`,
  '',
  'HOLMGREN',
  '',
].join('\n');
const tokens = (text: string) => text.split(/\s+/).filter((t) => t.length > 0);

describe('Format Document', () => {
  it('re-wraps a long-line draft to 69 characters, every word kept; again, nothing changes', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'cable', content: DRAFT });
    await vscode.window.showTextDocument(doc);
    assert.ok(DRAFT.split('\n').some((l) => l.length > 290));
    // The server answers once it has started for this document.
    await waitFor('the formatted text', async () => {
      await vscode.commands.executeCommand('editor.action.formatDocument');
      return doc.getText() !== DRAFT ? true : undefined;
    });
    const text = doc.getText();
    for (const line of text.split('\n')) assert.ok(line.length <= 69, line);
    assert.deepEqual(tokens(text), tokens(DRAFT));
    assert.ok(text.includes('\n2. (U) The Economy Ministry published the decision on its website the\nsame day,'), text);
    await vscode.commands.executeCommand('editor.action.formatDocument');
    assert.equal(doc.getText(), text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
