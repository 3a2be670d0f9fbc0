/**
 * [CORPUS=dir:dir] node --import tsx scripts/corpus-snapshot.ts [--tree] [ID…] > FILE
 *
 * Everything the engine says about each cable of the public corpus, to diff two versions of the
 * engine line by line: the profile, the facts read from the text (`cableFacts`, what
 * `--format json` reports) and every diagnostic in full (rule, severity, exact range, the message
 * uncut, related locations and fixes with their edits). With `--tree`, a digest of the whole
 * parse tree too, for changes that must leave the tree alone; with `--service`, what the editor
 * shows (outline, folding, semantic tokens, hovers). Each cable is linted twice: as
 * configured by default, and (lines marked `all`) as a transmitted cable with every rule on. Ranges are 0-based
 * `line:character-line:character`; strings are JSON so that a line of the dump is one line.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parseCable } from '../grammar/src/index';
import { cableFacts } from '../server/src/report/records';
import { lintCable } from '../server/src/lint';
import type { Diagnostic } from '../server/src/engine/types';
import { allRules } from '../server/src/rules/index';
import { documentSymbols, foldingRanges, hover, semanticTokens } from '../server/src/service/index';
import { decode } from './corpus-figures';

/** Folders of cables (`.txt`, `.cable`, `.tel`), `:`-separated; the public corpus by default. */
const dirs = (process.env.CORPUS ?? '../shared/corpus/public').split(':');
const args = process.argv.slice(2);
const tree = args.includes('--tree');
const service = args.includes('--service');
const only = new Set(args.filter((a) => !a.startsWith('--')));
const now = new Date('2026-01-01T00:00:00Z');
/** The rules off by default, turned on at the severity they would have. */
const EVERY = Object.fromEntries(allRules.filter((r) => r.enabledByDefault === false).map((r) => [r.id, r.defaultSeverity]));

type R = Diagnostic['range'];
const at = (r: R) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const q = (s: string) => JSON.stringify(s);

function line(d: Diagnostic): string {
  const parts = [d.ruleId, d.severity, at(d.range), q(d.message)];
  if (d.unnecessary) parts.push('unnecessary');
  for (const r of d.related ?? []) parts.push(`related ${at(r.range)} ${q(r.message)}`);
  for (const f of d.fixes ?? []) {
    parts.push(`fix${f.safe ? ' safe' : ''} ${q(f.title)} ${f.edits.map((e) => `${at(e.range)}=${q(e.newText)}`).join(' ')}`);
  }
  return parts.join('\t');
}

/** The tree as JSON, minus the text and line table it was built from. */
function treeDigest(cable: ReturnType<typeof parseCable>): string {
  const json = JSON.stringify(cable, (k, v) => (k === 'text' && typeof v === 'string' && v === cable.text) || (k === 'lines' && v === cable.lines) ? undefined : v);
  return createHash('sha1').update(json).digest('hex');
}

const files = dirs.flatMap((dir) => readdirSync(dir).filter((x) => /\.(?:txt|cable|tel)$/.test(x)).map((f) => ({ dir, f })));
/** What the editor shows: the outline, folding, a digest of the semantic tokens, and the hover at every word. */
function serviceLines(id: string, cable: ReturnType<typeof parseCable>): string[] {
  const out = [
    `${id}\toutline\t${JSON.stringify(documentSymbols(cable))}`,
    `${id}\tfolding\t${JSON.stringify(foldingRanges(cable))}`,
    `${id}\ttokens\t${createHash('sha1').update(JSON.stringify(semanticTokens(cable))).digest('hex')}`,
  ];
  let last = '';
  cable.lines.forEach((l, line) => {
    for (const w of cable.text.slice(l.start, l.end).matchAll(/\S+/g)) {
      const h = hover(cable, { line, character: w.index! });
      if (!h) continue;
      const r = h.range!;
      const key = `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
      if (key === last) continue;
      last = key;
      out.push(`${id}\thover\t${key}\t${q((h.contents as { value: string }).value)}`);
    }
  });
  return out;
}

for (const { dir, f } of files.sort((a, b) => (a.f < b.f ? -1 : a.f > b.f ? 1 : 0))) {
  const id = f.replace(/\.[a-z]+$/, '');
  if (only.size && !only.has(id)) continue;
  const cable = parseCable(decode(readFileSync(`${dir}/${f}`)));
  const out: string[] = [];
  if (tree) out.push(`${id}\ttree\t${treeDigest(cable)}`);
  const r = lintCable(cable, { now, referenceId: id });
  out.push(`${id}\tprofile\t${r.profile}`);
  out.push(`${id}\tfacts\t${JSON.stringify(cableFacts(cable))}`);
  for (const d of r.diagnostics) out.push(`${id}\t${line(d)}`);
  // Every rule once more, as on a transmitted cable with the rules that are off by default on:
  // most of the corpus is published, where the profile silences a dozen rules.
  for (const d of lintCable(cable, { now, referenceId: id, profile: 'transmitted', rules: EVERY }).diagnostics) {
    out.push(`${id}\tall\t${line(d)}`);
  }
  if (service) out.push(...serviceLines(id, cable));
  console.log(out.join('\n'));
}
