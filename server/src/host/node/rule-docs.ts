/**
 * The rule pages the package ships (`docs/rules/CBLnnn.md` beside `dist/`): what diagnostics
 * link to, and the help SARIF logs carry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `dist/cli.js` → `docs/rules/`: the same place in a clone, the npm package and the `.vsix`. */
const DOCS_DIR = join(typeof __dirname === 'string' ? __dirname : '.', '..', 'docs', 'rules');

/** A rule's page, or undefined when it cannot be read. */
export function readRuleDoc(ruleId: string): string | undefined {
  try {
    return readFileSync(join(DOCS_DIR, `${ruleId}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

/** The pages' folder as a URI ending in `/`: a rule's page is `${base}CBL061.md`, offline in the editor. */
export function ruleDocsBase(): string {
  return pathToFileURL(join(DOCS_DIR, '/')).href.replace(/\/?$/, '/');
}
