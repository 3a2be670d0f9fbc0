/**
 * The header: which fields belong to the cable's own header (published copies repeat some in the
 * envelope or a mail preamble, or print the header twice), where each field's keyword is, where a
 * missing field would go, and whether the Classified By line gives a reason.
 */
import type { Cable, ClassifiedBy, HeaderField, Node, Range, TagsLine } from '../../../grammar/src/ast';
import { lineIndexAt, rangeAt } from '../../../grammar/src/positions';
import type { Lazy } from './types';

export interface Header {
  /**
   * Fields of the cable's own header, in document order. Spec 4.2 reads only the last complete
   * header: so, fields after the banner, and of the single-valued fields only the one the tree
   * chose; a field inside another (an E.O. cited in the Classified By line) is part of that one.
   */
  readonly fields: readonly HeaderField[];
  /** TAGS lines of the cable's own header: after the banner, and after the chosen E.O. line when some are. */
  readonly tagsLines: readonly TagsLine[];
  /** The Classified By line gives a reason (`1.4 (b)`, `Derived from …`), also on the line after it. */
  readonly classifiedByHasReason: boolean;
  /** The field's keyword (`TAGS`, `E.O. 12958`, `Classified By`), for a diagnostic that points at the field. */
  keywordRange(field: HeaderField): Range;
  /**
   * Where to report a header field that is absent: the first line of the first of `after` that
   * exists, else of the first header field or the banner, else the first non-blank line.
   */
  missingFieldRange(after: readonly (Node | undefined)[]): Range;
}

export const NO_HEADER: Header = Object.freeze({
  fields: Object.freeze([]),
  tagsLines: Object.freeze([]),
  classifiedByHasReason: false,
  keywordRange: (f: HeaderField) => f.range,
  missingFieldRange: () => ({ start: { offset: 0, line: 0, character: 0 }, end: { offset: 0, line: 0, character: 0 } }),
});

/** A field the publisher cut short (`Classified By: Ambass...`): what is missing may be in the cut. */
export function isTruncated(text: string): boolean {
  // Read from the end: the pattern `(?:\.\.\.|…)\s*$` was tried at every position of the field.
  let end = text.length;
  while (end > 0 && SPACE.test(text[end - 1]!)) end--;
  return text.endsWith('...', end) || text.endsWith('\u2026', end);
}

const SPACE = /\s/;

export function readHeader(cable: Cable, lazy: Lazy): Header {
  const tagsLines = tagsLinesInScope(cable);
  const fields = fieldsInScope(cable, tagsLines);
  const reason = lazy('header.classifiedByHasReason', () => (cable.classifiedBy ? hasReason(cable, cable.classifiedBy) : false), false);
  return new HeaderMeaning(cable, fields, tagsLines, reason);
}

/**
 * A class, not an object literal: a getter written in a literal is a new accessor per object,
 * which puts every such object in V8's dictionary mode (each read a hash lookup, each freeze a
 * copy of the dictionary). The getter on the prototype keeps the instances fast.
 */
class HeaderMeaning implements Header {
  readonly #reason: () => boolean;
  // The tree in a private field, its parts as methods: a closure over it stored in a field kept
  // every linted tree alive through the young generation's collections (ARCHITECTURE.md).
  readonly #cable: Cable;
  readonly keywordRange = keywordRange;

  constructor(cable: Cable, readonly fields: readonly HeaderField[], readonly tagsLines: readonly TagsLine[], reason: () => boolean) {
    this.#reason = reason;
    this.#cable = cable;
    Object.freeze(this);
  }

  get classifiedByHasReason(): boolean {
    return this.#reason();
  }

  missingFieldRange(after: readonly (Node | undefined)[]): Range {
    return missingFieldRange(this.#cable, after);
  }
}

function afterBanner<T extends { range: Range }>(cable: Cable, fields: readonly T[]): T[] {
  const bannerEnd = cable.banner?.range.end.offset;
  if (bannerEnd === undefined) return [...fields];
  const after = fields.filter((f) => f.range.start.offset >= bannerEnd);
  return after.length > 0 ? after : [...fields];
}

function tagsLinesInScope(cable: Cable): TagsLine[] {
  const lines = afterBanner(cable, cable.tags);
  const eoStart = cable.eo?.range.start.offset;
  if (eoStart === undefined) return lines;
  const afterEo = lines.filter((t) => t.range.start.offset > eoStart);
  return afterEo.length > 0 ? afterEo : lines;
}

function fieldsInScope(cable: Cable, tagsLines: readonly TagsLine[]): HeaderField[] {
  const chosen = new Set(
    [cable.eo, cable.subject, cable.refs, cable.classifiedBy].flatMap((f) => (f ? [f.range.start.offset] : [])),
  );
  const tags = new Set(tagsLines.map((t) => t.range.start.offset));
  const fields = afterBanner(cable, cable.headerOrder).filter((f) =>
    f.kind === 'TagsLine' ? tags.has(f.range.start.offset) : chosen.has(f.range.start.offset),
  );
  return outermostFields(fields);
}

/**
 * The fields not inside another: a field that starts inside one starting before it is part of
 * that one, as is an E.O. on the line of a Classified By before it (`Classified By: DCM X for
 * E.O. 12958 reasons 1.4 (d)`, 08MADRID707). In start order with the furthest end so far carried
 * along: comparing every pair was quadratic in TAGS lines (1.5 s for a pasted 1 MB of them).
 */
export function outermostFields<F extends { kind: HeaderField['kind']; range: Range }>(fields: readonly F[]): F[] {
  const byStart = [...fields].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const inside = new Set<F>();
  let furthest = -1;
  for (let i = 0; i < byStart.length; ) {
    const start = byStart[i]!.range.start.offset;
    let j = i;
    // Fields that start together are not inside each other: the end they push out counts from the next start on.
    for (; j < byStart.length && byStart[j]!.range.start.offset === start; j++) if (start < furthest) inside.add(byStart[j]!);
    for (let k = i; k < j; k++) furthest = Math.max(furthest, byStart[k]!.range.end.offset);
    i = j;
  }
  // Per line: where the first Classified By on it starts.
  const classifiedByAt = new Map<number, number>();
  for (const g of fields) {
    if (g.kind !== 'ClassifiedBy') continue;
    const at = classifiedByAt.get(g.range.start.line);
    if (at === undefined || g.range.start.offset < at) classifiedByAt.set(g.range.start.line, g.range.start.offset);
  }
  return fields.filter(
    (f) => !inside.has(f) && !(f.kind === 'EoLine' && (classifiedByAt.get(f.range.start.line) ?? Infinity) < f.range.start.offset),
  );
}

function keywordRange(f: HeaderField): Range {
  switch (f.kind) {
    case 'TagsLine':
    case 'SubjectLine':
    case 'RefList':
      return f.keyword.range;
    case 'EoLine':
      return f.order ? { start: f.range.start, end: f.order.range.end } : f.range;
    case 'ClassifiedBy':
      return f.keyword?.range ?? f.range;
  }
}

/** The first line of a node: a missing field is reported where the reader looks for it. */
function firstLine(cable: Cable, node: Node): Range {
  const start = node.range.start.offset;
  const line = cable.lines[lineIndexAt(cable.lines, start)]!;
  return rangeAt(cable.lines, start, Math.min(node.range.end.offset, line.end));
}

function missingFieldRange(cable: Cable, after: readonly (Node | undefined)[]): Range {
  for (const n of after) if (n) return firstLine(cable, n);
  const first = cable.headerOrder[0] ?? cable.banner;
  if (first) return firstLine(cable, first);
  const idx = cable.lines.findIndex((l) => cable.text.slice(l.start, l.end).trim() !== '');
  const l = cable.lines[Math.max(0, idx)]!;
  return rangeAt(cable.lines, l.start, l.end);
}

// Reason spellings the corpus shows beyond the strict ReasonCite (spec 2.4, 4.4):
// `1  .4`, `1.  4`, `1:4`, `14 (b)`, `per 1.4`, `REAS ONS (B) and (D)`, `reasons b, d`.
const LOOSE_REASON = [
  /\b1\s*[.,/:]\s*[45](?!\d)/,
  /\b1\.?\s?[45]\s*\(\s*[a-h]\s*\)/i,
  /\br\s*e\s*a\s*s\s*o\s*n\s*(?:\(\s*s\s*\)|s)?\b\s*:?\s*(?:1\b|\(?\s*[a-h]\s*\)?(?![a-z]))/i,
  /\bper\s+1\b/i,
  /\bsection\s+1\.?\s?[45]\b/i,
  /\bderived\s+from\b/i,
];

// A reason that starts the next non-blank line (`Classified By: … for Reasons⏎⏎1.4 (b) and (d).`).
const REASON_LINE =
  /^\s*(?:for\s+)?(?:r\s*e\s*a\s*s\s*o\s*n|E\.?\s?O\.?\s*1\d{4}|section\s+1|1\s*[.,/:]\s*[45](?!\d)|\(?[a-h]\)\s*(?:,|and|&|\/)|derived\s+from)/i;

function hasReason(cable: Cable, cb: ClassifiedBy): boolean {
  if (cb.reasonSection || cb.derivedFrom || cb.reasonLetters.length > 0 || LOOSE_REASON.some((re) => re.test(cb.text))) return true;
  // A bounded look past the node: a blank line inside the 3-line span ends the field in
  // the tree although the reason follows it (06BUENOSAIRES350).
  const after = cable.text.slice(cb.range.end.offset, cb.range.end.offset + 300).split(/\r\n|\r|\n/);
  let blanks = 0;
  for (const line of after.slice(1)) {
    if (!line.trim()) {
      if (++blanks > 1) return false;
      continue;
    }
    return REASON_LINE.test(line);
  }
  return false;
}
