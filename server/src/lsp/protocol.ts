/**
 * The messages the extension and the server add to LSP. Shared by both ends so the names and
 * payloads cannot drift apart; type-only imports keep the client bundle free of server code.
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
export type IndexStatus =
  | { state: 'off'; bytes: number }
  | { state: 'indexing'; done: number; total: number; bytes: number }
  | { state: 'ready'; files: number; capped?: string; bytes: number };

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
