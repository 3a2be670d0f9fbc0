/**
 * Blocks: SUMMARY, COMMENT, NOTE and quoted text, their openers and ends read as the rules read
 * them (`End⏎Summary.` is an end, a lower-case `summary.` inside a sentence opens nothing), and
 * how each pair closes: by its end mark, by the `)` of a parenthesised opener (`(NOTE: … )`), by
 * the heading or first paragraph a summary or comment implicitly opens with, or not at all. The
 * rules (CBL100–CBL104), the hover and the outline all read this one pairing.
 */
import type { BlockKind, BlockMark, Cable, Heading, Paragraph, Range } from '../../../grammar/src/ast';
import { lastAtOrBelow, rangeAt } from '../../../grammar/src/positions';
import { frozen } from './types';

/** How a block closes. */
export type BlockClose =
  | { by: 'end'; mark: BlockMark }
  /** The `)` balancing the opener's `(` (`(NOTE: he was late)`). */
  | { by: 'paren'; range: Range }
  /** A note without `(`: it ends with its paragraph. */
  | { by: 'paragraph' }
  | { by: 'none' };

/** How a block opens. */
export type BlockOpen =
  | { by: 'mark'; mark: BlockMark }
  /** A summary that is paragraph 1 (or under a `Summary` heading) needs no opener. */
  | { by: 'paragraph' }
  /** A comment under a `COMMENT` heading. */
  | { by: 'heading'; heading: Heading }
  | { by: 'none' };

export interface BlockSpan {
  block: BlockKind;
  opens: BlockOpen;
  closes: BlockClose;
  /** A heading-style summary opener (`SUMMARY -------`): the summary runs to the next heading or paragraph. */
  heading: boolean;
  /** From the opener (or the end, without one) to the end mark or `)`; the opener alone when unclosed. */
  range: Range;
}

export interface Blocks {
  /** The block marks as read (line-break corrections applied), in document order. */
  readonly marks: readonly BlockMark[];
  /** One span per opener, and one per end mark that closes no opener of its own, in document order. */
  readonly spans: readonly BlockSpan[];
  /** SUMMARY/COMMENT/QUOTE openers never closed before the text ends. */
  readonly unclosedAtEnd: readonly BlockMark[];
  /** COMMENT openers that no `END COMMENT` closed (left open, or superseded by a later comment). */
  readonly unclosedComments: readonly BlockMark[];
  /** `END SUMMARY`/`END COMMENT`/`END NOTE` with no opener (implicit summaries excepted). */
  readonly orphans: readonly BlockMark[];
  /** An end met while a different block was the innermost open one. */
  readonly crossed: readonly { mark: BlockMark; open: BlockMark }[];
  /** An opener met while a block of the same kind was still open. */
  readonly reopened: readonly { mark: BlockMark; previous: BlockMark }[];
  /** `(NOTE:` openers with neither `END NOTE` nor the closing `)` in their paragraph. */
  readonly unclosedNotes: readonly BlockMark[];
  /**
   * COMMENT openers left open before a later numbered paragraph that does not continue them
   * (`COMMENT CONT'D`), with that paragraph (CBL103); a comment running to the end needs no end.
   */
  readonly commentsLeftOpen: readonly { mark: BlockMark; next: Paragraph }[];
  /**
   * The opener whose block `mark` is part of: the publisher's copy of an opener on the same line
   * (08ROME1406) and `COMMENT CONT'D`/`Cont. Summary:` under an open block belong to that block's
   * opener; any other mark is its own.
   */
  blockOf(mark: BlockMark): BlockMark;
  /** Paragraph index (in `cable.paragraphs`, -1 before paragraph 1) of a mark. */
  paragraphOf(mark: BlockMark): number;
  /** The span a mark opens or closes. */
  spanOf(mark: BlockMark): BlockSpan | undefined;
}

export const NO_BLOCKS: Blocks = Object.freeze({
  marks: Object.freeze([]),
  spans: Object.freeze([]),
  unclosedAtEnd: Object.freeze([]),
  unclosedComments: Object.freeze([]),
  orphans: Object.freeze([]),
  crossed: Object.freeze([]),
  reopened: Object.freeze([]),
  unclosedNotes: Object.freeze([]),
  commentsLeftOpen: Object.freeze([]),
  blockOf: (mark: BlockMark) => mark,
  paragraphOf: () => -1,
  spanOf: () => undefined,
});

export function readBlocks(cable: Cable): Blocks {
  const a = analyse(cable);
  const marks = a.marks ?? [];
  // Most cables mark no block: nothing to pair, and no maps, sets or closures to build for them.
  if (marks.length === 0) return NO_BLOCKS;
  const spans: BlockSpan[] = [];
  const byMark = new Map<BlockMark, BlockSpan>();
  const headings = new Set(a.summaryHeadings);
  for (const m of marks) {
    if (byMark.has(m)) continue;
    let span: BlockSpan;
    if (m.role === 'open') {
      // An opener that is part of an open block closes with it.
      const c = a.closers.get(rootOf(a, m));
      let closes: BlockClose;
      let end = m.range.end.offset;
      if (c?.end) {
        closes = { by: 'end', mark: c.end };
        end = c.end.range.end.offset;
      } else if (c?.paren !== undefined) {
        closes = { by: 'paren', range: rangeAt(cable.lines, c.paren - 1, c.paren) };
        end = c.paren;
      } else closes = m.block === 'NOTE' && !a.unclosedNotes.includes(m) ? { by: 'paragraph' } : { by: 'none' };
      span = frozen({ block: m.block, opens: { by: 'mark', mark: m }, closes, heading: headings.has(m), range: rangeAt(cable.lines, m.range.start.offset, end) });
      if (c?.end && !byMark.has(c.end)) byMark.set(c.end, span);
    } else {
      const implicit = a.implicitEnds.get(m);
      const opens: BlockOpen = implicit === undefined ? { by: 'none' } : implicit === 'paragraph' ? { by: 'paragraph' } : { by: 'heading', heading: implicit };
      span = frozen({ block: m.block, opens, closes: { by: 'end', mark: m }, heading: false, range: m.range });
    }
    byMark.set(m, span);
    spans.push(span);
  }
  return Object.freeze({
    marks: (marks),
    spans: (spans),
    unclosedAtEnd: (a.unclosedAtEnd),
    unclosedComments: (a.unclosedComments),
    orphans: (a.orphans),
    crossed: a.crossed,
    reopened: a.reopened,
    unclosedNotes: (a.unclosedNotes),
    commentsLeftOpen: commentsLeftOpen(cable, a),
    blockOf: (mark: BlockMark) => rootOf(a, mark),
    paragraphOf: (mark: BlockMark) => a.paragraphOf.get(mark) ?? -1,
    spanOf: (mark: BlockMark) => byMark.get(mark),
  });
}

/** The opener a mark's block starts at (see `Blocks.blockOf`). */
function rootOf(a: Analysis, mark: BlockMark): BlockMark {
  let root = mark;
  for (let up = a.partOf.get(root); up; up = a.partOf.get(root)) root = up;
  return root;
}

/** See `Blocks.commentsLeftOpen`. */
function commentsLeftOpen(cable: Cable, a: Analysis): { mark: BlockMark; next: Paragraph }[] {
  if (a.unclosedComments.length === 0) return [];
  const marks = a.marks ?? [];
  const paragraphOf = (m: BlockMark) => a.paragraphOf.get(m) ?? -1;
  const continues = new Set<number>();
  for (const m of marks) {
    if (m.block === 'COMMENT' && m.role === 'open' && m.continued) continues.add(paragraphOf(m));
  }
  const numbered: number[] = [];
  cable.paragraphs.forEach((p, i) => {
    if (!p.ambiguous) numbered.push(i);
  });
  const out: { mark: BlockMark; next: Paragraph }[] = [];
  for (const m of a.unclosedComments) {
    if (m.continued) continue;
    const i = paragraphOf(m);
    // Skip the paragraphs that say `COMMENT CONT'D`: the comment legitimately runs into them.
    let k = numbered.findIndex((n) => n > i);
    while (k >= 0 && k < numbered.length && continues.has(numbered[k]!)) k++;
    if (k < 0 || k >= numbered.length) continue;
    out.push(frozen({ mark: m, next: cable.paragraphs[numbered[k]!]! }));
  }
  return out;
}

/** Where a mark sits: its paragraph (index in `cable.paragraphs`, -1 before paragraph 1) and where that paragraph's text ends. */
interface Scope {
  index: number;
  end: number;
}

interface Analysis {
  marks?: BlockMark[];
  /** How each opener that was closed ended: by an end mark, or by the `)` balancing its `(`. */
  closers: Map<BlockMark, { end?: BlockMark; paren?: number }>;
  /** The opener each end mark closed. */
  openerOf: Map<BlockMark, BlockMark>;
  /** Ends that close a block with no opener of its own: an implicit summary, a comment under a heading. */
  implicitEnds: Map<BlockMark, Heading | 'paragraph'>;
  /** SUMMARY/COMMENT/QUOTE openers never closed before the text ends. */
  unclosedAtEnd: BlockMark[];
  /** COMMENT openers that no `END COMMENT` closed (left open, or superseded by a later comment). */
  unclosedComments: BlockMark[];
  /** `END SUMMARY`/`END COMMENT`/`END NOTE` with no opener (implicit summaries excepted). */
  orphans: BlockMark[];
  /** An end met while a different block was the innermost open one. */
  crossed: { mark: BlockMark; open: BlockMark }[];
  /** An opener met while a block of the same kind was still open. */
  reopened: { mark: BlockMark; previous: BlockMark }[];
  /** `(NOTE:` openers with neither `END NOTE` nor the closing `)` in their paragraph. */
  unclosedNotes: BlockMark[];
  /** Openers that are part of a block already open (see `Blocks.blockOf`), with that block's opener. */
  partOf: Map<BlockMark, BlockMark>;
  /**
   * Heading-style summary openers (`SUMMARY -------`, `Summary.` alone on a line): the summary
   * runs to the next heading or paragraph and needs no `END SUMMARY` (spec 4.4).
   */
  summaryHeadings: BlockMark[];
  /** Paragraph index (in `cable.paragraphs`, -1 before paragraph 1) of every mark. */
  paragraphOf: Map<BlockMark, number>;
}

/** An analysis before anything is paired (its marks are set last). */
function unpaired(): Analysis {
  return {
    closers: new Map(),
    openerOf: new Map(),
    implicitEnds: new Map(),
    unclosedAtEnd: [],
    unclosedComments: [],
    orphans: [],
    crossed: [],
    reopened: [],
    unclosedNotes: [],
    partOf: new Map(),
    summaryHeadings: [],
    paragraphOf: new Map(),
  };
}

/** The analysis of a text without block marks (readBlocks answers NO_BLOCKS for it). */
const NOTHING_TO_PAIR: Analysis = Object.assign(unpaired(), { marks: [] });

interface Open {
  mark: BlockMark;
  scope: Scope;
  /** Offset after the `)` that closes a parenthesised block (`(NOTE: … )`, `(COMMENT: … )`). */
  closeAt?: number;
  /** Notes live inside one paragraph: they lapse where it ends. */
  lapseAt?: number;
}

/**
 * One pass over the block marks in document order, shared by CBL100–CBL104 so that they agree on
 * what is open where. The parser's `paragraphIndex` is not used: the paragraph of a mark is found
 * from its offset, which also places marks on a paragraph's first line correctly.
 */
function analyse(cable: Cable): Analysis {
  const text = cable.text;
  const marks = readMarks(cable);
  const numbered: number[] = [];
  if (marks.length > 0) {
    cable.paragraphs.forEach((p, i) => {
      if (!p.ambiguous) numbered.push(i);
    });
  }
  const scopeAt = (offset: number): Scope => {
    const found = lastAtOrBelow(numbered, offset, (i) => cable.paragraphs[i]!.range.start.offset);
    const next = numbered[found + 1];
    return {
      index: found < 0 ? -1 : numbered[found]!,
      end: next === undefined ? text.length : cable.paragraphs[next]!.range.start.offset,
    };
  };
  /**
   * The `)` balancing each `(`, matched in one pass from the first opener asked about: scanning
   * forward from every opener made 1,000 nested `(NOTE:` quadratic.
   */
  let balancing: Map<number, number> | undefined;
  let balancedFrom = 0;
  let opened: number[] = [];
  const bracket = /[()]/g;
  /** Offset just after the `)` that balances the `(` at `open`, within `[open, limit)`. */
  const closingParen = (open: number, limit: number): number | undefined => {
    // Brackets before the first opener asked about cannot balance it or any later one.
    if (!balancing || open < balancedFrom) {
      balancing = new Map();
      balancedFrom = open;
      opened = [];
      bracket.lastIndex = open;
    }
    // Read on only as far as this question needs: a `)` at or past `limit` is no answer, and
    // the text past the paragraph is read when a later opener asks (the scan to the end of the
    // text on every cable with a `(NOTE:` was a third of the blocks model).
    if (bracket.lastIndex >= 0 && !balancing.has(open)) {
      for (let m = bracket.exec(text); m; m = bracket.exec(text)) {
        if (m[0] === '(') opened.push(m.index);
        else if (opened.length) {
          const at = opened.pop()!;
          balancing.set(at, m.index);
          if (at === open) break;
        }
        if (m.index >= limit) break;
      }
      // exec resets lastIndex to 0 at the end of the text: mark the scan as done.
      if (bracket.lastIndex === 0) bracket.lastIndex = -1;
    }
    const close = balancing.get(open);
    return close !== undefined && close < limit ? close + 1 : undefined;
  };
  /** The `(` a mark opens with, or that stands right before it (`(COMMENT: …`). */
  const parenBefore = (m: BlockMark): number | undefined => {
    const start = m.range.start.offset;
    if (text[start] === '(') return start;
    let i = start - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    return i >= 0 && text[i] === '(' ? i : undefined;
  };

  // Most cables mark no block: nothing below has anything to pair, and the headings, the
  // paragraph index and the bracket scan are read only for marks.
  if (marks.length === 0) return NOTHING_TO_PAIR;
  const result = unpaired();
  /** Index of the first `END NOTE` after each mark (marks.length when none). */
  const nextNoteEnd = new Array<number>(marks.length);
  for (let j = marks.length - 1, next = marks.length; j >= 0; j--) {
    nextNoteEnd[j] = next;
    if (marks[j]!.block === 'NOTE' && marks[j]!.role === 'end') next = j;
  }
  /** Whether an end of `kind` comes after mark `k` (before another opener of that kind). */
  const endFollows = (k: number, kind: BlockKind): boolean => {
    for (let j = k + 1; j < marks.length; j++) {
      const n = marks[j]!;
      if (n.block !== kind) continue;
      if (n.role === 'end') return true;
      if (!(kind === 'COMMENT' && n.continued)) return false;
    }
    return false;
  };
  const firstNumbered = numbered[0] ?? -1;
  // The headings are asked for only by an end mark with no opener of its own.
  let headings: Heading[] | undefined;
  const blockHeadingsOnce = () => (headings ??= blockHeadings(cable));
  // `INTRODUCTION AND SUMMARY` (06SAOPAULO73) heads a summary as `SUMMARY` does.
  let summaryHeadingsFound: Heading[] | undefined;
  const summaryHeadings = () => (summaryHeadingsFound ??= blockHeadingsOnce().filter((h) => /^\W*(?:EXECUTIVE\s+|[A-Z]{3,14}\s+AND\s+)?SUMMARY\b/i.test(h.text)));
  /**
   * A summary may have no opener: it is paragraph 1 (or unnumbered text above it), or it sits
   * under a `Summary` heading (about 8 % of summaries).
   */
  const implicitSummary = (m: BlockMark, index: number): boolean =>
    index <= firstNumbered ||
    cable.paragraphs[index]?.number === 1 ||
    summaryHeadings().some((h) => h.range.start.offset < m.range.start.offset) ||
    result.summaryHeadings.some((h) => h.range.start.offset < m.range.start.offset);
  /** `COMMENT` as a heading (`------- COMMENT -------`, 10HARARE93) opens the comment below it. */
  // `COMMENT: HOPE SPRINGS ETERNAL` between dashed rules (06SAOPAULO428) heads one too.
  let commentHeadingsFound: Heading[] | undefined;
  const commentHeadings = () => (commentHeadingsFound ??= blockHeadingsOnce().filter((h) => /^\W*COMMENTS?(?:\W*$|\s*[:-]\s*[^a-z]*$)/i.test(h.text)));
  let lastCommentEnd = -1;
  /** The heading that opens the comment `m` ends, when the comment has no opener of its own. */
  const commentHeadingOf = (m: BlockMark) =>
    commentHeadings().filter((h) => h.range.start.offset < m.range.start.offset && h.range.start.offset > lastCommentEnd).at(-1);
  let stack: Open[] = [];
  const expiry = (o: Open) => Math.min(o.closeAt ?? Infinity, o.lapseAt ?? Infinity);
  /** No open block closes or lapses before this offset: the stack needs no sweep until then. */
  let nextExpiry = Infinity;
  const open = (o: Open) => {
    stack.push(o);
    nextExpiry = Math.min(nextExpiry, expiry(o));
  };
  marks.forEach((m, k) => {
    const at = m.range.start.offset;
    const scope = scopeAt(at);
    result.paragraphOf.set(m, scope.index);
    if (at >= nextExpiry) {
      stack = stack.filter((o) => expiry(o) > at);
      nextExpiry = stack.reduce((min, o) => Math.min(min, expiry(o)), Infinity);
    }
    if (m.role === 'open') {
      const paren = parenBefore(m);
      const closeAt = paren === undefined ? undefined : closingParen(paren, scope.end);
      if (m.block === 'NOTE') {
        if (paren !== undefined && closeAt === undefined) {
          const end = marks[nextNoteEnd[k]!];
          if (!end || end.range.start.offset >= scope.end) result.unclosedNotes.push(m);
        }
        if (closeAt !== undefined) result.closers.set(m, { paren: closeAt });
        open({ mark: m, scope, lapseAt: scope.end, ...(closeAt !== undefined ? { closeAt } : {}) });
        return;
      }
      if (m.block === 'SUMMARY' && standsAlone(cable, m)) {
        result.summaryHeadings.push(m);
        return;
      }
      const sameIdx = findLast(stack, m.block);
      if (m.continued && sameIdx >= 0) {
        result.partOf.set(m, stack[sameIdx]!.mark);
        return;
      }
      // `¶1. (C) Summary. 1. (C) Summary. …` (08ROME1406): the publisher's copy of the opener
      // on the same line is one opener.
      const same = sameIdx >= 0 ? stack[sameIdx]!.mark : undefined;
      if (same && same.range.start.line === m.range.start.line && m.range.start.offset - same.range.end.offset < 30) {
        result.partOf.set(m, same);
        return;
      }
      if (sameIdx >= 0) {
        const previous = stack[sameIdx]!;
        stack.splice(sameIdx, 1);
        // A comment is often left open (549 of ~920 in the corpus); a new one in a later
        // paragraph ends it implicitly — that is CBL103's business, not a crossing.
        if (m.block === 'COMMENT' && previous.scope.index !== scope.index) {
          result.unclosedComments.push(previous.mark);
        } else {
          result.reopened.push({ mark: m, previous: previous.mark });
          if (m.block === 'COMMENT') result.unclosedComments.push(previous.mark);
        }
      }
      if (closeAt !== undefined) result.closers.set(m, { paren: closeAt });
      open({ mark: m, scope, ...(closeAt !== undefined ? { closeAt } : {}) });
      return;
    }
    // `END SUMMARY AND COMMENT`, `End summary/comment`: one end for two blocks.
    const alsoEnds = /^\s*(?:AND|\/|&)\s*(COMMENT|SUMMARY)\b/i.exec(text.slice(m.range.end.offset, m.range.end.offset + 20));
    if (alsoEnds) {
      const other = alsoEnds[1]!.toUpperCase() as BlockKind;
      for (const o of stack) if (o.mark.block === other) result.closers.set(o.mark, { end: m });
      stack = stack.filter((o) => o.mark.block !== other);
    }
    const idx = findLast(stack, m.block);
    const heading = idx < 0 && m.block === 'COMMENT' ? commentHeadingOf(m) : undefined;
    const implicit = idx < 0 && ((m.block === 'SUMMARY' && implicitSummary(m, scope.index)) || heading !== undefined);
    if (m.block === 'COMMENT') lastCommentEnd = m.range.start.offset;
    // `Text of letter from GDSS …:` ⏎ … ⏎ `END TEXT` (10ABUDHABI103): a quotation opened in
    // words closes nothing else.
    if (idx < 0 && m.block === 'QUOTE') return;
    if (idx < 0 && !implicit) {
      const innermost = stack[stack.length - 1];
      if (!innermost) {
        if (m.block !== 'QUOTE') result.orphans.push(m);
        return;
      }
      // `COMMENT: … END SUMMARY.`: with no summary open and no `END COMMENT` to come, the end
      // was meant for the comment.
      if (innermost.mark.block !== 'NOTE' && !endFollows(k, innermost.mark.block)) {
        result.crossed.push({ mark: m, open: innermost.mark });
        result.closers.set(innermost.mark, { end: m });
        result.openerOf.set(m, innermost.mark);
        stack.pop();
      } else if (m.block !== 'QUOTE') {
        result.orphans.push(m);
      }
      return;
    }
    // Blocks opened inside this one and still open: closed with it, unless their own end comes
    // later — then the two blocks interleave.
    // A comment under a heading holds only what opened below the heading: a summary left open
    // above it (06BUENOSAIRES1732) stays open, for CBL100 to report at its opener.
    if (idx >= 0) {
      result.closers.set(stack[idx]!.mark, { end: m });
      result.openerOf.set(m, stack[idx]!.mark);
    } else if (heading) result.implicitEnds.set(m, heading);
    else if (implicit) result.implicitEnds.set(m, 'paragraph');
    let from = idx < 0 ? 0 : idx + 1;
    if (heading) {
      from = stack.findIndex((o) => o.mark.range.start.offset > heading.range.start.offset);
      if (from < 0) from = stack.length;
    }
    const inner = stack.slice(from);
    const crossing = [...inner].reverse().find((o) => o.mark.block !== 'NOTE' && endFollows(k, o.mark.block));
    if (crossing) result.crossed.push({ mark: m, open: crossing.mark });
    for (const o of inner) {
      if (o === crossing) continue;
      if (o.mark.block === 'COMMENT') result.unclosedComments.push(o.mark);
    }
    stack = [...stack.slice(0, heading ? from : idx < 0 ? 0 : idx), ...(crossing ? [crossing] : [])];
  });
  // A block whose `)` came after the last mark is closed all the same.
  for (const o of stack) {
    if (o.mark.block === 'NOTE' || o.closeAt !== undefined) continue;
    result.unclosedAtEnd.push(o.mark);
    if (o.mark.block === 'COMMENT') result.unclosedComments.push(o.mark);
  }
  result.unclosedComments.sort((a, b) => a.range.start.offset - b.range.start.offset);
  result.marks = marks;
  return result;
}

/**
 * The parser's marks, corrected where a line break hides their meaning. The parser finds marks
 * line by line, so `… End⏎Summary.` (END at the end of one line, the keyword on the next: about
 * a hundred corpus cables) comes out as an opener; it is read here as the end it is. A lower-case
 * `summary.` in the middle of a sentence (`a KACC-drafted summary.`, `In summary:`) opens nothing.
 */
function readMarks(cable: Cable): BlockMark[] {
  const text = cable.text;
  const out: BlockMark[] = [];
  for (const m of cable.blockMarks) {
    if (m.role !== 'open' || (m.block !== 'SUMMARY' && m.block !== 'COMMENT')) {
      out.push(m);
      continue;
    }
    const start = m.range.start.offset;
    let i = start;
    while (i > 0 && /[\s\\]/.test(text[i - 1]!)) i--;
    const crossesLine = /[\r\n]/.test(text.slice(i, start));
    const before = text.slice(Math.max(0, i - 8), i);
    const end = crossesLine ? /(?:^|[^A-Za-z])(END(?:\s+OF)?)$/i.exec(before) : null;
    if (end) {
      const from = i - end[1]!.length;
      const kw = new RegExp(`^(?:BEGIN\\s+)?${m.block === 'SUMMARY' ? 'SUMMAR?Y' : 'COMMENT'}`, 'i').exec(m.text);
      const to = start + (kw ? kw[0].length : m.text.length);
      out.push({ ...m, role: 'end', continued: false, text: text.slice(from, to).replace(/\s+/g, ' '), range: rangeAt(cable.lines, from, to) });
      continue;
    }
    if (m.block === 'SUMMARY' && /^(?:begin\s+)?summ/.test(m.text) && i > 0 && /[A-Za-z0-9,]/.test(text[i - 1]!)) continue;
    // `Cont. Summary:` and `Further Summary:` continue the open summary, as `COMMENT CONT'D`
    // does a comment.
    if (m.block === 'SUMMARY' && /\b(?:CONT(?:'?D|INUED)?\.?|FURTHER)\s*$/i.test(text.slice(Math.max(0, start - 12), start))) {
      out.push({ ...m, continued: true });
      continue;
    }
    out.push(m);
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/**
 * A line that only names a block (`Summary`, `SUMMARY` between dashed rules, `------- COMMENT
 * -------`) heads it: the parser's headings, and the lines it does not take for one because they
 * are in mixed case or have a rule on one side only (`Summary⏎--------`, 06VIENNA515).
 */
const BLOCK_HEADING = /^[\s¶-]*((?:EXECUTIVE\s+)?SUMMARY|COMMENTS?)[\s:.-]*(?:[A-Z][A-Z .]{0,9} \d{8} {1,2}\d{3}(?:\.\d)? OF \d{3}\s*)?$/i;

/** `------- COMMENT: HOPE SPRINGS ETERNAL -------` (06SAOPAULO428): a titled comment heading, in capitals. */
const TITLED_COMMENT_HEADING = /^[\s¶-]*(COMMENTS?)\s*:\s*[A-Z0-9][A-Z0-9 ,.'&/()-]*$/;

/** What every line `BLOCK_HEADING` or `TITLED_COMMENT_HEADING` matches holds (the same case folding). */
const KEYWORD = /summary|comment/gi;

function blockHeadings(cable: Cable): Heading[] {
  const out = [...cable.headings];
  const known = new Set(out.map((h) => h.range.start.line));
  const text = cable.text;
  // The whole text: a `SUMMARY` heading between rules right below the Classified By line
  // (05DUBLIN657) may sit before where the parser starts the text. Only a line that names the
  // block can head it: one scan for the two words finds those lines, instead of trying the
  // patterns on every line.
  const { lines } = cable;
  KEYWORD.lastIndex = 0;
  let l = 0;
  for (let k = KEYWORD.exec(text); k; k = KEYWORD.exec(text)) {
    while (l < lines.length - 1 && lines[l]!.end < k.index) l++;
    const line = lines[l]!;
    // The line is read once, whatever else it holds.
    KEYWORD.lastIndex = Math.max(KEYWORD.lastIndex, line.end);
    // `Comment HANOI 00000007 004 OF 004`: a page marker the publisher ran into the heading.
    if (line.end - line.start > 60 || known.has(l)) continue;
    const s = text.slice(line.start, line.end);
    const m = BLOCK_HEADING.exec(s) ?? TITLED_COMMENT_HEADING.exec(s);
    if (!m) continue;
    const at = line.start + m.index + m[0].indexOf(m[1]!);
    out.push({ kind: 'Heading', text: m[1]!, dashed: false, range: rangeAt(cable.lines, at, at + m[1]!.length) });
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** The mark is the whole of its line, give or take `¶`, dashes and blanks. */
function standsAlone(cable: Cable, m: BlockMark): boolean {
  const line = cable.lines[m.range.start.line]!;
  if (m.range.end.line !== m.range.start.line) return false;
  const before = cable.text.slice(line.start, m.range.start.offset);
  const after = cable.text.slice(m.range.end.offset, line.end);
  return /^[\s¶\-]*$/.test(before) && /^[\s\-:.\\]*$/.test(after);
}

function findLast(stack: Open[], kind: BlockKind): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.mark.block === kind) return i;
  return -1;
}

