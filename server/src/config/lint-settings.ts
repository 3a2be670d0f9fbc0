/**
 * The settings one text is linted under, composed in one place for the CLI, the Node API and the
 * language server (which used to rebuild them in its lint worker): the engine's options from the
 * merged layers (config/settings.ts's effectiveSettings), the reference id the host read from the
 * file name, then the config's ignores applied to the result.
 */
import type { Cable } from '../../../grammar/src/ast';
import type { PublicationFindings } from '../engine/lint';
import { lintCable, type LintOptions, type LintResult } from '../lint';
import { applyIgnores, type EffectiveSettings, type IgnoreEntry } from './settings';

/** Plain data, so a worker thread can be handed it. */
export interface LintSettings {
  /** The engine's options but the clock, which each lint is given. */
  options: Omit<LintOptions, 'now'>;
  ignores: IgnoreEntry[];
  /** The file's absolute path, which `ignores[].files` are matched against; none for unnamed input. */
  path?: string;
}

export function composeLintSettings(
  effective: EffectiveSettings,
  context: { referenceId?: string; path?: string; publication?: PublicationFindings } = {},
): LintSettings {
  const options: Omit<LintOptions, 'now'> = { rules: effective.rules };
  if (effective.profile) options.profile = effective.profile;
  if (context.referenceId !== undefined) options.referenceId = context.referenceId;
  if (context.publication !== undefined) options.publication = context.publication;
  const settings: LintSettings = { options, ignores: effective.ignores };
  if (context.path !== undefined) settings.path = context.path;
  return settings;
}

/** Lints a parsed cable under composed settings: every rule, then the ignores. Never throws. */
export function lintUnder(cable: Cable, settings: LintSettings, now: Date): LintResult {
  const result = lintCable(cable, { ...settings.options, now });
  return { ...result, diagnostics: applyIgnores(result.diagnostics, settings.ignores, cable, settings.path) };
}
