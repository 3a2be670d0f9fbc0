import type { Caption, Range } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';
import { KNOWN_CAPTIONS } from '../model/classification';

/** Distribution captions, most restrictive first (5 FAH-2 H-252.1-1). STADIS may go anywhere. */
const DISTRIBUTION: Record<string, number> = { NODIS: 0, EXDIS: 1, LIMDIS: 2 };
/** The known captions a message names (CORRECTED COPY is written letter-spaced, with its reason). */
const EXPECTED = KNOWN_CAPTIONS.map((c) => c.name).filter((n) => n !== 'CORRECTED COPY').join(', ');
/** The long form says the same as the short one. */
const SAME: Record<string, string> = { 'SENSITIVE BUT UNCLASSIFIED': 'SENSITIVE' };

export const CBL023: Rule = {
  id: 'CBL023',
  name: 'caption-order',
  defaultSeverity: 'warning',
  fixable: false,
  description:
    'Captions sit on their own lines between the banner and the E.O. line, are known captions, and the most restrictive distribution caption (NODIS, EXDIS, LIMDIS) comes first.',
  check(ctx) {
    const { cable } = ctx;
    const banner = cable.banner;
    const captions = [...cable.captions].sort((a, b) => a.range.start.offset - b.range.start.offset);
    const eoAt = (cable.eo ?? cable.headerOrder[0])?.range.start.offset ?? Number.POSITIVE_INFINITY;
    const nameRange = (c: Caption, name: string): Range => c.nameSpans[c.names.indexOf(name)]?.range ?? c.range;

    // What an unknown caption line is (a redaction, a level word, a word outside the block) is the
    // model's to say, so that the hover says the same; a word under a pass line the grammar
    // already reads as that line wrapped.
    for (const u of ctx.model.classification.unknownCaptions) {
      if (u.reading.kind !== 'unknown') continue;
      const hint = u.reading.nearest ? `did you mean ${u.reading.nearest}?` : `expected one of ${EXPECTED}`;
      ctx.report({ range: u.caption.range, severity: 'info', message: `unknown caption '${u.word}': ${hint}` });
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
