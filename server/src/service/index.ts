/**
 * The language service: plain functions over a parsed cable, no connection and no I/O. The
 * language server (server/src/lsp/) wires them to LSP requests. Positions are LSP's: 0-based line
 * and UTF-16 character. Every function answers empty (null or []) for a position outside the
 * document and never throws. Locations are ranges only; the caller adds the document URI.
 */
export { documentSymbols, paragraphName } from './document-symbols';
export { foldingRanges } from './folding-ranges';
export { selectionRanges } from './selection-ranges';
export { hover } from './hover';
export { completions } from './completions';
export { semanticTokens, semanticTokensLegend } from './semantic-tokens';
export { definition, documentHighlights, references } from './navigation';
export { findParagraphReferences, type ParagraphReference } from './references';
export { fixAll, quickFixes, renumberParagraphs, type QuickFix } from './code-actions';
export { applyEdits, disjointEdits, type EditLike } from './edits';
export { inlayHints, type InlayHintSettings, type InlayHintStyle } from './inlay-hints';
export type { PositionLike } from './ranges';
