import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LINT_WORKSPACE_FILES, type LintWorkspaceFilesResult } from '../../server/src/lsp/protocol';

/** Files per request: keeps each answer small and lets the progress bar move and cancel. */
const BATCH = 100;

/**
 * The globs of the files that are cables: the extensions the language contributes, plus every
 * `files.associations` pattern the user maps to `cable` (drafts kept as `.txt`, say). A pattern
 * without a slash matches a file name in any folder, as VS Code reads it.
 */
export function cableGlobs(associations: Record<string, unknown> | undefined): string[] {
  const globs = ['**/*.cable', '**/*.tel'];
  for (const [pattern, language] of Object.entries(associations ?? {})) {
    if (language !== 'cable' || !pattern) continue;
    // A `{` or `,` would break the `{a,b}` union findFiles gets; such patterns are rare enough.
    if (/[{},]/.test(pattern)) continue;
    globs.push(pattern.includes('/') ? pattern.replace(/^\.?\//, '') : `**/${pattern}`);
  }
  return [...new Set(globs)];
}

/**
 * "cable-lint: Lint workspace": the server lints every cable file of the workspace that is not
 * open (open ones already have live diagnostics) and the results go to their own collection.
 */
export async function lintWorkspace(
  client: BaseLanguageClient,
  collection: vscode.DiagnosticCollection,
  output: vscode.OutputChannel,
): Promise<void> {
  const globs = cableGlobs(vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('associations'));
  const files = await vscode.workspace.findFiles(`{${globs.join(',')}}`, '**/node_modules/**');
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  const unopened = files.filter((uri) => !open.has(uri.toString()));
  collection.clear();
  let problems = 0;
  let withProblems = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'cable-lint: linting workspace', cancellable: true },
    async (progress, token) => {
      for (let i = 0; i < unopened.length && !token.isCancellationRequested; i += BATCH) {
        const batch = unopened.slice(i, i + BATCH);
        let results: LintWorkspaceFilesResult;
        try {
          results = await client.sendRequest<LintWorkspaceFilesResult>(
            LINT_WORKSPACE_FILES,
            batch.map((u) => u.toString()),
            token,
          );
        } catch (err) {
          // A cancelled run keeps what it has; anything else is worth a line in the output.
          if (!token.isCancellationRequested) output.appendLine(`cable-lint: workspace lint failed: ${(err as Error)?.message ?? String(err)}`);
          break;
        }
        for (const r of results ?? []) {
          if (r.error) output.appendLine(`cable-lint: ${r.uri}: ${r.error}`);
          const diagnostics = await client.protocol2CodeConverter.asDiagnostics(r.diagnostics);
          collection.set(vscode.Uri.parse(r.uri), diagnostics);
          problems += diagnostics.length;
          if (diagnostics.length > 0) withProblems++;
        }
        progress.report({ increment: (batch.length / unopened.length) * 100 });
      }
    },
  );
  void vscode.window.showInformationMessage(
    `cable-lint: ${problems} problem(s) in ${withProblems} of ${unopened.length} unopened cable file(s).`,
  );
}
