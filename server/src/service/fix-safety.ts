/**
 * The safety rule every fix passes before it is offered or applied, the same in the editor's
 * quick fixes, its fix-all and `--fix`: a fix keeps the user's words unless its title announces
 * them. A fix that fails is a defect in its rule; it is withheld everywhere, never applied.
 */
import type { Diagnostic, Fix } from '../engine/types';

/** Letter runs, upper-cased: the words a fix may not drop, add or reorder unannounced. */
function words(text: string): string[] {
  return text.toUpperCase().match(/\p{L}+/gu) ?? [];
}

/**
 * Whether a fix keeps the user's words in `text` (the text its ranges' offsets point into): every
 * edit either keeps the letters it replaces, in order (renumbering, punctuation, case, splitting
 * `PHUMPGOV`), or every word it removes or writes is named in the title ("Remove repeated AF",
 * "Replace PRELL with PREL").
 */
export function fixKeepsWords(fix: Fix, text: string): boolean {
  const titleWords = new Set(words(fix.title));
  return fix.edits.every((e) => {
    const old = text.slice(e.range.start.offset, e.range.end.offset);
    const before = words(old);
    const after = words(e.newText);
    if (before.join('') === after.join('')) return true;
    return [...before, ...after].every((w) => titleWords.has(w));
  });
}

/**
 * Whether a fix may be offered or applied at all. A safe fix (one fix-all and `--fix` apply
 * unseen) must keep the words; a guess (not safe) is offered for the user to judge and applied by
 * nothing automatic, so its words are the user's call.
 */
export function fixAllowed(fix: Fix, text: string): boolean {
  return !fix.safe || fixKeepsWords(fix, text);
}

/** A fix the safety rule took out, with the diagnostic it belonged to. */
export interface WithheldFix {
  diagnostic: Diagnostic;
  fix: Fix;
}

/**
 * The diagnostics with every safe fix that would change words its title does not name taken
 * out (diagnostics whose fixes all pass are returned as they are), and what was taken out.
 */
export function withholdWordChangingFixes(diagnostics: readonly Diagnostic[], text: string): { diagnostics: Diagnostic[]; withheld: WithheldFix[] } {
  const withheld: WithheldFix[] = [];
  const kept = diagnostics.map((d) => {
    if (!d.fixes?.length) return d;
    const fixes = d.fixes.filter((fix) => {
      if (fixAllowed(fix, text)) return true;
      withheld.push({ diagnostic: d, fix });
      return false;
    });
    if (fixes.length === d.fixes.length) return d;
    const out: Diagnostic = { ...d };
    if (fixes.length > 0) out.fixes = fixes;
    else delete out.fixes;
    return out;
  });
  return { diagnostics: kept, withheld };
}
