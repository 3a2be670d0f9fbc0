import type { Cable, HeaderField, Range, TagsLine } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import type { Rule } from '../engine/types';

const RANK: Record<HeaderField['kind'], number> = { EoLine: 0, TagsLine: 1, SubjectLine: 2, RefList: 3, ClassifiedBy: 4 };
const LABEL: Record<HeaderField['kind'], string> = {
  EoLine: 'E.O.',
  TagsLine: 'TAGS',
  SubjectLine: 'SUBJECT',
  RefList: 'REF',
  ClassifiedBy: 'Classified By',
};

/** The field's keyword (`TAGS`, `E.O. 12958`, `Classified By`), for a diagnostic that points at the field. */
function keywordRange(cable: Cable, f: HeaderField): Range {
  switch (f.kind) {
    case 'TagsLine':
    case 'SubjectLine':
    case 'RefList':
      return f.keyword.range;
    case 'EoLine':
      return f.order ? { start: f.range.start, end: f.order.range.end } : f.range;
    case 'ClassifiedBy': {
      const start = f.range.start.offset;
      const m = /CLASSIFIED\s+BY:?/i.exec(cable.text.slice(start, Math.min(f.range.end.offset, start + 40)));
      return m ? rangeAt(cable.lines, start + m.index, start + m.index + m[0].length) : f.range;
    }
  }
}

/**
 * Fields that belong to the cable's own header. Published copies repeat TAGS/SUBJECT/REF in the
 * envelope or a mail-client preamble above the banner (06MEXICO1476, 08KINSHASA189, 08TRIPOLI126)
 * or print the header twice (08HAVANA245); spec 4.2 reads only the last complete header. So:
 * fields after the banner, and of the single-valued fields only the one the tree chose.
 */
export function headerFieldsInScope(cable: Cable): HeaderField[] {
  const chosen = new Set(
    [cable.eo, cable.subject, cable.refs, cable.classifiedBy].flatMap((f) => (f ? [f.range.start.offset] : [])),
  );
  const tags = new Set(tagsLinesInScope(cable).map((t) => t.range.start.offset));
  const fields = afterBanner(cable, cable.headerOrder).filter((f) =>
    f.kind === 'TagsLine' ? tags.has(f.range.start.offset) : chosen.has(f.range.start.offset),
  );
  // A field inside another, or an E.O. cited mid-line in the Classified-By line
  // (`Classified By: DCM X for E.O. 12958 reasons 1.4 (d)`, 08MADRID707), is part of that field.
  return fields.filter(
    (f) =>
      !fields.some(
        (g) =>
          g !== f &&
          g.range.start.offset < f.range.start.offset &&
          (f.range.start.offset < g.range.end.offset ||
            (f.kind === 'EoLine' && g.kind === 'ClassifiedBy' && g.range.start.line === f.range.start.line)),
      ),
  );
}

/** TAGS lines of the cable's own header: after the banner, and after the chosen E.O. line when some are. */
export function tagsLinesInScope(cable: Cable): TagsLine[] {
  const lines = afterBanner(cable, cable.tags);
  const eoStart = cable.eo?.range.start.offset;
  if (eoStart === undefined) return lines;
  const afterEo = lines.filter((t) => t.range.start.offset > eoStart);
  return afterEo.length > 0 ? afterEo : lines;
}

function afterBanner<T extends { range: Range }>(cable: Cable, fields: readonly T[]): T[] {
  const bannerEnd = cable.banner?.range.end.offset;
  if (bannerEnd === undefined) return [...fields];
  const after = fields.filter((f) => f.range.start.offset >= bannerEnd);
  return after.length > 0 ? after : [...fields];
}

/**
 * Indexes of the fields that are out of place: those outside one longest run in canonical
 * order (so one misplaced field is one report, not one per field it jumps over). Ties keep
 * the earlier fields, so a late field is the one reported.
 */
function misplaced(ranks: number[]): Set<number> {
  const n = ranks.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (ranks[j]! <= ranks[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
  let end = 0;
  for (let i = 1; i < n; i++) if (len[i]! > len[end]!) end = i;
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = prev[i]!) keep.add(i);
  const out = new Set<number>();
  for (let i = 0; i < n; i++) if (!keep.has(i)) out.add(i);
  return out;
}

export const CBL050: Rule = {
  id: 'CBL050',
  name: 'header-order',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'Header fields run E.O. → TAGS → SUBJECT → REF → Classified By; REF after Classified By is info.',
  check(ctx) {
    const { cable } = ctx;
    const fields = headerFieldsInScope(cable);
    const ranks = fields.map((f) => RANK[f.kind]);
    const bad = misplaced(ranks);
    for (const i of bad) {
      const f = fields[i]!;
      // The conflicting kept field: the first later-ranked one before it, else the last earlier-ranked one after it.
      let other: HeaderField | undefined;
      let follows = true;
      for (let j = 0; j < i && !other; j++) if (!bad.has(j) && ranks[j]! > ranks[i]!) other = fields[j];
      if (!other) {
        follows = false;
        for (let j = fields.length - 1; j > i && !other; j--) if (!bad.has(j) && ranks[j]! < ranks[i]!) other = fields[j];
      }
      if (!other) continue;
      // The only common deviation (2 % of cables): REF written after Classified By.
      const swap =
        (f.kind === 'RefList' && other.kind === 'ClassifiedBy') || (f.kind === 'ClassifiedBy' && other.kind === 'RefList');
      const a = LABEL[f.kind];
      const b = LABEL[other.kind];
      ctx.report({
        range: keywordRange(cable, f),
        severity: swap ? 'info' : undefined,
        message: follows
          ? `${a} follows ${b}: expected ${a} before ${b} (order E.O., TAGS, SUBJECT, REF, Classified By)`
          : `${a} precedes ${b}: expected ${a} after ${b} (order E.O., TAGS, SUBJECT, REF, Classified By)`,
        related: [{ range: keywordRange(cable, other), message: `${b} is here` }],
      });
    }
  },
};
