/**
 * The committed sample of real cables (test/fixtures/corpus) in the everyday suite: no crash, no
 * CBL000, ids and TAGS as the manifest says, and every rule's count of each severity as pinned in
 * test/corpus/expected-figures.ts, so a rule that stops firing on real cables fails `npm test`
 * too, not only `npm run test:corpus`.
 */
import { describe, it } from 'node:test';
import { checkSample } from '../corpus/expected-figures';

describe('corpus sample (66 real cables)', () => {
  it('meets its bars and per-rule counts, and keeps exactly its known mismatches', () => {
    checkSample();
  });
});
