import { type Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Cable } from '../../../grammar/src/ast';
import { parseCable } from '../../../grammar/src/index';

interface Entry {
  version: number;
  cable: Cable;
  /** Per-version results derived from the cable (lint result per settings, renumber edits …). */
  memo: Map<string, unknown>;
}

/**
 * The open documents (incremental sync through `TextDocuments`) and one parse per document
 * version: every feature request for a version reuses the same tree, and anything derived from
 * it is memoised with it, so a keystroke costs one parse however many requests follow.
 */
export class CableDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, Entry>();

  listen(connection: Connection): void {
    this.documents.onDidClose((e) => this.cache.delete(e.document.uri));
    this.documents.listen(connection);
  }

  get(uri: unknown): TextDocument | undefined {
    return typeof uri === 'string' ? this.documents.get(uri) : undefined;
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  cable(doc: TextDocument): Cable {
    return this.entry(doc).cable;
  }

  /** A value computed once per document version and key. */
  memo<T>(doc: TextDocument, key: string, compute: (cable: Cable) => T): T {
    const entry = this.entry(doc);
    if (entry.memo.has(key)) return entry.memo.get(key) as T;
    const value = compute(entry.cable);
    entry.memo.set(key, value);
    return value;
  }

  private entry(doc: TextDocument): Entry {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const entry: Entry = { version: doc.version, cable: parseCable(doc.getText()), memo: new Map() };
    this.cache.set(doc.uri, entry);
    return entry;
  }
}
