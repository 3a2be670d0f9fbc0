/**
 * The JSON Schema of `.cablelintrc.json` (schemas/cablelintrc.schema.json, which VS Code applies
 * through `jsonValidation`), built from the rule catalogue so that every rule id and name is a
 * property with its description. The committed file must equal `configSchema()`; regenerate it with
 * `node --import tsx scripts/gen-config-schema.ts`.
 */
import { allRules } from '../rules/index';

export const CONFIG_SCHEMA_PATH = 'schemas/cablelintrc.schema.json';

export function configSchema(): Record<string, unknown> {
  const rules = allRules.map((r) => ({
    id: r.id,
    name: r.name,
    defaultSeverity: r.defaultSeverity,
    enabledByDefault: r.enabledByDefault !== false,
    fixable: r.fixable,
    description: r.description,
  }));
  const severity = { $ref: '#/definitions/severity' };
  const props: Record<string, unknown> = {};
  for (const r of rules) {
    const ref = r.id === 'CBL120' ? '#/definitions/lineLengthSetting' : '#/definitions/ruleSetting';
    const sev = r.enabledByDefault ? `default ${r.defaultSeverity}` : 'off by default';
    const md = `**${r.id} ${r.name}** (${sev}${r.fixable ? ', fixable' : ''}): ${r.description}`;
    props[r.id] = { $ref: ref, markdownDescription: md };
    props[r.name] = { $ref: ref, markdownDescription: `${md}\n\nSame rule as \`${r.id}\`: set it by id or by name, not both.` };
  }
  const ruleKeys = rules.flatMap((r) => [r.id, r.name]);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'cable-lint configuration (.cablelintrc.json)',
    description: 'Settings for cable-lint. JSON with comments; the nearest .cablelintrc.json at or above a cable applies.',
    type: 'object',
    allowComments: true,
    allowTrailingCommas: true,
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The schema of this file (optional: VS Code applies it to .cablelintrc.json by itself).' },
      extends: {
        markdownDescription: 'Config file(s) this one builds on, relative to this file. Later files and this one win: a later profile replaces an earlier one, rule settings merge rule by rule (options survive a severity-only override), `ignores` add up.',
        oneOf: [{ $ref: '#/definitions/path' }, { type: 'array', items: { $ref: '#/definitions/path' }, minItems: 1 }],
      },
      profile: {
        description: 'Which kind of text the cables are; without it each text\'s own shape decides.',
        enum: ['transmitted', 'draft', 'published'],
        markdownEnumDescriptions: [
          'A cable as sent, envelope included: every rule on.',
          'A draft that starts at the banner: envelope rules silent.',
          'A published copy (WikiLeaks pages, partial extracts, reflowed text): drafting rules relaxed.',
        ],
      },
      rules: {
        markdownDescription: 'Rule settings by id (`CBL061`) or name (`tags-known`): a severity, `"off"`, or `[severity, options]`.',
        type: 'object',
        additionalProperties: false,
        properties: props,
      },
      ignores: {
        markdownDescription: 'Diagnostics to silence without touching the cable. Every condition an entry gives must hold.',
        type: 'array',
        items: { $ref: '#/definitions/ignore' },
      },
    },
    definitions: {
      path: { type: 'string', minLength: 1 },
      severity: {
        enum: ['error', 'warning', 'info', 'off'],
        markdownEnumDescriptions: ['Reported as an error (exit status 1).', 'Reported as a warning.', 'Reported as information.', 'Not reported.'],
      },
      ruleSetting: {
        oneOf: [
          severity,
          { type: 'array', items: [severity, { type: 'object' }], minItems: 1, maxItems: 2 },
        ],
      },
      lineLengthSetting: {
        oneOf: [
          severity,
          {
            type: 'array',
            minItems: 1,
            maxItems: 2,
            items: [
              severity,
              {
                type: 'object',
                additionalProperties: false,
                properties: { max: { type: 'integer', minimum: 1, description: 'Longest line allowed, in characters (default 69, the teletype line).' } },
              },
            ],
          },
        ],
      },
      ruleKey: { enum: ruleKeys },
      ignore: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          rule: {
            description: 'Rule id(s) or name(s) the entry silences.',
            oneOf: [{ $ref: '#/definitions/ruleKey' }, { type: 'array', items: { $ref: '#/definitions/ruleKey' }, minItems: 1 }],
          },
          files: {
            description: 'Glob(s) of the cables the entry applies to, relative to this file\'s folder.',
            oneOf: [{ $ref: '#/definitions/path' }, { type: 'array', items: { $ref: '#/definitions/path' }, minItems: 1 }],
          },
          text: {
            description: 'Regular expression tried on the text of the line the diagnostic starts on.',
            type: 'string',
            format: 'regex',
          },
        },
      },
    },
  };
}

/** The schema as committed: two-space JSON and a final newline. */
export function configSchemaText(): string {
  return JSON.stringify(configSchema(), null, 2) + '\n';
}
