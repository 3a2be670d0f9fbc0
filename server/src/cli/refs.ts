/**
 * `cable-lint refs PATH…`: the reference graph of the cables under the paths, from the same
 * index the editor's references across cables use (service/workspace-index.ts): a node per
 * cable, an edge per REF citation that resolves to another of them (with its letter), and the
 * citations of cables not among them (dangling). As JSON, or DOT (Graphviz) or GraphML for
 * graph tools.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCable } from '../../../grammar/src/index';
import { printable } from '../engine/message';
import { readCableFile, writeTextFile } from '../host/node/files';
import { commandLineInputs } from '../host/node/inputs';
import { indexedCableOf, referenceGraph, WorkspaceIndex, type ReferenceGraph } from '../service/workspace-index';
import { parseCommandLine, UsageError } from './args';
import { jsonText } from './formatters';

export const REFS_HELP = `Usage: cable-lint refs [options] PATH...

The reference graph of the cables under PATH (files, folders, globs; as for linting;
- reads one cable from stdin): which cable's REF items cite which. A folder named
refs is ./refs.

Options:
  -f, --format FORMAT     json (default), dot (Graphviz) or graphml
  -o, --output-file F     write the graph to F instead of stdout
      --ignore-pattern G  skip files matching G; repeatable
      --no-ignore         neither .cablelintignore nor --ignore-pattern
  -h, --help              show this help
`;

const REFS_FORMATS = ['json', 'dot', 'graphml'] as const;
type RefsFormat = (typeof REFS_FORMATS)[number];

interface RefsIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  readStdin(): Promise<Uint8Array>;
}

/** The index's name for the cable read from `-`. */
const STDIN_URI = 'stdin:cable';

/** The graph as printed: nodes by key (the id, or the path when the id is missing or shared). */
export interface RefsReport {
  version: 1;
  nodes: { key: string; id: string | null; path: string; date: string | null; classification: string | null; subject: string | null }[];
  edges: { from: string; to: string; letter: string | null; text: string }[];
  dangling: { from: string; letter: string | null; text: string; id: string | null; yearInferred: boolean }[];
}

export function refsReport(graph: ReferenceGraph, pathOf: (uri: string) => string): RefsReport {
  const count = new Map<string, number>();
  for (const n of graph.nodes) if (n.id) count.set(n.id, (count.get(n.id) ?? 0) + 1);
  const nodes = graph.nodes.map((n) => {
    const path = pathOf(n.uri);
    return { key: n.id && count.get(n.id) === 1 ? n.id : path, id: n.id, path, date: n.date, classification: n.classification, subject: n.subject };
  });
  return {
    version: 1,
    nodes,
    edges: graph.edges.map((e) => ({ from: nodes[e.from]!.key, to: nodes[e.to]!.key, letter: e.letter, text: e.text })),
    dangling: graph.dangling.map((d) => ({ from: nodes[d.from]!.key, letter: d.letter, text: d.text, id: d.id, yearInferred: d.yearInferred })),
  };
}

/** Text from a file inside a quoted DOT string: quotes and backslashes escaped, nothing unprintable. */
const dotText = (s: string) => printable(s).replace(/[\r\n\t]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const dotString = (s: string) => `"${dotText(s)}"`;

export function formatDot(r: RefsReport): string {
  const out = ['digraph refs {', '  node [shape=box];'];
  // The label: the key, then the subject on a second line (DOT's `\n`).
  for (const n of r.nodes) out.push(`  ${dotString(n.key)} [label="${dotText(n.key)}${n.subject ? `\\n${dotText(n.subject)}` : ''}"];`);
  const danglingKeys = new Set<string>();
  for (const d of r.dangling) {
    const key = d.id ?? d.text;
    if (!danglingKeys.has(key)) {
      danglingKeys.add(key);
      out.push(`  ${dotString(key)} [style=dashed];`);
    }
  }
  for (const e of r.edges) out.push(`  ${dotString(e.from)} -> ${dotString(e.to)}${e.letter ? ` [label=${dotString(e.letter)}]` : ''};`);
  for (const d of r.dangling) out.push(`  ${dotString(d.from)} -> ${dotString(d.id ?? d.text)} [style=dashed${d.letter ? `, label=${dotString(d.letter)}` : ''}];`);
  out.push('}');
  return out.join('\n') + '\n';
}

/** XML text: markup characters as entities, characters XML 1.0 forbids left out. */
const xml = (s: string) =>
  s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export function formatGraphml(r: RefsReport): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="id" for="node" attr.name="id" attr.type="string"/>',
    '  <key id="path" for="node" attr.name="path" attr.type="string"/>',
    '  <key id="date" for="node" attr.name="date" attr.type="string"/>',
    '  <key id="classification" for="node" attr.name="classification" attr.type="string"/>',
    '  <key id="subject" for="node" attr.name="subject" attr.type="string"/>',
    '  <key id="dangling" for="node" attr.name="dangling" attr.type="boolean"><default>false</default></key>',
    '  <key id="letter" for="edge" attr.name="letter" attr.type="string"/>',
    '  <key id="text" for="edge" attr.name="text" attr.type="string"/>',
    '  <graph id="refs" edgedefault="directed">',
  ];
  const data = (k: string, v: string | null) => (v === null ? '' : `<data key="${k}">${xml(v)}</data>`);
  for (const n of r.nodes) {
    out.push(`    <node id="${xml(n.key)}">${data('id', n.id)}${data('path', n.path)}${data('date', n.date)}${data('classification', n.classification)}${data('subject', n.subject)}</node>`);
  }
  const seen = new Set(r.nodes.map((n) => n.key));
  for (const d of r.dangling) {
    const key = d.id ?? d.text;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`    <node id="${xml(key)}">${data('id', d.id)}<data key="dangling">true</data></node>`);
  }
  let k = 0;
  for (const e of r.edges) out.push(`    <edge id="e${k++}" source="${xml(e.from)}" target="${xml(e.to)}">${data('letter', e.letter)}${data('text', e.text)}</edge>`);
  for (const d of r.dangling) out.push(`    <edge id="e${k++}" source="${xml(d.from)}" target="${xml(d.id ?? d.text)}">${data('letter', d.letter)}${data('text', d.text)}</edge>`);
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}

/** Runs `cable-lint refs`; resolves to the exit status (0, or 2 through a thrown UsageError or InputError). */
export async function runRefs(argv: readonly string[], io: RefsIo, cwd: string): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      format: { type: 'string', short: 'f' },
      'output-file': { type: 'string', short: 'o' },
      'ignore-pattern': { type: 'string', multiple: true },
      'no-ignore': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'refs',
  );
  const v = parsed.values;
  if (v.help) {
    io.stdout.write(REFS_HELP);
    return 0;
  }
  const format = (v.format ?? 'json') as RefsFormat;
  if (!REFS_FORMATS.includes(format)) throw new UsageError(`refs --format: unknown format ${JSON.stringify(v.format)} (expected json, dot or graphml)`);
  if (parsed.positionals.length === 0) throw new UsageError('refs: no PATH given (cable-lint refs --help)');
  if (parsed.positionals.filter((p) => p === '-').length > 1) throw new UsageError('refs: - (stdin) given more than once');
  const paths = { paths: parsed.positionals, ignorePatterns: v['ignore-pattern'] ?? [], noIgnore: v['no-ignore'] ?? false };
  const inputs = await commandLineInputs(paths, {
    cwd,
    readStdin: () => io.readStdin(),
    onIgnored: (name) => io.stderr.write(`cable-lint: ${printable(name)} is ignored by an ignore pattern; not read (--no-ignore reads it)\n`),
  });
  const index = new WorkspaceIndex();
  const uris: string[] = [];
  const shown = new Map<string, string>();
  for (const input of inputs) {
    // Stdin has no file URI: it goes by a name of its own, never a path it could be mistaken for.
    const uri = 'file' in input ? pathToFileURL(input.file.absolutePath).href : STDIN_URI;
    shown.set(uri, 'file' in input ? input.file.path : '<stdin>');
    uris.push(uri);
    index.set(indexedCableOf(uri, parseCable('file' in input ? readCableFile(input.file.absolutePath) : input.stdin.read.text)));
  }
  const report = refsReport(referenceGraph(index, uris), (uri) => shown.get(uri) ?? uri);
  const text = format === 'dot' ? formatDot(report) : format === 'graphml' ? formatGraphml(report) : jsonText(report, 1);
  if (v['output-file'] !== undefined) writeTextFile(resolve(cwd, v['output-file']), text, { shown: v['output-file'] });
  else io.stdout.write(text);
  return 0;
}
