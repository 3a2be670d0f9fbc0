/**
 * The messages the extension and the server add to LSP. Shared by both ends so the names and
 * payloads cannot drift apart; type-only imports keep the client bundle free of server code
 * (the base64 helpers below are the one piece of code, the wire form of a file's bytes).
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Profile } from '../../../grammar/src/ast';
import type { NewDraft, NewDraftChoices, NewDraftRequest } from '../service/new-draft';

/** Request: lint files that are not open in the editor (the "Lint workspace" command). */
export const LINT_WORKSPACE_FILES = 'cableLint/lintWorkspaceFiles';
/** Params: `file:` URIs. */
export type LintWorkspaceFilesParams = string[];
export interface FileDiagnostics {
  uri: string;
  diagnostics: Diagnostic[];
  /** Set when the file could not be read; `diagnostics` is then empty. */
  error?: string;
}
export type LintWorkspaceFilesResult = FileDiagnostics[];

/**
 * Request, no params: where the workspace index stands. `off` (indexing disabled or no folder),
 * `indexing` with files done and found, or `ready` with the files indexed and, when a cap was
 * reached, which. `bytes` approximates the heap the index holds.
 */
export const INDEX_STATUS = 'cableLint/indexStatus';
/**
 * `bytes`: the index's own estimate of its entries; `memory`: what the memory cap was last checked
 * against (the server's heap growth during the run where the host measures it, else the estimate).
 */
export type IndexStatus = (
  | { state: 'off' }
  | { state: 'indexing'; done: number; total: number }
  | { state: 'ready'; files: number; capped?: string }
) & { bytes: number; memory: { measured: 'heap' | 'estimate'; bytes: number } };

/**
 * Request from the web server to its client: a file's bytes, which a web worker cannot read
 * itself (the VS Code client reads them with `workspace.fs`, whatever the folder's scheme). The
 * server asks for the `.cablelintrc.json` files of its documents, what they `extends`, the
 * files of Lint workspace and an ignore's config. Answers `{ base64 }`, `{ missing: true }` when
 * there is no such file, or an error whose message says why (one line).
 */
export const READ_FILE_REQUEST = 'cableLint/readFile';
export interface ReadFileParams {
  uri: string;
}
export type ReadFileResult = { base64: string } | { missing: true };

/**
 * Request from the web server to its client: the files below a workspace folder that match any
 * of `globs` (relative to the folder), at most `max` (the VS Code client asks
 * `workspace.findFiles`, which honours `files.exclude`), so that the workspace index holds the
 * folder's cables, not only the open documents. Answers `{ uris }`; the server filters them by
 * its own settings and reads each through READ_FILE_REQUEST.
 */
export const FIND_FILES_REQUEST = 'cableLint/findFiles';
export interface FindFilesParams {
  folder: string;
  globs: string[];
  max: number;
}
export interface FindFilesResult {
  uris: string[];
}

/** The bytes of a ReadFileResult, both ends alike (no Node Buffer: both may run in a web worker). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The command that shows a rule's page (its argument: the rule id); diagnostics link it. */
export const SHOW_RULE_DOC_COMMAND = 'cableLint.showRuleDoc';

/** Notification after each validation: the profile the document was linted under. */
export const PROFILE_NOTIFICATION = 'cableLint/profile';
export interface ProfileParams {
  uri: string;
  profile: Profile;
}

/**
 * `workspace/executeCommand` commands of the New draft skeleton, for any client. CHOICES takes no
 * argument and answers `NewDraftChoices` (levels, posts, TAGS codes with meanings); SKELETON takes
 * one `NewDraftRequest` and answers `NewDraft` (text and snippet), or InvalidParams with a one-line
 * message. The draft is dated by the server's clock.
 */
export const NEW_DRAFT_CHOICES_COMMAND = 'cableLint.newDraft.choices';
export const NEW_DRAFT_SKELETON_COMMAND = 'cableLint.newDraft.skeleton';
export type { NewDraft, NewDraftChoices, NewDraftRequest };

/**
 * Node flags the server is started with. A young generation of 4 MB semi-spaces instead of
 * Node's 16 MB keeps a server with 200 cables open under 100 MB (112 MB with the default). The
 * corpus lints as fast either way; a 100 KB cable takes about 10 % longer (p50 7.5–8.4 → 8.5–9.3 ms
 * in one process), a price paid for the memory goal of issue 6.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
