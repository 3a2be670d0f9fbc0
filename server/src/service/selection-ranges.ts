/**
 * Expand-selection: word → the token it belongs to (tag code, portion mark, DTG…) → its line or
 * field (sub-paragraph, block) → paragraph or heading → section or header block → document.
 * Every step strictly contains the previous one.
 */
import type { SelectionRange } from 'vscode-languageserver-types';
import type { Cable } from '../../../grammar/src/ast';
import { positionIndex } from './position-index';
import { lspRangeAt, offsetOf, type PositionLike } from './ranges';
import { bodyStructure, type BodyNode } from './structure';

type Span = [number, number];

export function selectionRanges(cable: Cable, positions: readonly PositionLike[]): SelectionRange[] {
  try {
    // LSP wants one answer per position, so a position outside the document voids them all.
    const offsets = positions.map((p) => offsetOf(cable, p));
    if (offsets.some((o) => o === undefined)) return [];
    return offsets.map((o) => chain(cable, o!));
  } catch {
    return [];
  }
}

function chain(cable: Cable, offset: number): SelectionRange {
  const spans: Span[] = [];
  const word = wordAt(cable, offset);
  if (word) spans.push(word);
  const token = positionIndex(cable).at(offset);
  if (token) spans.push([token.start, token.end]);
  const line = cable.lines[lineOf(cable, offset)]!;
  spans.push(...containers(cable, offset));
  const lineSpan = trimmedLine(cable, line.start, line.end);
  if (lineSpan) spans.push(lineSpan);
  spans.push([0, cable.text.length]);

  // Innermost first; keep each span that strictly contains the one before.
  spans.sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
  let result: SelectionRange | undefined;
  const kept: Span[] = [];
  for (const s of spans) {
    if (s[0] > offset || s[1] < offset) continue;
    const prev = kept[kept.length - 1];
    if (prev && !(s[0] <= prev[0] && prev[1] <= s[1] && (s[0] < prev[0] || prev[1] < s[1]))) continue;
    kept.push(s);
  }
  for (let i = kept.length - 1; i >= 0; i--) {
    const [a, b] = kept[i]!;
    result = result ? { range: lspRangeAt(cable, a, b), parent: result } : { range: lspRangeAt(cable, a, b) };
  }
  return result ?? { range: lspRangeAt(cable, offset, offset) };
}

function lineOf(cable: Cable, offset: number): number {
  let lo = 0;
  let hi = cable.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cable.lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function trimmedLine(cable: Cable, start: number, end: number): Span | undefined {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(cable.text[a]!)) a++;
  while (b > a && /\s/.test(cable.text[b - 1]!)) b--;
  return b > a ? [a, b] : undefined;
}

const WORD = /[\p{L}\p{N}'’/.-]/u;

function wordAt(cable: Cable, offset: number): Span | undefined {
  const { text } = cable;
  const line = cable.lines[lineOf(cable, offset)]!;
  let a = offset;
  let b = offset;
  while (a > line.start && WORD.test(text[a - 1]!)) a--;
  while (b < line.end && WORD.test(text[b]!)) b++;
  // Sentence punctuation at the edges is not part of the word.
  while (b > a && /[.'’-]/.test(text[b - 1]!)) b--;
  while (a < b && /['’-]/.test(text[a]!)) a++;
  return b > a ? [a, b] : undefined;
}

/** The structural nodes around `offset`: envelope and its line, header fields, body tree. */
function containers(cable: Cable, offset: number): Span[] {
  const out: Span[] = [];
  const inside = (r: { range: { start: { offset: number }; end: { offset: number } } }) => r.range.start.offset <= offset && offset <= r.range.end.offset;
  const add = (r: { range: { start: { offset: number }; end: { offset: number } } }) => out.push([r.range.start.offset, r.range.end.offset]);
  const env = cable.envelope;
  if (env && inside(env)) {
    add(env);
    for (const l of env.lines) if (inside(l)) add(l);
  }
  for (const w of cable.wrapper) if (inside(w)) add(w);
  const headerFrom = cable.banner?.range.start.offset ?? cable.headerOrder[0]?.range.start.offset;
  const ownFields = cable.headerOrder.filter((f) => !('midLine' in f && f.midLine));
  if (headerFrom !== undefined) {
    const to = Math.max(cable.banner?.range.end.offset ?? 0, ...ownFields.map((f) => f.range.end.offset));
    if (headerFrom <= offset && offset <= to) out.push([headerFrom, to]);
  }
  if (cable.banner && inside(cable.banner)) add(cable.banner);
  for (const f of cable.headerOrder) {
    if (!inside(f)) continue;
    add(f);
    if (f.kind === 'RefList') for (const i of f.items) if (inside(i)) add(i);
  }
  const body = bodyStructure(cable);
  const descend = (nodes: readonly BodyNode[]) => {
    for (const n of nodes) {
      if (n.start <= offset && offset <= n.end) {
        out.push([n.start, n.end]);
        descend(n.children);
        return;
      }
    }
  };
  descend(body.before);
  for (const s of body.sections) {
    if (s.start <= offset && offset <= s.end) {
      out.push([s.start, s.end]);
      descend(s.children);
    }
  }
  if (body.signature && body.signature.start <= offset && offset <= body.signature.end) out.push([body.signature.start, body.signature.end]);
  return out;
}
