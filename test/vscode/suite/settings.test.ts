/**
 * Configuration reaches the server: the `cableLint.rules` setting and a `.cablelintrc.json` in the
 * workspace, each turning a rule off and back on in an open document.
 */
import * as vscode from 'vscode';
import { EXPECTED } from '../../protocol/expected';
import { copyOf, diagnosticsMatching, fileUri, openUri } from './helpers';

const HEADER = EXPECTED['invalid-header.cable']!;

describe('settings and .cablelintrc.json', () => {
  it('cableLint.rules turns a rule off by id and by name, and back on when removed', async () => {
    const doc = await openUri(await copyOf('invalid-header.cable'));
    await diagnosticsMatching(doc.uri, HEADER);
    const config = () => vscode.workspace.getConfiguration('cableLint', doc.uri);
    try {
      await config().update('rules', { CBL061: 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsMatching(doc.uri, HEADER.filter((r) => !r.startsWith('CBL061')));
      // CBL075's name, ref-lettering (docs/rules/CBL075.md), works as well as its id.
      await config().update('rules', { CBL061: 'off', 'ref-lettering': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsMatching(doc.uri, HEADER.filter((r) => !r.startsWith('CBL061') && !r.startsWith('CBL075')));
    } finally {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsMatching(doc.uri, HEADER);
  });

  it('a .cablelintrc.json written into the workspace takes effect, and so does its removal', async () => {
    const doc = await openUri(await copyOf('invalid-header.cable'));
    await diagnosticsMatching(doc.uri, HEADER);
    const rc = fileUri('.cablelintrc.json');
    try {
      await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode('{ "rules": { "CBL064": "off" } }\n'));
      await diagnosticsMatching(doc.uri, HEADER.filter((r) => !r.startsWith('CBL064')));
      // An edit of the file is seen too: now the severity of CBL076 changes instead.
      await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode('{ "rules": { "CBL076": "error" } }\n'));
      await diagnosticsMatching(doc.uri, HEADER.map((r) => (r.startsWith('CBL076') ? r.replace('warning', 'error') : r)));
    } finally {
      await vscode.workspace.fs.delete(rc).then(undefined, () => undefined);
    }
    await diagnosticsMatching(doc.uri, HEADER);
  });
});
