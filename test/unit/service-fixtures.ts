/** Fixtures shared by the language-service tests (test/unit/service-*.test.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cable } from '../../grammar/src/ast';
import { parseCable } from '../../grammar/src/index';
import { positionAt } from '../../grammar/src/positions';
import { decodeCable } from '../../server/src/host/decode';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');

/** Bytes decoded as the CLI decodes them (UTF-8, else Latin-1). */
export function readCable(path: string): string {
  return decodeCable(readFileSync(path));
}

export const syntheticText = readCable(join(root, 'test/fixtures/synthetic-reykjavik.cable'));
export const seed000Text = readCable(join(root, 'examples/seed-000-dushanbe-50-partial-extract.txt'));
export const seed002Text = readCable(join(root, 'examples/seed-002-dushanbe-313-published.txt'));

/** Every example and corpus fixture, parsed once. */
export function allFixtures(): { name: string; cable: Cable }[] {
  const out: { name: string; cable: Cable }[] = [{ name: 'synthetic-reykjavik.cable', cable: parseCable(syntheticText) }];
  for (const f of readdirSync(join(root, 'examples')).sort()) {
    if (/\.(?:cable|txt)$/.test(f)) out.push({ name: `examples/${f}`, cable: parseCable(readCable(join(root, 'examples', f))) });
  }
  for (const f of readdirSync(join(root, 'test/fixtures/corpus')).sort()) {
    if (f.endsWith('.txt')) out.push({ name: `corpus/${f}`, cable: parseCable(readCable(join(root, 'test/fixtures/corpus', f))) });
  }
  return out;
}

/** Position of the `n`-th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(cable: Cable, needle: string, delta = 0, n = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = cable.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture has no "${needle}" #${n}`);
  }
  const p = positionAt(cable.lines, at + delta);
  return { line: p.line, character: p.character };
}

/** The text a range covers, for assertions. */
export function textAt(cable: Cable, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const a = cable.lines[r.start.line]!.start + r.start.character;
  const b = cable.lines[r.end.line]!.start + r.end.character;
  return cable.text.slice(a, b);
}

/** Whether an LSP range lies inside the document (lines exist, characters within their line). */
export function inDocument(cable: Cable, r: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && p.line >= 0 && p.line < cable.lines.length && p.character >= 0 && p.character <= cable.lines[p.line]!.end - cable.lines[p.line]!.start;
  const before = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
  return ok(r.start) && ok(r.end) && before;
}

export function rangeContains(
  outer: { start: { line: number; character: number }; end: { line: number; character: number } },
  inner: { start: { line: number; character: number }; end: { line: number; character: number } },
): boolean {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}
