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

/**
 * The host boundary (issue 14): host I/O in one place, below the CLI, the Node API and the
 * server; the server reaches the files, configurations and workspace only through the Host
 * interface, so that a browser host can replace host/node without touching lsp/ or the service.
 * Each check is a predicate over (file, import) pairs, shown failing on a small fixture below.
 */
const NODE_FILE_IO = /^(?:node:)?fs(?:\/promises)?$/;
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || ['fs', 'path', 'url', 'os', 'child_process', 'worker_threads', 'util'].includes(spec);

type Import = { file: string; spec: string };
const HOST_CHECKS: Array<{ name: string; bad: (i: Import) => boolean }> = [
  {
    name: 'only server/src/host/node does file I/O',
    bad: ({ file, spec }) => file.startsWith('server/src/') && !file.startsWith('server/src/host/node/') && NODE_FILE_IO.test(spec),
  },
  {
    name: 'host/ outside host/node imports no Node built-in (a browser host reuses it)',
    bad: ({ file, spec }) => file.startsWith('server/src/host/') && !file.startsWith('server/src/host/node/') && isNodeBuiltin(spec),
  },
  {
    name: 'lsp/ imports nothing of api.ts, cli/ or host/node but its Node entry (main.ts)',
    bad: ({ file, spec }) =>
      file.startsWith('server/src/lsp/') && (/\/(?:api|cli\/[^']*|cli)$/.test(spec) || (/\/host\/node\//.test(spec) && file !== 'server/src/lsp/main.ts')),
  },
  {
    name: 'lsp/ imports no Node built-in but worker_threads (lint-worker.ts) and util (main.ts)',
    bad: ({ file, spec }) =>
      file.startsWith('server/src/lsp/') &&
      isNodeBuiltin(spec) &&
      !(file === 'server/src/lsp/lint-worker.ts' && spec === 'node:worker_threads') &&
      !(file === 'server/src/lsp/main.ts' && spec === 'node:util'),
  },
  { name: 'cli/ imports nothing of lsp/', bad: ({ file, spec }) => file.startsWith('server/src/cli/') && /\/lsp\//.test(spec) },
  {
    name: 'the engine, rules, service, model and config import nothing of host/',
    bad: ({ file, spec }) => /^server\/src\/(?:data|engine|rules|service|model|config)\//.test(file) && /\/host\//.test(spec),
  },
];

describe('architecture: the host layer', () => {
  const all = imports('server/src');
  for (const check of HOST_CHECKS) {
    it(check.name, () => {
      assert.deepEqual(all.filter(check.bad).map(({ file, spec }) => `${file}: ${spec}`), []);
    });
  }

  it('each check fails on an import that breaks it', () => {
    const fixtures: Record<string, Import> = {
      'only server/src/host/node does file I/O': { file: 'server/src/cli/main.ts', spec: 'node:fs' },
      'host/ outside host/node imports no Node built-in (a browser host reuses it)': { file: 'server/src/host/decode.ts', spec: 'node:path' },
      'lsp/ imports nothing of api.ts, cli/ or host/node but its Node entry (main.ts)': { file: 'server/src/lsp/server.ts', spec: '../cli/files' },
      'lsp/ imports no Node built-in but worker_threads (lint-worker.ts) and util (main.ts)': { file: 'server/src/lsp/config-edits.ts', spec: 'node:path' },
      'cli/ imports nothing of lsp/': { file: 'server/src/cli/main.ts', spec: '../lsp/settings' },
      'the engine, rules, service, model and config import nothing of host/': { file: 'server/src/config/settings.ts', spec: '../host/errors' },
    };
    for (const check of HOST_CHECKS) {
      const fixture = fixtures[check.name];
      assert.ok(fixture && check.bad(fixture), `${check.name}: fails on ${JSON.stringify(fixture)}`);
    }
    // And lets the sanctioned imports through.
    assert.equal(HOST_CHECKS[2]!.bad({ file: 'server/src/lsp/main.ts', spec: '../host/node/host' }), false);
    assert.equal(HOST_CHECKS[2]!.bad({ file: 'server/src/lsp/server.ts', spec: '../host/host' }), false);
    assert.equal(HOST_CHECKS[3]!.bad({ file: 'server/src/lsp/lint-worker.ts', spec: 'node:worker_threads' }), false);
  });
});
