/**
 * The workspace index's I/O on Node: listing the cable files of a folder, and reading and parsing
 * them in a worker thread started from the server bundle (in place, a file at a time with a turn
 * of the event loop between files, when not bundled: tests under tsx), so that indexing thousands
 * of cables never delays a keystroke. Only the facts come back from the worker, never a tree.
 */
import { opendir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, type Worker } from 'node:worker_threads';
import { parseCable } from '../../../../grammar/src/index';
import { indexedCableOf, type IndexedCable } from '../../service/workspace-index';
import { decodeCable } from '../decode';
import { ioReason } from '../errors';
import { type CableSource, type FolderFile, SKIPPED_DIRECTORIES } from '../workspace-indexer';
import { filePathOf } from './host';
import { bundleScript, startBundleWorker } from './bundle-worker';
import { collectGarbage } from './memory';

type Job = { id: number; uris: string[] };
type Parsed = { entries: IndexedCable[]; failed: { uri: string; reason: string }[] };
type Reply = { id: number } & Parsed;

async function entryOf(uri: string): Promise<IndexedCable> {
  const path = filePathOf(uri);
  if (path === undefined) throw new Error('not a file URI');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new Error(ioReason(err));
  }
  return indexedCableOf(uri, parseCable(decodeCable(bytes)));
}

async function parseAll(uris: string[], yieldBetween: boolean): Promise<Parsed> {
  const entries: IndexedCable[] = [];
  const failed: { uri: string; reason: string }[] = [];
  for (const uri of uris) {
    try {
      entries.push(await entryOf(uri));
    } catch (err) {
      failed.push({ uri, reason: (err as Error)?.message ?? String(err) });
    }
    if (yieldBetween) await new Promise((r) => setImmediate(r));
  }
  return { entries, failed };
}

async function listFolder(folderUri: string, accept: (rel: string) => boolean, max: number, stop: () => boolean): Promise<{ files: FolderFile[]; capped: boolean }> {
  const root = filePathOf(folderUri);
  const files: FolderFile[] = [];
  if (root === undefined) return { files, capped: false };
  const walk = async (dir: string, rel: string): Promise<boolean> => {
    let handle;
    try {
      handle = await opendir(dir);
    } catch {
      return true;
    }
    const names: { name: string; dir: boolean }[] = [];
    for await (const d of handle) names.push({ name: d.name, dir: d.isDirectory() });
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, dir: isDir } of names) {
      if (stop()) return false;
      const path = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      if (isDir) {
        if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name)) continue;
        if (!(await walk(path, r))) return false;
      } else if (accept(r)) {
        if (files.length >= max) return false;
        files.push({ uri: pathToFileURL(path).href, rel: r });
      }
    }
    return true;
  };
  const complete = await walk(root, '');
  return { files, capped: !complete && !stop() };
}

/** The Node cable source: a worker thread from the bundle, else in place. */
export class NodeCableSource implements CableSource {
  #worker: Worker | undefined;
  #next = 0;
  readonly #pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();

  constructor(private readonly onError: (message: string) => void) {}

  list(folderUri: string, accept: (rel: string) => boolean, max: number, stop: () => boolean) {
    return listFolder(folderUri, accept, max, stop);
  }

  /** The server thread's heap, as Node reports it: where the index's entries live. */
  heapUsed(settled: boolean): number {
    if (settled) collectGarbage();
    return process.memoryUsage().heapUsed;
  }

  async parse(uris: string[]): Promise<Parsed> {
    if (uris.length === 0) return { entries: [], failed: [] };
    // Not bundled (tests under tsx), or one file changed on disk after a run: in place (a file
    // takes milliseconds; a worker would take longer to start).
    if (bundleScript() === undefined || (uris.length === 1 && this.#worker === undefined)) return parseAll(uris, true);
    let worker: Worker;
    try {
      worker = this.#ensure();
    } catch (err) {
      this.onError(`index worker could not start: ${(err as Error)?.message ?? String(err)}`);
      return parseAll(uris, true);
    }
    const id = ++this.#next;
    try {
      return await new Promise<Reply>((resolve, reject) => {
        this.#pending.set(id, { resolve, reject });
        worker.postMessage({ id, uris } satisfies Job);
      });
    } catch {
      // A worker lost mid-job: the batch is indexed in place instead.
      return parseAll(uris, true);
    }
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startBundleWorker('index', (text) => this.onError(`index worker: ${text}`));
    worker.on('message', (reply: Reply) => {
      const p = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      p?.resolve(reply);
    });
    const lost = (why: string) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      for (const p of this.#pending.values()) p.reject(new Error(why));
      this.#pending.clear();
    };
    worker.on('error', (err) => lost(err?.stack ?? String(err)));
    worker.on('exit', (code) => lost(`exit ${code}`));
    this.#worker = worker;
    return worker;
  }

  /** The run is over: the worker and its heap go (a new run starts another). */
  release(): void {
    this.dispose();
  }

  dispose(): void {
    const w = this.#worker;
    this.#worker = undefined;
    for (const p of this.#pending.values()) p.reject(new Error('disposed'));
    this.#pending.clear();
    if (w) void w.terminate();
  }
}

export function serveIndexJobs(): void {
  parentPort!.on('message', async ({ id, uris }: Job) => {
    parentPort!.postMessage({ id, ...(await parseAll(uris, false)) } satisfies Reply);
  });
}
