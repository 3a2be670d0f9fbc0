/**
 * The VS Code client: starts the bundled language server over IPC and adds the commands and
 * the status bar item. All linting happens in the server; nothing here reads cable text.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { PROFILE_NOTIFICATION, SERVER_NODE_FLAGS, type ProfileParams } from '../../server/src/lsp/protocol';
import { newDraftCommand } from './new-draft';
import { ProfileStatus } from './status';
import { lintWorkspace } from './workspace-lint';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('cable-lint');
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'cable' },
      { scheme: 'untitled', language: 'cable' },
    ],
    // No `synchronize`: the server registers for `cableLint` setting changes and
    // `.cablelintrc.json` file events itself (as it must for other editors), and a static
    // subscription here as well would deliver every change twice.
    outputChannel: output,
    diagnosticCollectionName: 'cable-lint',
  };
  // The id `cableLint` makes the client honour the `cableLint.trace.server` setting.
  const languageClient = new LanguageClient('cableLint', 'cable-lint', serverOptions, clientOptions);
  client = languageClient;

  const status = new ProfileStatus();
  const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('cable-lint-workspace');
  context.subscriptions.push(
    output,
    status,
    workspaceDiagnostics,
    // Once a file is open the server reports on it; the workspace run's copy would be stale.
    vscode.workspace.onDidOpenTextDocument((doc) => workspaceDiagnostics.delete(doc.uri)),
    vscode.commands.registerCommand('cableLint.lintWorkspace', () => lintWorkspace(languageClient, workspaceDiagnostics, output)),
    vscode.commands.registerCommand('cableLint.restartServer', async () => {
      output.appendLine('Restarting the cable-lint server.');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('cableLint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('cableLint.newDraft', (answers?: unknown) => newDraftCommand(languageClient, answers)),
  );

  languageClient.onNotification(PROFILE_NOTIFICATION, (params: ProfileParams) => status.set(params.uri, params.profile));
  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
