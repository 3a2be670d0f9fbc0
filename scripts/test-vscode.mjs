#!/usr/bin/env node
// `npm run test:vscode`: the extension inside a real VS Code.
//
// 1. The mocha suite in test/vscode/suite runs through @vscode/test-electron's run() contract.
//    With a desktop VS Code (VSCODE_EXECUTABLE, or a download that succeeds) it goes through
//    test-electron's runTests. These machines cannot download one, so otherwise the runner uses the
//    VS Code 1.100.3 workbench shipped by the npm package code-server@4.100.3, installed once into
//    a cache folder outside the source tree, and drives it with Debian's headless Chromium.
// 2. A user-level smoke test installs the packaged .vsix into its own extensions folder in the same
//    workbench and reads from the page what a person sees (test/vscode/smoke.mjs).
// The process exits with the suites' status. Everything it starts is killed at the end, also on
// failure or interruption.
//
// Options: --install-only (prepare the cache and exit), --suite-only, --smoke-only (both smoke
// runs), --web-only (the smoke test in the web worker extension host alone), --no-build
// (use dist/ as it is), --no-download (skip the desktop VS Code download attempt).
// Environment: VSCODE_EXECUTABLE (a desktop VS Code to use instead), CABLE_LINT_VSIX (a packaged
// extension to smoke-test instead of packaging one), CABLE_LINT_VSCODE_CACHE
// (the cache folder, default ~/.cache/cable-lint-vscode), CABLE_LINT_VSCODE_DEBUG=1 (echo every
// browser console line).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Pinned on purpose: the workbench's DOM, its URL payload and code-server's Node range move together.
const CODE_SERVER_VERSION = '4.100.3';
const VSCODE_VERSION = '1.100.3';
const PLAYWRIGHT_VERSION = '1.65.1';
// What code-server's @vscode/ripgrep postinstall asks for; it would fetch it from GitHub otherwise.
const RIPGREP = { pkg: '1.15.11', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };
const DEBIAN_PACKAGES = ['chromium', 'ripgrep', 'build-essential', 'pkg-config', 'python3', 'libkrb5-dev', 'libsecret-1-dev'];
const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling Google's hosts, which the closed
// network refuses; as root it needs --no-sandbox.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];
const SUITE_TIMEOUT_MS = 10 * 60_000;
const SUITE_LINE_PREFIX = '[cable-lint suite]';

const CACHE = resolve(process.env.CABLE_LINT_VSCODE_CACHE || join(homedir(), '.cache', 'cable-lint-vscode'));
const CODE_SERVER_PREFIX = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
const CODE_SERVER_ENTRY = join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const PLAYWRIGHT_PREFIX = join(CACHE, `playwright-core-${PLAYWRIGHT_VERSION}`);
const RESULTS = join(ROOT, 'test-results', 'vscode');
const OUT = join(ROOT, 'out', 'vscode-test');
const DEBUG = process.env.CABLE_LINT_VSCODE_DEBUG === '1';

const args = new Set(process.argv.slice(2));
/** code-server process groups still running: killed on any exit, even one nobody planned. */
const serverGroups = new Set();
process.on('exit', () => {
  for (const child of serverGroups) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
const started = Date.now();
const cleanups = [];

function log(message) {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[test:vscode ${s}s] ${message}`);
}

function run(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Installation (once per machine; later runs find the markers and skip it)

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}; install them as root (apt-get install ${missing.join(' ')})`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

function ensureCodeServer() {
  const marker = join(CODE_SERVER_PREFIX, '.installed');
  if (existsSync(marker) && existsSync(CODE_SERVER_ENTRY)) return;
  log(`installing code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_PREFIX} (once; 2-5 minutes on 2 cores)`);
  rmSync(CODE_SERVER_PREFIX, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_PREFIX, { recursive: true });
  writeFileSync(join(CODE_SERVER_PREFIX, 'package.json'), '{ "private": true }\n');
  // @vscode/ripgrep's postinstall takes a tarball from $TMPDIR/vscode-ripgrep-cache-<version>/
  // before it tries GitHub: hand it Debian's rg under the name it asks for.
  const tmp = join(CACHE, 'tmp');
  const rgCache = join(tmp, `vscode-ripgrep-cache-${RIPGREP.pkg}`);
  mkdirSync(rgCache, { recursive: true });
  run('tar', ['czf', join(rgCache, RIPGREP.asset), '-C', dirname(realRg()), 'rg']);
  const env = {
    ...process.env,
    TMPDIR: tmp,
    // npm 11 blocks dependency scripts; code-server's postinstall must run (it installs
    // lib/vscode's own dependencies and builds node-pty), so scripts are allowed for this one
    // install into the cache only. unsafe_perm: we are root; yes: node-pty runs `npx node-gyp`.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  run('npm', ['install', '--prefix', CODE_SERVER_PREFIX, '--no-save', `code-server@${CODE_SERVER_VERSION}`], { env, cwd: CODE_SERVER_PREFIX });
  const rg = join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!existsSync(rg)) throw new Error(`code-server installed without ${rg}`);
  writeFileSync(marker, `code-server@${CODE_SERVER_VERSION} ${new Date().toISOString()}\n`);
}

function realRg() {
  const r = spawnSync('sh', ['-c', 'readlink -f "$(command -v rg)"'], { encoding: 'utf8' });
  const p = r.stdout.trim();
  if (!p) throw new Error('rg not found (Debian package ripgrep)');
  return p;
}

function ensurePlaywright() {
  const marker = join(PLAYWRIGHT_PREFIX, '.installed');
  if (!existsSync(marker)) {
    log(`installing playwright-core@${PLAYWRIGHT_VERSION} into ${PLAYWRIGHT_PREFIX} (no browser download: Debian's Chromium is used)`);
    rmSync(PLAYWRIGHT_PREFIX, { recursive: true, force: true });
    mkdirSync(PLAYWRIGHT_PREFIX, { recursive: true });
    writeFileSync(join(PLAYWRIGHT_PREFIX, 'package.json'), '{ "private": true }\n');
    run('npm', ['install', '--prefix', PLAYWRIGHT_PREFIX, '--no-save', '--no-audit', '--no-fund', `playwright-core@${PLAYWRIGHT_VERSION}`], {
      cwd: PLAYWRIGHT_PREFIX,
    });
    writeFileSync(marker, `playwright-core@${PLAYWRIGHT_VERSION}\n`);
  }
  return createRequire(join(PLAYWRIGHT_PREFIX, 'package.json'))('playwright-core');
}

function installEverything() {
  const t = Date.now();
  ensureDebianPackages();
  ensureCodeServer();
  const playwright = ensurePlaywright();
  log(`installation ready in ${((Date.now() - t) / 1000).toFixed(1)} s (cache ${CACHE})`);
  return playwright;
}

// ---------------------------------------------------------------------------------------------
// Build: the extension bundle (dist/) and the suite, compiled to CommonJS like an extension.

async function buildSuite() {
  if (!args.has('--no-build')) run(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
  for (const f of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run npm run build`);
  }
  const { build } = await import('esbuild');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
  const suiteDir = join(ROOT, 'test', 'vscode', 'suite');
  const entryPoints = readdirSync(suiteDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(suiteDir, f));
  // Mocha 12 is an ES module package; bundling it gives the extension host one CommonJS file.
  await build({
    entryPoints,
    outdir: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'error',
  });
  return join(OUT, 'index.js');
}

// ---------------------------------------------------------------------------------------------
// Fixture workspace: a fresh copy per run, because the suite edits files and .cablelintrc.json.

function makeWorkspace(name) {
  const ws = mkdtempSync(join(tmpdir(), `cable-lint-${name}-`));
  cpSync(join(ROOT, 'examples'), ws, { recursive: true });
  cpSync(join(ROOT, 'test', 'vscode', 'workspace'), ws, { recursive: true });
  cleanups.push(() => rmSync(ws, { recursive: true, force: true }));
  return ws;
}

// ---------------------------------------------------------------------------------------------
// Desktop VS Code through @vscode/test-electron (used when one is available)

async function desktopVSCode() {
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  // A cached build or a quick download; the closed network refuses at once, and a stalled one is
  // given up on after 20 s so the fallback starts promptly.
  try {
    return await Promise.race([
      downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: join(CACHE, 'vscode-test'), timeout: 10_000, reporter: silentReporter() }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('download took too long')), 20_000).unref()),
    ]);
  } catch (e) {
    log(`no desktop VS Code (${String(e?.message ?? e).split('\n')[0]}); using code-server@${CODE_SERVER_VERSION}'s workbench`);
    return undefined;
  }
}

function silentReporter() {
  return { report() {}, error() {} };
}

async function runSuiteInDesktop(executable, testsPath) {
  const { runTests } = await import('@vscode/test-electron');
  const ws = makeWorkspace('suite');
  const userData = mkdtempSync(join(tmpdir(), 'cable-lint-vscode-user-'));
  cleanups.push(() => rmSync(userData, { recursive: true, force: true }));
  writeUserSettings(userData);
  log(`running the suite in ${executable}`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('no DISPLAY: a desktop VS Code needs an X server here (for example xvfb-run npm run test:vscode)');
  }
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsPath,
      // runTests adds --no-sandbox, --disable-updates, --skip-welcome and --disable-workspace-trust.
      launchArgs: [ws, '--disable-extensions', '--user-data-dir', userData],
    });
    return { status: 0, counts: undefined };
  } catch (e) {
    log(`suite failed: ${e?.message ?? e}`);
    return { status: 1, counts: undefined };
  }
}

// ---------------------------------------------------------------------------------------------
// code-server + headless Chromium

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

function writeUserSettings(userData, extra = {}) {
  const dir = join(userData, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = { ...JSON.parse(readFileSync(join(ROOT, 'test', 'vscode', 'user-settings.json'), 'utf8')), ...extra };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/** What the Node extension host (code-server's remote one) logged: every remoteexthost.log under the user data. */
function nodeExtensionHostLog(userData) {
  const logs = [];
  const walk = (dir) => {
    for (const e of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'remoteexthost.log') logs.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(userData, 'logs'));
  return logs.join('\n');
}

/** Starts code-server in its own process group and resolves once /healthz answers. */
async function startCodeServer({ name, extensionsDir: given, settings }) {
  const port = await freePort();
  const scratch = mkdtempSync(join(tmpdir(), `cable-lint-${name}-`));
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
  // The suite's extension comes from the clone as a development extension: an empty folder here.
  const extensionsDir = given ?? join(scratch, 'extensions');
  const userData = join(scratch, 'user-data');
  writeUserSettings(userData, settings);
  mkdirSync(extensionsDir, { recursive: true });
  const logFile = join(RESULTS, `${name}-code-server.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', userData,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: {
        ...process.env,
        // Nothing lands in $HOME; the server's own config file goes here too.
        XDG_CONFIG_HOME: join(scratch, 'config'),
        XDG_DATA_HOME: join(scratch, 'data'),
        XDG_CACHE_HOME: join(scratch, 'cache'),
      },
    },
  );
  closeSync(fd);
  serverGroups.add(child);
  const stop = () => killGroup(child);
  cleanups.push(stop);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 120 s; see ${logFile}`);
    await sleep(300);
  }
  return { base, port, stop, logFile, userData };
}

function killGroup(child) {
  serverGroups.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.2']);
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function launchBrowser(playwright) {
  // Our own signal handlers stop code-server too; Playwright's would exit before they ran.
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => browser.close().catch(() => {}));
  return browser;
}

/**
 * Collects a page's console as text. The workbench prints with %c styles, whose style arguments are
 * dropped; arguments are read in order (one chain), so lines keep the order they were printed in.
 */
function recordConsole(page, onLine) {
  const lines = [];
  let chain = Promise.resolve();
  page.on('console', (msg) => {
    chain = chain.then(async () => {
      let parts;
      try {
        parts = await Promise.all(msg.args().map((a) => a.jsonValue()));
      } catch {
        parts = [msg.text()];
      }
      if (typeof parts[0] === 'string' && parts[0].includes('%c')) {
        const styles = parts[0].match(/%c/g).length;
        parts = [parts[0].replace(/%c/g, ''), ...parts.slice(1 + styles)];
      }
      const text = parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ').trimEnd();
      lines.push(`[${msg.type()}] ${text}`);
      onLine?.(text);
    });
  });
  return { lines, settled: () => chain };
}

async function runSuiteInCodeServer(playwright, testsPath) {
  const server = await startCodeServer({ name: 'suite' });
  const ws = makeWorkspace('suite');
  const browser = await launchBrowser(playwright);
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  let counts;
  const consoleLog = recordConsole(page, (text) => {
    const m = /cable-lint vscode suite: (\d+) passed, (\d+) failed/.exec(text);
    if (m) counts = { passed: Number(m[1]), failed: Number(m[2]) };
    // The suite's own lines (test/vscode/suite/index.ts marks them): mocha's reporter prints
    // through the extension host's console, which the workbench forwards to the page.
    const at = text.indexOf(SUITE_LINE_PREFIX);
    if (at >= 0) console.log(text.slice(at + SUITE_LINE_PREFIX.length + 1));
    else if (DEBUG) console.log(text);
  });
  let exitCode;
  const exited = new Promise((r) => (exitCode = r));
  await page.exposeFunction('codeAutomationExit', (code) => exitCode(code));
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  const url = `${server.base}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`opening the workbench with the suite (${server.base})`);
  await page.goto(url);
  const timeout = sleep(SUITE_TIMEOUT_MS).then(() => 'timeout');
  const code = await Promise.race([exited, timeout]);
  await page.screenshot({ path: join(RESULTS, 'suite-end.png') }).catch(() => {});
  await consoleLog.settled();
  writeFileSync(join(RESULTS, 'suite-console.log'), consoleLog.lines.join('\n') + '\n');
  await browser.close().catch(() => {});
  server.stop();
  if (code === 'timeout') {
    log(`the suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes; console in ${join(RESULTS, 'suite-console.log')}`);
    return { status: 1, counts };
  }
  log(`suite finished with exit code ${code}`);
  return { status: code === 0 ? 0 : 1, counts };
}

// ---------------------------------------------------------------------------------------------
// Smoke test on the packaged extension

/** The packaged extension: what `npm run package` builds (a staged production build + vsce). */
let packagedVsix;
function ensureVsix() {
  packagedVsix ??= packageVsix();
  return packagedVsix;
}

function packageVsix() {
  if (process.env.CABLE_LINT_VSIX) return resolve(process.env.CABLE_LINT_VSIX);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (manifest.scripts?.package) {
    log('packaging the extension (npm run package)');
    const vsix = join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
    rmSync(vsix, { force: true });
    run('npm', ['run', '--silent', 'package'], { cwd: ROOT });
    if (!existsSync(vsix)) throw new Error(`npm run package did not write ${vsix}`);
    return vsix;
  }
  const vsix = join(CACHE, 'cable-lint.vsix');
  log('packaging the extension (vsce package)');
  rmSync(vsix, { force: true });
  run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], { cwd: ROOT });
  return vsix;
}

/**
 * The smoke test; `web`: with the user setting that makes the workbench run the extension in its
 * web-worker extension host (the browser entry, as on vscode.dev) instead of the Node one.
 */
async function runSmoke(playwright, { web = false } = {}) {
  const name = web ? 'smoke-web' : 'smoke';
  const vsix = ensureVsix();
  const extensionsDir = join(mkdtempSync(join(tmpdir(), 'cable-lint-smoke-ext-')), 'extensions');
  cleanups.push(() => rmSync(dirname(extensionsDir), { recursive: true, force: true }));
  mkdirSync(extensionsDir, { recursive: true });
  log('installing the .vsix into the smoke test\'s own extensions folder');
  run(process.execPath, [CODE_SERVER_ENTRY, '--install-extension', vsix, '--extensions-dir', extensionsDir], {
    env: { ...process.env, XDG_CONFIG_HOME: join(dirname(extensionsDir), 'config'), XDG_DATA_HOME: join(dirname(extensionsDir), 'data') },
  });
  const settings = web ? { 'remote.extensionKind': { 'cable-lint.cable-lint': ['web'] } } : {};
  const server = await startCodeServer({ name, extensionsDir, settings });
  const ws = makeWorkspace(name);
  const browser = await launchBrowser(playwright);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const consoleLog = recordConsole(page, DEBUG ? (text) => console.log(text) : undefined);
  const { smoke } = await import(join(ROOT, 'test', 'vscode', 'smoke.mjs'));
  try {
    return await smoke({
      page,
      url: `${server.base}/?folder=${encodeURIComponent(ws)}`,
      workspace: ws,
      results: RESULTS,
      log,
      web,
      nodeExtensionHostLog: () => nodeExtensionHostLog(server.userData),
    });
  } finally {
    await consoleLog.settled();
    writeFileSync(join(RESULTS, `${name}-console.log`), consoleLog.lines.join('\n') + '\n');
    const hostLog = nodeExtensionHostLog(server.userData);
    if (hostLog) writeFileSync(join(RESULTS, `${name}-node-exthost.log`), hostLog);
    await browser.close().catch(() => {});
    server.stop();
  }
}

// ---------------------------------------------------------------------------------------------

async function cleanup() {
  while (cleanups.length > 0) {
    const f = cleanups.pop();
    try {
      await f();
    } catch {
      // keep cleaning
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    log(`${signal}: stopping code-server and Chromium`);
    void cleanup().finally(() => process.exit(1));
  });
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (args.has('--install-only')) {
    installEverything();
    return 0;
  }
  const testsPath = await buildSuite();
  let playwright;
  const results = [];
  if (!args.has('--smoke-only') && !args.has('--web-only')) {
    const desktop = process.env.VSCODE_EXECUTABLE || !args.has('--no-download') ? await desktopVSCode() : undefined;
    if (desktop) {
      results.push({ name: 'suite', ...(await runSuiteInDesktop(desktop, testsPath)) });
    } else {
      playwright = installEverything();
      results.push({ name: 'suite', ...(await runSuiteInCodeServer(playwright, testsPath)) });
    }
  }
  if (!args.has('--suite-only')) {
    playwright ??= installEverything();
    if (!args.has('--web-only')) results.push({ name: 'smoke', ...(await runSmoke(playwright)) });
    log('the same smoke test with the extension in the web worker ("remote.extensionKind": ["web"])');
    results.push({ name: 'smoke-web', ...(await runSmoke(playwright, { web: true })) });
  }
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const c = r.counts ?? { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1 };
    passed += c.passed;
    failed += c.failed;
    log(`${r.name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${c.passed} passed, ${c.failed} failed)`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and logs in ${RESULTS}`);
  // The plain closing line CI reads.
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  return results.every((r) => r.status === 0) && results.length > 0 ? 0 : 1;
}

let status = 1;
try {
  status = await main();
} catch (e) {
  console.error(`[test:vscode] ${e?.stack ?? e}`);
  status = 1;
} finally {
  await cleanup();
}
process.exit(status);
