import type { Cable, Profile, Range } from '../../../grammar/src/ast';
import type { CableModel } from '../model/index';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * Safe to apply without looking (enters fix-all and `--fix`). A nearest-tag guess is
   * only safe when it is the single candidate.
   */
  safe: boolean;
}

export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface Diagnostic {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Rendered faded in editors (LSP DiagnosticTag.Unnecessary). */
  unnecessary?: boolean;
}

export interface Report {
  range: Range;
  message: string;
  /** Defaults to the rule's severity for the profile. */
  severity?: Severity;
  related?: RelatedLocation[];
  fixes?: Fix[];
  unnecessary?: boolean;
}

export interface RuleContext {
  cable: Cable;
  /** What the cable means (server/src/model), computed once and shared by every rule and feature. */
  model: CableModel;
  profile: Profile;
  /** Options of this rule from settings (e.g. `{ max: 72 }` for line-length). */
  options: Record<string, unknown>;
  /** Injectable clock: "today" for drafts without a DTG. Never read the wall clock in a rule. */
  now: Date;
  /** A reference id supplied from outside the text (file name, CLI flag), for CBL124. */
  referenceId?: string;
  /** The rule's default severity under the current profile. */
  severity: Severity;
  report(report: Report): void;
}

export interface RuleMeta {
  id: string;
  name: string;
  /** Severity in profiles `transmitted` and `draft` unless `severityByProfile` says otherwise. */
  defaultSeverity: Severity;
  /** Per-profile default; `off` silences the rule in that profile. */
  severityByProfile?: Partial<Record<Profile, SeveritySetting>>;
  /** Rules that are off unless a setting turns them on (CBL022, CBL103, CBL121). */
  enabledByDefault?: boolean;
  fixable: boolean;
  description: string;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}
