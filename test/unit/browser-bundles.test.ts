/**
 * The web extension's bundles (issue 19): built again here as `npm run package` builds them
 * (minified, scripts/bundles.mjs), with esbuild's metafile, which lists every module that went
 * in. No Node built-in may be among them (nor stubbed out by a package's `browser` field, which
 * would fail at run time instead of here), and each stays under 1 MB.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build, type Metafile } from 'esbuild';
import { BROWSER_BUNDLE_LIMIT, BROWSER_ENTRIES, bundleOptions } from '../../scripts/bundles.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The Node built-ins a bundle pulls in: imported (left external) or resolved to a stub. */
export function nodeBuiltinsIn(meta: Metafile): string[] {
  const found = new Set<string>();
  for (const [path, input] of Object.entries(meta.inputs)) {
    const disabled = /^\(disabled\):(.*)$/.exec(path);
    if (disabled && NODE_BUILTINS.has(disabled[1]!.replace(/^.*node_modules\//, ''))) found.add(disabled[1]!);
    for (const i of input.imports) if (NODE_BUILTINS.has(i.path) || (i.external && i.path.startsWith('node:'))) found.add(i.path);
  }
  for (const output of Object.values(meta.outputs)) {
    for (const i of output.imports) if (NODE_BUILTINS.has(i.path)) found.add(i.path);
  }
  return [...found].sort();
}

async function bundle(entry: (typeof BROWSER_ENTRIES)[number]) {
  return build({ ...bundleOptions(entry, { production: true, browser: true }), absWorkingDir: ROOT, metafile: true, write: false, outfile: join(ROOT, 'out', entry.out), logLevel: 'silent' });
}

describe('the browser bundles (dist/browser/)', () => {
  it('are the web client and the web-worker server', () => {
    assert.deepEqual(BROWSER_ENTRIES.map((e) => e.out).sort(), ['browser/extension.js', 'browser/server.js']);
  });

  for (const entry of BROWSER_ENTRIES) {
    it(`${entry.out}: no Node built-in in esbuild's metafile, and under 1 MB minified`, async () => {
      const result = await bundle(entry);
      assert.deepEqual(nodeBuiltinsIn(result.metafile), []);
      const inputs = Object.keys(result.metafile.inputs);
      // What the bundle is: the browser builds of the LSP libraries, and the one engine.
      if (entry.out === 'browser/server.js') {
        assert.ok(inputs.some((p) => p.includes('vscode-languageserver/lib/browser/main.js')), 'vscode-languageserver/browser');
        assert.ok(inputs.includes('server/src/lsp/server.ts') && inputs.includes('server/src/engine/lint.ts'), 'the service and the engine');
        assert.ok(!inputs.some((p) => p.startsWith('server/src/host/node/') || p.startsWith('server/src/cli/')), 'no Node host, no CLI');
      } else {
        assert.ok(inputs.some((p) => p.includes('vscode-languageclient/lib/browser/main.js')), 'vscode-languageclient/browser');
        assert.ok(!inputs.some((p) => p.startsWith('server/src/') && p !== 'server/src/lsp/protocol.ts'), 'the client bundles no server code');
      }
      const size = result.outputFiles.find((f) => f.path.endsWith('.js'))!.contents.length;
      assert.ok(size < BROWSER_BUNDLE_LIMIT, `${entry.out}: ${size} bytes`);
    });
  }

  it('the check finds a Node built-in, imported or stubbed out', async () => {
    const imported = await build({
      stdin: { contents: "import { readFileSync } from 'node:fs'; console.log(readFileSync);", resolveDir: ROOT },
      bundle: true,
      platform: 'browser',
      external: ['node:fs'],
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    assert.deepEqual(nodeBuiltinsIn(imported.metafile), ['node:fs']);
    // A package whose `browser` field maps a built-in to false: esbuild bundles an empty stub.
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-stub-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'stub', browser: { path: false } }));
      writeFileSync(join(dir, 'entry.js'), "import * as path from 'path'; console.log(path);");
      const stubbed = await build({ entryPoints: [join(dir, 'entry.js')], absWorkingDir: dir, bundle: true, platform: 'browser', metafile: true, write: false, logLevel: 'silent' });
      assert.deepEqual(nodeBuiltinsIn(stubbed.metafile), ['path']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
