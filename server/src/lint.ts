/**
 * The linter: the rule catalogue run by the engine's runner. The engine knows rules only as the
 * `Rule` type and is given them here, so that it sits below the rules it runs.
 */
import type { Cable } from '../../grammar/src/ast';
import { parseCable } from '../../grammar/src/index';
import { type LintOptions, type LintResult, runRules } from './engine/lint';
import { allRules } from './rules/index';

export { compareDiagnostics, defaultSeverity, settingFor, type LintOptions, type LintResult, type RuleSetting } from './engine/lint';

/** Lints a parsed cable with every rule of the catalogue. Never throws. */
export function lintCable(cable: Cable, options: LintOptions = {}): LintResult {
  return runRules(allRules, cable, options);
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  return lintCable(parseCable(text), options);
}
