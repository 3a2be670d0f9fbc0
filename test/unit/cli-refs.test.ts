/**
 * `cable-lint refs`: the reference graph of a folder, over real cables that cite each other
 * (test/fixtures/reply-chains, whose README lists the citations read by hand), as JSON, DOT and
 * GraphML; a folder named refs stays reachable as ./refs; bad usage is one line and exit 2.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { cli, ROOT, scratch } from './cli-helpers';

const CHAINS = join('test', 'fixtures', 'reply-chains');
const tmp = scratch('refs');
after(() => tmp.remove());

describe('cable-lint refs', () => {
  it('JSON: a node per cable, an edge per citation between them with its letter, the rest dangling', () => {
    const r = cli(['refs', CHAINS]);
    assert.equal(r.status, 0, r.stderr);
    const g = JSON.parse(r.stdout);
    assert.equal(g.version, 1);
    assert.deepEqual(
      g.nodes.map((n: { key: string }) => n.key),
      ['06SAOPAULO573', '06SAOPAULO623', '06SAOPAULO676', '06SAOPAULO689', '06SAOPAULO734'],
    );
    assert.equal(g.nodes[0].path, join(CHAINS, '06SAOPAULO573.txt'));
    assert.deepEqual(
      g.edges.map((e: { from: string; to: string; letter: string | null }) => `${e.from} ${e.letter} ${e.to}`),
      [
        '06SAOPAULO623 A 06SAOPAULO573',
        '06SAOPAULO676 C 06SAOPAULO623',
        '06SAOPAULO689 A 06SAOPAULO676',
        '06SAOPAULO689 C 06SAOPAULO623',
        '06SAOPAULO689 E 06SAOPAULO573',
        '06SAOPAULO734 A 06SAOPAULO573',
      ],
    );
    const dangling = g.dangling.map((d: { from: string; letter: string; id: string }) => `${d.from} ${d.letter} ${d.id}`);
    assert.ok(dangling.includes('06SAOPAULO573 A 06SAOPAULO551'));
    assert.ok(dangling.includes('06SAOPAULO676 I 05SAOPAULO1256'), 'a year written in the reference is kept');
    assert.ok(dangling.includes('06SAOPAULO689 B 06BRASILIA1194'));
    assert.ok(!dangling.some((d: string) => d.startsWith('06SAOPAULO676 C ')), 'a resolved citation is not dangling');
  });

  it('DOT and GraphML carry the same graph', () => {
    const dot = cli(['refs', '--format', 'dot', CHAINS]);
    assert.equal(dot.status, 0, dot.stderr);
    assert.match(dot.stdout, /^digraph refs \{\n/);
    assert.match(dot.stdout, /\n {2}"06SAOPAULO689" -> "06SAOPAULO676" \[label="A"\];\n/);
    assert.equal(dot.stdout.match(/ -> "06SAOPAULO\d+" \[label="[A-Z]"\];/g)?.length, 6);
    assert.match(dot.stdout, /"06SAOPAULO573" \[label="06SAOPAULO573\\n[^"]+"\];/);
    const xml = cli(['refs', '-f', 'graphml', CHAINS]);
    assert.equal(xml.status, 0, xml.stderr);
    assert.match(xml.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/);
    assert.equal(xml.stdout.match(/<edge [^>]*source="06SAOPAULO689" target="06SAOPAULO676"><data key="letter">A<\/data>/g)?.length, 1);
    assert.equal(xml.stdout.match(/<node id="06SAOPAULO\d+"><data key="id">[^<]+<\/data><data key="path">/g)?.length, 5);
    assert.match(xml.stdout, /<node id="06SAOPAULO551"><data key="id">06SAOPAULO551<\/data><data key="dangling">true<\/data><\/node>/);
    assert.ok(xml.stdout.trimEnd().endsWith('</graphml>'));
  });

  it('escapes what DOT and XML reserve, and writes to a file with -o', () => {
    const dir = tmp.tree('escape', {
      'a.cable': 'UNCLAS ROME 000123\n\nE.O. 12958: N/A\nTAGS: PREL IT\nSUBJECT: "QUOTES" & <ANGLES> \\ BACKSLASH\n\nREF: ROME 99\n\n1. (U) Text.\n\nSMITH\n',
    });
    const dot = cli(['refs', '-f', 'dot', 'a.cable'], { cwd: dir });
    assert.match(dot.stdout, /\\"QUOTES\\" & <ANGLES> \\\\ BACKSLASH/);
    const xml = cli(['refs', '-f', 'graphml', '-o', 'out/g.graphml', 'a.cable'], { cwd: dir });
    assert.equal(xml.stdout, '');
    assert.match(readFileSync(join(dir, 'out/g.graphml'), 'utf8'), /&quot;QUOTES&quot; &amp; &lt;ANGLES&gt;/);
  });

  it('a folder named refs is linted as ./refs; refs alone is the subcommand', () => {
    const dir = tmp.tree('named', { 'refs/a.cable': readFileSync(join(ROOT, 'examples', 'valid-draft-reykjavik.cable')) });
    const lint = cli(['--format', 'json', './refs'], { cwd: dir });
    assert.ok(lint.status === 0 || lint.status === 1, lint.stderr);
    assert.equal(JSON.parse(lint.stdout).files.length, 1);
    const graph = cli(['refs', 'refs'], { cwd: dir });
    assert.equal(graph.status, 0, graph.stderr);
    assert.equal(JSON.parse(graph.stdout).nodes.length, 1);
  });

  it('bad usage: one line, exit 2', () => {
    const none = cli(['refs']);
    assert.equal(none.status, 2);
    assert.equal(none.stderr, 'cable-lint: refs: no PATH given (cable-lint refs --help)\n');
    const bad = cli(['refs', '--format', 'svg', CHAINS]);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, 'cable-lint: refs --format: unknown format "svg" (expected json, dot or graphml)\n');
    assert.match(cli(['refs', '--help']).stdout, /^Usage: cable-lint refs /);
    // The same parser as the linter's: the nearest option named, the subcommand's --help pointed at.
    const typo = cli(['refs', '--formt', 'dot', CHAINS]);
    assert.equal(typo.status, 2);
    assert.equal(typo.stderr, "cable-lint: refs: unknown option '--formt': did you mean --format? (cable-lint refs --help lists every option)\n");
    const twice = cli(['refs', '-', '-'], { input: '' });
    assert.equal(twice.stderr, 'cable-lint: refs: - (stdin) given more than once\n');
  });

  it('- reads a cable from stdin beside the files, and ignore patterns skip files as for linting', () => {
    const text = readFileSync(join(ROOT, CHAINS, '06SAOPAULO734.txt'));
    const r = cli(['refs', '-', join(CHAINS, '06SAOPAULO573.txt')], { input: text });
    assert.equal(r.status, 0, r.stderr);
    const g = JSON.parse(r.stdout);
    assert.deepEqual(g.nodes.map((n: { key: string; path: string }) => `${n.key} ${n.path}`), ['06SAOPAULO734 <stdin>', `06SAOPAULO573 ${join(CHAINS, '06SAOPAULO573.txt')}`]);
    assert.deepEqual(g.edges.map((e: { from: string; to: string }) => `${e.from} ${e.to}`), ['06SAOPAULO734 06SAOPAULO573']);
    const ignored = cli(['refs', '--ignore-pattern', '*689*', CHAINS, join(CHAINS, '06SAOPAULO689.txt')]);
    assert.equal(ignored.status, 0, ignored.stderr);
    assert.equal(JSON.parse(ignored.stdout).nodes.length, 4);
    assert.match(ignored.stderr, /06SAOPAULO689\.txt is ignored by an ignore pattern; not read \(--no-ignore reads it\)/);
    assert.equal(JSON.parse(cli(['refs', '--no-ignore', '--ignore-pattern', '*689*', CHAINS]).stdout).nodes.length, 5);
  });
});
