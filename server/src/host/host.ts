/**
 * What the language server needs from the place it runs in, as an interface: the files it reads
 * that no editor has open, the `.cablelintrc.json` of each document, and the names of the
 * workspace. host/node/host.ts implements it with the file system; a browser host (the web
 * extension) implements it through the client's `workspace.fs`, and nothing in lsp/ or the
 * service changes. Everything is asynchronous, as a client round trip is.
 */
import type { CableLintConfig } from '../config/settings';

export interface HostFiles {
  /**
   * A cable's text, decoded as decode.ts says (UTF-8, else Latin-1), for a file no editor has open
   * (Lint workspace). Rejects with a one-line message.
   */
  readCable(uri: string): Promise<string>;
  /** A text file's content (a config to add an ignore to), or undefined when there is no such file. */
  readText(uri: string): Promise<string | undefined>;
}

export interface DocumentConfiguration {
  /** The nearest `.cablelintrc.json` merged with what it `extends`; none when there is no such file. */
  config?: CableLintConfig;
  /** The path of that file. */
  file?: string;
  /** Why the file could not be used (one line, a ConfigError's message): it is then left out. */
  problem?: string;
}

export interface HostConfiguration {
  /** The configuration that applies to a document; empty for a document with no place in the workspace (untitled). */
  forDocument(uri: string): Promise<DocumentConfiguration>;
  /** Whether a changed file is one that configurations in use were read from (a base they `extends`). */
  readsFrom(uri: string): boolean;
  /** Forgets every configuration read: a file changed. */
  reload(): void;
}

export interface HostWorkspace {
  /**
   * A document's path, as `ignores[].files` globs and the reference id of CBL124 read it;
   * undefined for a document without one (untitled).
   */
  pathOf(uri: string): string | undefined;
  /** The URI of a path `pathOf` gave, or of a file beside it (a config to create). */
  uriOf(path: string): string;
  /** Where the rule pages are, ending in `/`: a diagnostic links to `${ruleDocsBase}CBL061.md`. */
  readonly ruleDocsBase: string;
}

export interface Host {
  files: HostFiles;
  configuration: HostConfiguration;
  workspace: HostWorkspace;
}

/** What a server's heap holds and has taken from the system, bytes (Node: `process.memoryUsage()`). */
export interface HeapFigures {
  heapUsed: number;
  heapTotal: number;
}
