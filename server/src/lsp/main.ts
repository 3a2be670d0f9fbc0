/**
 * Entry of the bundled language server on Node (`dist/server.js`). The transport comes from the
 * command line (`--node-ipc` when VS Code starts it, `--stdio` for other editors and the protocol
 * tests); the host is the file system's, and large documents are linted in a worker thread.
 * browser-main.ts is the web server's entry: the same server over postMessage.
 */
import { format } from 'node:util';
import { createConnection } from 'vscode-languageserver/node';
import { OffThreadLinter, serveLintJobs } from './lint-worker';
import { nodeHost } from '../host/node/host';
import { bundleScript, startBundleWorker, workerRole } from '../host/node/bundle-worker';
import { NodeCableSource, serveIndexJobs } from '../host/node/cable-source';
import { allocateYoung, heapReleaser, youngRoom } from '../host/node/memory';
import { startServer } from './server';

// Before any parse: a keystroke's tree must die young (memory.ts says why).
allocateYoung();

// The bundle is also the lint worker's script (lint-worker.ts): a worker serves jobs, no LSP.
// So is it the workspace index's (host/node/cable-source.ts): a worker parses files into facts.
const role = workerRole();
if (role === 'lint') serveLintJobs();
else if (role === 'index') serveIndexJobs();
else startLanguageServer();

function startLanguageServer(): void {
  const connection = createConnection();

  // Over stdio, stdout is the protocol stream: anything a dependency logs must go to the client's
  // log instead, in every transport so the behaviour does not depend on how the server started.
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));

  process.on('uncaughtException', (err) => connection.console.error(`cable-lint: uncaught: ${err?.stack ?? String(err)}`));
  process.on('unhandledRejection', (err) => connection.console.error(`cable-lint: unhandled rejection: ${String(err)}`));

  startServer(connection, nodeHost(), {
    offThread: (onError) => new OffThreadLinter(onError, bundleScript() === undefined ? undefined : (onOutput) => startBundleWorker('lint', onOutput)),
    cableSource: (onError) => new NodeCableSource(onError),
    releaseMemory: heapReleaser(),
    makeRoom: youngRoom(),
  });
  connection.listen();
}
