/**
 * The workspace index's host side: which files of the open folders are cables (the extension's
 * own `.cable` and `.tel`, `files.associations` mapped to `cable`, and the `cableLint.index`
 * globs), a background run over them with progress, the caps on files and memory, and keeping the
 * index current as files and open documents change. The I/O (listing folders, reading and parsing
 * files, off the server's thread) is a `CableSource` the host gives: host/node/cable-source.ts on
 * Node. The index itself and every answer it gives are the service's (service/workspace-index.ts).
 * No Node built-in here: URIs, not paths.
 */
import picomatch from 'picomatch';
import type { IndexedCable, WorkspaceIndex } from '../service/workspace-index';

export interface IndexSettings {
  /** Index at all (`cableLint.index.enable`). */
  enable: boolean;
  /** Globs of further files to index, relative to each folder (`cableLint.index.include`). */
  include: string[];
  /** Globs of files and folders never to index (`cableLint.index.exclude`). */
  exclude: string[];
  /** `files.associations` patterns mapped to `cable`: VS Code's rule, a pattern without `/` matches the file name. */
  associations: string[];
  /** At most this many files (`cableLint.index.maxFiles`). */
  maxFiles: number;
  /**
   * Indexing stops when the server's heap has grown by this much since the run began, in MB, as
   * the host measures it (`CableSource.heapUsed`), else by the index's own estimate (`cableLint.index.maxMemoryMB`).
   */
  maxMemoryMB: number;
}

export const DEFAULT_INDEX_SETTINGS: IndexSettings = Object.freeze({
  enable: true,
  include: [],
  exclude: [],
  associations: [],
  maxFiles: 20_000,
  maxMemoryMB: 64,
}) as IndexSettings;

/** A file below a folder: its URI and its path relative to the folder, with `/`. */
export interface FolderFile {
  uri: string;
  rel: string;
}

/** The host's I/O for the index. */
export interface CableSource {
  /**
   * The files below a folder that `accept` takes, in a stable order, skipping dot-folders and
   * `node_modules`; at most `max` (`capped` when there were more); stops early when `stop()`.
   * `globs` (relative to the folder) match every file `accept` may take: a host that lists by
   * glob (the browser's, through the client's `workspace.findFiles`) asks for those only.
   */
  list(
    folderUri: string,
    accept: (rel: string) => boolean,
    max: number,
    stop: () => boolean,
    globs: readonly string[],
  ): Promise<{ files: FolderFile[]; capped: boolean }>;
  /** Reads and parses files into index entries, off the server's thread where the host can. */
  parse(uris: string[]): Promise<{ entries: IndexedCable[]; failed: { uri: string; reason: string }[] }>;
  /** A run is over: what only a run needs (a worker thread and its heap) can go until the next. */
  release?(): void;
  /**
   * The bytes the server's heap holds now, as the platform reports it (Node: `process.memoryUsage().heapUsed`),
   * garbage included; `settled`: after a full collection, so only what is alive (a pause of some
   * milliseconds). Absent where the platform says nothing (a browser's web worker): the cap then
   * goes by the index's estimate.
   */
  heapUsed?(settled: boolean): number;
  dispose(): void;
}

/** What a run of the indexer reports as it goes (the server turns it into LSP work-done progress). */
export interface IndexProgress {
  begin(): void;
  report(done: number, total: number): void;
  end(summary: string): void;
}

export type IndexState =
  | { state: 'off' }
  | { state: 'indexing'; done: number; total: number }
  | { state: 'ready'; files: number; capped?: string };

/**
 * What the memory cap was last checked against: `heap`, the growth of the server's heap since the
 * run began as the host reports it; `estimate`, the index's own estimate where the host reports none.
 */
export interface IndexMemory {
  measured: 'heap' | 'estimate';
  bytes: number;
}

const MB = 1024 * 1024;
const inMB = (bytes: number) => (bytes / MB).toFixed(1);

/** Folders never walked: dependencies. Dot-folders (version control, tool state) neither. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/** Globs (relative to a folder) of every file the settings may take, exclusions aside: for watching and for listing by glob. */
export function indexGlobs(settings: IndexSettings): string[] {
  return ['**/*.cable', '**/*.tel', ...settings.associations.map((p) => (p.includes('/') ? p : `**/${p}`)), ...settings.include];
}

/** Whether a path below a folder (with `/`) lies in a folder the index never walks. */
export function inSkippedFolder(rel: string): boolean {
  return rel
    .split('/')
    .slice(0, -1)
    .some((p) => p.startsWith('.') || SKIPPED_DIRECTORIES.has(p));
}

/** Whether a path relative to a folder (with `/`) is a cable file under these settings. */
export function fileMatcher(settings: IndexSettings): (rel: string) => boolean {
  const opts = { dot: true, nocase: true };
  const clean = (p: string) => p.replace(/^\.?\//, '');
  const byName = ['*.cable', '*.tel', ...settings.associations.filter((p) => !p.includes('/'))].map((p) => picomatch(p, { ...opts, basename: true }));
  const byPath = [...settings.associations.filter((p) => p.includes('/')), ...settings.include].map((p) => picomatch(clean(p), opts));
  const excluded = settings.exclude.map((p) => picomatch(clean(p), opts));
  const excludedBelow = settings.exclude.map((p) => picomatch(`${clean(p).replace(/\/$/, '')}/**`, opts));
  return (rel: string) => {
    if (excluded.some((m) => m(rel)) || excludedBelow.some((m) => m(rel))) return false;
    return byName.some((m) => m(rel)) || byPath.some((m) => m(rel));
  };
}

/** `file:///w/a%20b/x.cable` below `file:///w/a%20b`: `x.cable`; undefined when not below. */
export function relativeTo(folderUri: string, uri: string): string | undefined {
  const base = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  if (!uri.startsWith(base)) return undefined;
  try {
    return decodeURIComponent(uri.slice(base.length));
  } catch {
    return undefined;
  }
}

/** Files per job: small, so that a keystroke waits behind at most a few files' parsing. */
const BATCH = 8;
/** How long a batch waits after an edit of an open document, at most once per batch. */
const HOLD_OFF_MS = 150;

/**
 * Indexes the folders of the workspace in the background and keeps the index current. A new run
 * (other folders or settings) supersedes the one under way.
 */
export class WorkspaceIndexer {
  #run = 0;
  #state: IndexState = { state: 'off' };
  #settings: IndexSettings = DEFAULT_INDEX_SETTINGS;
  #folders: string[] = [];
  #accept: (rel: string) => boolean = () => false;
  /** Open documents: their text, not the file's, is what the index holds for them. */
  readonly #open = new Set<string>();
  /** Until when the next batch waits: the user is typing, and the keystroke's lint comes first. */
  #quietUntil = 0;
  #memory: IndexMemory = { measured: 'estimate', bytes: 0 };
  /**
   * The run stopped at the memory cap: a file that appears afterwards is not taken (one the
   * index holds is still kept current), as none past the file cap is, until the next run.
   */
  #full = false;

  constructor(
    readonly index: WorkspaceIndex,
    private readonly source: CableSource,
    private readonly log: (message: string) => void,
  ) {}

  /** Where indexing stands; once ready, the files the index holds now (changes since included). */
  get state(): IndexState {
    const s = this.#state;
    return s.state === 'ready' ? { ...s, files: this.index.size } : s;
  }

  /** What the memory cap was last checked against (after each batch of a run). */
  get memory(): IndexMemory {
    return this.#memory;
  }

  /** Whether a file (by URI) of one of the folders is one the index takes. */
  accepts(uri: string): boolean {
    if (!this.#settings.enable) return false;
    for (const folder of this.#folders) {
      const rel = relativeTo(folder, uri);
      if (rel === undefined) continue;
      return !inSkippedFolder(rel) && this.#accept(rel);
    }
    return false;
  }

  /** Indexes `folders` (URIs) from scratch under `settings`; resolves when done or superseded. */
  async start(folders: string[], settings: IndexSettings, progress: IndexProgress): Promise<void> {
    const run = ++this.#run;
    const stale = () => run !== this.#run;
    this.#settings = settings;
    this.#folders = [...folders];
    this.#accept = fileMatcher(settings);
    this.index.clear();
    this.#full = false;
    if (!settings.enable || folders.length === 0) {
      this.#state = { state: 'off' };
      return;
    }
    this.#state = { state: 'indexing', done: 0, total: 0 };
    progress.begin();
    const found: string[] = [];
    let capped: string | undefined;
    for (const folder of folders) {
      const { files, capped: cut } = await this.source.list(folder, this.#accept, settings.maxFiles - found.length, stale, indexGlobs(settings));
      if (stale()) return;
      found.push(...files.map((f) => f.uri));
      if (cut) {
        capped = `the index holds the first ${settings.maxFiles} cable files (cableLint.index.maxFiles)`;
        break;
      }
    }
    const total = found.length;
    this.#state = { state: 'indexing', done: 0, total };
    progress.report(0, total);
    const maxBytes = settings.maxMemoryMB * MB;
    // The cap is on what the process holds, not on what the index thinks it holds: the entries'
    // strings, maps and sets, and whatever else the server keeps meanwhile, as the platform counts
    // it. A parsing worker's own heap is not the server's and goes when the run ends.
    // The growth from a settled start: heap in use now, garbage included, is an upper bound of
    // what the run added; only when that passes the cap is the heap settled again to count the
    // live bytes alone, so that garbage never stops a run and a collection is rarely forced.
    const heap = this.source.heapUsed?.bind(this.source);
    const heapAtStart = heap?.(true);
    const measure = (): IndexMemory => {
      if (!heap || heapAtStart === undefined) return { measured: 'estimate', bytes: this.index.bytes };
      let grown = heap(false) - heapAtStart;
      if (grown > maxBytes) grown = heap(true) - heapAtStart;
      return { measured: 'heap', bytes: Math.max(0, grown) };
    };
    this.#memory = measure();
    let done = 0;
    for (let i = 0; i < found.length; i += BATCH) {
      // Typing: let the keystroke's lint have the machine first (once per batch, so that
      // indexing still moves on while someone types without pause).
      const wait = this.#quietUntil - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, HOLD_OFF_MS)));
      if (stale()) return;
      const batch = found.slice(i, i + BATCH);
      const { entries, failed } = await this.source.parse(batch.filter((uri) => !this.#open.has(uri)));
      if (stale()) return;
      for (const e of entries) if (!this.#open.has(e.uri)) this.index.set(e);
      for (const f of failed) this.log(`cable-lint: not indexed ${f.uri}: ${f.reason}`);
      done += batch.length;
      this.#state = { state: 'indexing', done, total };
      progress.report(done, total);
      this.#memory = measure();
      if (this.#memory.bytes > maxBytes) {
        const what = this.#memory.measured === 'heap' ? `the server's heap grew by ${inMB(this.#memory.bytes)} MB while indexing` : `the index holds about ${inMB(this.#memory.bytes)} MB`;
        capped = `the index reached its memory cap of ${settings.maxMemoryMB} MB after ${this.index.size} files: ${what} (cableLint.index.maxMemoryMB)`;
        this.#full = true;
        break;
      }
    }
    this.#state = { state: 'ready', files: this.index.size, ...(capped ? { capped } : {}) };
    this.source.release?.();
    if (capped) this.log(`cable-lint: ${capped}`);
    progress.end(capped ?? `${this.index.size} cables indexed`);
  }

  /** A file was created, changed or deleted on disk (not open in the editor). */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (this.#open.has(uri) || this.#state.state === 'off') return;
    if (deleted || !this.accepts(uri)) {
      this.index.delete(uri);
      return;
    }
    if (!this.index.get(uri) && (this.#full || this.index.size >= this.#settings.maxFiles)) return;
    const run = this.#run;
    const { entries, failed } = await this.source.parse([uri]);
    for (const f of failed) this.log(`cable-lint: not indexed ${f.uri}: ${f.reason}`);
    if (run !== this.#run || this.#open.has(uri)) return;
    for (const e of entries) this.index.set(e);
    if (entries.length === 0) this.index.delete(uri);
  }

  /** An open document is being edited: indexing holds off for a moment. */
  editing(): void {
    this.#quietUntil = Date.now() + HOLD_OFF_MS;
  }

  /** An open document's text changed (or it was opened): the index holds its facts. */
  documentChanged(uri: string, entry: () => IndexedCable): void {
    if (this.#state.state === 'off' || !this.accepts(uri)) return;
    this.#open.add(uri);
    this.index.set(entry());
  }

  /** An open document was closed: its file on disk is what counts again. */
  async documentClosed(uri: string): Promise<void> {
    if (!this.#open.delete(uri)) return;
    await this.fileChanged(uri, false);
  }

  dispose(): void {
    this.#run++;
    this.source.dispose();
  }
}
