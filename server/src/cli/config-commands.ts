/** `--init` and `--print-config`: writing a starter config and showing what applies to a file. */
import { resolve } from 'node:path';
import type { Profile } from '../../../grammar/src/ast';
import type { ConfigResolver } from '../host/node/config-files';
import { effectiveSettings } from '../config/settings';
import { detectProfile } from '../engine/profile';
import { defaultSeverity, type RuleSetting } from '../engine/lint';
import { parseCable } from '../../../grammar/src/index';
import { allRules } from '../rules/index';
import type { CliArgs } from './args';
import { fileExists, readCableFile } from '../host/node/files';
import { jsonText } from './formatters';

/**
 * The starter `.cablelintrc.json`: JSON with comments (as the engine and VS Code read it), every
 * key present but changing nothing until the user uncomments a line.
 */
export function initConfigText(): string {
  return `// cable-lint settings for the cables in this folder and below; the nearest such file
// wins. JSON with comments. See \`cable-lint --print-rules\` for the rules and README.md
// ("Configuration") for every key.
{
  // Build on shared settings (a path relative to this file); what this file says wins.
  // "extends": "../.cablelintrc.json",

  // transmitted, draft or published; without it each text's own shape decides.
  // "profile": "draft",

  // By rule id or name: "off", "info", "warning", "error", or [severity, options].
  "rules": {
    // "CBL061": "off",
    // "line-length": ["warning", { "max": 69 }]
  },

  // Silence a known false positive without touching the cable: every condition given must
  // hold (rule id or name, files as globs relative to this file, text as a regular
  // expression tried on the diagnostic's line).
  "ignores": [
    // { "rule": "CBL110", "files": "old/**", "text": "^REF: " }
  ]
}
`;
}

function settingJson(s: RuleSetting): unknown {
  return s.options !== undefined ? [s.severity ?? null, s.options] : s.severity;
}

/**
 * The settings that apply to `file`, as JSON: the config file found for it (or `--config`) with
 * what it extends, `--rule`/`--profile` on top, and each rule's resulting severity. The
 * profile comes from the settings, else from the file's text when it exists, else it is null
 * and so are the severities that depend on it.
 */
export function printConfig(absolute: string, shown: string, resolver: ConfigResolver, args: CliArgs): string {
  const config = resolver.configFor(absolute);
  const settings = effectiveSettings(config, { profile: args.profile, rules: args.rules });
  let profile: Profile | undefined = settings.profile;
  let profileFrom: 'settings' | 'text' | null = profile ? 'settings' : null;
  if (!profile && fileExists(absolute)) {
    profile = detectProfile(parseCable(readCableFile(absolute)));
    profileFrom = 'text';
  }
  const severities: Record<string, string | null> = {};
  for (const rule of allRules) {
    const set = settings.rules[rule.id]?.severity;
    severities[rule.id] = set ?? (profile ? defaultSeverity(rule, profile) : null);
  }
  const out = {
    file: shown,
    configFile: resolver.configFileFor(absolute) ?? null,
    sources: (config?.sources ?? (config ? [config.source] : [])).map((s) => resolve(s)),
    profile: profile ?? null,
    profileFrom,
    rules: Object.fromEntries(Object.entries(settings.rules).map(([id, s]) => [id, settingJson(s)])),
    ignores: settings.ignores.map((ig) => ({
      ...(ig.rules ? { rule: ig.rules } : {}),
      ...(ig.files ? { files: ig.files, relativeTo: ig.baseDir } : {}),
      ...(ig.text ? { text: ig.text.source } : {}),
    })),
    severities,
  };
  return jsonText(out, 2);
}
