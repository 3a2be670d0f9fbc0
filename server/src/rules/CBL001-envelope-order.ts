import type { EnvelopeLine, EnvelopeLineKind } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';
import { keptInOrder } from '../model/order';

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

/** Ranks are 0 … RANKS - 1. */
const RANKS = Math.max(...Object.values(RANK)) + 1;

/**
 * For each line outside `kept`: the nearest kept line above it with a higher rank, and the
 * nearest kept line below it with a lower rank (-1: none), the neighbours its message names.
 * The last kept line of each rank is carried down and up, so a long run of misplaced lines
 * costs RANKS per line, not a walk back to the top.
 */
export function misplacedLines(ranks: readonly number[], kept: Uint8Array): { line: number; above: number; below: number }[] {
  const n = ranks.length;
  const below = new Int32Array(n).fill(-1);
  const nearest = new Int32Array(RANKS).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    if (kept[i]) {
      nearest[ranks[i]!] = i;
      continue;
    }
    let at = -1;
    for (let r = 0; r < ranks[i]!; r++) if (nearest[r]! >= 0 && (at < 0 || nearest[r]! < at)) at = nearest[r]!;
    below[i] = at;
  }
  nearest.fill(-1);
  const out: { line: number; above: number; below: number }[] = [];
  for (let i = 0; i < n; i++) {
    if (kept[i]) {
      nearest[ranks[i]!] = i;
      continue;
    }
    let above = -1;
    for (let r = ranks[i]! + 1; r < RANKS; r++) if (nearest[r]! > above) above = nearest[r]!;
    out.push({ line: i, above, below: below[i]! });
  }
  return out;
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

    const ranks = ranked.map((r) => r.rank);
    for (const { line, above, below } of misplacedLines(ranks, keptInOrder(ranks, RANKS))) {
      const label = LABEL[ranked[line]!.line.lineKind];
      // Name a neighbour the line is on the wrong side of: a kept line above it with a higher
      // rank, else a kept line below it with a lower rank.
      let message: string;
      if (above >= 0) {
        const other = LABEL[ranked[above]!.line.lineKind];
        message = `${label} follows the ${other}: expected it before the ${other} (${ORDER})`;
      } else {
        const other = below >= 0 ? LABEL[ranked[below]!.line.lineKind] : 'the lines around it';
        message = `${label} precedes the ${other}: expected it after the ${other} (${ORDER})`;
      }
      ctx.report({ range: ranked[line]!.line.range, message });
    }

    const banner = ctx.cable.banner;
    if (banner && banner.range.start.offset < env.range.start.offset) {
      ctx.report({
        range: banner.range,
        message: `banner precedes the envelope: expected the envelope first (${ORDER})`,
      });
    }
  },
};
