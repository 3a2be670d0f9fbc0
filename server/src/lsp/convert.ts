/**
 * Conversions between the engine's shapes and LSP's. Engine ranges already count lines and
 * UTF-16 columns the way LSP does; they only carry an extra `offset`, which LSP clients do not
 * need on the wire.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic as LspDiagnostic,
  type Position as LspPosition,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from '../../../grammar/src/ast';
import type { Diagnostic, Fix, Severity, TextEdit } from '../engine/types';

export const SOURCE = 'cable-lint';

/**
 * A rule's page. `docsBase` is where the host keeps them (`file:` beside the bundle on Node), or
 * a client command that shows one (`command:cableLint.showRuleDoc?`, given the rule id as its
 * argument); empty when there is nowhere to link (a browser host without such a command).
 */
export function ruleDocUri(ruleId: string, docsBase: string): string | undefined {
  if (docsBase === '') return undefined;
  return docsBase.startsWith('command:') ? `${docsBase}${encodeURIComponent(JSON.stringify([ruleId]))}` : `${docsBase}${ruleId}.md`;
}

export function toLspPosition(p: { line: number; character: number }): LspPosition {
  return { line: p.line, character: p.character };
}

export function toLspRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): LspRange {
  return { start: toLspPosition(r.start), end: toLspPosition(r.end) };
}

/** An LSP position inside the document, with its offset; undefined when it is out of range. */
export function toEnginePosition(doc: TextDocument, p: unknown): Position | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const { line, character } = p as { line?: unknown; character?: unknown };
  if (!Number.isInteger(line) || !Number.isInteger(character)) return undefined;
  const l = line as number;
  const c = character as number;
  if (l < 0 || c < 0 || l >= doc.lineCount) return undefined;
  const offset = doc.offsetAt({ line: l, character: c });
  // offsetAt clamps a column past the end of the line; report the clamped column too.
  const back = doc.positionAt(offset);
  return { line: back.line, character: back.character, offset };
}

export function toEngineRange(doc: TextDocument, r: unknown): Range | undefined {
  if (!r || typeof r !== 'object') return undefined;
  const start = toEnginePosition(doc, (r as { start?: unknown }).start);
  const end = toEnginePosition(doc, (r as { end?: unknown }).end);
  return start && end ? { start, end } : undefined;
}

/**
 * A range with each end clamped into the document: a line past the last is the end of the text,
 * as a column past a line's end is that line's end. For requests about a span (code actions),
 * where a client may ask up to `lineCount:0` for the whole text; a position request keeps the
 * strict reading above.
 */
export function toEngineRangeClamped(doc: TextDocument, r: unknown): Range | undefined {
  if (!r || typeof r !== 'object') return undefined;
  const clamp = (p: unknown): Position | undefined => {
    if (!p || typeof p !== 'object') return undefined;
    const { line, character } = p as { line?: unknown; character?: unknown };
    if (!Number.isInteger(line) || !Number.isInteger(character) || (line as number) < 0 || (character as number) < 0) return undefined;
    if ((line as number) < doc.lineCount) return toEnginePosition(doc, p);
    const offset = doc.getText().length;
    const end = doc.positionAt(offset);
    return { line: end.line, character: end.character, offset };
  };
  const start = clamp((r as { start?: unknown }).start);
  const end = clamp((r as { end?: unknown }).end);
  return start && end ? { start, end } : undefined;
}

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

export function fromLspSeverity(s: DiagnosticSeverity | undefined): Severity {
  return s === DiagnosticSeverity.Error ? 'error' : s === DiagnosticSeverity.Warning ? 'warning' : 'info';
}

export function toLspEdit(e: TextEdit): LspTextEdit {
  return { range: toLspRange(e.range), newText: e.newText };
}

/**
 * What a published diagnostic carries in `data`: the engine's own fixes (offsets included) and
 * the document version they were computed for, so a code action never applies them to a newer
 * text.
 */
export interface DiagnosticData {
  version: number;
  ruleName: string;
  fixes: Fix[];
}

export function toLspDiagnostic(d: Diagnostic, uri: string, version: number, docsBase: string): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toLspRange(d.range),
    severity: toLspSeverity(d.severity),
    code: d.ruleId,
    source: SOURCE,
    message: d.message,
  };
  const href = ruleDocUri(d.ruleId, docsBase);
  if (href !== undefined) out.codeDescription = { href };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri, range: toLspRange(r.range) }, message: r.message }));
  }
  if (d.unnecessary) out.tags = [DiagnosticTag.Unnecessary];
  const data: DiagnosticData = { version, ruleName: d.ruleName, fixes: d.fixes ?? [] };
  out.data = data;
  return out;
}

function isDiagnosticData(x: unknown): x is DiagnosticData {
  return !!x && typeof x === 'object' && Number.isInteger((x as DiagnosticData).version) && Array.isArray((x as DiagnosticData).fixes);
}

/**
 * Rebuilds the engine diagnostic behind an LSP one the client sent back in a code-action
 * context. Returns undefined for other sources' diagnostics and for ones from another version.
 */
export function fromLspDiagnostic(doc: TextDocument, d: LspDiagnostic, current: readonly Diagnostic[]): Diagnostic | undefined {
  if (d.source !== SOURCE || typeof d.code !== 'string') return undefined;
  if (isDiagnosticData(d.data)) {
    if (d.data.version !== doc.version) return undefined;
    const range = toEngineRange(doc, d.range);
    if (!range) return undefined;
    return {
      ruleId: d.code,
      ruleName: d.data.ruleName,
      severity: fromLspSeverity(d.severity),
      message: d.message,
      range,
      ...(d.data.fixes.length ? { fixes: d.data.fixes } : {}),
    };
  }
  // A client without `dataSupport` drops `data`: find the same diagnostic in the current result.
  return current.find(
    (c) =>
      c.ruleId === d.code &&
      c.message === d.message &&
      c.range.start.line === d.range.start.line &&
      c.range.start.character === d.range.start.character &&
      c.range.end.line === d.range.end.line &&
      c.range.end.character === d.range.end.character,
  );
}
