/**
 * In-text references to this cable's own paragraphs: `para 5`, `paragraph 5`, `paras 5 and 6`,
 * `paras 5-7`, `¶5`, `¶¶ 5, 6`. Used by go-to-definition, references, highlights, hover and
 * paragraph renumbering, so every range is exact (the digits only) and resolution is
 * conservative: a number that could mean two paragraphs resolves to none.
 */
import type { Cable, Paragraph, Range } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';

export interface ParagraphReference {
  /** The number as cited. */
  number: number;
  /** The digits, exactly. */
  range: Range;
  /** The whole phrase (`paras 5 and 6`). */
  citation: Range;
  /** The paragraph it points at, when exactly one paragraph can be meant. */
  paragraph?: Paragraph;
}

/**
 * `para`/`paragraph` (any case, plural, abbreviated with a dot) or one or two pilcrows, then a
 * number, then more numbers joined by `,`, `and`, `&`, `-`, `through`, `to`, `or`. A digit or
 * `.digit` after a number means a decimal or a section (`para 1.4`): no reference.
 */
const CITE =
  /(?<![A-Za-z0-9])(?:para(?:graph)?s?\.?\s+|¶{1,2}\s?)(\d{1,3})(?!\d|[.,]\d)((?:\s*(?:,|and|&|-|–|through|to|or)\s*(?:¶\s?)?\d{1,3}(?!\d|[.,]\d))*)/dgi;
const MORE = /(\d{1,3})/g;
/** `REF A para 3`, `reftel para 2`: a paragraph of another cable. */
const EXTERNAL_BEFORE = /\b(?:REF(?:TEL)?S?|septel)\b[\s.,]*(?:\(?[A-Z]\)?[\s.,]*)?$/i;
/** `para 3 of ref A`, `para 2 reftel`, `paragraph 5 of the resolution`. */
const EXTERNAL_AFTER = /^\s*(?:(?:of|in|from)\s+(?:the\s+)?(?:REF|REFTEL|septel|resolution|UNSCR|article|agreement|decision|law|text|declaration|convention|treaty|report|draft)|REF(?:TEL)?S?\b|septel\b)/i;

const cache = new WeakMap<Cable, ParagraphReference[]>();

/** Every reference in the text (after the header), in order. Linear in the text's length. */
export function findParagraphReferences(cable: Cable): ParagraphReference[] {
  let out = cache.get(cable);
  if (!out) {
    try {
      out = find(cable);
    } catch {
      out = [];
    }
    cache.set(cable, out);
  }
  return out;
}

function find(cable: Cable): ParagraphReference[] {
  const { text } = cable;
  // A `¶5.` that is a paragraph's own number is not a reference to it.
  const numberStarts = new Set<number>();
  for (const p of cable.paragraphs) numberStarts.add(p.numberText.range.start.offset);
  const resolve = resolver(cable);
  const out: ParagraphReference[] = [];
  CITE.lastIndex = cable.textStart;
  for (let m = CITE.exec(text); m; m = CITE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (numberStarts.has(start) || (text[start] === '¶' && isParagraphStart(cable, start))) continue;
    const before = text.slice(Math.max(0, start - 16), start);
    const after = text.slice(end, Math.min(text.length, end + 40));
    if (EXTERNAL_BEFORE.test(before) || EXTERNAL_AFTER.test(after)) continue;
    const citation = rangeAt(cable.lines, start, end);
    const add = (a: number, b: number) => {
      const number = Number(text.slice(a, b));
      const paragraph = resolve(number, a);
      out.push({ number, range: rangeAt(cable.lines, a, b), citation, ...(paragraph ? { paragraph } : {}) });
    };
    const [fa, fb] = m.indices![1]!;
    add(fa, fb);
    const tail = m.indices![2];
    if (tail && tail[1] > tail[0]) {
      MORE.lastIndex = 0;
      const s = text.slice(tail[0], tail[1]);
      for (const n of s.matchAll(MORE)) add(tail[0] + n.index!, tail[0] + n.index! + n[0].length);
    }
  }
  return out;
}

/** A pilcrow at the start of its line, followed by `N.`: a paragraph number the parser skipped. */
function isParagraphStart(cable: Cable, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (cable.text[i] === ' ' || cable.text[i] === '\t')) i--;
  if (i >= 0 && cable.text[i] !== '\n' && cable.text[i] !== '\r') return false;
  return /^¶\s?\d{1,3}\s?\.(?!\d)/.test(cable.text.slice(at, at + 8));
}

/**
 * Numbering runs: numbering restarts at 1 after a heading or quoted text (CBL083), and a
 * reference means a paragraph of the run it sits in. Ambiguous line starts (CBL085) are no
 * paragraphs.
 */
export function numberingRuns(cable: Cable): Paragraph[][] {
  const runs: Paragraph[][] = [];
  for (const p of cable.paragraphs) {
    if (p.ambiguous) continue;
    if (runs.length === 0 || p.restart) runs.push([]);
    runs[runs.length - 1]!.push(p);
  }
  return runs;
}

function resolver(cable: Cable): (n: number, at: number) => Paragraph | undefined {
  const runs = numberingRuns(cable);
  const maps = runs.map((run) => {
    const m = new Map<number, Paragraph | null>();
    for (const p of run) m.set(p.number, m.has(p.number) ? null : p);
    return m;
  });
  // Across runs: a number that only one paragraph of the whole text carries.
  const anywhere = new Map<number, Paragraph | null>();
  for (const run of runs) for (const p of run) anywhere.set(p.number, anywhere.has(p.number) ? null : p);
  const runStarts = runs.map((r) => r[0]!.range.start.offset);
  return (n, at) => {
    if (runs.length === 0) return undefined;
    // The run the reference sits in: the last one starting before it (the first before any).
    let lo = 0;
    let hi = runStarts.length - 1;
    let k = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (runStarts[mid]! <= at) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const hit = maps[k]!.get(n);
    if (hit !== undefined) return hit ?? undefined;
    return anywhere.get(n) ?? undefined;
  };
}
