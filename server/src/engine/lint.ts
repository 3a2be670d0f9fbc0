import type { Cable, Profile } from '../../../grammar/src/ast';
import { modelOf } from '../model/index';
import { printableDiagnostic } from './message';
import { detectProfile } from './profile';
import type { Diagnostic, Rule, RuleContext, Severity, SeveritySetting } from './types';

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface LintOptions {
  /** Forces a profile instead of detecting it (spec 4.1). */
  profile?: Profile;
  /** Per rule id or name: a severity, or `[severity, options]` as in `.cablelintrc.json`. */
  rules?: Record<string, SeveritySetting | RuleSetting | [SeveritySetting, Record<string, unknown>?]>;
  /** "Today" for drafts without a DTG; tests fix it. */
  now?: Date;
  /** Reference id supplied from outside the text (file name), for CBL124. */
  referenceId?: string;
  /**
   * What to do with the findings attributed to publication (`Diagnostic.publication`): report them
   * (`show`, the default), report them faded (`fade`: `unnecessary`, as the editor shows them) or
   * leave them out (`hide`: `--hide-publication`).
   */
  publication?: PublicationFindings;
}

export type PublicationFindings = 'show' | 'fade' | 'hide';

export interface LintResult {
  cable: Cable;
  profile: Profile;
  diagnostics: Diagnostic[];
}

function normaliseSetting(value: unknown): RuleSetting {
  if (typeof value === 'string') return { severity: value as SeveritySetting };
  if (Array.isArray(value)) return { severity: value[0] as SeveritySetting, options: (value[1] ?? {}) as Record<string, unknown> };
  if (value && typeof value === 'object') return value as RuleSetting;
  return {};
}

const NO_SETTING: RuleSetting = Object.freeze({});
const NO_OPTIONS: Record<string, unknown> = Object.freeze({});

/** `cbl061` for `CBL061`: settings may name a rule by its id in lower case. */
const lowerIds = new Map<string, string>();

export function settingFor(rule: Rule, rules: LintOptions['rules']): RuleSetting {
  if (!rules) return NO_SETTING;
  let lower = lowerIds.get(rule.id);
  if (lower === undefined) lowerIds.set(rule.id, (lower = rule.id.toLowerCase()));
  const byId = rules[rule.id] ?? rules[lower];
  const byName = rules[rule.name];
  // Most rules are not named in a configuration: no objects to build for them on every lint.
  if (byId === undefined && byName === undefined) return NO_SETTING;
  return { ...normaliseSetting(byName), ...normaliseSetting(byId) };
}

/** The severity a rule emits by default in a profile, or `off`. */
export function defaultSeverity(rule: Rule, profile: Profile): SeveritySetting {
  if (rule.enabledByDefault === false) return 'off';
  return rule.severityByProfile?.[profile] ?? rule.defaultSeverity;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.offset - b.range.start.offset ||
    a.range.end.offset - b.range.end.offset ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    // Ids are `CBLnnn`: code-unit order is their order (localeCompare cost more than the sort).
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/**
 * Runs `rules` over a parsed cable: the engine's runner, given the rules by the linter above it
 * (server/src/lint.ts). Pure: no I/O, never throws (a rule that throws, or a meaning of the model
 * that cannot be computed, becomes an internal diagnostic rather than taking the document down).
 */
interface Step {
  rule: Rule;
  severity: Severity;
  override: SeveritySetting | undefined;
  options: Record<string, unknown>;
}

/**
 * The last plan made under each profile: a linter lints many cables with the same rules and
 * settings, and a folder mixes profiles.
 */
const lastPlans = new Map<Profile, { rules: readonly Rule[]; settings: LintOptions['rules']; steps: Step[] }>();

/**
 * The same settings: the same object, or the same rules named with the same values. The Node API,
 * the CLI and the server compose each text's settings afresh (config/lint-settings.ts), so the
 * objects differ while the values, read from the same configuration, are the same.
 */
function sameSettings(a: LintOptions['rules'], b: LintOptions['rules']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!Object.hasOwn(b, k) || a[k] !== b[k]) return false;
  return true;
}

/** The rules that run under a profile and settings, each with its severity and options. */
function planFor(rules: readonly Rule[], profile: Profile, settings: LintOptions['rules']): Step[] {
  const last = lastPlans.get(profile);
  if (last && last.rules === rules && sameSettings(last.settings, settings)) return last.steps;
  const steps: Step[] = [];
  for (const r of rules) {
    const setting = settingFor(r, settings);
    const base = defaultSeverity(r, profile);
    const override = setting.severity;
    if (override === 'off') continue;
    // A rule off by default is turned on by any severity setting (at that severity);
    // a profile that silences a rule stays silent unless the user names a severity.
    if (base === 'off' && !override) continue;
    steps.push({ rule: r, severity: override ?? (base === 'off' ? r.defaultSeverity : base), override, options: setting.options ?? NO_OPTIONS });
  }
  lastPlans.set(profile, { rules, settings, steps });
  return steps;
}

export function runRules(rules: readonly Rule[], cable: Cable, options: LintOptions = {}): LintResult {
  const profile = options.profile ?? detectProfile(cable);
  const now = options.now ?? new Date(0);
  const model = modelOf(cable);
  const diagnostics: Diagnostic[] = [];
  // A new file before its first word: not a cable yet, and no rule's business.
  if (model.blank) return { cable, profile, diagnostics };
  // One context for the cable, pointed at each rule in turn: a context and a report function
  // per rule and cable were most of the runner's cost.
  let rule: Rule = rules[0]!;
  let override: SeveritySetting | undefined;
  const ctx: RuleContext = {
    cable,
    model,
    profile,
    options: {},
    now,
    referenceId: options.referenceId,
    severity: 'info',
    report(r) {
      const publication = r.publication === true && profile === 'published';
      if (publication && options.publication === 'hide') return;
      const d: Diagnostic = {
        ruleId: rule.id,
        ruleName: rule.name,
        // A user's override replaces every severity the rule would emit; a finding the
        // publisher caused is otherwise at most info (info is the floor).
        severity: (override as Severity | undefined) ?? (publication ? 'info' : (r.severity ?? ctx.severity)),
        message: r.message,
        range: r.range,
      };
      // Set one by one: spreading optional parts built three objects per diagnostic.
      if (r.related?.length) d.related = r.related;
      if (r.fixes?.length) d.fixes = r.fixes;
      if (r.unnecessary || (publication && options.publication === 'fade')) d.unnecessary = true;
      if (publication) d.publication = true;
      diagnostics.push(printableDiagnostic(d));
    },
  };
  for (const step of planFor(rules, profile, options.rules)) {
    const r = step.rule;
    rule = r;
    override = step.override;
    ctx.severity = step.severity;
    ctx.options = step.options;
    try {
      r.check(ctx);
    } catch (err) {
      diagnostics.push({
        ruleId: r.id,
        ruleName: r.name,
        severity: 'info',
        message: `internal error in rule ${r.id}: ${(err as Error)?.message ?? String(err)}`,
        range: { start: cable.range.start, end: cable.range.start },
      });
    }
  }
  for (const f of model.failures) {
    diagnostics.push(printableDiagnostic({
      ruleId: 'CBL000',
      ruleName: 'syntax',
      severity: 'info',
      message: `internal error in the cable model (${f.meaning}): ${f.message}`,
      range: { start: cable.range.start, end: cable.range.start },
    }));
  }
  diagnostics.sort(compareDiagnostics);
  return { cable, profile, diagnostics };
}
