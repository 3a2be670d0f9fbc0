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
// The extension host's web globals (no DOM typings in this project).
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;
declare const URL: { createObjectURL(blob: unknown): string; revokeObjectURL(url: string): void };
declare function fetch(url: string): Promise<{ ok: boolean; status: number; blob(): Promise<unknown> }>;

const WORKER_NAME = 'cable-lint server';

/**
 * The server's web worker. From the script's URL where the host allows it (vscode.dev serves
 * the extension over https); a workbench whose extension lives on its remote (a
 * `vscode-remote:` location) refuses workers from such a URL, so there the script is fetched (the
 * host's fetch resolves the remote location) and started from a blob of it.
 */
async function startWorker(script: string): Promise<WebWorker> {
  try {
    return new Worker(script, { name: WORKER_NAME });
  } catch (direct) {
    const response = await fetch(script);
    if (!response.ok) throw new Error(`cannot load the cable-lint server (${script}): HTTP ${response.status}; ${String((direct as Error)?.message ?? direct)}`);
    const url = URL.createObjectURL(await response.blob());
    try {
      return new Worker(url, { name: WORKER_NAME });
    } finally {
      // The worker has its script once started; the blob URL is not needed after.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  }
}

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

  protected async createMessageTransports(_encoding: string): Promise<MessageTransports> {
    this.worker?.terminate();
    this.worker = undefined;
    const worker = await startWorker(this.script);
    this.worker = worker;
    const port = worker as unknown as Port;
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
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
