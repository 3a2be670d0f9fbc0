import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PUBLIC_GOALS, corpusAvailable, corpusFigures, formatFigures } from '../../scripts/corpus-figures';
import { PUBLIC_COUNTS, PUBLIC_TURNED_ON, checkSample, figureFailures } from './expected-figures';

const here = dirname(fileURLToPath(import.meta.url));
const sharedCorpus = join(here, '../../../shared/corpus/public');

describe('corpus figures', () => {
  it('committed fixture sample: no crash, no syntax error, ids and TAGS agree, per-rule counts as pinned', () => {
    checkSample();
  });

  it('public corpus (../shared/corpus/public): every bar, per-rule counts as pinned (the sample instead when absent)', (t) => {
    if (!corpusAvailable(sharedCorpus)) {
      t.diagnostic('NOTE: ../shared/corpus/public is absent: the committed sample (test/fixtures/corpus) was checked against its own figures instead');
      checkSample();
      return;
    }
    const f = corpusFigures(sharedCorpus);
    const failures = figureFailures(f, PUBLIC_GOALS, PUBLIC_COUNTS, PUBLIC_TURNED_ON);
    assert.deepEqual(failures, [], `the public corpus misses its figures:\n${failures.join('\n')}\n\n${formatFigures(f)}`);
  });
});
