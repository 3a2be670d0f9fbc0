/**
 * The import boundaries ARCHITECTURE.md promises, checked on the source: the grammar knows only
 * the format, and the engine (data, engine, rules, service, settings) does no I/O and knows no
 * connection. A change that breaks a boundary fails here instead of in review.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier a file imports or re-exports, with the file it is in. */
function imports(dir: string): Array<{ file: string; spec: string }> {
  const out: Array<{ file: string; spec: string }> = [];
  for (const file of sources(join(ROOT, dir))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/g)) out.push({ file: relative(ROOT, file), spec: m[1]! });
    for (const m of text.matchAll(/\b(?:require|import)\(\s*'([^']+)'\s*\)/g)) out.push({ file: relative(ROOT, file), spec: m[1]! });
  }
  return out;
}

const offending = (dir: string, allowed: (spec: string, file: string) => boolean) =>
  imports(dir)
    .filter(({ spec, file }) => !allowed(spec, file))
    .map(({ file, spec }) => `${file}: ${spec}`);

describe('architecture: import boundaries', () => {
  it('grammar/ imports only itself, chevrotain and fastest-levenshtein', () => {
    assert.deepEqual(
      offending('grammar/src', (spec) => spec.startsWith('./') || spec === 'chevrotain' || spec === 'fastest-levenshtein'),
      [],
    );
  });

  for (const dir of ['server/src/data', 'server/src/engine', 'server/src/rules', 'server/src/service']) {
    it(`${dir} does no I/O and knows no connection, CLI or editor`, () => {
      const bad = offending(dir, (spec) => {
        if (spec.startsWith('node:') || spec === 'fs' || spec === 'path' || spec === 'child_process') return false;
        if (spec.startsWith('vscode-languageserver') && spec !== 'vscode-languageserver-types') return false;
        if (spec === 'vscode' || spec.startsWith('vscode-languageclient')) return false;
        if (/\/(lsp|cli|config|api)(\/|$)/.test(spec) || spec.endsWith('/api')) return false;
        return true;
      });
      assert.deepEqual(bad, []);
    });
  }

  it('the client imports nothing of the engine (it only starts the server)', () => {
    assert.deepEqual(
      offending('client/src', (spec) => !spec.startsWith('../../') || spec === '../../server/src/lsp/protocol'),
      [],
    );
  });
});
