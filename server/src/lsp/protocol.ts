/**
 * The messages the extension and the server add to LSP. Shared by both ends so the names and
 * payloads cannot drift apart; type-only imports keep the client bundle free of server code.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Profile } from '../../../grammar/src/ast';

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

/** Notification after each validation: the profile the document was linted under. */
export const PROFILE_NOTIFICATION = 'cableLint/profile';
export interface ProfileParams {
  uri: string;
  profile: Profile;
}
