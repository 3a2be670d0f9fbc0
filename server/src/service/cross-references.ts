/**
 * References across cables in the editor: from a REF item's citation (`STATE 202745`) to the
 * cited cable's file, from a cable's banner to every cable that cites it, the cited cable's
 * subject on hover, links on citations that resolve, and workspace symbols. Pure functions of the
 * parsed document and the workspace index; the language server adds nothing but the wiring.
 */
import { type DocumentLink, type Hover, type Location, MarkupKind, SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Cable, RefItem } from '../../../grammar/src/ast';
import { modelOf, type CitedCable } from '../model/index';
import { offsetOf, toLspRange, type PositionLike } from './ranges';
import { indexedCableOf, type IndexedCable, type WorkspaceIndex } from './workspace-index';

/** The cable citation of a REF item at a position (its year, post or serial). */
export function citationAt(cable: Cable, position: PositionLike): CitedCable | undefined {
  const offset = offsetOf(cable, position);
  if (offset === undefined) return undefined;
  return modelOf(cable).citedCables.find((c) => c.kind === 'cable' && c.post !== null && c.range.start.offset <= offset && offset <= c.range.end.offset);
}

function resolveCitation(index: WorkspaceIndex, uri: string, c: CitedCable): IndexedCable | undefined {
  if (c.post === null || c.serial === null) return undefined;
  return index.resolve({ post: c.post, serial: c.serial, year: c.year, yearInferred: c.yearInferred }, uri);
}

/** Go to definition on a citation: the cited cable's banner in its file; null when it is not in the workspace. */
export function citedCableDefinition(index: WorkspaceIndex, uri: string, cable: Cable, position: PositionLike): Location | null {
  const c = citationAt(cable, position);
  const target = c && resolveCitation(index, uri, c);
  return target ? { uri: target.uri, range: target.anchor } : null;
}

/** Whether a position is on the cable's own banner, where "find references" lists the cables citing it. */
export function onOwnBanner(cable: Cable, position: PositionLike): boolean {
  const offset = offsetOf(cable, position);
  const b = cable.banner;
  return offset !== undefined && b !== undefined && b.range.start.offset <= offset && offset <= b.range.end.offset;
}

/** Find references on the banner: every citation of this cable in the workspace ("cited by"). */
export function citedByReferences(index: WorkspaceIndex, uri: string, cable: Cable, position: PositionLike): Location[] {
  if (!onOwnBanner(cable, position)) return [];
  const self = indexedCableOf(uri, cable);
  return index.citedBy(self).map(({ cable: citing, citation }) => ({ uri: citing.uri, range: citation.range }));
}

function describe(target: IndexedCable): string {
  const head = [target.id ?? target.uri, target.date?.slice(0, 10), target.classification].filter(Boolean).join(' · ');
  const lines = [`**${head}**`];
  if (target.subject) lines.push('', target.subject);
  if (target.tags.length) lines.push('', `TAGS: ${target.tags.join(', ')}`);
  return lines.join('\n');
}

/** Hover on a citation that resolves: the cited cable's id, date, classification, subject and TAGS. */
export function citedCableHover(index: WorkspaceIndex, uri: string, cable: Cable, position: PositionLike): Hover | null {
  const c = citationAt(cable, position);
  const target = c && resolveCitation(index, uri, c);
  if (!c || !target) return null;
  return { contents: { kind: MarkupKind.Markdown, value: describe(target) }, range: toLspRange(c.range) };
}

/**
 * The subject of the cable a REF item cites, when the workspace holds it: the `refs` inlay hint's
 * answer (service/inlay-hints.ts). An item citing several cables gives the first that resolves.
 */
export function citedSubjectOf(index: WorkspaceIndex, uri: string): (item: RefItem, cable: Cable) => string | undefined {
  return (item, cable) => {
    for (const c of modelOf(cable).citedCables) {
      if (c.item !== item || c.kind !== 'cable') continue;
      const subject = resolveCitation(index, uri, c)?.subject;
      if (subject) return subject;
    }
    return undefined;
  };
}

/** A link on every citation that resolves to a cable of the workspace. */
export function citationLinks(index: WorkspaceIndex, uri: string, cable: Cable): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const c of modelOf(cable).citedCables) {
    if (c.kind !== 'cable') continue;
    const target = resolveCitation(index, uri, c);
    if (target) out.push({ range: toLspRange(c.range), target: target.uri, tooltip: target.id ? `Open ${target.id}` : 'Open the cited cable' });
  }
  return out;
}

/** Workspace symbols: cables by id, TAGS code or subject words. */
export function workspaceSymbols(index: WorkspaceIndex, query: string, limit = 200): WorkspaceSymbol[] {
  return index.search(query, limit).map(({ cable }) => ({
    name: cable.id ?? cable.subject ?? cable.uri,
    kind: SymbolKind.File,
    location: { uri: cable.uri, range: cable.anchor },
    ...(cable.subject || cable.tags.length ? { containerName: [cable.subject, cable.tags.join(' ')].filter(Boolean).join(' · ') } : {}),
  }));
}
