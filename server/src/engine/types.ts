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
  /**
   * The finding is the publisher's doing, not the cable's (a form the rule's page attributes to
   * publication, on a text linted as `published`): at most info unless the user set the rule's
   * severity, and hidden by `--hide-publication` or `cableLint.publicationFindings: "hide"`.
   */
  publication?: boolean;
}

export interface Report {
  range: Range;
  message: string;
  /** Defaults to the rule's severity for the profile. */
  severity?: Severity;
  related?: RelatedLocation[];
  fixes?: Fix[];
  unnecessary?: boolean;
  /**
   * The rule's page attributes this finding to publication (the media copies' `EO 12958 DECL:`
   * header, a banner garbled at the envelope seam …). Counts only when the text is linted as
   * `published`: there the finding is at most info and says so; in a draft it is the drafter's.
   */
  publication?: boolean;
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
