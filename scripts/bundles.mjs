// The esbuild bundles of cable-lint, in one place: scripts/build.mjs builds them, and
// test/unit/browser-bundles.test.ts builds the browser ones again with a metafile to check what
// they pull in.
//
// Node: the CLI (cli.js), the Node API (index.js), the language server (server.js, also its own
// lint worker) and the VS Code client (extension.js), CommonJS for Node 20.
// Browser (dist/browser/): the web extension's client (extension.js, CommonJS as VS Code's web
// extension host loads it) and its server (server.js, a classic web worker script): the same
// service modules, another transport and host. No Node built-in may reach them.

/** Minified bundles stay under this (issue 19: each browser bundle under 1 MB). */
export const BROWSER_BUNDLE_LIMIT = 1024 * 1024;

export const NODE_ENTRIES = [
  { in: 'server/src/cli/main.ts', out: 'cli.js', vsix: false },
  { in: 'server/src/api.ts', out: 'index.js', vsix: false },
  { in: 'server/src/lsp/main.ts', out: 'server.js', vsix: true },
  { in: 'client/src/extension.ts', out: 'extension.js', external: ['vscode'], vsix: true },
];

export const BROWSER_ENTRIES = [
  { in: 'server/src/lsp/browser-main.ts', out: 'browser/server.js', format: 'iife' },
  { in: 'client/src/browser-extension.ts', out: 'browser/extension.js', format: 'cjs', external: ['vscode'] },
];

/** esbuild options of one bundle; `production` minifies and drops the source maps. */
export function bundleOptions(entry, { production, browser }) {
  return {
    bundle: true,
    entryPoints: [entry.in],
    external: entry.external ?? [],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    ...(browser
      ? {
          platform: 'browser',
          target: 'es2022',
          format: entry.format,
          // The browser builds of vscode-languageserver / -client and vscode-uri's ES module.
          mainFields: ['browser', 'module', 'main'],
          conditions: ['browser'],
        }
      : { platform: 'node', target: 'node20', format: 'cjs' }),
  };
}
