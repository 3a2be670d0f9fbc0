/** Every rule is documented where its diagnostics link, and the index lists the catalogue as it is. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules/index';
import { ruleIndexMarkdown } from '../../scripts/rule-index';

const DOCS = join(import.meta.dirname, '..', '..', 'docs', 'rules');

describe('rule documentation', () => {
  for (const rule of allRules) {
    it(`${rule.id} has a page with its name, a failing and a passing example`, () => {
      const file = join(DOCS, `${rule.id}.md`);
      assert.ok(existsSync(file), `docs/rules/${rule.id}.md exists`);
      const text = readFileSync(file, 'utf8');
      assert.match(text, new RegExp(`^# ${rule.id} \`${rule.name}\``), 'title is "# id `name`"');
      assert.match(text, /^## Failing example/m, 'has a failing example');
      assert.match(text, /^## Passing example/m, 'has a passing example');
    });
  }

  it('docs/rules/README.md is the generated index (run `npm run docs` after changing a rule)', () => {
    assert.equal(readFileSync(join(DOCS, 'README.md'), 'utf8'), ruleIndexMarkdown(), 'index up to date');
  });
});
