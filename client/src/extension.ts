/**
 * The VS Code extension on the desktop (and any Node extension host): starts the bundled
 * language server over IPC. Everything else is start.ts's, shared with the web extension
 * (browser-extension.ts). All linting happens in the server; nothing here reads cable text.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/protocol';
import { startExtension, stopExtension } from './start';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  await startExtension(context, {
    documentSelector: [
      { scheme: 'file', language: 'cable' },
      { scheme: 'untitled', language: 'cable' },
    ],
    // The id `cableLint` makes the client honour the `cableLint.trace.server` setting.
    createClient: (clientOptions) => new LanguageClient('cableLint', 'cable-lint', serverOptions, clientOptions),
  });
}

export function deactivate(): Promise<void> {
  return stopExtension();
}
