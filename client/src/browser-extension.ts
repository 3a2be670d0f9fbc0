/**
 * The web extension (vscode.dev, github.dev, a workbench that runs it in its web worker): the
 * same extension as extension.ts, with the server bundled for a web worker
 * (dist/browser/server.js) and spoken to over postMessage. The server reads the workspace's
 * files through this client (start.ts answers its READ_FILE_REQUEST), and links rule pages to a
 * command that shows the page shipped in the extension, as a file: link means nothing here.
 */
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  BrowserMessageReader,
  BrowserMessageWriter,
  type LanguageClientOptions,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import { SHOW_RULE_DOC_COMMAND } from '../../server/src/lsp/protocol';
import { startExtension, stopExtension } from './start';

type Port = ConstructorParameters<typeof BrowserMessageReader>[0];
interface WebWorker {
  terminate(): void;
}
/** The extension host's web worker constructor (no DOM typings in this project). */
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;

/**
 * The server in a web worker of its own, a fresh one each start: vscode-languageclient's
 * browser client keeps one worker for its whole life, so "Restart server" would speak to a
 * server that had already exited.
 */
class WebWorkerLanguageClient extends BaseLanguageClient {
  private worker: WebWorker | undefined;

  constructor(clientOptions: LanguageClientOptions, private readonly script: string) {
    // The id `cableLint` makes the client honour the `cableLint.trace.server` setting.
    super('cableLint', 'cable-lint', clientOptions);
  }

  protected createMessageTransports(_encoding: string): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = new Worker(this.script, { name: 'cable-lint server' });
    this.worker = worker;
    const port = worker as unknown as Port;
    return Promise.resolve({ reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.worker?.terminate();
      this.worker = undefined;
    }
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  await startExtension(context, {
    // Any scheme: the workspace is vscode-vfs on github.dev, vscode-remote in a remote workbench.
    documentSelector: [{ language: 'cable' }],
    initializationOptions: { ruleDocsCommand: SHOW_RULE_DOC_COMMAND },
    createClient: (clientOptions) => new WebWorkerLanguageClient(clientOptions, serverMain.toString(true)),
  });
}

export function deactivate(): Promise<void> {
  return stopExtension();
}
