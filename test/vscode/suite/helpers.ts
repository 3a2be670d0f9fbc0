/**
 * Shared by the suite's files: the fixture workspace, opening documents, and waiting for the
 * language server, which answers asynchronously (a wait ends on a condition, never on a clock;
 * the deadline only turns a hang into a readable failure).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with the fixture workspace open');
  return folder.uri;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export async function open(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fileUri(relative));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * A fresh copy of a workspace file, so a test that edits or reconfigures touches nobody else's.
 * It keeps its name (files.associations matches names), each in a folder of its own.
 */
export async function copyOf(relative: string): Promise<vscode.Uri> {
  // Each test file is bundled with its own copy of this module, so the counter lives on globalThis.
  const counter = globalThis as { cableLintCopies?: number };
  counter.cableLintCopies = (counter.cableLintCopies ?? 0) + 1;
  const folder = `scratch/${counter.cableLintCopies}`;
  await vscode.workspace.fs.createDirectory(fileUri(folder));
  const target = fileUri(`${folder}/${relative.split('/').at(-1)!}`);
  await vscode.workspace.fs.copy(fileUri(relative), target, { overwrite: true });
  return target;
}

export async function openUri(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export const WAIT_MS = 30_000;

/** Polls `probe` until it returns something other than undefined. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting for ${what}${lastError ? `: ${String((lastError as Error).message ?? lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c);
}

/** `RULE·severity·line` (1-based), deduplicated and sorted: the shape of examples/README.md. */
export function rows(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => `${codeOf(d)}·${SEVERITY[d.severity]}·${d.range.start.line + 1}`))].sort();
}

/** The language server's diagnostics for a document (the workspace-lint collection excluded). */
export function serverDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cable-lint');
}

/** Waits until the document's rows are exactly `expected`, then returns its diagnostics. */
export async function diagnosticsMatching(uri: vscode.Uri, expected: readonly string[], timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  const want = [...expected].sort().join(' | ');
  try {
    return await waitFor(`diagnostics ${want || '(none)'} on ${uri.path}`, () => {
      const ds = serverDiagnostics(uri);
      return rows(ds).join(' | ') === want ? ds : undefined;
    }, timeoutMs);
  } catch {
    assert.deepEqual(rows(serverDiagnostics(uri)), [...expected].sort(), `diagnostics of ${uri.path}`);
    throw new Error('unreachable');
  }
}

/** Waits until some diagnostic satisfies `test`, or until none does (`present` false). */
export async function diagnosticsWhere(uri: vscode.Uri, present: boolean, test: (d: vscode.Diagnostic) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} ${present ? 'to appear' : 'to go away'} on ${uri.path}`, () => {
    const ds = serverDiagnostics(uri);
    return ds.some(test) === present ? ds : undefined;
  });
}

export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The words no edit touches survive, in order: a fix never loses or reorders the user's words. */
export function assertKeepsWords(before: string, after: string, edits: readonly vscode.TextEdit[], doc: vscode.TextDocument): void {
  const touched = edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const);
  const kept: string[] = [];
  for (const m of before.matchAll(/\S+/g)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!touched.some(([a, b]) => a <= e && s <= b)) kept.push(m[0]);
  }
  let i = 0;
  for (const w of after.match(/\S+/g) ?? []) if (w === kept[i]) i++;
  assert.equal(i, kept.length, `word ${JSON.stringify(kept[i])} lost`);
}
