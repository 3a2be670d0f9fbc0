/**
 * textDocument/codeAction: quick fixes, fix-all, paragraph renumbering and the "ignore" actions.
 * The fixes themselves come from the service (pure); this file only picks which to offer and
 * turns them into LSP code actions with versioned edits.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Cable } from '../../../grammar/src/ast';
import type { Diagnostic, TextEdit } from '../engine/types';
import { fixAll, quickFixes } from '../service/code-actions';
import { disjointEdits } from '../service/edits';
import { configEdit, lineRegex, relativeGlob } from './config-edits';
import { fromLspDiagnostic, toEngineRangeClamped, toLspEdit } from './convert';
import type { DocumentSettings } from './settings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cableLint`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.RefactorRewrite];

export interface ActionContext {
  doc: TextDocument;
  cable: Cable;
  /** The current version's diagnostics (after settings and ignores). */
  diagnostics: readonly Diagnostic[];
  settings: DocumentSettings;
  /** Renumbering edits, memoised per version by the caller. */
  renumber: () => TextEdit[];
  canCreateFiles: boolean;
  /**
   * Where an "ignore" goes (the nearest config, else a new one beside the document), read by the
   * caller through the host; none for a document without a path (no ignore actions then).
   */
  ignoreTarget?: IgnoreTarget;
  /** The client takes `documentChanges` (versioned edits); without it edits go as `changes`. */
  documentChanges: boolean;
}

export interface IgnoreTarget {
  documentPath: string;
  configFile: string;
  configUri: string;
  /** The config's text; undefined when the file is still to be created. */
  configText: string | undefined;
}

/** Whether an action of `kind` is wanted under the client's `only` filter (kinds are hierarchical). */
function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * The edits as a WorkspaceEdit: versioned `documentChanges`, so that the client refuses them on a
 * newer text, for a client that announced them; plain `changes` for one that did not (LSP's
 * baseline, which every client reads).
 */
function documentEdit(ctx: ActionContext, given: TextEdit[]): WorkspaceEdit | undefined {
  const { doc } = ctx;
  // Never overlapping, whatever produced them: a client refuses the whole edit otherwise.
  const edits = disjointEdits(given);
  if (!edits || edits.length === 0) return undefined;
  if (!ctx.documentChanges) return { changes: { [doc.uri]: edits.map(toLspEdit) } };
  const change: TextDocumentEdit = { textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map(toLspEdit) };
  return { documentChanges: [change] };
}

export function codeActions(params: CodeActionParams, ctx: ActionContext): CodeAction[] {
  const { doc } = ctx;
  const only = params.context?.only;
  // A range past the last line (a client asking for the whole document) ends at the text's end.
  const range = toEngineRangeClamped(doc, params.range);
  if (!range) return [];
  const actions: CodeAction[] = [];
  const sent = (params.context?.diagnostics ?? []) as LspDiagnostic[];
  const pairs = sent
    .map((lsp) => ({ lsp, engine: fromLspDiagnostic(doc, lsp, ctx.diagnostics) }))
    .filter((p): p is { lsp: LspDiagnostic; engine: Diagnostic } => p.engine !== undefined);

  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const fix of quickFixes(pairs.map((p) => p.engine), range, ctx.cable.text)) {
      const lsp = pairs.find((p) => p.engine === fix.diagnostic)?.lsp;
      const edit = documentEdit(ctx, fix.edits);
      if (!edit) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        ...(lsp ? { diagnostics: [lsp] } : {}),
        isPreferred: fix.preferred,
        edit,
      });
    }
    actions.push(...ignoreActions(pairs, ctx));
  }

  if (wanted(FIX_ALL_KIND, only)) {
    const edit = documentEdit(ctx, fixAll(ctx.cable, ctx.diagnostics));
    if (edit) actions.push({ title: 'cable-lint: fix all auto-fixable problems', kind: FIX_ALL_KIND, edit });
  }

  if (wanted(CodeActionKind.RefactorRewrite, only) && ctx.cable.paragraphs.length > 0) {
    const edit = documentEdit(ctx, ctx.renumber());
    if (edit) actions.push({ title: 'Renumber all paragraphs', kind: CodeActionKind.RefactorRewrite, edit });
  }
  return actions;
}

function ignoreActions(pairs: { lsp: LspDiagnostic; engine: Diagnostic }[], ctx: ActionContext): CodeAction[] {
  const target = ctx.ignoreTarget;
  if (!target || pairs.length === 0) return [];
  const files = relativeGlob(target.configFile, target.documentPath);
  const edit = (change: Parameters<typeof configEdit>[2]) => configEdit(target.configUri, target.configText, change, ctx.canCreateFiles);
  const out: CodeAction[] = [];
  const seenRules = new Set<string>();
  for (const { lsp, engine } of pairs) {
    const rule = engine.ruleId;
    const line = ctx.cable.lines[engine.range.start.line];
    const lineText = line ? ctx.cable.text.slice(line.start, line.end) : '';
    const add = (title: string, edit: WorkspaceEdit | undefined) => {
      if (edit) out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit });
    };
    if (lineText.trim()) {
      add(
        `cable-lint: ignore ${rule} on this line`,
        edit({ path: ['ignores', -1], value: { rule, files, text: lineRegex(lineText) }, append: true }),
      );
    }
    if (seenRules.has(rule)) continue;
    seenRules.add(rule);
    add(
      `cable-lint: ignore ${rule} in this file`,
      edit({ path: ['ignores', -1], value: { rule, files }, append: true }),
    );
    add(`cable-lint: disable rule ${rule}`, edit({ path: ['rules', rule], value: 'off' }));
  }
  return out;
}
