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
}

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

export function settingFor(rule: Rule, rules: LintOptions['rules']): RuleSetting {
  if (!rules) return NO_SETTING;
  const byId = rules[rule.id] ?? rules[rule.id.toLowerCase()];
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
    a.ruleId.localeCompare(b.ruleId)
  );
}

/**
 * Runs `rules` over a parsed cable: the engine's runner, given the rules by the linter above it
 * (server/src/lint.ts). Pure: no I/O, never throws (a rule that throws, or a meaning of the model
 * that cannot be computed, becomes an internal diagnostic rather than taking the document down).
 */
export function runRules(rules: readonly Rule[], cable: Cable, options: LintOptions = {}): LintResult {
  const profile = options.profile ?? detectProfile(cable);
  const now = options.now ?? new Date(0);
  const model = modelOf(cable);
  const diagnostics: Diagnostic[] = [];
  // A new file before its first word: not a cable yet, and no rule's business.
  if (model.blank) return { cable, profile, diagnostics };
  for (const rule of rules) {
    const setting = settingFor(rule, options.rules);
    const base = defaultSeverity(rule, profile);
    const override = setting.severity;
    if (override === 'off') continue;
    // A rule off by default is turned on by any severity setting (at that severity);
    // a profile that silences a rule stays silent unless the user names a severity.
    if (base === 'off' && !override) continue;
    const severity: Severity = override ?? (base === 'off' ? rule.defaultSeverity : base);
    const ctx: RuleContext = {
      cable,
      model,
      profile,
      options: setting.options ?? {},
      now,
      referenceId: options.referenceId,
      severity,
      report(r) {
        const d: Diagnostic = {
          ruleId: rule.id,
          ruleName: rule.name,
          // A user's override replaces every severity the rule would emit.
          severity: override ?? r.severity ?? severity,
          message: r.message,
          range: r.range,
        };
        // Set one by one: spreading optional parts built three objects per diagnostic.
        if (r.related?.length) d.related = r.related;
        if (r.fixes?.length) d.fixes = r.fixes;
        if (r.unnecessary) d.unnecessary = true;
        diagnostics.push(printableDiagnostic(d));
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      diagnostics.push({
        ruleId: rule.id,
        ruleName: rule.name,
        severity: 'info',
        message: `internal error in rule ${rule.id}: ${(err as Error)?.message ?? String(err)}`,
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
