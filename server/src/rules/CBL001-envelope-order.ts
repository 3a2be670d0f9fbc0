import type { EnvelopeLine, EnvelopeLineKind } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

// Position of each format line in the ACP-127 sequence (spec 1, CBL001). Continuation
// lines (addressees after FM, routing indicators after the precedence line) have no rank
// of their own: they belong to the block above them.
const RANK: Partial<Record<EnvelopeLineKind, number>> = {
  transmissionId: 0,
  precedence: 1,
  de: 2,
  security: 3,
  dtg: 4,
  fm: 5,
  to: 6,
  info: 7,
  xmt: 7,
};

const LABEL: Record<EnvelopeLineKind, string> = {
  transmissionId: 'VZCZC line',
  precedence: 'precedence line',
  routingContinuation: 'routing continuation line',
  de: 'DE line',
  security: 'security line',
  dtg: 'DTG',
  fm: 'FM line',
  to: 'TO line',
  info: 'INFO line',
  xmt: 'XMT line',
  addressee: 'addressee line',
};

const ORDER = 'VZCZC → precedence → DE → ZNR/ZNY → DTG → FM → TO → INFO/XMT → banner';

/**
 * Indices (into `ranks`) of a longest non-decreasing subsequence. Lines outside it are the
 * fewest that must move; on ties the earlier line is kept, so the later one is reported.
 */
function keptIndices(ranks: number[]): Set<number> {
  const n = ranks.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (ranks[j]! <= ranks[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (len[i]! > len[best]!) best = i;
  const kept = new Set<number>();
  for (let i = n ? best : -1; i >= 0; i = prev[i]!) kept.add(i);
  return kept;
}

export const CBL001: Rule = {
  id: 'CBL001',
  name: 'envelope-order',
  defaultSeverity: 'error',
  severityByProfile: { draft: 'off' },
  fixable: false,
  description: `Envelope lines appear in ACP-127 order: ${ORDER}.`,
  check(ctx) {
    const env = ctx.cable.envelope;
    if (!env || env.lines.length === 0) return;

    const ranked: { line: EnvelopeLine; rank: number }[] = [];
    let prev: EnvelopeLine | undefined;
    let seenFm = false;
    for (const line of env.lines) {
      const kind = line.lineKind;
      if (kind === 'fm') seenFm = true;
      if (kind === 'routingContinuation') {
        // After FM a bare indicator line is an addressee; before it, it must continue FL2.
        const continues = seenFm || prev?.lineKind === 'precedence' || prev?.lineKind === 'routingContinuation';
        if (!continues) {
          ctx.report({
            range: line.range,
            message: prev
              ? `routing continuation line follows the ${LABEL[prev.lineKind]}: expected it directly after the precedence line`
              : 'routing continuation line opens the envelope: expected it directly after the precedence line',
          });
        }
      } else {
        const rank = RANK[kind];
        if (rank !== undefined) ranked.push({ line, rank });
      }
      prev = line;
    }

    const kept = keptIndices(ranked.map((r) => r.rank));
    ranked.forEach((r, i) => {
      if (kept.has(i)) return;
      const label = LABEL[r.line.lineKind];
      // Name a neighbour the line is on the wrong side of: a kept line above it with a higher
      // rank, else a kept line below it with a lower rank.
      let above: (typeof ranked)[number] | undefined;
      for (let j = i - 1; j >= 0; j--) {
        if (kept.has(j) && ranked[j]!.rank > r.rank) {
          above = ranked[j];
          break;
        }
      }
      let message: string;
      if (above) {
        message = `${label} follows the ${LABEL[above.line.lineKind]}: expected it before the ${LABEL[above.line.lineKind]} (${ORDER})`;
      } else {
        let below: (typeof ranked)[number] | undefined;
        for (let j = i + 1; j < ranked.length; j++) {
          if (kept.has(j) && ranked[j]!.rank < r.rank) {
            below = ranked[j];
            break;
          }
        }
        const other = below ? LABEL[below.line.lineKind] : 'the lines around it';
        message = `${label} precedes the ${other}: expected it after the ${other} (${ORDER})`;
      }
      ctx.report({ range: r.line.range, message });
    });

    const banner = ctx.cable.banner;
    if (banner && banner.range.start.offset < env.range.start.offset) {
      ctx.report({
        range: banner.range,
        message: `banner precedes the envelope: expected the envelope first (${ORDER})`,
      });
    }
  },
};
