/**
 * Entry of the web server (`dist/browser/server.js`): the same server as main.ts, run in a web
 * worker (the VS Code web extension's, vscode.dev, github.dev) and spoken to over postMessage.
 * Only the transport and the host differ: files, configurations and the workspace index's listing
 * come through the client (host/browser), and there is no worker thread, so large documents are
 * linted, and the index's files parsed, in place.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, type Connection } from 'vscode-languageserver/browser';
import { browserHost, type ClientFiles } from '../host/browser/host';
import { browserCableSource, type ClientFolders } from '../host/browser/cable-source';
import {
  base64ToBytes,
  FIND_FILES_REQUEST,
  READ_FILE_REQUEST,
  type FindFilesParams,
  type FindFilesResult,
  type ReadFileParams,
  type ReadFileResult,
} from './protocol';
import { startServer } from './server';

/** The worker's global scope, as far as the transport needs it (no DOM typings in this project). */
interface WorkerScope {
  addEventListener(type: string, listener: (event: { error?: unknown; message?: string; reason?: unknown }) => void): void;
}
type Port = ConstructorParameters<typeof BrowserMessageReader>[0];

/** The client's `workspace.fs` and `workspace.findFiles`, through READ_FILE_REQUEST and FIND_FILES_REQUEST. */
export function clientFiles(connection: Connection): ClientFiles & ClientFolders {
  return {
    async read(uri) {
      const params: ReadFileParams = { uri };
      const result = await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, params);
      return 'base64' in result ? base64ToBytes(result.base64) : undefined;
    },
    async find(folder, globs, max) {
      const params: FindFilesParams = { folder, globs: [...globs], max };
      const result = await connection.sendRequest<FindFilesResult | null>(FIND_FILES_REQUEST, params);
      return Array.isArray(result?.uris) ? result.uris.filter((u): u is string => typeof u === 'string') : [];
    },
  };
}

function text(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? (a.stack ?? a.message) : safeJson(a))).join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const scope = globalThis as unknown as WorkerScope;
const connection = createConnection(new BrowserMessageReader(scope as unknown as Port), new BrowserMessageWriter(scope as unknown as Port));

// What a dependency logs goes to the client's log, as on Node.
console.log = (...args: unknown[]) => connection.console.log(text(args));
console.info = (...args: unknown[]) => connection.console.info(text(args));
console.debug = (...args: unknown[]) => connection.console.log(text(args));
console.warn = (...args: unknown[]) => connection.console.warn(text(args));
console.error = (...args: unknown[]) => connection.console.error(text(args));
scope.addEventListener('error', (e) => connection.console.error(`cable-lint: uncaught: ${text([e.error ?? e.message])}`));
scope.addEventListener('unhandledrejection', (e) => connection.console.error(`cable-lint: unhandled rejection: ${text([e.reason])}`));

const client = clientFiles(connection);
// The workspace index lists and reads the folders' cables through the client as well.
startServer(connection, browserHost(client), { cableSource: () => browserCableSource(client) });
connection.listen();
