// Bundles the CLI, the language server and the VS Code client with esbuild (scripts/bundles.mjs
// lists them), for Node and for the browser (dist/browser/: the web extension).
// dist/ is CommonJS (VS Code loads extensions with require), so it gets its own package.json.
//
// --vsix builds the installable extension instead: production bundles of the client and the
// server into a staging folder (out/vsix/) with exactly what the extension ships, then
// `vsce package` there, offline and without prompts, writing cable-lint-<version>.vsix at the
// root. Staging keeps the npm package's `files` list (bin/, the CLI bundle) and the extension's
// .vscodeignore from colliding: vsce refuses a folder that has both.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { BROWSER_ENTRIES, bundleOptions, NODE_ENTRIES } from './bundles.mjs';

const vsix = process.argv.includes('--vsix');
const production = vsix || process.argv.includes('--production');

const outDir = vsix ? join('out', 'vsix', 'dist') : 'dist';
const nodeEntries = NODE_ENTRIES.filter((e) => existsSync(e.in) && (!vsix || e.vsix));
const browserEntries = BROWSER_ENTRIES.filter((e) => existsSync(e.in));

if (vsix) rmSync(join('out', 'vsix'), { recursive: true, force: true });
mkdirSync(join(outDir, 'browser'), { recursive: true });
writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
await Promise.all([
  ...nodeEntries.map((e) => build({ ...bundleOptions(e, { production, browser: false }), outfile: join(outDir, e.out) })),
  ...browserEntries.map((e) => build({ ...bundleOptions(e, { production, browser: true }), outfile: join(outDir, e.out) })),
]);

if (vsix) packageExtension();
if (process.argv.includes('--types')) emitDeclarations();

/**
 * `--types` (run by `prepack`): declaration files for the Node API, which `types` and `exports`
 * in package.json point at. Kept out of the everyday build: tsc takes seconds the tests don't need.
 */
function emitDeclarations() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = ['--declaration', '--emitDeclarationOnly', '--outDir', join('dist', 'types'), '--rootDir', '.', '--module', 'esnext',
    '--moduleResolution', 'bundler', '--target', 'es2022', '--strict', '--skipLibCheck', '--resolveJsonModule', '--esModuleInterop',
    '--types', 'node', 'server/src/api.ts'];
  const r = spawnSync(process.execPath, [tsc, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function packageExtension() {
  const stage = join('out', 'vsix');
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  // The npm side of the manifest means nothing to VS Code; `files` would make vsce refuse the
  // .vscodeignore, and `scripts` could run a prepublish step. `type: module` is the repository's
  // scripts' (the bundles are CommonJS, dist/package.json says so): VS Code would take the
  // extension for an ES module, which its web-worker extension host refuses to load.
  for (const key of ['files', 'scripts', 'bin', 'exports', 'types', 'devDependencies', 'allowScripts', 'type']) delete manifest[key];
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  for (const f of ['README.md', 'LICENSE', 'CHANGELOG.md', 'language-configuration.json', '.vscodeignore']) copyFileSync(f, join(stage, f));
  // schemas/ holds the .cablelintrc.json schema that contributes.jsonValidation points at.
  // snippets/ and docs/walkthrough/ hold what contributes.snippets and the walkthrough point at.
  for (const d of ['images', 'syntaxes', join('docs', 'rules'), join('docs', 'walkthrough'), 'schemas', 'snippets']) {
    if (existsSync(d)) cpSync(d, join(stage, d), { recursive: true });
  }

  const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  const out = resolve(`${manifest.name}-${manifest.version}.vsix`);
  const r = spawnSync(
    process.execPath,
    [
      vsce,
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      // The README's relative links point at files the package ships (docs/rules); package.json
      // names no repository yet, so there is nothing absolute to rewrite them to.
      '--no-rewrite-relative-links',
      '--out',
      out,
    ],
    { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
