/**
 * "cable-lint: ignore …" actions: WorkspaceEdits that add an `ignores` entry or a rule severity
 * to the nearest `.cablelintrc.json` (created in the document's folder when there is none).
 * jsonc-parser's `modify` changes only the spot it must, so the user's comments and layout stay.
 * The config's text is read by the caller, through the host: nothing here touches a disk.
 */
import { applyEdits, modify, type JSONPath } from 'jsonc-parser/lib/esm/main.js';
import { relativePath } from '../config/settings';
import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { disjointEdits } from '../service/edits';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const CONFIG_FILE_NAME = '.cablelintrc.json';

export interface ConfigChange {
  path: JSONPath;
  value: unknown;
  /** Append to the array at `path` (whose last segment is then -1). */
  append?: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeGlob(s: string): string {
  return s.replace(/[*?[\]{}()!\\]/g, '\\$&');
}

/** The folder of a path, with `/` or `\` separators. */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path.slice(0, cut + 1);
}

/** The `files` glob of an ignore entry: the document's path relative to the config's folder. */
export function relativeGlob(configFile: string, documentPath: string): string {
  return relativePath(folderOf(configFile), documentPath).split('/').map(escapeGlob).join('/');
}

/** A regex that matches exactly this line (surrounding blanks allowed), for `ignores[].text`. */
export function lineRegex(lineText: string): string {
  return `^\\s*${escapeRegExp(lineText.trim())}\\s*$`;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The edit, or undefined when the change cannot be expressed (a malformed config whose root is
 * not an object, or a client that cannot create files and there is no file yet).
 */
export function configEdit(
  uri: string,
  /** The config's text, or undefined when there is no such file yet. */
  existing: string | undefined,
  change: ConfigChange,
  canCreateFiles: boolean,
): WorkspaceEdit | undefined {
  const exists = existing !== undefined;
  if (!exists && !canCreateFiles) return undefined;
  const text = existing ?? '';
  let edits;
  try {
    edits = modify(text, change.path, change.value, {
      isArrayInsertion: change.append ?? false,
      formattingOptions: { insertSpaces: true, tabSize: 2, eol: eolOf(text) },
    });
  } catch {
    return undefined;
  }
  if (!exists) {
    const content = applyEdits(text, edits) + '\n';
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] },
      ],
    };
  }
  const doc = TextDocument.create(uri, 'jsonc', 0, text);
  const lspEdits: LspTextEdit[] = edits.map((e) => ({
    range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) },
    newText: e.content,
  }));
  const disjoint = disjointEdits(lspEdits);
  return disjoint ? { changes: { [uri]: disjoint } } : undefined;
}

/** Where a new ignore goes: the nearest existing config, else the document's own folder. */
export function targetConfigFile(existing: string | undefined, documentPath: string): string {
  if (existing !== undefined) return existing;
  const folder = folderOf(documentPath);
  const separator = documentPath.includes('\\') && !documentPath.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${CONFIG_FILE_NAME}` : `${folder}${separator}${CONFIG_FILE_NAME}`;
}
