/**
 * Hover and rules agree on real cables (test/unit/hover-agreement.ts says how): on the committed
 * sample always, and on the 2,098 cables of ../shared/corpus/public when they are there. A
 * disagreement names the cable, the place, what the hover says and what the rules say.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseCable } from '../../grammar/src/index';
import { decodeCable } from '../../server/src/host/decode';
import { disagreements } from '../unit/hover-agreement';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../fixtures/corpus');
const PUBLIC = join(here, '../../../shared/corpus/public');

function check(dir: string): { cables: number; found: string[] } {
  const files = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  const found: string[] = [];
  for (const f of files) {
    const id = f.replace(/\.txt$/, '');
    const cable = parseCable(decodeCable(readFileSync(join(dir, f))));
    for (const d of disagreements(cable, id)) found.push(`${id} ${d}`);
  }
  return { cables: files.length, found };
}

describe('hover and rules agree on real cables', () => {
  it('committed sample', () => {
    const { cables, found } = check(SAMPLE);
    assert.ok(cables > 0);
    assert.deepEqual(found, []);
  });

  it('public corpus (../shared/corpus/public)', (t) => {
    if (!existsSync(PUBLIC)) {
      t.diagnostic('NOTE: ../shared/corpus/public is absent: only the committed sample was checked');
      return;
    }
    const { cables, found } = check(PUBLIC);
    assert.equal(cables, 2098);
    assert.deepEqual(found, []);
  });
});
