/**
 * The rule pages the package ships (`docs/rules/CBLnnn.md` beside `dist/`), read for the help
 * that SARIF logs carry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleHelp, type RuleHelp } from './rule-help';

/** `dist/cli.js` → `docs/rules/`: the same place in a clone, the npm package and the `.vsix`. */
const DOCS_DIR = join(typeof __dirname === 'string' ? __dirname : '.', '..', 'docs', 'rules');

/** A rule's help from its page; undefined when the page is missing or has no help sections. */
export function readRuleHelp(ruleId: string): RuleHelp | undefined {
  let page: string;
  try {
    page = readFileSync(join(DOCS_DIR, `${ruleId}.md`), 'utf8');
  } catch {
    return undefined;
  }
  return ruleHelp(page);
}
