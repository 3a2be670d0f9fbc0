/**
 * References in the text: citations of REF items (`REF A`, `REFTEL B`, `REFS A AND C`, spec 2.4
 * `BodyRefCite`) with the item each resolves to, and references to the cable's own paragraphs
 * (`para 5`, `paras 5-7`, `¶5`) with the paragraph each means. CBL076, navigation, hover and
 * paragraph renumbering read the same lists.
 */
import type { Cable, Paragraph, Range, RefItem } from '../../../grammar/src/ast';
import { lastAtOrBelow, rangeAt } from '../../../grammar/src/positions';
import type { Lazy } from './types';

/**
 * Citations of REF items in the text (spec 2.4 `BodyRefCite`): `REF A`, `REFTEL B`,
 * `REFS A AND C`, `(REF D)`, `REFS A-C`. Shared by CBL076 and the language server
 * (go-to-definition, references, highlights), so it is a pure function of the tree.
 */
export interface RefCitation {
  /**
   * The cited letter, upper-cased (as `RefItem.letter`); undefined for a `REFTEL` that names no
   * letter, which cites the only reference of the list.
   */
  letter?: string;
  /** Exactly the letter as written; for `REFTEL` without a letter, the word. */
  range: Range;
  /** The whole citation the letter belongs to (`REFS A AND C`). */
  citation: Range;
  /** First in its citation (`A` of `REFS A AND C`) rather than a continuation. */
  first: boolean;
  /**
   * The REF item the letter resolves to: the item with that letter, or for `REF A` with a
   * single unlettered reference, that reference. Undefined when nothing matches.
   */
  item?: RefItem;
}

// Keyword in any case; the letters are filtered by case afterwards (lower case counts only
// when the REF list itself is lower case). `\s` spans line breaks: wrapped text splits
// `REF⏎A` in real cables. The final look-ahead rejects words (`REF PARA 3`, `REFTEL REQUESTED`)
// and abbreviations (`(ref A), P/E Chief`).
// Sticky: tried only where `refWords` finds REF written (`refMatches`).
export const CITE =
  /\bREF(?:TEL)?S?\.?\s+\(?([A-Z])\)?((?:\s*(?:,|AND|&|-|THROUGH)\s*\(?[A-Z]\)?)*)(?![A-Z0-9/])/dgiy;
const CONTINUATION = /\s*(,|AND|&|-|THROUGH)\s*\(?([A-Z])\)?/dgiy;
/** `reftel`, `REFTEL`: "the reference telegram", the list's only reference (spec 2.4). */
export const REFTEL = /\bREFTEL\b/giy;

/**
 * Where `REF` is written, in any case, from `from` on: the only places `CITE` and `REFTEL` can
 * match, since both begin with it. Found from each `F` and `f` (a search for one character; each
 * pattern was tried at every position of the text, which made citations the costliest part of
 * the references).
 */
export function refWords(text: string, from: number): number[] {
  const out: number[] = [];
  let upper = text.indexOf('F', from + 2);
  let lower = text.indexOf('f', from + 2);
  while (upper >= 0 || lower >= 0) {
    let f: number;
    if (lower < 0 || (upper >= 0 && upper < lower)) {
      f = upper;
      upper = text.indexOf('F', f + 1);
    } else {
      f = lower;
      lower = text.indexOf('f', f + 1);
    }
    // `E`/`e` and `R`/`r` before it: setting the case bit maps exactly those two to the lower case.
    if ((text.charCodeAt(f - 1) | 0x20) === 0x65 && (text.charCodeAt(f - 2) | 0x20) === 0x72) out.push(f - 2);
  }
  return out;
}

/**
 * The matches of `sticky` (a `y` pattern that begins with `REF`) at the places `refWords` found,
 * each after the end of the one before: what the same pattern with `g` finds from the first place.
 */
export function refMatches(sticky: RegExp, text: string, at: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let next = 0;
  for (const p of at) {
    if (p < next) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    next = p + m[0].length;
  }
  return out;
}

/**
 * Every REF letter cited in the text (from the end of the header, after the REF list).
 * One search over the text for the places REF is written: linear in its size. Empty without a
 * REF list with items.
 */
function findRefCitations(cable: Cable): RefCitation[] {
  const refs = cable.refs;
  if (!refs || refs.items.length === 0) return [];
  const byLetter = new Map<string, RefItem>();
  for (const item of refs.items) if (item.letter && !byLetter.has(item.letter)) byLetter.set(item.letter, item);
  const single = refs.items.length === 1 && refs.items[0]!.letter === undefined ? refs.items[0] : undefined;
  const resolve = (letter: string): RefItem | undefined => byLetter.get(letter) ?? (letter === 'A' ? single : undefined);
  const lowerOk = refs.lowerCase;
  const accepts = (ch: string) => (ch >= 'A' && ch <= 'Z') || lowerOk;

  const text = cable.text;
  const from = Math.max(cable.textStart, refs.range.end.offset);
  const out: RefCitation[] = [];
  const lettered = new Set<number>();
  const at = refWords(text, from);
  for (const m of refMatches(CITE, text, at)) {
    lettered.add(m.index);
    const [firstStart, firstEnd] = m.indices![1]!;
    const written = m[1]!;
    // `ref a meeting` in an upper-case list's cable is prose, and so is everything chained to it.
    if (!accepts(written)) continue;
    const matchStart = m.index;
    const matchEnd = matchStart + m[0].length;
    const citation = rangeAt(cable.lines, matchStart, matchEnd);
    out.push({
      letter: written.toUpperCase(),
      range: rangeAt(cable.lines, firstStart, firstEnd),
      citation,
      first: true,
      item: resolve(written.toUpperCase()),
    });
    const tail = m.indices![2];
    if (!tail || tail[0] === tail[1]) continue;
    CONTINUATION.lastIndex = tail[0];
    for (let c = CONTINUATION.exec(text); c && c.index < tail[1]; c = CONTINUATION.exec(text)) {
      const [ls, le] = c.indices![2]!;
      const ch = c[2]!;
      if (!accepts(ch)) break;
      const letter = ch.toUpperCase();
      const item = resolve(letter);
      // `REF A AND I WOULD NOTE`, `REF B AND A NEW PROPOSAL`: after AND/&, an unresolved A or I
      // is the English word, not a citation.
      if (!item && (letter === 'A' || letter === 'I') && !/^[,-]$/.test(c[1]!) && c[1]!.toUpperCase() !== 'THROUGH') break;
      out.push({ letter, range: rangeAt(cable.lines, ls, le), citation, first: false, item });
    }
  }
  // `as reported reftel`: with one reference, the word alone cites it. With several it names
  // none of them, and is no citation.
  if (refs.items.length === 1) {
    const only = refs.items[0]!;
    let bare = false;
    for (const m of refMatches(REFTEL, text, at)) {
      if (lettered.has(m.index)) continue;
      const range = rangeAt(cable.lines, m.index, m.index + m[0].length);
      out.push({ range, citation: range, first: true, item: only });
      bare = true;
    }
    if (bare) out.sort((a, b) => a.citation.start.offset - b.citation.start.offset || a.range.start.offset - b.range.start.offset);
  }
  return out;
}

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
const PARAGRAPH_CITE =
  /(?<![A-Za-z0-9])(?:para(?:graph)?s?\.?\s+|¶{1,2}\s?)(\d{1,3})(?!\d|[.,]\d)((?:\s*(?:,|and|&|-|–|through|to|or)\s*(?:¶\s?)?\d{1,3}(?!\d|[.,]\d))*)/dgi;
const MORE = /(\d{1,3})/g;
/** `REF A para 3`, `reftel para 2`: a paragraph of another cable. */
const EXTERNAL_BEFORE = /\b(?:REF(?:TEL)?S?|septel)\b[\s.,]*(?:\(?[A-Z]\)?[\s.,]*)?$/i;
/** `para 3 of ref A`, `para 2 reftel`, `paragraph 5 of the resolution`. */
const EXTERNAL_AFTER = /^\s*(?:(?:of|in|from)\s+(?:the\s+)?(?:REF|REFTEL|septel|resolution|UNSCR|article|agreement|decision|law|text|declaration|convention|treaty|report|draft)|REF(?:TEL)?S?\b|septel\b)/i;

function findParagraphReferences(cable: Cable, runs: readonly (readonly Paragraph[])[]): ParagraphReference[] {
  const { text } = cable;
  // A `¶5.` inside a paragraph's own written number (`¶5.`, `- ¶5.`) is not a reference to it.
  const numbers = cable.paragraphs.map((p) => p.numberText.range).sort((a, b) => a.start.offset - b.start.offset);
  const inOwnNumber = (at: number) => {
    const k = lastAtOrBelow(numbers, at, (r) => r.start.offset);
    return k >= 0 && at < numbers[k]!.end.offset;
  };
  const resolve = resolver(runs);
  const out: ParagraphReference[] = [];
  PARAGRAPH_CITE.lastIndex = cable.textStart;
  for (let m = PARAGRAPH_CITE.exec(text); m; m = PARAGRAPH_CITE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inOwnNumber(start) || (text[start] === '¶' && isParagraphStart(cable, start))) continue;
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

function resolver(runs: readonly (readonly Paragraph[])[]): (n: number, at: number) => Paragraph | undefined {
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
    const k = Math.max(0, lastAtOrBelow(runStarts, at, (s) => s));
    const hit = maps[k]!.get(n);
    if (hit !== undefined) return hit ?? undefined;
    return anywhere.get(n) ?? undefined;
  };
}

export interface References {
  /** Every REF letter cited in the text after the REF list, in order; empty without a lettered list. */
  readonly citations: readonly RefCitation[];
  /** Every reference to a paragraph of this cable (after the header), in order. */
  readonly paragraphs: readonly ParagraphReference[];
}

export const NO_REFERENCES: References = Object.freeze({ citations: Object.freeze([]), paragraphs: Object.freeze([]) });

export function readReferences(cable: Cable, runs: () => readonly (readonly Paragraph[])[], lazy: Lazy): References {
  const citations = lazy('references.citations', () => findRefCitations(cable), NO_REFERENCES.citations);
  const paragraphs = lazy('references.paragraphs', () => findParagraphReferences(cable, runs()), NO_REFERENCES.paragraphs);
  return new ReferencesMeaning(citations, paragraphs);
}

/** A class, so that the getters sit on the prototype: getters in a literal leave the object in V8's dictionary mode. */
class ReferencesMeaning implements References {
  readonly #citations: () => readonly RefCitation[];
  readonly #paragraphs: () => readonly ParagraphReference[];

  constructor(citations: () => readonly RefCitation[], paragraphs: () => readonly ParagraphReference[]) {
    this.#citations = citations;
    this.#paragraphs = paragraphs;
    Object.freeze(this);
  }

  get citations(): readonly RefCitation[] {
    return this.#citations();
  }

  get paragraphs(): readonly ParagraphReference[] {
    return this.#paragraphs();
  }
}
