import { type Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Cable } from '../../../grammar/src/ast';
import { parseCable } from '../../../grammar/src/index';

const isPosition = (p: unknown): boolean =>
  !!p && typeof p === 'object' && Number.isFinite((p as { line?: unknown }).line) && Number.isFinite((p as { character?: unknown }).character);

/** A content change a client could mean: text, and a range of two positions when it has one. */
function isChange(c: unknown): c is TextDocumentContentChangeEvent {
  if (!c || typeof c !== 'object' || typeof (c as { text?: unknown }).text !== 'string') return false;
  const range = (c as { range?: unknown }).range;
  if (range === undefined) return true;
  return !!range && typeof range === 'object' && isPosition((range as { start?: unknown }).start) && isPosition((range as { end?: unknown }).end);
}

/**
 * The document store's constructor and updater, hardened against a broken client: an open
 * without text is an empty document rather than one whose text is `undefined` (every feature
 * would throw on it), and changes that are not changes are skipped.
 */
const tolerant = {
  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    return TextDocument.create(
      uri,
      typeof languageId === 'string' ? languageId : 'cable',
      Number.isFinite(version) ? version : 0,
      typeof content === 'string' ? content : '',
    );
  },
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const valid = Array.isArray(changes) ? changes.filter(isChange) : [];
    return TextDocument.update(document, valid, Number.isFinite(version) ? version : document.version);
  },
};

interface Entry {
  version: number;
  /** Parsed on first use: a large document linted off-thread may never need its tree here. */
  cable?: Cable;
  /** Per-version results derived from the cable (lint result per settings, renumber edits …). */
  memo: Map<string, unknown>;
}

/** How many parsed trees stay in memory: enough for the editors a user has in view. */
const MAX_TREES = 16;

/**
 * The open documents (incremental sync through `TextDocuments`) and one parse per document
 * version: every feature request for a version reuses the same tree, and anything derived from
 * it is memoised with it, so a keystroke costs one parse however many requests follow.
 */
export class CableDocuments {
  readonly documents = new TextDocuments(tolerant);
  private readonly cache = new Map<string, Entry>();
  /** Entries holding a tree, least recently used first. */
  private readonly parsed: Entry[] = [];

  listen(connection: Connection): void {
    this.documents.onDidClose((e) => {
      this.forget(this.cache.get(e.document.uri));
      this.cache.delete(e.document.uri);
    });
    this.documents.listen(connection);
  }

  get(uri: unknown): TextDocument | undefined {
    return typeof uri === 'string' ? this.documents.get(uri) : undefined;
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  cable(doc: TextDocument): Cable {
    const entry = this.entry(doc);
    if (!entry.cable) {
      entry.cable = parseCable(doc.getText());
      this.parsed.push(entry);
      // Trees are rebuilt on demand; only the recently used stay (a tree takes about 3× the memory of its text).
      while (this.parsed.length > MAX_TREES) delete this.parsed.shift()!.cable;
    } else if (this.parsed.at(-1) !== entry) {
      const at = this.parsed.indexOf(entry);
      if (at >= 0) this.parsed.splice(at, 1);
      this.parsed.push(entry);
    }
    return entry.cable;
  }

  /** A value computed once per document version and key. */
  memo<T>(doc: TextDocument, key: string, compute: (cable: Cable) => T): T {
    const entry = this.entry(doc);
    if (entry.memo.has(key)) return entry.memo.get(key) as T;
    const value = compute(this.cable(doc));
    entry.memo.set(key, value);
    return value;
  }

  /**
   * The document moved to a new version: the tree and results of the previous one go now rather
   * than at the next request, so that a collection in the debounce does not keep them.
   */
  changed(doc: TextDocument): void {
    this.entry(doc);
  }

  /** The memoised value, if computed already. */
  recall<T>(doc: TextDocument, key: string): T | undefined {
    return this.entry(doc).memo.get(key) as T | undefined;
  }

  /** Stores a value computed elsewhere (off-thread) for this version, unless the document moved on. */
  remember(doc: TextDocument, key: string, value: unknown): void {
    const current = this.documents.get(doc.uri);
    if (!current || current.version !== doc.version) return;
    this.entry(doc).memo.set(key, value);
  }

  private entry(doc: TextDocument): Entry {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    this.forget(cached);
    const entry: Entry = { version: doc.version, memo: new Map() };
    this.cache.set(doc.uri, entry);
    return entry;
  }

  /** Lets go of an entry's tree when its version is superseded or its document closed. */
  private forget(entry: Entry | undefined): void {
    const at = entry?.cable ? this.parsed.indexOf(entry) : -1;
    if (at >= 0) this.parsed.splice(at, 1);
  }
}
