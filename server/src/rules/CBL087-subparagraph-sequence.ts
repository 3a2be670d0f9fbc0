import type { Cable, SubParagraph } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

const ROMAN = new Set(['i', 'v', 'x']);
const PORTION_LETTERS = new Set(['C', 'S', 'U']);

function parentName(cable: Cable, s: SubParagraph): string {
  if (s.parentKind === 'paragraph') {
    const p = cable.paragraphs[s.parentIndex];
    return p ? `paragraph ${p.number}` : 'this paragraph';
  }
  if (s.parentKind === 'heading') {
    const h = cable.headings[s.parentIndex];
    return h ? `heading "${h.text.length > 40 ? `${h.text.slice(0, 40)}…` : h.text}"` : 'this heading';
  }
  return 'the text before paragraph 1';
}

/** Whether every letter between two items occurs mid-line, in the same style, between them. */
function skippedMidLine(text: string, last: SubParagraph, s: SubParagraph, lastCode: number, code: number): boolean {
  if (s.style === 'dot') return false;
  const between = text.slice(last.letterSpan.range.end.offset, s.letterSpan.range.start.offset);
  const upper = s.letter === s.letter.toUpperCase();
  for (let c = lastCode + 1; c < code; c++) {
    const l = String.fromCharCode(c);
    const letter = upper ? l.toUpperCase() : l;
    if (!between.includes(s.style === 'paren' ? `(${letter})` : `${letter})`)) return false;
  }
  return true;
}

interface Run {
  last?: SubParagraph;
  /** First item when it was not A: reported only once a second item shows it is a list. */
  pendingStart?: SubParagraph;
}

export const CBL087: Rule = {
  id: 'CBL087',
  name: 'subparagraph-sequence',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'Lettered items under one paragraph or heading run A, B, C … (or a, b, c) without gaps or repeats.',
  check(ctx) {
    const { cable } = ctx;
    // Upper- and lower-case runs are separate lists; a lower-case run nests under an
    // upper-case item and restarts with each one.
    const runs = new Map<string, { upper: Run; lower: Run; dialogue?: boolean }>();
    // Lettered lines above the first paragraph belong to the header (REF items continued after a
    // blank line, `¶B. LIMA 248`), not to the text.
    const firstParagraph = cable.paragraphs.find((p) => !p.ambiguous);
    const textFrom = firstParagraph ? firstParagraph.range.start.offset : Infinity;
    for (const s of cable.subParagraphs) {
      if (s.letterSpan.range.start.offset < textFrom) continue;
      const key = `${s.parentKind}:${s.parentIndex}`;
      let group = runs.get(key);
      if (!group) runs.set(key, (group = { upper: {}, lower: {} }));
      const upper = s.letter >= 'A' && s.letter <= 'Z';
      const run = upper ? group.upper : group.lower;
      const code = s.letter.toLowerCase().charCodeAt(0);
      const last = run.last;
      const lastCode = last?.letter.toLowerCase().charCodeAt(0);
      const expected = lastCode === undefined ? 'a' : String.fromCharCode(lastCode + 1);
      // `(i)`, `(v)`, `(x)` out of alphabetical place are roman numerals (`(ii)` is not lexed at all).
      if (ROMAN.has(s.letter.toLowerCase()) && s.letter.toLowerCase() !== expected) continue;
      // `(C) The Bundeswehr …`, `(U) Capable, yes.`: a portion mark opening an unnumbered
      // paragraph, not an item — unless it is the next letter of a `(A)`, `(B)` run.
      if (s.style === 'paren' && PORTION_LETTERS.has(s.letter) && s.letter.toLowerCase() !== expected) continue;
      // `Q. … A. …`: a question-and-answer transcript, not a list.
      if (s.letter === 'Q' && (lastCode === undefined || lastCode === 97)) group.dialogue = true;
      if (group.dialogue) continue;
      if (upper) group.lower = {};
      const show = (c: string) => (upper ? c.toUpperCase() : c);
      if (lastCode === undefined) {
        // `(a)`/`a)` items often start mid-line, so only a `B.` list is known to lack its A.
        if (code !== 97 && s.style === 'dot') run.pendingStart = s;
        run.last = s;
        continue;
      }
      if (run.pendingStart) {
        const first = run.pendingStart;
        run.pendingStart = undefined;
        if (code === lastCode + 1) {
          ctx.report({
            range: first.letterSpan.range,
            message: `the first lettered item under ${parentName(cable, first)} is ${first.letter}: expected ${show('a')}`,
          });
        }
      }
      // A new list under the same parent starts again at A. Items skipped over may sit mid-line
      // (`… (b) view that …, and⏎(c) sense …`): look for them between the two line starts.
      if (code === 97 || code === lastCode + 1 || (code > lastCode + 1 && skippedMidLine(cable.text, last!, s, lastCode, code))) {
        run.last = s;
        continue;
      }
      ctx.report({
        range: s.letterSpan.range,
        message:
          code === lastCode
            ? `item ${s.letter} repeats item ${last!.letter} under ${parentName(cable, s)}: expected ${show(expected)}`
            : `item ${s.letter} follows item ${last!.letter} under ${parentName(cable, s)}: expected ${show(expected)}`,
        related: [{ range: last!.letterSpan.range, message: `previous item ${last!.letter}` }],
      });
      run.last = s;
    }
  },
};
