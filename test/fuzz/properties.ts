/**
 * The engine's robustness properties (issue 7), shared by the quick run in `npm test`
 * (test/unit/fuzz.test.ts) and the long run of `npm run fuzz` (scripts/fuzz.ts).
 *
 * For any text: linting returns (no throw, no internal error diagnostic), every range lies inside
 * the document as LSP counts lines (`\n`, `\r\n`, lone `\r`; UTF-16 columns), every safe fix
 * applies on its own, fixing until stable converges and is then idempotent, and no fix removes a
 * letter its title does not announce.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/lint';
import { applyEdits, documentSymbols, fixAll } from '../../server/src/service/index';
import type { Diagnostic, Fix } from '../../server/src/engine/types';

// `npm run fuzz` runs a bundle from out/, where this file's own folder means nothing: it runs
// from the project root, as npm scripts do.
const ROOT = import.meta.dirname && existsSync(join(import.meta.dirname, '..', '..', 'package.json')) ? join(import.meta.dirname, '..', '..') : process.cwd();
const NOW = new Date('2026-11-23T12:00:00Z');

/** Real cables the mutations start from: the committed corpus sample and the examples. */
export function seedCables(): string[] {
  const out: string[] = [];
  for (const dir of ['test/fixtures/corpus', 'examples']) {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      if (!/\.(txt|cable)$/.test(name)) continue;
      out.push(readFileSync(join(ROOT, dir, name), 'latin1').includes('\uFFFD') ? '' : readFileSync(join(ROOT, dir, name), 'utf8'));
    }
  }
  return out.filter((t) => t.length > 0);
}

/** Line lengths as LSP counts them, computed independently of the engine's own splitter. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/** Offset of each line's start, from the same independent split. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const eol = /\r\n|\r|\n/g;
  for (let m = eol.exec(text); m; m = eol.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

interface PositionLike {
  line: number;
  character: number;
}

function inside(lengths: number[], p: PositionLike | undefined): boolean {
  return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line]!;
}

function ordered(a: PositionLike, b: PositionLike): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function countLetters(into: Map<string, number>, s: string, sign: 1 | -1): void {
  for (const c of s.toUpperCase().match(/\p{L}/gu) ?? []) into.set(c, (into.get(c) ?? 0) + sign);
}

/** Letters the removed spans hold more of than the inserted texts and `announced` account for. */
function lostLetters(removed: string[], inserted: string[], announced: string): string {
  const a = new Map<string, number>();
  for (const r of removed) countLetters(a, r, 1);
  for (const i of inserted) countLetters(a, i, -1);
  countLetters(a, announced, -1);
  return [...a].filter(([, n]) => n > 0).map(([c, n]) => c.repeat(n)).join('');
}

/**
 * A fix's edits as offsets, located with the independent line table. Only the spans a fix touches
 * are examined, so checking every fix of a 20,000-tag line stays linear in the text (comparing
 * whole texts per fix made one such input take four minutes).
 */
function locate(starts: number[], fix: Fix): { start: number; end: number; newText: string }[] {
  return fix.edits
    .map((e) => ({ start: starts[e.range.start.line]! + e.range.start.character, end: starts[e.range.end.line]! + e.range.end.character, newText: e.newText }))
    .sort((x, y) => x.start - y.start || x.end - y.end);
}

/** How many fixes per input also go through `applyEdits` whole, as the CLI and the editor apply them. */
const WHOLE_TEXT_FIXES = 50;

const MAX_FIX_ROUNDS = 8;

function safeFixesChange(text: string, diagnostics: Diagnostic[]): string {
  return applyEdits(text, fixAll(text, diagnostics));
}

/**
 * The first range of a diagnostic (its own, a related location's or a fix edit's) that lies outside
 * the text or ends before it starts, by the independent line table; undefined when all are inside.
 */
export function checkRanges(text: string, diagnostics: readonly Diagnostic[]): string | undefined {
  const lengths = lineLengths(text);
  for (const d of diagnostics) {
    const ranges = [d.range, ...(d.related ?? []).map((r) => r.range), ...(d.fixes ?? []).flatMap((f) => f.edits.map((e) => e.range))];
    for (const r of ranges) {
      if (!inside(lengths, r.start) || !inside(lengths, r.end) || !ordered(r.start, r.end)) {
        return `${d.ruleId} range outside the document or reversed: ${JSON.stringify({ start: r.start, end: r.end })} (${lengths.length} lines)`;
      }
    }
  }
  return undefined;
}

/** Returns the first property the text breaks, or undefined. */
export function checkText(text: string): string | undefined {
  let result;
  try {
    result = lint(text, { now: NOW });
  } catch (err) {
    return `lint threw: ${(err as Error)?.stack ?? String(err)}`;
  }
  const rangeProblem = checkRanges(text, result.diagnostics);
  if (rangeProblem) return rangeProblem;
  const lengths = lineLengths(text);
  const starts = lineStarts(text);
  let wholeTextFixes = 0;
  for (const d of result.diagnostics) {
    if (/^internal (parser )?error/.test(d.message)) return `${d.ruleId}: ${d.message}`;
    for (const fix of d.fixes ?? []) {
      if (!fix.safe) continue;
      const spans = locate(starts, fix);
      for (let i = 1; i < spans.length; i++) {
        if (spans[i]!.start < spans[i - 1]!.end) return `${d.ruleId} fix "${fix.title}" has overlapping edits`;
      }
      if (wholeTextFixes++ < WHOLE_TEXT_FIXES) {
        let expected = '';
        let at = 0;
        for (const sp of spans) {
          expected += text.slice(at, sp.start) + sp.newText;
          at = sp.end;
        }
        if (applyEdits(text, fix.edits) !== expected + text.slice(at)) return `${d.ruleId} fix "${fix.title}" did not apply`;
      }
      // What a fix removes must be named in its title ("Remove "SECTION 01 OF 01"").
      const lost = lostLetters(
        spans.map((sp) => text.slice(sp.start, sp.end)),
        spans.map((sp) => sp.newText),
        fix.title,
      );
      if (lost) return `${d.ruleId} fix "${fix.title}" removed letters "${lost.slice(0, 40)}"`;
    }
  }
  try {
    const symbols = documentSymbols(result.cable);
    const stack = [...symbols];
    while (stack.length) {
      const s = stack.pop()!;
      for (const r of [s.range, s.selectionRange]) {
        if (!inside(lengths, r.start) || !inside(lengths, r.end) || !ordered(r.start, r.end)) return `symbol "${s.name}" range outside the document`;
      }
      stack.push(...(s.children ?? []));
    }
  } catch (err) {
    return `documentSymbols threw: ${(err as Error)?.stack ?? String(err)}`;
  }
  // Fix until nothing changes; the fixed point must be reached and be stable.
  let current = text;
  let diagnostics = result.diagnostics;
  for (let round = 0; ; round++) {
    const next = safeFixesChange(current, diagnostics);
    if (next === current) break;
    if (round === MAX_FIX_ROUNDS) return `fixing does not converge after ${MAX_FIX_ROUNDS} rounds`;
    current = next;
    try {
      diagnostics = lint(current, { now: NOW }).diagnostics;
    } catch (err) {
      return `lint threw on fixed text: ${(err as Error)?.message}`;
    }
  }
  return undefined;
}

// ---- generators ----------------------------------------------------------------------------

const NASTY = ['\u0000', '\uFEFF', '\t', '\r', '\r\n', '\n', '\uD800', '\uDC00', '\u2028', '¶', '\u00B6', '$\\underline{\\P}', '(NOTE:', 'END SUMMARY', 'SECTION 01 OF 0', 'TAGS: ', 'REF: A. ', '1. (C) ', 'NNNN', 'VZCZC', 'E.O. 12958: DECL: ', 'ZNY CCCCC ZZH', 'FM AMEMBASSY ', '\\'];

const piece = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('A', 'B', '1', '.', ' ', '(', ')', '\n', ':', '/'), maxLength: 30 }),
);

type Mutation = (lines: string[], text: string) => string;

/** How big the pathological inputs get: the quick run in `npm test` keeps them small. */
export interface Scale {
  paragraphs: number;
  longLine: number;
  nesting: number;
  refItems: number;
}
export const FULL: Scale = { paragraphs: 10_000, longLine: 100_000, nesting: 1_000, refItems: 5_000 };
export const QUICK: Scale = { paragraphs: 300, longLine: 5_000, nesting: 100, refItems: 100 };

/**
 * A size from 1 to `max`, log-uniform: mostly small, now and then the maximum. Uniform sizes made
 * one input in ten a 5,000-paragraph text and held the long run to a few inputs a second.
 */
function size(max: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 1000 }).map((k) => Math.max(1, Math.round(max ** (k / 1000))));
}

/** One mutation of a real cable, chosen and placed by fast-check. */
export function mutation(scale: Scale = FULL): fc.Arbitrary<{ name: string; apply: Mutation }> {
  const at = fc.nat();
  return fc.oneof(
    at.map((i) => ({ name: `delete line ${i}`, apply: (ls: string[]) => ls.filter((_, j) => j !== i % ls.length).join('\n') })),
    at.map((i) => ({ name: `duplicate line ${i}`, apply: (ls: string[]) => ls.flatMap((l, j) => (j === i % ls.length ? [l, l] : [l])).join('\n') })),
    fc.tuple(at, at).map(([i, k]) => ({
      name: `swap lines ${i} ${k}`,
      apply: (ls: string[]) => {
        const c = ls.slice();
        const a = i % c.length;
        const b = k % c.length;
        [c[a], c[b]] = [c[b]!, c[a]!];
        return c.join('\n');
      },
    })),
    at.map((i) => ({ name: `merge lines at ${i}`, apply: (ls: string[]) => ls.map((l, j) => (j === i % ls.length ? l + ' ' : l + '\n')).join('') })),
    fc.tuple(at, piece).map(([i, p]) => ({ name: `splice ${JSON.stringify(p)} at ${i}`, apply: (_: string[], t: string) => t.slice(0, i % (t.length + 1)) + p + t.slice(i % (t.length + 1)) })),
    fc.tuple(at, at).map(([i, n]) => ({ name: `cut ${n % 200} chars at ${i}`, apply: (_: string[], t: string) => t.slice(0, i % (t.length + 1)) + t.slice((i % (t.length + 1)) + (n % 200)) })),
    at.map((i) => ({ name: `truncate at ${i}`, apply: (_: string[], t: string) => t.slice(0, i % (t.length + 1)) })),
    fc.constantFrom('\r\n', '\r').map((eol) => ({ name: `line ends ${JSON.stringify(eol)}`, apply: (ls: string[]) => ls.join(eol) })),
    at.map((i) => ({ name: `mixed line ends ${i}`, apply: (ls: string[]) => ls.map((l, j) => l + ['\n', '\r\n', '\r'][(i + j) % 3]).join('') })),
    fc.constant({ name: 'BOM', apply: (_: string[], t: string) => '\uFEFF' + t }),
    fc.constant({ name: 'tabs for spaces', apply: (_: string[], t: string) => t.replace(/ {2,}/g, '\t') }),
    fc.constant({ name: 'lone surrogates', apply: (_: string[], t: string) => t.replace(/\. /g, '.\uD800 ') }),
    fc.constant({ name: 'reflowed into one line', apply: (ls: string[]) => ls.join(' ') }),
    fc.tuple(at, size(scale.longLine / 5)).map(([i, n]) => ({ name: `${n * 5}-char line at ${i}`, apply: (ls: string[]) => ls.map((l, j) => (j === i % ls.length ? l + ' WORD'.repeat(n) : l)).join('\n') })),
  );
}

/** A real cable with one to three mutations, or random text, or a pathological shape. */
export function cableInput(seeds: string[], scale: Scale = FULL): fc.Arbitrary<string> {
  const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(mutation(scale), { minLength: 1, maxLength: 3 })).map(([seed, ms]) => {
    let text = seed;
    for (const m of ms) text = m.apply(text.split(/\r\n|\r|\n/), text);
    return text;
  });
  const random = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.array(piece, { maxLength: 60 }).map((ps) => ps.join('')));
  const shapes = fc.oneof(
    size(scale.paragraphs).map((n) => ['UNCLAS ROME 000123', '', 'E.O. 12958: N/A', 'TAGS: PREL IT', 'SUBJECT: X', ''].concat(Array.from({ length: n }, (_, i) => `${i + 1}. (U) PARAGRAPH.`)).join('\n')),
    size(scale.nesting).map((n) => 'UNCLAS ROME 000123\n\n1. (U) ' + '(NOTE: '.repeat(n) + 'X' + ')'.repeat(n % 3 === 0 ? n : 0)),
    size(scale.refItems).map((n) => 'REF: ' + Array.from({ length: n }, (_, i) => `${String.fromCharCode(65 + (i % 26))}. STATE ${i}`).join('\n')),
  );
  return fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 3, arbitrary: random }, { weight: 1, arbitrary: shapes });
}
