/**
 * The body of a cable as a tree of extents (sections → paragraphs and headings → blocks and
 * sub-paragraphs), shared by the outline, folding and selection ranges. Built once per tree.
 *
 * The tree's own paragraph ranges run to the next paragraph, so they swallow trailing page
 * markers and an own-line signature; here each extent ends at its last line of text instead,
 * and never crosses into the next section, so every child lies inside its parent.
 */
import type { Banner, Cable, Heading, PageMarker, Paragraph, Signature, SubParagraph } from '../../../grammar/src/ast';
import { lastAtOrBelow, lineIndexAt } from '../../../grammar/src/positions';
import type { BlockSpan } from '../model/blocks';
import { modelOf } from '../model/index';
import { contentEndBefore } from './ranges';

export type BodyItem =
  | { kind: 'paragraph'; node: Paragraph }
  | { kind: 'heading'; node: Heading }
  | { kind: 'block'; node: BlockSpan }
  | { kind: 'subParagraph'; node: SubParagraph }
  | { kind: 'signature'; node: Signature };

export type BodyNode = BodyItem & {
  start: number;
  end: number;
  /** The part to select or reveal (the number, the heading line, the keyword). */
  selStart: number;
  selEnd: number;
  children: BodyNode[];
};

export interface Section {
  number: number;
  total?: number;
  start: number;
  end: number;
  selStart: number;
  selEnd: number;
  /** The page marker or section banner that opens it; none for an implicit first section. */
  marker?: PageMarker | Banner;
  children: BodyNode[];
}

export interface BodyStructure {
  /** Items before the first section, or all of them when the text has no sections. */
  before: BodyNode[];
  sections: Section[];
  /** An own-line signature, outside every section. */
  signature?: BodyNode;
  /** Extent of each numbered paragraph, by paragraph. */
  extent: Map<Paragraph, { start: number; end: number }>;
}

const RANK: Record<BodyItem['kind'], number> = { paragraph: 4, heading: 3, block: 2, subParagraph: 1, signature: 1 };

const STRUCTURE = Symbol('body structure');

export function bodyStructure(cable: Cable): BodyStructure {
  return modelOf(cable).view(STRUCTURE, () => build(cable));
}

/** Lines holding nothing but a page marker: transparent to the text. */
export function pageMarkerLines(cable: Cable): Set<number> {
  const out = new Set<number>();
  for (const m of cable.pageMarkers) if (!m.midLine) out.add(m.range.start.line);
  return out;
}

function build(cable: Cable): BodyStructure {
  const skip = pageMarkerLines(cable);
  const sig = cable.signature;
  const ownSig = sig && !sig.appended ? sig : undefined;
  const extent = new Map<Paragraph, { start: number; end: number }>();
  const items: BodyNode[] = [];

  for (const p of cable.paragraphs) {
    if (p.ambiguous) continue;
    const start = p.range.start.offset;
    const selEnd = p.portionMark ? Math.max(p.portionMark.range.end.offset, p.numberText.range.end.offset) : p.numberText.range.end.offset;
    let limit = p.range.end.offset;
    if (ownSig && ownSig.range.start.offset > start && ownSig.range.start.offset < limit) limit = ownSig.range.start.offset;
    const end = Math.max(contentEndBefore(cable, limit, p.numberText.range.end.offset, skip), selEnd);
    extent.set(p, { start, end });
    items.push(node({ kind: 'paragraph', node: p }, start, end, start, selEnd));
  }

  const headingEnd = cable.headings.map((h) => h.range.end.offset);
  for (const s of cable.subParagraphs) {
    if (s.parentKind === 'heading' && s.parentIndex >= 0 && s.parentIndex < headingEnd.length) {
      headingEnd[s.parentIndex] = Math.max(headingEnd[s.parentIndex]!, s.range.end.offset);
    }
    items.push(node({ kind: 'subParagraph', node: s }, s.range.start.offset, s.range.end.offset, s.letterSpan.range.start.offset, s.letterSpan.range.end.offset));
  }
  cable.headings.forEach((h, i) => {
    items.push(node({ kind: 'heading', node: h }, h.range.start.offset, headingEnd[i]!, h.range.start.offset, h.range.end.offset));
  });
  for (const b of modelOf(cable).blocks.spans) {
    const sel = b.opens.by === 'mark' ? b.opens.mark.range : b.closes.by === 'end' ? b.closes.mark.range : b.range;
    items.push(node({ kind: 'block', node: b }, b.range.start.offset, b.range.end.offset, sel.start.offset, sel.end.offset));
  }
  if (sig?.appended) items.push(node({ kind: 'signature', node: sig }, sig.range.start.offset, sig.range.end.offset, sig.range.start.offset, sig.range.end.offset));

  const sections = findSections(cable, skip, ownSig);
  const before: BodyNode[] = [];
  const groups: BodyNode[][] = sections.map(() => []);
  const starts = sections.map((s) => s.start);
  for (const item of items) {
    const k = lastAtOrBelow(starts, item.start, (s) => s);
    if (k < 0) {
      before.push(item);
      continue;
    }
    const sec = sections[k]!;
    item.end = Math.max(Math.min(item.end, sec.end), item.selEnd);
    if (item.end > sec.end) sec.end = item.end;
    groups[k]!.push(item);
  }
  sections.forEach((s, i) => (s.children = nest(groups[i]!)));

  const structure: BodyStructure = { before: nest(before), sections, extent };
  if (ownSig) {
    const a = ownSig.range.start.offset;
    const b = ownSig.range.end.offset;
    structure.signature = node({ kind: 'signature', node: ownSig }, a, b, a, b);
  }
  return structure;
}

function node(item: BodyItem, start: number, end: number, selStart: number, selEnd: number): BodyNode {
  const s = Math.max(start, Math.min(selStart, end));
  return { ...item, start, end: Math.max(end, start), selStart: s, selEnd: Math.max(s, Math.min(selEnd, Math.max(end, start))), children: [] };
}

/**
 * Nests by containment: a paragraph holds headings, blocks and sub-paragraphs that lie inside
 * it; a heading its lettered items; a lettered item those of a list nested in it; a block the
 * items inside it. A block that spans several
 * paragraphs stays beside them rather than adopting them.
 */
function nest(items: BodyNode[]): BodyNode[] {
  items.sort((a, b) => a.start - b.start || b.end - a.end || RANK[b.kind] - RANK[a.kind]);
  const roots: BodyNode[] = [];
  const stack: BodyNode[] = [];
  for (const item of items) {
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const inside = top.start <= item.start && item.end <= top.end;
      // A lettered item holds the items of a list nested in it (`A.` … `(a)`, `(b)` … `B.`).
      if (inside && (RANK[top.kind] > RANK[item.kind] || (top.kind === 'subParagraph' && item.kind === 'subParagraph' && top.start < item.start))) break;
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(item);
    stack.push(item);
  }
  return roots;
}

/**
 * Sections exist when the text shows where they begin: page markers (`REYKJAVIK 00000457 002
 * OF 002`, `001.2 OF 008`) or further section banners of the transmitted form. Text before the
 * first marker is the banner's section.
 */
function findSections(cable: Cable, skip: ReadonlySet<number>, ownSig: Signature | undefined): Section[] {
  const opens: { start: number; number: number; total?: number; marker: PageMarker | Banner; selEnd: number }[] = [];
  for (const m of cable.pageMarkers) {
    if (m.number === undefined) continue;
    if (m.range.start.offset < cable.textStart && !isAfterHeader(cable, m)) continue;
    // Legacy printouts repeat `NN OF MM` on every page of a section.
    if (opens.length && opens[opens.length - 1]!.number === m.number) continue;
    opens.push({ start: m.range.start.offset, number: m.number, ...(m.total ? { total: m.total } : {}), marker: m, selEnd: m.range.end.offset });
  }
  for (const b of cable.sectionBanners) {
    opens.push({
      start: b.range.start.offset,
      number: b.section?.number ?? 0,
      ...(b.section ? { total: b.section.total } : {}),
      marker: b,
      selEnd: b.range.end.offset,
    });
  }
  if (opens.length === 0) return [];
  opens.sort((a, b) => a.start - b.start);

  const sections: Section[] = [];
  const first = opens[0]!;
  const firstText = firstBodyOffset(cable);
  if (firstText !== undefined && firstText < first.start) {
    const number = cable.banner?.section?.number ?? Math.max(1, first.number - 1);
    const total = cable.banner?.section?.total ?? first.total;
    const lineEnd = cable.lines[lineIndexAt(cable.lines, firstText)]!.end;
    sections.push({ number, ...(total ? { total } : {}), start: firstText, end: firstText, selStart: firstText, selEnd: lineEnd, children: [] });
  }
  for (const o of opens) {
    sections.push({
      number: o.number,
      ...(o.total ? { total: o.total } : {}),
      start: o.start,
      end: o.selEnd,
      selStart: o.start,
      selEnd: o.selEnd,
      marker: o.marker,
      children: [],
    });
  }
  const limit = bodyLimit(cable, ownSig);
  sections.forEach((s, i) => {
    const next = sections[i + 1];
    const to = next ? next.start : Math.max(limit, s.selEnd);
    s.end = Math.max(s.selEnd, contentEndBefore(cable, to, s.start, skip));
  });
  return sections;
}

function isAfterHeader(cable: Cable, m: PageMarker): boolean {
  const last = cable.headerOrder[cable.headerOrder.length - 1];
  return !last || m.range.start.offset >= last.range.end.offset;
}

/** Where the text's first paragraph, heading or line of text begins. */
function firstBodyOffset(cable: Cable): number | undefined {
  const candidates = [
    cable.paragraphs.find((p) => !p.ambiguous)?.range.start.offset,
    cable.headings[0]?.range.start.offset,
    cable.subParagraphs[0]?.range.start.offset,
  ].filter((x): x is number => x !== undefined);
  if (cable.textStart < cable.text.length && /\S/.test(cable.text[cable.textStart] ?? '')) candidates.push(cable.textStart);
  return candidates.length ? Math.min(...candidates) : undefined;
}

/** End of the text proper: before an own-line signature, `NNNN` or a publisher's trailer. */
function bodyLimit(cable: Cable, ownSig: Signature | undefined): number {
  let limit = cable.text.length;
  if (ownSig) limit = Math.min(limit, ownSig.range.start.offset);
  if (cable.endOfMessage) limit = Math.min(limit, cable.endOfMessage.range.start.offset);
  for (const w of cable.wrapper) {
    if (w.role === 'trailer' && w.range.start.offset >= cable.textStart) {
      limit = Math.min(limit, w.range.start.offset);
      break;
    }
  }
  return limit;
}

/** Depth-first walk over a forest. */
export function* walk(nodes: readonly BodyNode[]): Generator<BodyNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}
