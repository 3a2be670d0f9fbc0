import type { Cable, Node, Range } from '../../../grammar/src/ast';
import { lineIndexAt, rangeAt } from '../../../grammar/src/positions';
import type { Rule } from '../engine/types';

/** The first line of a node: a missing field is reported where the reader looks for it. */
function firstLine(cable: Cable, node: Node): Range {
  const start = node.range.start.offset;
  const line = cable.lines[lineIndexAt(cable.lines, start)]!;
  return rangeAt(cable.lines, start, Math.min(node.range.end.offset, line.end));
}

/**
 * Where to report a header field that is absent: the field it should follow if present,
 * else the first header field, the banner, or the first non-blank line of the text.
 */
export function missingFieldRange(cable: Cable, after: (Node | undefined)[]): Range {
  for (const n of after) if (n) return firstLine(cable, n);
  const first = cable.headerOrder[0] ?? cable.banner;
  if (first) return firstLine(cable, first);
  const idx = cable.lines.findIndex((l) => cable.text.slice(l.start, l.end).trim() !== '');
  const l = cable.lines[Math.max(0, idx)]!;
  return rangeAt(cable.lines, l.start, l.end);
}

export const CBL060: Rule = {
  id: 'CBL060',
  name: 'tags-required',
  defaultSeverity: 'error',
  severityByProfile: { published: 'info' },
  fixable: false,
  description: 'A TAGS line with at least one tag exists (own line or mid-line in reflowed text).',
  check(ctx) {
    const { cable } = ctx;
    if (cable.tags.some((t) => t.tags.length > 0)) return;
    const empty = cable.tags[0];
    if (empty) {
      ctx.report({ range: empty.keyword.range, message: 'TAGS line has no tags: expected at least one subject and one geographic tag' });
      return;
    }
    ctx.report({
      range: missingFieldRange(cable, [cable.eo]),
      message: 'no TAGS line: expected `TAGS:` with at least one tag after the E.O. line',
    });
  },
};
