import type { Fix, Rule } from '../engine/types';

// Spelled-out or clipped levels that map to exactly one mark.
const LEVEL_WORDS: Record<string, string> = {
  CONF: 'C',
  CONFIDENTIAL: 'C',
  SECRET: 'S',
  SEC: 'S',
  UNCLAS: 'U',
  UNCLASSIFIED: 'U',
  'TOP SECRET': 'TS',
};

/** The well-formed mark a malformed one evidently meant, when there is exactly one reading. */
function repair(text: string): string | undefined {
  const bare = /^(TS|S|C|U|SBU)\)$/i.exec(text);
  if (bare) return `(${bare[1]!.toUpperCase()})`;
  const raw = /^\(\s*([^()]*?)\s*\)$/.exec(text)?.[1]?.toUpperCase();
  if (raw === undefined) return undefined;
  // `(C )`, `(C/ REL ISAF)`, `(S / NF)`: stray blanks around the level and the slashes.
  const inner = raw.replace(/\s*(\/+)\s*/g, '$1').replace(/\s+/g, ' ');
  if (/^(?:TS|S|C|SBU|U)(?:\/{1,2}(?:NF|NOFORN|REL(?: TO)? [A-Z][A-Z ,]*))?$/.test(inner)) return `(${inner})`;
  const word = LEVEL_WORDS[inner];
  if (word) return `(${word})`;
  // `(C/NFF)`, `(S / NF)`: the control is recognisable once spaces and doubled letters go.
  const m = /^(TS|S|C|SBU|U)(?:\s*\/{1,2}\s*|\s+)(NF+|NOFORN)$/.exec(inner);
  if (m) return `(${m[1]}/NF)`;
  return undefined;
}

export const CBL092: Rule = {
  id: 'CBL092',
  name: 'portion-mark-valid',
  defaultSeverity: 'warning',
  fixable: true,
  description: 'The parenthesis after a paragraph number that holds a classification token is a well-formed portion mark.',
  check(ctx) {
    for (const p of ctx.cable.paragraphs) {
      const m = p.portionMark;
      if (p.ambiguous || !m || m.wellFormed) continue;
      const fixed = repair(m.text);
      const fixes: Fix[] = fixed
        ? [{ title: `Replace \`${m.text}\` with \`${fixed}\``, edits: [{ range: m.range, newText: fixed }], safe: false }]
        : [];
      ctx.report({
        range: m.range,
        message: `malformed portion mark \`${m.text}\` in paragraph ${p.number}: expected ${fixed ? `\`${fixed}\`` : 'a mark such as `(C)`, `(S//NF)` or `(C/REL NATO)`'}`,
        fixes,
      });
    }
  },
};
