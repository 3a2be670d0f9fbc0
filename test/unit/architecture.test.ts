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

  for (const dir of ['server/src/data', 'server/src/model', 'server/src/engine', 'server/src/rules', 'server/src/service', 'server/src/report']) {
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
    name: 'the engine, rules, service, model, config and report import nothing of host/',
    bad: ({ file, spec }) => /^server\/src\/(?:data|engine|rules|service|model|config|report)\//.test(file) && /\/host\//.test(spec),
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
      'the engine, rules, service, model, config and report import nothing of host/': { file: 'server/src/report/fix-loop.ts', spec: '../host/node/files' },
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

// ---------------------------------------------------------------- the layers above and below the rules

/** Source files by path from the repository root (`server/src/rules/CBL061-tags-known.ts`). */
type Tree = ReadonlyMap<string, string>;

function readTree(...dirs: string[]): Tree {
  const tree = new Map<string, string>();
  for (const dir of dirs) for (const file of sources(join(ROOT, dir))) tree.set(relative(ROOT, file).split('\\').join('/'), readFileSync(file, 'utf8'));
  return tree;
}

/** The repository paths a file imports (relative specifiers only, resolved as the bundler does). */
function importedPaths(tree: Tree, file: string): string[] {
  const text = tree.get(file) ?? '';
  const specs = [
    ...[...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/g)].map((m) => m[1]!),
    ...[...text.matchAll(/\b(?:require|import)\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!),
  ];
  const dir = file.split('/').slice(0, -1);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((spec) => {
      const parts = [...dir];
      for (const seg of spec.split('/')) {
        if (seg === '..') parts.pop();
        else if (seg !== '.') parts.push(seg);
      }
      const path = parts.join('/');
      return tree.has(`${path}.ts`) || !tree.has(`${path}/index.ts`) ? `${path}.ts` : `${path}/index.ts`;
    });
}

const RULE_FILE = /^server\/src\/rules\/CBL\d{3}-[a-z0-9-]+\.ts$/;
const CATALOGUE = 'server/src/rules/index.ts';

/** A rule file that imports any other module of `rules/`: shared meaning belongs in the model. */
function rulesImportingRules(tree: Tree): string[] {
  const out: string[] = [];
  for (const file of tree.keys()) {
    if (!RULE_FILE.test(file)) continue;
    for (const path of importedPaths(tree, file)) if (path.startsWith('server/src/rules/')) out.push(`${file} imports ${path}`);
  }
  return out;
}

/** The service and the adapters (LSP, CLI, config, Node API) see rules only through the catalogue. */
function adaptersImportingRuleFiles(tree: Tree): string[] {
  const out: string[] = [];
  for (const file of tree.keys()) {
    if (!/^server\/src\/(?:service|lsp|cli|config|host|report)\/|^server\/src\/api\.ts$/.test(file)) continue;
    for (const path of importedPaths(tree, file)) {
      if (path.startsWith('server/src/rules/') && path !== CATALOGUE) out.push(`${file} imports ${path}`);
    }
  }
  return out;
}

/** The engine runs the rules it is given and the model sits below them: neither imports a rule. */
function layersBelowTheRules(tree: Tree): string[] {
  const out: string[] = [];
  for (const file of tree.keys()) {
    const below = /^server\/src\/(?:engine|model|data)\//.test(file);
    const model = file.startsWith('server/src/model/');
    if (!below) continue;
    for (const path of importedPaths(tree, file)) {
      const up = /^server\/src\/(?:rules|service|lsp|cli|config|host|report)\/|^server\/src\/(?:api|lint)\.ts$/.test(path);
      if (up || (model && path.startsWith('server/src/engine/'))) out.push(`${file} imports ${path}`);
    }
  }
  return out;
}

const GRAMMAR_MAX_LINES = 500;

/** One module per job in the grammar: no file over 500 lines. */
function oversizedGrammarFiles(tree: Tree): string[] {
  const out: string[] = [];
  for (const [file, text] of tree) {
    if (!file.startsWith('grammar/')) continue;
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > GRAMMAR_MAX_LINES) out.push(`${file} has ${lines} lines`);
  }
  return out;
}

describe('architecture: the model between the tree and the rules', () => {
  const tree = readTree('grammar/src', 'server/src');

  it('no rule imports another rule', () => {
    assert.deepEqual(rulesImportingRules(tree), []);
  });

  it('the service and the adapters import no rule file but the catalogue', () => {
    assert.deepEqual(adaptersImportingRuleFiles(tree), []);
  });

  it('the engine, the model and the data import nothing above them (no rule, no catalogue)', () => {
    assert.deepEqual(layersBelowTheRules(tree), []);
  });

  it(`no grammar file is over ${GRAMMAR_MAX_LINES} lines`, () => {
    assert.deepEqual(oversizedGrammarFiles(tree), []);
  });

  describe('each check fails on a small tree that breaks it', () => {
    /** `check` over a tree of just `files` finds exactly `expected`, in any order. */
    const findsOn = (check: (tree: Tree) => string[], files: Record<string, string>, expected: string[]) =>
      assert.deepEqual(check(new Map(Object.entries(files))).sort(), [...expected].sort());

    it('a rule importing a rule', () => {
      findsOn(
        rulesImportingRules,
        {
          'server/src/rules/CBL998-fixture.ts': "import type { Rule } from '../engine/types';\nimport { shared } from './CBL999-other';\n",
          'server/src/rules/CBL999-other.ts': "export const shared = 1;\n",
          'server/src/rules/helpers.ts': "export const helper = 1;\n",
          'server/src/rules/CBL997-helped.ts': "import { helper } from './helpers';\nimport { modelOf } from '../model/index';\n",
          'server/src/rules/index.ts': "export { x } from './CBL998-fixture';\n",
        },
        ['server/src/rules/CBL997-helped.ts imports server/src/rules/helpers.ts', 'server/src/rules/CBL998-fixture.ts imports server/src/rules/CBL999-other.ts'],
      );
    });

    it('a service or adapter module importing a rule file other than the catalogue', () => {
      findsOn(
        adaptersImportingRuleFiles,
        {
          'server/src/service/hover.ts': "import { analyseTags } from '../rules/CBL061-tags-known';\nimport { allRules } from '../rules/index';\n",
          'server/src/lsp/server.ts': "import { findRule } from '../rules';\n",
          'server/src/cli/main.ts': "export { CBL004 } from '../rules/CBL004-de-line';\n",
          'server/src/rules/index.ts': '',
          'server/src/rules/CBL061-tags-known.ts': '',
          'server/src/rules/CBL004-de-line.ts': '',
        },
        ['server/src/cli/main.ts imports server/src/rules/CBL004-de-line.ts', 'server/src/service/hover.ts imports server/src/rules/CBL061-tags-known.ts'],
      );
    });

    it('the engine or the model importing the rules', () => {
      findsOn(
        layersBelowTheRules,
        {
          'server/src/engine/lint.ts': "import { allRules } from '../rules/index';\n",
          'server/src/model/tags.ts': "import type { RuleContext } from '../engine/types';\n",
          'server/src/rules/index.ts': '',
          'server/src/engine/types.ts': '',
        },
        ['server/src/engine/lint.ts imports server/src/rules/index.ts', 'server/src/model/tags.ts imports server/src/engine/types.ts'],
      );
    });

    it('a grammar file over 500 lines', () => {
      findsOn(
        oversizedGrammarFiles,
        { 'grammar/src/index.ts': 'x\n'.repeat(501), 'grammar/src/walk.ts': 'x\n'.repeat(500), 'server/src/api.ts': 'x\n'.repeat(900) },
        ['grammar/src/index.ts has 501 lines'],
      );
    });
  });
});
