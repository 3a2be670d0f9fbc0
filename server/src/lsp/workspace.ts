/**
 * The workspace index in the language server: the open folders, the index settings
 * (`cableLint.index.*` and the `files.associations` that map to `cable`), a background indexing
 * run with work-done progress, and the file and document events that keep the index current.
 * Every answer (definition, references, hover, links, symbols) comes from the service.
 */
import { type ClientCapabilities, type Connection, DidChangeWatchedFilesNotification, FileChangeType, type WorkspaceFolder } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CableSource, DEFAULT_INDEX_SETTINGS, indexGlobs, type IndexProgress, type IndexSettings, WorkspaceIndexer } from '../host/workspace-indexer';
import { indexedCableOf, WorkspaceIndex } from '../service/workspace-index';
import type { CableDocuments } from './documents';

/** A host that cannot list folders: only the open documents are indexed. */
const NO_SOURCE: CableSource = {
  list: async () => ({ files: [], capped: false }),
  parse: async (uris) => ({ entries: [], failed: uris.map((uri) => ({ uri, reason: 'this host reads no files' })) }),
  dispose: () => {},
};

/** How long an edited document waits before the index takes its new facts. */
const DOCUMENT_DELAY_MS = 300;

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

function positive(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

/** `cableLint.index` and `files.associations` as the indexer takes them; anything malformed falls back to the default. */
export function indexSettingsFrom(index: unknown, associations: unknown): IndexSettings {
  const s = index && typeof index === 'object' ? (index as Record<string, unknown>) : {};
  const assoc =
    associations && typeof associations === 'object'
      ? Object.entries(associations as Record<string, unknown>)
          .filter(([, lang]) => lang === 'cable')
          .map(([pattern]) => pattern)
      : [];
  return {
    enable: typeof s.enable === 'boolean' ? s.enable : DEFAULT_INDEX_SETTINGS.enable,
    include: stringList(s.include),
    exclude: stringList(s.exclude),
    associations: assoc,
    maxFiles: Math.floor(positive(s.maxFiles, DEFAULT_INDEX_SETTINGS.maxFiles)),
    maxMemoryMB: positive(s.maxMemoryMB, DEFAULT_INDEX_SETTINGS.maxMemoryMB),
  };
}

export class WorkspaceIndexHost {
  readonly index = new WorkspaceIndex();
  readonly indexer: WorkspaceIndexer;
  #folders: string[] = [];
  #capabilities: ClientCapabilities = {};
  #pushed: unknown = undefined;
  #settingsKey = '';
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly connection: Connection,
    private readonly docs: CableDocuments,
    source: CableSource | undefined,
  ) {
    this.indexer = new WorkspaceIndexer(this.index, source ?? NO_SOURCE, (m) => connection.console.log(m));
  }

  /** From `initialize`: the folders (or the root) and what the client can do. */
  initialize(capabilities: ClientCapabilities, folders: WorkspaceFolder[] | null | undefined, rootUri: string | null | undefined): void {
    this.#capabilities = capabilities;
    this.#folders = folders?.length ? folders.map((f) => f.uri) : rootUri ? [rootUri] : [];
  }

  /** After `initialized`: read the settings and index in the background. */
  async start(): Promise<void> {
    if (this.#capabilities.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        this.#folders = [...this.#folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        void this.restart(true);
      });
    }
    await this.restart(true);
  }

  /** Settings changed: index again when what the indexer reads changed. */
  didChangeConfiguration(pushed: unknown): void {
    if (pushed && typeof pushed === 'object' && 'cableLint' in pushed) this.#pushed = (pushed as { cableLint: unknown }).cableLint;
    void this.restart(false);
  }

  async #settings(): Promise<IndexSettings> {
    if (this.#capabilities.workspace?.configuration) {
      try {
        const [index, associations] = await this.connection.workspace.getConfiguration([{ section: 'cableLint.index' }, { section: 'files.associations' }]);
        return indexSettingsFrom(index, associations);
      } catch {
        // A client that cannot answer: the defaults.
      }
    }
    const pushed = this.#pushed && typeof this.#pushed === 'object' ? (this.#pushed as { index?: unknown }).index : undefined;
    return indexSettingsFrom(pushed, undefined);
  }

  async restart(always: boolean): Promise<void> {
    try {
      const settings = await this.#settings();
      const key = JSON.stringify([settings, this.#folders]);
      if (!always && key === this.#settingsKey) return;
      this.#settingsKey = key;
      const run = this.indexer.start(this.#folders, settings, await this.#progress());
      // The run starts from an empty index: the open documents go back in with their own text.
      for (const doc of this.docs.all()) this.documentChanged(doc);
      await run;
      this.#registerWatchers(settings);
    } catch (err) {
      this.connection.console.error(`cable-lint: workspace indexing failed: ${(err as Error)?.stack ?? String(err)}`);
    }
  }

  #watchersRegistered = false;
  #registerWatchers(settings: IndexSettings): void {
    if (this.#watchersRegistered || !settings.enable || !this.#capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    this.#watchersRegistered = true;
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: indexGlobs(settings).map((globPattern) => ({ globPattern })) });
  }

  async #progress(): Promise<IndexProgress> {
    let reporter: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>> | undefined;
    if (this.#capabilities.window?.workDoneProgress) {
      try {
        reporter = await this.connection.window.createWorkDoneProgress();
      } catch {
        reporter = undefined;
      }
    }
    let lastPercent = -1;
    return {
      begin: () => reporter?.begin('Indexing cables', 0, 'finding cable files', false),
      report: (done, total) => {
        const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
        if (percent === lastPercent) return;
        lastPercent = percent;
        reporter?.report(percent, `${done}/${total} files`);
      },
      end: (summary) => {
        this.connection.console.log(`cable-lint: ${summary}`);
        reporter?.done();
      },
    };
  }

  /** Watched files changed on disk. */
  filesChanged(changes: { uri: string; type: number }[]): void {
    for (const c of changes) {
      if (this.docs.get(c.uri)) continue;
      void this.indexer.fileChanged(c.uri, c.type === FileChangeType.Deleted);
    }
  }

  /** An open document was opened or edited: its facts replace the file's, shortly. */
  documentChanged(doc: TextDocument): void {
    const uri = doc.uri;
    this.indexer.editing();
    clearTimeout(this.#timers.get(uri));
    this.#timers.set(
      uri,
      setTimeout(() => {
        this.#timers.delete(uri);
        const current = this.docs.get(uri);
        if (current) this.indexer.documentChanged(uri, () => indexedCableOf(uri, this.docs.cable(current)));
      }, DOCUMENT_DELAY_MS),
    );
  }

  documentClosed(uri: string): void {
    clearTimeout(this.#timers.get(uri));
    this.#timers.delete(uri);
    void this.indexer.documentClosed(uri);
  }

  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    this.indexer.dispose();
  }
}
