/**
 * Writes docs/rules/README.md, the index of the rule catalogue, from the rules' own metadata
 * (`npm run docs`). test/unit/docs.test.ts fails when the committed index is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleIndexMarkdown } from './rule-index';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'rules', 'README.md'), ruleIndexMarkdown());
console.log('wrote docs/rules/README.md');
