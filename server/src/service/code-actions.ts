/**
 * Code actions as pure functions: quick fixes from the rules' own fixes, one combined fix-all
 * edit list, and renumbering of the paragraphs with the references that point at them.
 */
import type { Cable, Range } from '../../../grammar/src/ast';
import { rangeAt, splitLines, offsetAt } from '../../../grammar/src/positions';
import type { Diagnostic, TextEdit } from '../engine/types';
import { modelOf } from '../model/index';
import { fixAllowed } from './fix-safety';
import type { PositionLike } from './ranges';

export interface QuickFix {
  title: string;
  /** The diagnostic the fix belongs to (the same object that was passed in). */
  diagnostic: Diagnostic;
  edits: TextEdit[];
  /** Safe to apply without looking (the rule says so). */
  safe: boolean;
  /** The first safe fix of its diagnostic: what an editor applies on "auto fix". */
  preferred: boolean;
}

const before = (a: PositionLike, b: PositionLike) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Ranges that overlap or touch (a cursor at a diagnostic's edge still asks for its fixes). */
function touches(a: { start: PositionLike; end: PositionLike }, b: { start: PositionLike; end: PositionLike }): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * One quick fix per fix of every diagnostic that touches `range`, in diagnostic order; with the
 * text, only fixes that pass the safety rule (fix-safety.ts).
 */
export function quickFixes(diagnostics: readonly Diagnostic[], range: { start: PositionLike; end: PositionLike }, text?: string): QuickFix[] {
  const out: QuickFix[] = [];
  try {
    for (const d of diagnostics) {
      if (!d.fixes?.length || !touches(d.range, range)) continue;
      let preferredGiven = false;
      for (const fix of d.fixes) {
        if (text !== undefined && !fixAllowed(fix, text)) continue;
        const preferred = fix.safe && !preferredGiven;
        if (preferred) preferredGiven = true;
        out.push({ title: fix.title, diagnostic: d, edits: fix.edits, safe: fix.safe, preferred });
      }
    }
  } catch {
    return out;
  }
  return out;
}

interface Located {
  start: number;
  end: number;
  edit: TextEdit;
}

function conflicts(a: Located, b: Located): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  // An insertion at the edge of another edit (or two at one point) has no defined order.
  const empty = a.start === a.end || b.start === b.end;
  return empty && a.start <= b.end && b.start <= a.end;
}

/**
 * Every safe fix (with the text: every one that passes the safety rule of fix-safety.ts, as
 * `--fix` applies them), combined into one list of non-overlapping edits sorted by position. Fixes are
 * taken whole or not at all, in diagnostic order: a fix that overlaps one already taken is left
 * for the next run. With the text (or the cable), edits that fall outside it or change nothing
 * are dropped and ranges are re-read from the text.
 */
export function fixAll(diagnostics: readonly Diagnostic[]): TextEdit[];
export function fixAll(source: Cable | string, diagnostics: readonly Diagnostic[]): TextEdit[];
export function fixAll(a: Cable | string | readonly Diagnostic[], b?: readonly Diagnostic[]): TextEdit[] {
  try {
    const diagnostics = (Array.isArray(a) ? a : b ?? []) as readonly Diagnostic[];
    const text = typeof a === 'string' ? a : !Array.isArray(a) && a && typeof a === 'object' ? (a as Cable).text : undefined;
    return combine(diagnostics, text);
  } catch {
    return [];
  }
}

function combine(diagnostics: readonly Diagnostic[], text: string | undefined): TextEdit[] {
  const lines = text !== undefined ? splitLines(text) : undefined;
  const locate = (e: TextEdit): Located | undefined => {
    if (!lines || text === undefined) {
      const s = e.range.start.offset;
      const t = e.range.end.offset;
      return Number.isInteger(s) && Number.isInteger(t) && s <= t ? { start: s, end: t, edit: e } : undefined;
    }
    const { start, end } = e.range;
    if (start.line >= lines.length || end.line >= lines.length) return undefined;
    if (start.character > lines[start.line]!.end - lines[start.line]!.start) return undefined;
    if (end.character > lines[end.line]!.end - lines[end.line]!.start) return undefined;
    const s = offsetAt(lines, start.line, start.character);
    const t = offsetAt(lines, end.line, end.character);
    if (t < s) return undefined;
    return { start: s, end: t, edit: { range: rangeAt(lines, s, t), newText: e.newText } };
  };
  const taken: Located[] = [];
  /** First index whose start is >= x (or > x with `after`, to keep a fix's own order). */
  const search = (x: number, after = false) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]!.start < x || (after && taken[mid]!.start === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const d of diagnostics) {
    for (const fix of d.fixes ?? []) {
      if (!fix.safe || (text !== undefined && !fixAllowed(fix, text))) continue;
      let edits = fix.edits.map(locate);
      if (edits.some((e) => !e)) continue;
      if (text !== undefined) edits = edits.filter((e) => text.slice(e!.start, e!.end) !== e!.edit.newText);
      // Within one fix the rule's order decides (an insertion after a replacement is fine);
      // only a real overlap makes the fix unusable.
      const own = (edits as Located[]).slice().sort((x, y) => x.start - y.start);
      if (own.some((e, i) => i > 0 && own[i - 1]!.end > e.start)) continue;
      const clash = own.some((e) => {
        const i = search(e.start);
        return (i > 0 && conflicts(taken[i - 1]!, e)) || (i < taken.length && conflicts(taken[i]!, e)) || (i + 1 < taken.length && conflicts(taken[i + 1]!, e));
      });
      if (clash) continue;
      for (const e of own) taken.splice(search(e.start, true), 0, e);
    }
  }
  return taken.map((t) => t.edit);
}

/** Range of the digits that carry a paragraph's number inside its written number. */
function digitsOf(p: Cable['paragraphs'][number]): { start: number; end: number } | undefined {
  const m = /\d+/.exec(p.numberText.text);
  if (!m) return undefined;
  let start = p.numberText.range.start.offset + m.index;
  const end = start + m[0].length;
  // `11.` for `¶1.` (CBL084): the leading 1 stands for the pilcrow and stays.
  if (p.artefact && m[0].length > 1) start += 1;
  return { start, end };
}

/**
 * Renumbers every numbered paragraph 1..N in order (each numbering run on its own: numbering
 * that restarts after a heading or quoted text restarts again), and rewrites each `para N`,
 * `paragraph N`, `¶N` that points at a paragraph to its new number. Only digits change.
 */
export function renumberParagraphs(cable: Cable): TextEdit[] {
  try {
    const mapping = new Map<Cable['paragraphs'][number], number>();
    const edits: { start: number; end: number; newText: string }[] = [];
    const model = modelOf(cable);
    for (const run of model.numbering.runs) {
      run.forEach((p, i) => {
        mapping.set(p, i + 1);
        if (p.number === i + 1) return;
        const d = digitsOf(p);
        if (d) edits.push({ ...d, newText: String(i + 1) });
      });
    }
    for (const r of model.references.paragraphs) {
      if (!r.paragraph) continue;
      const n = mapping.get(r.paragraph);
      if (n === undefined || n === r.number) continue;
      edits.push({ start: r.range.start.offset, end: r.range.end.offset, newText: String(n) });
    }
    edits.sort((a, b) => a.start - b.start);
    return edits.map((e) => ({ range: rangeAt(cable.lines, e.start, e.end) as Range, newText: e.newText }));
  } catch {
    return [];
  }
}
