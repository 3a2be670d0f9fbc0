import type { HeaderField } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

const RANK: Record<HeaderField['kind'], number> = { EoLine: 0, TagsLine: 1, SubjectLine: 2, RefList: 3, ClassifiedBy: 4 };
const LABEL: Record<HeaderField['kind'], string> = {
  EoLine: 'E.O.',
  TagsLine: 'TAGS',
  SubjectLine: 'SUBJECT',
  RefList: 'REF',
  ClassifiedBy: 'Classified By',
};

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
    const { header } = ctx.model;
    const fields = header.fields;
    // Most headers are in order: then no field is out of place, and no run needs working out.
    let inOrder = true;
    for (let i = 1; i < fields.length && inOrder; i++) inOrder = RANK[fields[i - 1]!.kind] <= RANK[fields[i]!.kind];
    if (inOrder) return;
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
        range: header.keywordRange(f),
        severity: swap ? 'info' : undefined,
        message: follows
          ? `${a} follows ${b}: expected ${a} before ${b} (order E.O., TAGS, SUBJECT, REF, Classified By)`
          : `${a} precedes ${b}: expected ${a} after ${b} (order E.O., TAGS, SUBJECT, REF, Classified By)`,
        related: [{ range: header.keywordRange(other), message: `${b} is here` }],
      });
    }
  },
};
