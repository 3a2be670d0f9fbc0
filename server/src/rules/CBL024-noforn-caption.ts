import type { Cable } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import { captionSet } from '../engine/facts';
import type { Fix, Rule } from '../engine/types';

/**
 * Inserts a caption line after the last caption of the classification block (or after the
 * banner), keeping the block's spacing: a blank line between captions if it has one.
 * Used by CBL024 and CBL025.
 */
export function insertCaptionFix(cable: Cable, caption: string): Fix | undefined {
  const banner = cable.banner;
  if (!banner || cable.reflowed) return undefined;
  const limit = (cable.eo ?? cable.headerOrder[0])?.range.start.offset ?? Number.POSITIVE_INFINITY;
  let anchorLine = banner.range.end.line;
  for (const c of cable.captions) {
    if (c.range.start.offset > banner.range.start.offset && c.range.start.offset < limit) {
      anchorLine = Math.max(anchorLine, c.range.end.line);
    }
  }
  const { lines, text } = cable;
  const anchor = lines[anchorLine]!;
  const eol = text.startsWith('\r\n', anchor.end) ? '\r\n' : text[anchor.end] === '\r' ? '\r' : '\n';
  const next = lines[anchorLine + 1];
  const blankNext = next !== undefined && !text.slice(next.start, next.end).trim();
  return {
    title: `Add a ${caption} caption line`,
    edits: [{ range: rangeAt(lines, anchor.end, anchor.end), newText: `${eol}${blankNext ? eol : ''}${caption}` }],
    safe: false,
  };
}

/**
 * Whether `word` is stated in the header region (banner to text start) outside a caption
 * line: cables also write the handling statement in prose (`SENSITIVE BUT UNCLASSIFIED -
 * PLEASE PROTECT ACCORDINGLY.` after the REF list). Bounded by the header, so linear.
 */
export function statedInHeader(cable: Cable, word: RegExp): boolean {
  const from = cable.banner?.range.start.offset ?? 0;
  const to = Math.max(from, cable.paragraphs[0]?.range.start.offset ?? cable.textStart);
  return word.test(cable.text.slice(from, Math.min(to, from + 20_000)));
}

export const CBL024: Rule = {
  id: 'CBL024',
  name: 'noforn-caption',
  defaultSeverity: 'info',
  fixable: true,
  description: 'A /NF or //NF portion mark requires a NOFORN caption (or NOFORN on the banner line).',
  check(ctx) {
    const { cable } = ctx;
    // Without a banner the classification block was not read: its captions are unknown.
    if (!cable.banner) return;
    const marked = cable.paragraphs.filter((p) => p.portionMark?.noforn);
    if (!marked.length || captionSet(cable).has('NOFORN') || statedInHeader(cable, /\bNOFORN\b/i)) return;
    const first = marked[0]!.portionMark!;
    const more = marked.length > 1 ? ` (and ${marked.length - 1} more NOFORN portion${marked.length > 2 ? 's' : ''})` : '';
    const fix = insertCaptionFix(cable, 'NOFORN');
    ctx.report({
      range: first.range,
      message: `portion mark ${first.text} in paragraph ${marked[0]!.number} requires a NOFORN caption; the cable has none${more}`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};
