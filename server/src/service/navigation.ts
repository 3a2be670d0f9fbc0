/**
 * Go to definition, references and highlights for the cable's two kinds of cross-reference:
 * `REF A` in the text ↔ item A of the REF list (the citation finder CBL076 uses), and
 * `para 5` / `¶5` ↔ paragraph 5's number. Ranges only: the caller adds the document's URI.
 */
import { type DocumentHighlight, DocumentHighlightKind, type Range as LspRange } from 'vscode-languageserver-types';
import type { Cable, Paragraph, RefItem } from '../../../grammar/src/ast';
import { positionIndex } from './position-index';
import { lspRangeAt, offsetOf, toLspRange, type PositionLike } from './ranges';

type Target = { kind: 'ref'; item: RefItem } | { kind: 'paragraph'; paragraph: Paragraph };

function targetAt(cable: Cable, position: PositionLike): Target | undefined {
  const offset = offsetOf(cable, position);
  if (offset === undefined) return undefined;
  const t = positionIndex(cable).at(offset);
  if (!t) return undefined;
  switch (t.role) {
    case 'refCitation':
      return t.citation.item ? { kind: 'ref', item: t.citation.item } : undefined;
    case 'refLetter':
    case 'refTarget':
      return { kind: 'ref', item: t.item };
    case 'paragraphReference':
      return t.reference.paragraph ? { kind: 'paragraph', paragraph: t.reference.paragraph } : undefined;
    case 'paragraphNumber':
      return { kind: 'paragraph', paragraph: t.paragraph };
    default:
      return undefined;
  }
}

/** Where a REF item or a paragraph is declared: its letter, or its number. */
function declaration(cable: Cable, target: Target): LspRange {
  if (target.kind === 'paragraph') return toLspRange(target.paragraph.numberText.range);
  const item = target.item;
  return item.letterSpan ? toLspRange(item.letterSpan.range) : lspRangeAt(cable, item.range.start.offset, item.range.end.offset);
}

function uses(cable: Cable, target: Target): LspRange[] {
  const index = positionIndex(cable);
  if (target.kind === 'ref') return index.refCitations.filter((c) => c.item === target.item).map((c) => toLspRange(c.range));
  return index.paragraphReferences.filter((r) => r.paragraph === target.paragraph).map((r) => toLspRange(r.range));
}

/** The REF item a citation names, or the paragraph a `para N` names; null elsewhere. */
export function definition(cable: Cable, position: PositionLike): LspRange | null {
  try {
    const t = targetAt(cable, position);
    return t ? declaration(cable, t) : null;
  } catch {
    return null;
  }
}

/** Every citation of the same REF item or paragraph, in text order, the declaration first if asked. */
export function references(cable: Cable, position: PositionLike, includeDeclaration: boolean): LspRange[] {
  try {
    const t = targetAt(cable, position);
    if (!t) return [];
    const out = uses(cable, t);
    return includeDeclaration ? [declaration(cable, t), ...out] : out;
  } catch {
    return [];
  }
}

/** The declaration (as a write) and its citations (as reads). */
export function documentHighlights(cable: Cable, position: PositionLike): DocumentHighlight[] {
  try {
    const t = targetAt(cable, position);
    if (!t) return [];
    return [
      { range: declaration(cable, t), kind: DocumentHighlightKind.Write },
      ...uses(cable, t).map((range) => ({ range, kind: DocumentHighlightKind.Read })),
    ];
  } catch {
    return [];
  }
}
