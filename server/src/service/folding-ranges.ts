/**
 * Folding: the publication wrapper, the envelope, the classification and header block, the REF
 * list and SUBJECT when they wrap, each section, multi-line paragraph, lettered item and block.
 * Ranges come from the same extents as the outline, so they nest; two ranges never start on one
 * line (editors keep only one of those).
 */
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { Cable } from '../../../grammar/src/ast';
import { positionAt } from '../../../grammar/src/positions';
import { bodyStructure, walk } from './structure';

export function foldingRanges(cable: Cable): FoldingRange[] {
  try {
    return build(cable);
  } catch {
    return [];
  }
}

function build(cable: Cable): FoldingRange[] {
  const out: FoldingRange[] = [];
  const line = (offset: number) => positionAt(cable.lines, offset).line;
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    const a = line(start);
    const b = line(end);
    if (b > a) out.push(kind ? { startLine: a, endLine: b, kind } : { startLine: a, endLine: b });
  };

  const firstOwn = Math.min(cable.envelope?.range.start.offset ?? Infinity, cable.banner?.range.start.offset ?? Infinity, cable.textStart);
  const wrapper = cable.wrapper.filter((w) => w.range.end.offset <= firstOwn && w.role !== 'envelope-copy');
  if (wrapper.length) add(wrapper[0]!.range.start.offset, wrapper[wrapper.length - 1]!.range.end.offset, FoldingRangeKind.Comment);
  for (const w of cable.wrapper) if (w.role === 'envelope-copy') add(w.range.start.offset, w.range.end.offset, FoldingRangeKind.Comment);

  if (cable.envelope) add(cable.envelope.range.start.offset, cable.envelope.range.end.offset, FoldingRangeKind.Region);

  // Classification and header block: banner (or first header field) to the last header field.
  const headerStart = cable.banner?.range.start.offset ?? cable.headerOrder[0]?.range.start.offset;
  const ownHeader = cable.headerOrder.filter((f) => !('midLine' in f && f.midLine));
  const headerEnd = Math.max(
    cable.banner?.range.end.offset ?? -1,
    ...cable.captions.map((c) => c.range.end.offset),
    ...cable.passLines.map((p) => p.range.end.offset),
    ...ownHeader.map((f) => f.range.end.offset),
  );
  if (headerStart !== undefined && headerEnd > headerStart) add(headerStart, Math.min(headerEnd, Math.max(headerStart, firstParagraphStart(cable) - 1)), FoldingRangeKind.Region);
  if (cable.subject && !cable.subject.midLine) add(cable.subject.range.start.offset, cable.subject.range.end.offset);
  if (cable.refs) add(cable.refs.range.start.offset, cable.refs.range.end.offset);
  if (cable.classifiedBy && !cable.classifiedBy.midLine) add(cable.classifiedBy.range.start.offset, cable.classifiedBy.range.end.offset);

  const body = bodyStructure(cable);
  for (const s of body.sections) {
    // An implicit first section starts on its first paragraph's line; that fold is the paragraph's.
    if (s.marker) add(s.start, s.end, FoldingRangeKind.Region);
  }
  for (const n of walk([...body.before, ...body.sections.flatMap((s) => s.children)])) {
    if (n.kind === 'paragraph' || n.kind === 'heading' || n.kind === 'block' || n.kind === 'subParagraph') add(n.start, n.end, FoldingRangeKind.Region);
  }

  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const kept: FoldingRange[] = [];
  for (const r of out) {
    const last = kept[kept.length - 1];
    if (last && last.startLine === r.startLine) continue;
    kept.push(r);
  }
  return kept;
}

function firstParagraphStart(cable: Cable): number {
  const p = cable.paragraphs.find((x) => !x.ambiguous && !x.midLine);
  return p ? p.range.start.offset : cable.text.length + 1;
}
