/**
 * `extends` with an array (issue 13): both files are loaded and both take effect, in order (a
 * later file wins where both set something), under the settings of the file that extends them;
 * through the real command, as a user meets it.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { cli, jsonRun, scratch } from './cli-helpers';

// Published as written (`¶1.`): CBL061 PRELL, CBL064 the repeated PREL, CBL071 the lower-case
// subject, CBL086 the single numbered paragraph; as a draft also CBL120 (a 90-character line) and
// CBL123 (the `¶`).
const CABLE = `UNCLAS ROME 000123

E.O. 13526: N/A
TAGS: PREL PREL PRELL IT
SUBJECT: Italy: the export plan

¶1. (U) The minister declined the plan that the delegation had put to him on Monday.

SMITH
`;

const tmp = scratch('extends-array');
after(() => tmp.remove());

let trees = 0;
function lint(files: Record<string, string>) {
  const dir = tmp.tree(`t${++trees}`, { 'a.cable': CABLE, ...files });
  const { report } = jsonRun(['a.cable'], { cwd: dir });
  const file = report.files[0];
  return { dir, profile: file.profile as string, found: (file.diagnostics as Array<{ ruleId: string; severity: string }>).map((d) => `${d.ruleId} ${d.severity}`).sort() };
}

describe('cli: extends with two files', () => {
  it('without a config the cable reports what the two files will change', () => {
    const plain = lint({ '.cablelintrc.json': '{}' });
    assert.equal(plain.profile, 'published');
    assert.deepEqual(plain.found, ['CBL061 warning', 'CBL064 info', 'CBL071 info', 'CBL086 info']);
  });

  it('loads both files: the rules, ignores and profile of each take effect, the later file winning, the extending file last', () => {
    const { dir, profile, found } = lint({
      'base-a.json': JSON.stringify({ rules: { CBL061: 'off', CBL071: 'error' }, ignores: [{ rule: 'CBL086' }] }),
      'base-b.json': JSON.stringify({ profile: 'draft', rules: { CBL064: 'off', CBL071: 'warning' } }),
      '.cablelintrc.json': JSON.stringify({ extends: ['base-a.json', 'base-b.json'], rules: { CBL120: 'off' } }),
    });
    assert.equal(profile, 'draft', 'the profile of the second file');
    assert.ok(!found.some((f) => f.startsWith('CBL061')), `CBL061 turned off by the first file: ${found.join(', ')}`);
    assert.ok(!found.some((f) => f.startsWith('CBL086')), `CBL086 ignored by the first file: ${found.join(', ')}`);
    assert.ok(!found.some((f) => f.startsWith('CBL064')), `CBL064 turned off by the second file: ${found.join(', ')}`);
    assert.ok(!found.some((f) => f.startsWith('CBL120')), `CBL120 turned off by the extending file: ${found.join(', ')}`);
    assert.deepEqual(found, ['CBL071 warning', 'CBL123 info'], 'CBL071 as the second file sets it, CBL123 because the profile is draft');

    const printed = cli(['--print-config', 'a.cable'], { cwd: dir });
    assert.equal(printed.status, 0, printed.stderr);
    const config = JSON.parse(printed.stdout);
    const text = JSON.stringify(config);
    assert.ok(text.includes('base-a.json') && text.includes('base-b.json'), `--print-config names both files: ${text.slice(0, 400)}`);
  });

  it('reverses the winner when the order of the array is reversed', () => {
    const { profile, found } = lint({
      'base-a.json': JSON.stringify({ profile: 'transmitted', rules: { CBL071: 'error' } }),
      'base-b.json': JSON.stringify({ profile: 'draft', rules: { CBL071: 'warning' } }),
      '.cablelintrc.json': JSON.stringify({ extends: ['base-b.json', 'base-a.json'] }),
    });
    assert.equal(profile, 'transmitted');
    assert.ok(found.includes('CBL071 error'), found.join(', '));
  });
});
