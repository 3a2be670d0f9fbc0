/**
 * A parse keeps nothing of its text once the caller lets go of the tree. The parser is module
 * state that outlives every parse; what it held of the last text (a 100 KB cable's tokens, items
 * and errors, ~2 MB; a 1 MB cable's ~4.5 MB) lived on until the next parse: memory at rest, and in
 * the editor a copy in each young-generation collection made before a lint.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lex } from '../../grammar/src/index';
import { parseItems } from '../../grammar/src/parser';

/** V8's collector without `--expose-gc`, as jest's leak detector gets it. */
function collector(): () => void {
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return own;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Whether what `ref` points at is collected once nothing but module state could hold it. */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  // A WeakRef's target stays alive until the job that made or read it ends.
  await new Promise((resolve) => setImmediate(resolve));
  collector()();
  return ref.deref() === undefined;
}

const CABLE = [
  'UNCLAS SECTION 01 OF 02 ROME 001234',
  '',
  'SUBJECT: A CABLE TO FORGET',
  '',
  '1. (U) SUMMARY: THE FIRST PARAGRAPH. END SUMMARY.',
  '',
  '2. (U) THE SECOND PARAGRAPH.',
  '',
].join('\n');

describe('grammar: what a parse leaves behind', () => {
  it('the parser lets go of the tokens it was given, its items and its errors', async () => {
    let tokens: unknown[] | undefined = lex(CABLE).tokens;
    const ref = new WeakRef(tokens);
    let result: ReturnType<typeof parseItems> | undefined = parseItems(tokens as Parameters<typeof parseItems>[0]);
    assert.ok(result.items.length > 0, 'the parse read items from the tokens');
    tokens = undefined;
    result = undefined;
    assert.equal(await collected(ref), true, 'the tokens of the last parse are still held');
  });

});
