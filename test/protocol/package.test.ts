/**
 * The installable extension: `npm run package` (scripts/build.mjs --vsix) builds the .vsix
 * offline; it holds what VS Code loads and the rule pages, nothing else; and the server
 * unpacked from it links every diagnostic to a page that is inside the package.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { EXAMPLES, exampleUri, ROOT, TestClient } from './lsp-client';

interface ZipEntry {
  name: string;
  data: () => Buffer;
}

/** The entries of a zip file, read from its central directory (stored or deflated). */
function readZip(zip: Buffer): ZipEntry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'no end of central directory: not a zip');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    entries.push({
      name,
      data: () => {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const raw = zip.subarray(start, start + size);
        return method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const VSIX = join(ROOT, `${manifest.name}-${manifest.version}.vsix`);

describe('the .vsix (npm run package)', () => {
  let entries: ZipEntry[];
  let names: string[];
  let unpacked: string;
  before(() => {
    // The script npm run package runs; offline, and stdin closed so any prompt would fail it.
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--vsix'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    assert.equal(r.status, 0, `packaging failed:\n${r.stdout}\n${r.stderr}`);
    entries = readZip(readFileSync(VSIX));
    names = entries.map((e) => e.name);
    unpacked = mkdtempSync(join(tmpdir(), 'cable-lint-vsix-'));
    for (const e of entries) {
      const path = join(unpacked, ...e.name.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, e.data());
    }
  });
  after(() => {
    if (unpacked) rmSync(unpacked, { recursive: true, force: true });
  });

  it('holds the bundles, grammar, language configuration, icon, README, LICENSE and CHANGELOG', () => {
    for (const name of [
      'extension/package.json',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/browser/extension.js',
      'extension/dist/browser/server.js',
      'extension/dist/package.json',
      'extension/syntaxes/cable.tmLanguage.json',
      'extension/language-configuration.json',
      'extension/images/icon.png',
      'extension/readme.md',
      'extension/LICENSE.txt',
      'extension/changelog.md',
    ]) {
      assert.ok(names.includes(name), `${name} missing from the .vsix`);
    }
  });

  it('holds every file its contributions point at (grammar, language configuration, icons, JSON schemas)', () => {
    const pkg = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.data().toString('utf8'));
    const c = pkg.contributes;
    const paths: string[] = [
      pkg.icon,
      ...c.languages.flatMap((l: { configuration?: string; icon?: { light: string; dark: string } }) => [l.configuration, l.icon?.light, l.icon?.dark]),
      ...c.grammars.map((g: { path: string }) => g.path),
      ...(c.jsonValidation ?? []).map((j: { url: string }) => j.url),
      ...(c.snippets ?? []).map((s: { path: string }) => s.path),
      ...(c.walkthroughs ?? []).flatMap((w: { steps: { media: { markdown?: string; image?: string } }[] }) => w.steps.map((s) => s.media.markdown ?? s.media.image)),
    ].filter((p): p is string => typeof p === 'string' && !/^[a-z]+:/.test(p));
    assert.ok(paths.length >= 8, paths.join(' '));
    const missing = paths.map((p) => `extension/${p.replace(/^\.\//, '')}`).filter((p) => !names.includes(p));
    assert.deepEqual(missing, []);
  });

  it('ships every rule page, so the diagnostics links work offline', () => {
    const pages = readdirSync(join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
    assert.ok(pages.length > 60, `${pages.length} rule pages`);
    const missing = pages.filter((p) => !names.includes(`extension/docs/rules/${p}`));
    assert.deepEqual(missing, []);
  });

  it('leaves out examples, tests, sources, node_modules, source maps and the CLI bundle', () => {
    const stray = names.filter(
      (n) =>
        /^extension\/(?:examples|test|node_modules|server|client|grammar|scripts|bin|out)\//.test(n) ||
        n.endsWith('.map') ||
        n.endsWith('.ts') ||
        n === 'extension/dist/cli.js' ||
        n === 'extension/dist/index.js',
    );
    assert.deepEqual(stray, []);
  });

  it('declares the web extension entry too, and its bundles stay under 1 MB each', () => {
    const pkg = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.data().toString('utf8'));
    assert.equal(pkg.browser, './dist/browser/extension.js');
    // Not an ES module extension: the web-worker extension host refuses those.
    assert.equal(pkg.type, undefined);
    for (const name of ['extension/dist/browser/extension.js', 'extension/dist/browser/server.js']) {
      const bundle = entries.find((e) => e.name === name)!.data();
      assert.ok(bundle.length < 1024 * 1024, `${name}: ${bundle.length} bytes`);
    }
  });

  it('declares the extension entry, the language and a manifest without the npm-only fields', () => {
    const pkg = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.data().toString('utf8'));
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.files, undefined);
    assert.equal(pkg.scripts, undefined);
    assert.deepEqual(pkg.activationEvents.filter((e: string) => e.startsWith('onLanguage:')), ['onLanguage:cable']);
    assert.equal(pkg.contributes.languages[0].id, 'cable');
    // The server bundle is CommonJS inside a "type": "module" package: dist/ says so itself.
    assert.deepEqual(JSON.parse(entries.find((e) => e.name === 'extension/dist/package.json')!.data().toString('utf8')), { type: 'commonjs' });
  });

  it('the packaged server links each diagnostic to its page inside the package', async () => {
    const client = await TestClient.start({ server: join(unpacked, 'extension', 'dist', 'server.js') });
    try {
      const name = 'invalid-header.cable';
      const diagnostics = await client.openAndWait(exampleUri(name), readFileSync(join(EXAMPLES, name), 'utf8'));
      assert.ok(diagnostics.length > 0, 'diagnostics from the packaged server');
      for (const d of diagnostics) {
        const page = fileURLToPath(d.codeDescription!.href);
        assert.equal(page, join(unpacked, 'extension', 'docs', 'rules', `${String(d.code)}.md`));
        assert.ok(existsSync(page), `${page} exists`);
        assert.ok(page.startsWith(unpacked + sep), 'inside the unpacked extension');
      }
    } finally {
      await client.stop();
    }
  });
});
