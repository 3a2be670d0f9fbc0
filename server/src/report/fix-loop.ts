/**
 * The `--fix` loop: apply the rules' safe fixes, re-lint, again, until nothing is left to fix.
 * Given a function that lints a text under fixed settings, so that it knows nothing of files or
 * configs; the safety rule it applies is the service's, the one the editor's fixes obey.
 */
import type { LintResult } from '../lint';
import type { Diagnostic, TextEdit } from '../engine/types';
import { fixAll } from '../service/code-actions';
import { applyEdits } from '../service/edits';
import { withholdWordChangingFixes } from '../service/fix-safety';

/** One fix `--fix` applied, located in the text it was applied to (1-based, like diagnostics). */
export interface AppliedFix {
  ruleId: string;
  title: string;
  line: number;
  /** The fixing pass it was applied in (1 = on the original text). */
  pass: number;
}

export interface FixOutcome {
  /** The text after fixing (the original text when nothing changed or fixing was refused). */
  output: string;
  changed: boolean;
  applied: AppliedFix[];
  /** Fixing passes run; each re-lints the text the previous one produced. */
  passes: number;
  /** Why the text was left alone: its parse had CBL000 errors (fixed anyway with `unsafe`). */
  refused?: 'parse-errors';
  /** Safe fixes left out because they would change words their title does not announce. */
  withheld: AppliedFix[];
  /** False when the last pass still found fixes to apply (the pass limit was reached). */
  stable: boolean;
}

export interface FixOptions {
  /** Also fix texts whose parse had CBL000 errors. */
  unsafe?: boolean;
  /** Passes at most (default 10): a fix can uncover the next (a renumbering after a split). */
  maxPasses?: number;
}

/**
 * Applies the rules' safe fixes (the editor's fix-all, {@link fixAll}) to `original`, linted by
 * `run`, and re-lints, repeatedly, until no fix is left or `maxPasses` is reached. The text is left alone when its parse had
 * CBL000 errors (unless `unsafe`) and whenever a pass would lose or reorder the letters of the
 * text outside the fixes that announce a change of words.
 */
export function fixText(original: string, run: (text: string) => LintResult, options: FixOptions = {}): { result: LintResult; fix: FixOutcome } {
  const maxPasses = Math.max(1, options.maxPasses ?? 10);
  let text = original;
  let result = run(text);
  const outcome: FixOutcome = { output: text, changed: false, applied: [], withheld: [], passes: 0, stable: true };
  if (!options.unsafe && countParseErrors(result) > 0) {
    outcome.refused = 'parse-errors';
    return { result, fix: outcome };
  }
  const parseErrorsBefore = countParseErrors(result);
  for (let pass = 1; pass <= maxPasses; pass++) {
    // The safety rule the editor's quick fixes and fix-all apply too.
    const { diagnostics, withheld } = withholdWordChangingFixes(result.diagnostics, text);
    for (const w of withheld) outcome.withheld.push({ ruleId: w.diagnostic.ruleId, title: w.fix.title, line: w.diagnostic.range.start.line + 1, pass });
    const edits = fixAll(result.cable, diagnostics);
    const next = edits.length > 0 ? applyEdits(text, edits) : text;
    if (next === text) {
      outcome.stable = true;
      break;
    }
    const taken = takenFixes(diagnostics, edits, pass);
    const nextResult = run(next);
    // A fix must not break the parse: keep the text from before such a pass.
    if (countParseErrors(nextResult) > parseErrorsBefore) break;
    text = next;
    result = nextResult;
    outcome.passes = pass;
    outcome.applied.push(...taken);
    outcome.stable = pass < maxPasses;
    if (pass === maxPasses) outcome.stable = fixAll(result.cable, result.diagnostics).length === 0;
  }
  outcome.output = text;
  outcome.changed = text !== original;
  return { result, fix: outcome };
}

/** CBL000 as the parse reported it: a setting may silence the rule, not the parse errors. */
function countParseErrors(result: LintResult): number {
  return result.cable.errors.length;
}

/** Which diagnostics' fixes made it into a fix-all edit list (every edit of the fix present). */
function takenFixes(diagnostics: readonly Diagnostic[], edits: readonly TextEdit[], pass: number): AppliedFix[] {
  const key = (e: TextEdit) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}=${e.newText}`;
  const keys = new Set(edits.map(key));
  const out: AppliedFix[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.safe && f.edits.length > 0 && f.edits.every((e) => keys.has(key(e))));
    if (fix) out.push({ ruleId: d.ruleId, title: fix.title, line: d.range.start.line + 1, pass });
  }
  return out;
}

