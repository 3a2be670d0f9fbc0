#!/usr/bin/env node
// `npm run screenshots`: refreshes the README's screenshots (images/screenshots/*.jpg) from what
// the VS Code smoke test saw. It runs the smoke tests (scripts/test-vscode.mjs --smoke-only: the
// packaged .vsix in the real VS Code 1.100.3 workbench, read through the UI as a person would),
// which write test-results/vscode/*.png, then re-encodes the chosen ones as JPEG in the same
// headless Chromium (a PNG of a full workbench is ~220 KB; the .vsix ships the README's images).
//
// Options: --no-run (re-encode the PNGs test-results/vscode holds already, e.g. after
// `npm run test:vscode`). Exits 1 when a screenshot is missing or the smoke test failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'test-results', 'vscode');
const OUT = join(ROOT, 'images', 'screenshots');
const CHROMIUM = process.env.CABLE_LINT_CHROMIUM ?? '/usr/bin/chromium';
const QUALITY = 80;
/** Shown at 80 %: the workbench's text stays legible, the file a third smaller. */
const SCALE = 0.8;

/** The smoke test's screenshot → the README's name for it. */
export const SHOTS = [
  // The PREL hover over the TAGS line's inlay hints, the Problems panel below.
  ['smoke-4-hover.png', 'hover.jpg'],
  ['smoke-5-quick-fix-menu.png', 'quick-fix.jpg'],
  ['smoke-9-new-draft.png', 'new-draft.jpg'],
];

function main() {
  if (!process.argv.includes('--no-run')) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'test-vscode.mjs'), '--smoke-only'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error('screenshots: the smoke test failed; the screenshots are left as they were');
      return 1;
    }
  }
  const missing = SHOTS.filter(([png]) => !existsSync(join(RESULTS, png))).map(([png]) => png);
  if (missing.length > 0) {
    console.error(`screenshots: not in ${RESULTS}: ${missing.join(', ')} (run without --no-run)`);
    return 1;
  }
  return reencode();
}

async function reencode() {
  const { chromium } = await import('playwright-core');
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    for (const [png, jpg] of SHOTS) {
      const bytes = readFileSync(join(RESULTS, png));
      // The PNG's own size, from its IHDR chunk.
      const width = Math.round(bytes.readUInt32BE(16) * SCALE);
      const height = Math.round(bytes.readUInt32BE(20) * SCALE);
      const page = await browser.newPage({ viewport: { width, height } });
      await page.setContent(`<body style="margin:0"><img src="data:image/png;base64,${bytes.toString('base64')}" style="display:block;width:${width}px;height:${height}px"></body>`);
      await page.locator('img').evaluate((img) => img.decode());
      const target = join(OUT, jpg);
      await page.screenshot({ path: target, type: 'jpeg', quality: QUALITY, clip: { x: 0, y: 0, width, height } });
      await page.close();
      console.log(`screenshots: ${png} → images/screenshots/${jpg} (${Math.round(statSync(target).size / 1024)} KB)`);
    }
  } finally {
    await browser.close();
  }
  return 0;
}

process.exitCode = await main();
