/** The rule index page, shared by scripts/gen-rule-index.ts and the test that keeps it current. */
import { listRules } from '../server/src/api';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function ruleIndexMarkdown(): string {
  const rows = listRules().map((r) => {
    const p = r.profiles;
    const severities = p.transmitted === p.draft && p.draft === p.published ? p.draft : `transmitted ${p.transmitted}, draft ${p.draft}, published ${p.published}`;
    return `| [${r.id}](${r.id}.md) | \`${r.name}\` | ${severities} | ${r.fixable ? 'yes' : ''} | ${cell(r.description)} |`;
  });
  return [
    '# Rules',
    '',
    'Every rule of cable-lint, generated from the rules\' own metadata by `npm run docs` (do not edit by',
    'hand). Ids and names are a public contract: either may be used in `.cablelintrc.json`, `--rule` and',
    '`cableLint.rules`. Severities are per profile (spec section 4.1); "off" means the rule runs only when',
    'a setting gives it a severity.',
    '',
    'A page\'s "Publication" section names the findings its rule attributes to a published copy\'s publisher',
    'rather than to the cable: on text linted as `published` they are at most info, carry',
    '`publication: true`, and `--hide-publication` (or `"cableLint.publicationFindings": "hide"`) leaves them',
    'out. A severity set for the rule still applies to them.',
    '',
    'Each page\'s first block under "Failing example" makes its rule fire when linted alone, and the first',
    'block under "Passing example" does not (`test/unit/doc-examples.test.ts` checks both, through the Node',
    'API and the CLI). Settings an example needs are in the fence\'s info string, as JSON in the shape of',
    '`.cablelintrc.json` plus `"referenceId"`: ```` ```cable {"profile": "transmitted"} ````.',
    '',
    '| id | name | default severity | fix | what it checks |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
