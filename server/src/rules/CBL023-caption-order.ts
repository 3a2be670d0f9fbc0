import { distance } from 'fastest-levenshtein';
import type { Caption, Range } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import type { Rule } from '../engine/types';

/** Distribution captions, most restrictive first (5 FAH-2 H-252.1-1). STADIS may go anywhere. */
const DISTRIBUTION: Record<string, number> = { NODIS: 0, EXDIS: 1, LIMDIS: 2 };
const KNOWN = [
  'SIPDIS', 'SENSITIVE', 'NOFORN', 'NODIS', 'EXDIS', 'LIMDIS', 'STADIS', 'CHEROKEE', 'CONDIS', 'SPECAT',
];
/** The long form says the same as the short one. */
const SAME: Record<string, string> = { 'SENSITIVE BUT UNCLASSIFIED': 'SENSITIVE' };
const REDACTED = /^X{4,}$/i;
/** A level word on its own is a publisher's metadata or a broken banner, not a caption. */
const LEVEL_WORD = /^(?:UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET)$/i;

export const CBL023: Rule = {
  id: 'CBL023',
  name: 'caption-order',
  defaultSeverity: 'warning',
  fixable: false,
  description:
    'Captions sit on their own lines between the banner and the E.O. line, are known captions, and the most restrictive distribution caption (NODIS, EXDIS, LIMDIS) comes first.',
  check(ctx) {
    const { cable } = ctx;
    const { lines, text } = cable;
    const banner = cable.banner;
    const captions = [...cable.captions].sort((a, b) => a.range.start.offset - b.range.start.offset);
    const eoAt = (cable.eo ?? cable.headerOrder[0])?.range.start.offset ?? Number.POSITIVE_INFINITY;
    const bannerEnd = banner?.range.end.offset ?? Number.POSITIVE_INFINITY;
    const inBlock = (c: Caption) => c.range.start.offset >= bannerEnd && c.range.start.offset < eoAt;
    const nameRange = (c: Caption, name: string): Range => {
      const i = c.text.toUpperCase().indexOf(name);
      if (i < 0) return c.range;
      const start = c.range.start.offset + i;
      return rangeAt(lines, start, start + name.length);
    };
    const lineText = (i: number) => (i >= 0 && i < lines.length ? text.slice(lines[i]!.start, lines[i]!.end) : '');

    for (const c of captions) {
      if (c.known || !inBlock(c)) continue;
      const word = c.text.trim();
      if (REDACTED.test(word) || LEVEL_WORD.test(word)) continue;
      // A word directly under a pass line (`EB FOR WCRAFT⏎BLAMPRON`) continues that line.
      const above = c.range.start.line - 1;
      if (above > banner!.range.end.line && lineText(above).trim()) continue;
      const near = KNOWN.map((k) => ({ k, d: distance(word.toUpperCase(), k) })).sort((a, b) => a.d - b.d)[0]!;
      const hint = near.d <= 2 ? `did you mean ${near.k}?` : `expected one of ${KNOWN.join(', ')}`;
      ctx.report({ range: c.range, severity: 'info', message: `unknown caption '${word}': ${hint}` });
    }

    // Captions stated only below the header are misplaced; a repetition there (and stray
    // SIPDIS anywhere) is harmless (spec 4.4).
    const above = new Set<string>(banner?.gluedCaptions ?? []);
    for (const c of captions) if (c.known && c.range.start.offset < eoAt) for (const n of c.names) above.add(SAME[n] ?? n);
    for (const c of captions) {
      if (!c.known || c.range.start.offset <= eoAt || !banner) continue;
      const name = c.names.find((n) => n !== 'SIPDIS' && !above.has(SAME[n] ?? n));
      if (!name) continue;
      ctx.report({
        range: nameRange(c, name),
        message: `caption ${name} follows the ${cable.eo ? 'E.O. line' : 'header fields'}: captions belong between the banner and the E.O. line`,
      });
    }

    // Each distribution caption in order, its range worked out only for one to report.
    let widest: { name: string; rank: number } | undefined;
    const rest = banner?.rest;
    /** A caption's name, in `caption` or else glued after the banner serial. */
    const inOrder = (name: string, caption?: Caption) => {
      const rank = DISTRIBUTION[name];
      if (rank === undefined) return;
      if (widest && rank < widest.rank) {
        ctx.report({
          range: caption ? nameRange(caption, name) : rest!.range,
          message: `${name} follows ${widest.name}: the most restrictive distribution caption comes first (NODIS, EXDIS, LIMDIS)`,
        });
      } else if (!widest || rank > widest.rank) widest = { name, rank };
    };
    if (rest) for (const n of banner.gluedCaptions) inOrder(n);
    for (const c of captions) for (const n of c.names) inOrder(n, c);
  },
};
