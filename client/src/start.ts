/**
 * What the desktop and the web extension share: everything but how the server is started.
 * extension.ts starts dist/server.js over Node IPC; browser-extension.ts starts
 * dist/browser/server.js in a web worker (vscode.dev, github.dev). The commands, the status bar
 * item and what the server asks of the client are the same code for both.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import {
  bytesToBase64,
  FIND_FILES_REQUEST,
  PROFILE_NOTIFICATION,
  READ_FILE_REQUEST,
  SHOW_RULE_DOC_COMMAND,
  type FindFilesParams,
  type FindFilesResult,
  type ProfileParams,
  type ReadFileParams,
  type ReadFileResult,
} from '../../server/src/lsp/protocol';
import { newDraftCommand } from './new-draft';
import { ProfileStatus } from './status';
import { lintWorkspace } from './workspace-lint';

/** How one platform starts the server. */
export interface Platform {
  /** The documents the server lints. */
  documentSelector: DocumentSelector;
  /** Sent with `initialize` (the web client names the command that shows a rule's page). */
  initializationOptions?: Record<string, unknown>;
  createClient(clientOptions: LanguageClientOptions): RestartableClient;
}

/** Both platforms' clients: vscode-languageclient's Node one, and browser-extension.ts's. */
export type RestartableClient = BaseLanguageClient & { restart(): Promise<void> };

let client: BaseLanguageClient | undefined;

export async function startExtension(context: vscode.ExtensionContext, platform: Platform): Promise<void> {
  const output = vscode.window.createOutputChannel('cable-lint');
  const clientOptions: LanguageClientOptions = {
    documentSelector: platform.documentSelector,
    // No `synchronize`: the server registers for `cableLint` setting changes and
    // `.cablelintrc.json` file events itself (as it must for other editors), and a static
    // subscription here as well would deliver every change twice.
    outputChannel: output,
    diagnosticCollectionName: 'cable-lint',
    ...(platform.initializationOptions ? { initializationOptions: platform.initializationOptions } : {}),
  };
  const languageClient = platform.createClient(clientOptions);
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
    vscode.commands.registerCommand(SHOW_RULE_DOC_COMMAND, (ruleId?: unknown) => showRuleDoc(context, ruleId)),
  );

  languageClient.onNotification(PROFILE_NOTIFICATION, (params: ProfileParams) => status.set(params.uri, params.profile));
  // What the web server cannot read itself; the Node server reads the disk and never asks.
  languageClient.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => readFile(params));
  languageClient.onRequest(FIND_FILES_REQUEST, (params: FindFilesParams) => findFiles(params));
  await languageClient.start();
}

export async function stopExtension(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

/** A file's bytes through `workspace.fs`, whatever the folder's scheme; `missing` when there is none. */
export async function readFile({ uri }: ReadFileParams): Promise<ReadFileResult> {
  const target = vscode.Uri.parse(uri, true);
  try {
    return { base64: bytesToBase64(await vscode.workspace.fs.readFile(target)) };
  } catch (err) {
    if (err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'FileIsADirectory')) return { missing: true };
    throw new Error(String((err as Error)?.message ?? err).split('\n')[0]);
  }
}

/**
 * The files below a folder that match the server's globs, through `workspace.findFiles` (which
 * honours `files.exclude`): a glob at a time, so that a user's glob with braces or commas stays whole.
 */
export async function findFiles({ folder, globs, max }: FindFilesParams): Promise<FindFilesResult> {
  const base = vscode.Uri.parse(folder, true);
  const limit = Math.max(1, Math.floor(max));
  const found = new Set<string>();
  for (const glob of globs) {
    if (found.size >= limit) break;
    for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(base, glob), undefined, limit)) found.add(uri.toString());
  }
  return { uris: [...found].slice(0, limit) };
}

/** The rule's page shipped in the extension, in the Markdown preview (a text editor if there is none). */
async function showRuleDoc(context: vscode.ExtensionContext, ruleId: unknown): Promise<void> {
  if (typeof ruleId !== 'string' || !/^CBL\d{3}$/.test(ruleId)) return;
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', page);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page), { preview: true });
  }
}
