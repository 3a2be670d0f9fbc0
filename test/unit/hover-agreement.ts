/**
 * Hover and rules agree (issue 14: "a hover can never contradict a rule again"), checked both
 * ways on a cable, as a user meets them:
 *
 * - every hover that calls something unknown, malformed, run together or not closed stands on a
 *   diagnostic of the rule that says so (its range, or a related range, meets the hover's), and so
 *   does every block the outline calls not closed (its opener);
 * - every diagnostic of the caption, TAGS and routing-indicator rules that calls something unknown,
 *   misspelt or malformed has a hover there that says so too, not one that explains it as valid.
 *
 * The rules run as on a transmitted cable with every rule on (the corpus snapshot's `all` lines):
 * a hover does not know which profile a reader lints under.
 */
import type { Cable } from '../../grammar/src/ast';
import type { Diagnostic } from '../../server/src/engine/types';
import { lintCable } from '../../server/src/lint';
import { allRules } from '../../server/src/rules/index';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols, hover } from '../../server/src/service/index';

type Position = { line: number; character: number };
type Range = { start: Position; end: Position };

/** What a hover says is wrong, and the rules one of which must say it on the hover's range. */
const FAULTS: readonly { says: RegExp; rules: readonly string[] }[] = [
  { says: /not a known caption/, rules: ['CBL023'] },
  { says: /^\*\*[^*]+\*\* (?:opens|continues) \(not closed\b/, rules: ['CBL100', 'CBL102', 'CBL103', 'CBL104'] },
  { says: /malformed routing indicator/, rules: ['CBL003', 'CBL004', 'CBL011'] },
  { says: /unknown TAGS code|not a known code/, rules: ['CBL061'] },
  { says: /codes run together/, rules: ['CBL064'] },
];

/** What a diagnostic says is wrong, and what the hover at its start must say of it. */
const VERDICTS: readonly { rules: readonly string[]; message: RegExp; hover: RegExp }[] = [
  { rules: ['CBL023'], message: /^unknown caption/, hover: /not a known caption/ },
  { rules: ['CBL061'], message: /./, hover: /unknown TAGS code|not a known code/ },
  { rules: ['CBL064'], message: /runs known codes together/, hover: /codes run together/ },
  { rules: ['CBL003', 'CBL011'], message: /^routing indicator '[^']*' /, hover: /malformed routing indicator/ },
  { rules: ['CBL004'], message: /^DE routing indicator/, hover: /malformed routing indicator/ },
];

const NOW = new Date('2026-01-01T00:00:00Z');
/** The rules off by default, turned on at the severity they would have. */
const EVERY = Object.fromEntries(allRules.filter((r) => r.enabledByDefault === false).map((r) => [r.id, r.defaultSeverity]));

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
/** The two ranges share a character (an empty range meets what it touches). */
const meet = (a: Range, b: Range) => !before(a.end, b.start) && !before(b.end, a.start);
const at = (r: Range) => `${r.start.line + 1}:${r.start.character + 1}`;
const firstLine = (s: string) => s.split('\n')[0]!;

function hoverText(cable: Cable, p: Position): { text: string; range: Range } | undefined {
  const h = hover(cable, p, NOW);
  if (!h?.range) return undefined;
  return { text: (h.contents as { value: string }).value, range: h.range };
}

/** Each disagreement as a line: where, what the hover says, what the rules say. None when they agree. */
export function disagreements(cable: Cable, referenceId?: string): string[] {
  const diagnostics: Diagnostic[] = lintCable(cable, { now: NOW, profile: 'transmitted', rules: EVERY, ...(referenceId ? { referenceId } : {}) }).diagnostics;
  const out: string[] = [];
  // Every hover a user can reach: at the start of each word, as the corpus snapshot asks.
  const seen = new Set<string>();
  cable.lines.forEach((l, line) => {
    for (const w of cable.text.slice(l.start, l.end).matchAll(/\S+/g)) {
      const h = hoverText(cable, { line, character: w.index! });
      if (!h) continue;
      const key = `${at(h.range)}-${h.range.end.line}:${h.range.end.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const f of FAULTS) {
        if (!f.says.test(h.text)) continue;
        // On the hover's range, or naming it (CBL102 points at the block opened again).
        const on = (d: Diagnostic) => meet(d.range, h.range) || (d.related ?? []).some((r) => meet(r.range, h.range));
        if (!diagnostics.some((d) => f.rules.includes(d.ruleId) && on(d))) {
          out.push(`${at(h.range)} hover "${firstLine(h.text)}" but no ${f.rules.join('/')} there`);
        }
      }
    }
  });
  // The outline's blocks: a detail that calls one not closed, on its opener.
  const blockRules = FAULTS[1]!.rules;
  const walk = (symbols: readonly DocumentSymbol[]) => {
    for (const s of symbols) {
      if (s.detail?.startsWith('not closed')) {
        const on = (d: Diagnostic) => meet(d.range, s.selectionRange) || (d.related ?? []).some((r) => meet(r.range, s.selectionRange));
        if (!diagnostics.some((d) => blockRules.includes(d.ruleId) && on(d))) {
          out.push(`${at(s.selectionRange)} outline "${s.name}: ${s.detail}" but no ${blockRules.join('/')} there`);
        }
      }
      walk(s.children ?? []);
    }
  };
  walk(documentSymbols(cable));
  for (const d of diagnostics) {
    const v = VERDICTS.find((x) => x.rules.includes(d.ruleId) && x.message.test(d.message));
    if (!v) continue;
    const h = hoverText(cable, d.range.start);
    if (!h || !v.hover.test(h.text)) out.push(`${at(d.range)} ${d.ruleId} "${d.message}" but the hover says ${h ? `"${firstLine(h.text)}"` : 'nothing'}`);
  }
  return out;
}
