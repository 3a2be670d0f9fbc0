/**
 * The workspace index (service side, pure): which file a citation leads to (post and serial; a
 * written year must match, an inferred one takes the nearest earlier year), which files cite a
 * cable, and the search behind workspace symbols. The host side's file choice (globs,
 * associations, exclusions) too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCable } from '../../grammar/src/index';
import { fileMatcher, DEFAULT_INDEX_SETTINGS, relativeTo, WorkspaceIndexer, type CableSource } from '../../server/src/host/workspace-indexer';
import { indexedCableOf, WorkspaceIndex } from '../../server/src/service/workspace-index';

/** A minimal dated cable: `post serial` in the banner, a DTG of `year`, and REF lines. */
function cable(post: string, serial: number, year: number, subject: string, refs: string[] = [], tags = 'PREL XX'): string {
  const yy = String(year % 100).padStart(2, '0');
  return [
    'VZCZCXYZ0000',
    'RR RUEHWEB',
    '',
    `DE RUEHC #${String(serial % 10000).padStart(4, '0')} 0011200`,
    'ZNR UUUUU ZZH',
    `R 011200Z JAN ${yy}`,
    `FM AMEMBASSY ${post}`,
    'TO RUEHC/SECSTATE WASHDC 0001',
    'BT',
    `UNCLAS ${post} ${String(serial).padStart(6, '0')}`,
    '',
    'E.O. 12958: N/A',
    `TAGS: ${tags}`,
    `SUBJECT: ${subject}`,
    '',
    ...(refs.length ? [refs.length === 1 ? `REF: ${refs[0]}` : `REF: ${refs.map((r, i) => `${String.fromCharCode(65 + i)}. ${r}`).join('\n     ')}`, ''] : []),
    '1. (U) Text.',
    '',
    'SMITH',
    '',
  ].join('\n');
}

const entry = (uri: string, text: string) => indexedCableOf(uri, parseCable(text));

describe('workspace index: resolving a citation', () => {
  const index = new WorkspaceIndex();
  index.set(entry('file:///w/rome-2006.cable', cable('ROME', 123, 2006, 'OLD PLAN')));
  index.set(entry('file:///w/rome-2008.cable', cable('ROME', 123, 2008, 'NEW PLAN')));
  index.set(entry('file:///w/rome-2010.cable', cable('ROME', 123, 2010, 'LATER PLAN')));

  it('an inferred year takes the nearest year at or before the citing cable\'s', () => {
    const citing = entry('file:///w/state.cable', cable('PARIS', 9, 2009, 'REPLY', ['ROME 123']));
    const c = citing.citations[0]!;
    assert.equal(c.yearInferred, true);
    assert.equal(c.id, '09ROME123');
    assert.equal(index.resolve(c)?.uri, 'file:///w/rome-2008.cable');
  });

  it('a written year must match; none matching, nothing', () => {
    const [a, b] = entry('file:///w/x.cable', cable('PARIS', 9, 2011, 'REPLY', ['06 ROME 123', '07 ROME 123'])).citations;
    assert.equal(index.resolve(a!)?.uri, 'file:///w/rome-2006.cable');
    assert.equal(index.resolve(b!), undefined);
  });

  it('an inferred year before every candidate leads nowhere: a cable cites no later cable', () => {
    const c = entry('file:///w/y.cable', cable('PARIS', 9, 2005, 'EARLY', ['ROME 123'])).citations[0]!;
    assert.equal(index.resolve(c), undefined);
  });

  it('cited by: only the citations that lead to this cable, not another year\'s of the same serial', () => {
    const idx = new WorkspaceIndex();
    const old = entry('file:///w/rome-2006.cable', cable('ROME', 123, 2006, 'OLD PLAN'));
    const recent = entry('file:///w/rome-2008.cable', cable('ROME', 123, 2008, 'NEW PLAN'));
    idx.set(old);
    idx.set(recent);
    idx.set(entry('file:///w/a.cable', cable('PARIS', 1, 2009, 'A', ['ROME 123'])));
    idx.set(entry('file:///w/b.cable', cable('PARIS', 2, 2009, 'B', ['06 ROME 123'])));
    assert.deepEqual(idx.citedBy(recent).map((x) => x.cable.uri), ['file:///w/a.cable']);
    assert.deepEqual(idx.citedBy(old).map((x) => x.cable.uri), ['file:///w/b.cable']);
    idx.delete('file:///w/a.cable');
    assert.deepEqual(idx.citedBy(recent), []);
  });

  it('search: by id, by TAGS code, by every word of the subject', () => {
    const ids = (q: string) => index.search(q).map((h) => h.cable.id);
    assert.deepEqual(ids('08ROME123'), ['08ROME123']);
    assert.deepEqual(ids('new plan'), ['08ROME123']);
    assert.deepEqual(ids('PREL'), ['06ROME123', '08ROME123', '10ROME123']);
    assert.deepEqual(ids('plan rome nothing'), []);
  });

  it('keeps an approximate size, back to zero when emptied', () => {
    const idx = new WorkspaceIndex();
    idx.set(entry('file:///w/a.cable', cable('ROME', 1, 2008, 'A')));
    assert.ok(idx.bytes > 0);
    idx.delete('file:///w/a.cable');
    assert.equal(idx.bytes, 0);
  });
});

describe('workspace index: which files', () => {
  it('.cable and .tel by default; associations by name or path; include and exclude globs', () => {
    const m = fileMatcher({ ...DEFAULT_INDEX_SETTINGS, associations: ['*.msg', 'archive/*.txt'], include: ['published/**/*.txt'], exclude: ['old'] });
    assert.equal(m('a.cable'), true);
    assert.equal(m('deep/b.TEL'), true);
    assert.equal(m('x/c.msg'), true);
    assert.equal(m('archive/d.txt'), true);
    assert.equal(m('other/d.txt'), false);
    assert.equal(m('published/2008/e.txt'), true);
    assert.equal(m('old/f.cable'), false);
    assert.equal(m('notes.md'), false);
  });

  it('paths below a folder URI, decoded', () => {
    assert.equal(relativeTo('file:///w/my%20folder', 'file:///w/my%20folder/a%20b.cable'), 'a b.cable');
    assert.equal(relativeTo('file:///w/my', 'file:///w/my-other/a.cable'), undefined);
  });
});

describe('workspace indexer: the caps hold for files that appear after the run', () => {
  const folder = 'file:///w';
  const uri = (k: number) => `${folder}/c${k}.cable`;
  const text = (k: number) => cable('ROME', 100 + k, 2008, `PLAN ${k}`);
  /** A folder of `n` cables whose every parse grows the heap by 1 MB (the host's figure). */
  function indexer(n: number) {
    let heap = 0;
    const source: CableSource = {
      list: async () => ({ files: Array.from({ length: n }, (_, k) => ({ uri: uri(k), rel: `c${k}.cable` })), capped: false }),
      parse: async (uris) => {
        heap += uris.length * 1024 * 1024;
        return { entries: uris.map((u) => entry(u, text(Number(/c(\d+)/.exec(u)![1])))), failed: [] };
      },
      heapUsed: () => heap,
      dispose: () => undefined,
    };
    const logs: string[] = [];
    const ix = new WorkspaceIndexer(new WorkspaceIndex(), source, (m) => void logs.push(m));
    const progress = { begin: () => undefined, report: () => undefined, end: () => undefined };
    return { ix, logs, run: (settings: Partial<typeof DEFAULT_INDEX_SETTINGS>) => ix.start([folder], { ...DEFAULT_INDEX_SETTINGS, ...settings }, progress) };
  }

  it('stopped at the memory cap: a new file is not taken, a held one is kept current, a deleted one goes', async () => {
    const { ix, run } = indexer(40);
    await run({ maxMemoryMB: 12 });
    const held = ix.index.size;
    assert.ok(held > 0 && held < 40, `stopped early: ${held}`);
    assert.match((ix.state as { capped?: string }).capped ?? '', /memory cap of 12 MB/);
    await ix.fileChanged(uri(45), false);
    assert.equal(ix.index.get(uri(45)), undefined, 'a file created after the run stopped at the cap');
    assert.equal(ix.index.size, held);
    await ix.fileChanged(uri(0), false);
    assert.ok(ix.index.get(uri(0)), 'a file the index holds is kept');
    await ix.fileChanged(uri(1), true);
    assert.equal(ix.index.size, held - 1);
  });

  it('a run under the cap takes new files as they appear, and a new run starts afresh', async () => {
    const { ix, run } = indexer(4);
    await run({ maxMemoryMB: 12 });
    assert.equal(ix.index.size, 4);
    await ix.fileChanged(uri(45), false);
    assert.ok(ix.index.get(uri(45)));
    const capped = indexer(40);
    await capped.run({ maxMemoryMB: 12 });
    await capped.run({ maxMemoryMB: 512 });
    await capped.ix.fileChanged(uri(45), false);
    assert.ok(capped.ix.index.get(uri(45)), 'the next run under a larger cap is not full');
  });
});
