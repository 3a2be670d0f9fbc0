/**
 * What a lint leaves in memory: a linted tree, its model and its findings die young. In a file of
 * its own, so that the process has done nothing else before the measurement.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseCable } from '../../grammar/src/index';
import { lintCable } from '../../server/src/lint';
import { root } from './service-fixtures';

it("lets a linted tree die young: nothing of a lint keeps it through the young generation's collections", () => {
  // A closure over the tree stored in a meaning's field after the object was made (a field
  // assigned in a constructor: `this.totalOf = (m) => markerTotal(cable, m)`) kept trees alive
  // through V8's scavenges, so they were promoted to the old generation: 5.2-5.7 bytes per
  // character linted here (the committed corpus), 4.7 times what a parse alone promotes over the
  // public corpus. A method on the prototype over a private field lets the tree die young:
  // 0.5-0.6 bytes per character here.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const dir = join(root, 'test/fixtures/corpus');
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
  const chars = texts.reduce((a, t) => a + t.length, 0);
  const oldSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;
  let findings = 0;
  // Warm: tables and compiled code promoted once are not a lint's doing.
  for (const t of texts) findings += lintCable(parseCable(t)).diagnostics.length;
  gc();
  const before = oldSpace();
  for (let round = 0; round < 3; round++) for (const t of texts) findings += lintCable(parseCable(t)).diagnostics.length;
  const promotedPerChar = (oldSpace() - before) / (3 * chars);
  assert.ok(findings > 0);
  assert.ok(promotedPerChar < 2.5, `${promotedPerChar.toFixed(2)} bytes promoted per character linted: expected below 2.5`);
});
