/**
 * Semantic tokens in LSP's relative encoding (five integers per token: line delta, start delta,
 * length, type index, modifier bits). Built from the position index, so tokens are sorted and
 * disjoint by construction; spans that wrap are cut at line ends (single-line tokens only).
 */
import type { SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Cable } from '../../../grammar/src/ast';
import { lookupTag } from '../data/index';
import { isLegacyOrder } from './explain';
import { positionIndex, type Token } from './position-index';

const TYPES = ['keyword', 'string', 'number', 'enumMember', 'macro', 'comment', 'type', 'namespace', 'decorator', 'variable'] as const;
const MODIFIERS = ['declaration', 'deprecated'] as const;

type TokenType = (typeof TYPES)[number];
type Modifier = (typeof MODIFIERS)[number];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const TYPE_INDEX = new Map<TokenType, number>(TYPES.map((t, i) => [t, i]));
const MOD_BIT = new Map<Modifier, number>(MODIFIERS.map((m, i) => [m, 1 << i]));

/** What a role looks like. Undefined: not coloured (free text). */
function classify(t: Token): { type: TokenType; modifiers?: Modifier[] } | undefined {
  switch (t.role) {
    case 'transmissionId':
    case 'security':
    case 'caption':
      return { type: 'macro' };
    case 'prosign':
    case 'dtgPrecedence':
    case 'addresseePrecedence':
    case 'envelopeKeyword':
    case 'fieldKeyword':
    case 'blockMark':
      return { type: 'keyword' };
    case 'routingIndicator':
      return { type: 'namespace' };
    case 'stationSerial':
    case 'dePart':
    case 'julian':
    case 'dtgValue':
    case 'sequence':
    case 'bannerSerial':
    case 'reasonSection':
      return { type: 'number' };
    case 'eoOrder':
      return { type: 'number', ...(isLegacyOrder(t.eo.order?.text ?? '') ? { modifiers: ['deprecated'] } : {}) };
    case 'eoBody':
      return { type: 'number', ...(/^\(?(?:OADR|GDS)\)?$/i.test(t.eo.decl?.text ?? '') ? { modifiers: ['deprecated'] } : {}) };
    case 'paragraphNumber':
      return { type: 'number', modifiers: ['declaration'] };
    case 'plad':
    case 'bannerPost':
    case 'authority':
    case 'signature':
      return { type: 'string' };
    case 'bannerLevel':
    case 'portionMark':
      return { type: 'type' };
    case 'sectionMarker':
    case 'pageMarker':
      return { type: 'decorator' };
    case 'tag':
      return t.tag.codeShaped || lookupTag(t.tag.text.toUpperCase()) ? { type: 'enumMember' } : undefined;
    case 'reasonLetter':
      return { type: 'enumMember' };
    case 'refLetter':
      return { type: 'variable', modifiers: ['declaration'] };
    case 'refCitation':
    case 'paragraphReference':
      return t.keyword ? { type: 'keyword' } : { type: 'variable' };
    case 'wrapper':
      return { type: 'comment' };
    case 'subjectText':
    case 'refTarget':
      return undefined;
  }
}

/** The `data` of LSP's `SemanticTokens` (wrap as `{ data }` on the wire). */
export function semanticTokens(cable: Cable): number[] {
  try {
    return encode(cable);
  } catch {
    return [];
  }
}

function encode(cable: Cable): number[] {
  const { lines, text } = cable;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let li = 0;
  for (const t of positionIndex(cable).tokens) {
    const c = classify(t);
    if (!c) continue;
    const type = TYPE_INDEX.get(c.type)!;
    const mods = (c.modifiers ?? []).reduce((bits, m) => bits | MOD_BIT.get(m)!, 0);
    // Tokens come sorted, so the line cursor only moves forward: linear overall.
    while (li + 1 < lines.length && lines[li + 1]!.start <= t.start) li++;
    for (let l = li, start = t.start; l < lines.length && start < t.end; l++) {
      const line = lines[l]!;
      const from = Math.max(start, line.start);
      const to = Math.min(t.end, line.end);
      if (to > from && /\S/.test(text.slice(from, to))) {
        const ch = from - line.start;
        data.push(l - prevLine, l === prevLine ? ch - prevChar : ch, to - from, type, mods);
        prevLine = l;
        prevChar = ch;
      }
      start = line.end + 1;
      if (l + 1 < lines.length) start = lines[l + 1]!.start;
    }
  }
  return data;
}
