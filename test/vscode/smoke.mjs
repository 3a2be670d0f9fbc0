// The user-level smoke test: the packaged .vsix, installed on its own into the workbench (no
// development copy), used through the UI the way a person would, reading what is on the screen.
// scripts/test-vscode.mjs starts code-server and the browser and calls smoke().
//
// The selectors are VS Code 1.100.3's (pinned through code-server 4.100.3); they are internal and
// change between versions.
import { join } from 'node:path';

const SEED = 'seed-000-dushanbe-50-partial-extract.txt';
// examples/README.md: CBL084 on these lines of seed 000, and nothing else.
const SEED_CBL084_LINES = [14, 15, 19, 20, 21, 25, 29, 35, 36, 37, 38];
const UI_TIMEOUT = 60_000;
// Seed 002's `REF: STATE 202745` (line 73) cites refs/state-202745.cable of the test workspace.
const CITING = 'seed-002-dushanbe-313-published.txt';
const CITED = 'state-202745.cable';
const CITATION = { line: 73, column: 'REF: STATE 2'.length + 1 };

/**
 * `web`: the workbench runs the extension in its web-worker extension host (the browser entry),
 * as vscode.dev does; `nodeExtensionHostLog()` reads what the Node extension host logged.
 */
export async function smoke({ page, url, results, log, web = false, nodeExtensionHostLog }) {
  const checks = [];
  // The web run's screenshots beside the Node run's: web-smoke-….png.
  const shot = (name) => page.screenshot({ path: join(results, `${web ? 'web-' : ''}${name}.png`) }).catch(() => {});
  // The hover checked: PREL on the desktop; in the web run, KWMN (issue 19).
  const hovered = web ? { code: 'KWMN', meaning: /Women's issues/ } : { code: 'PREL', meaning: /External Political Relations/ };

  async function check(name, fn) {
    try {
      const detail = await fn();
      checks.push({ name, ok: true, detail });
      log(`  ✔ ${name}${detail ? `: ${detail}` : ''}`);
    } catch (err) {
      checks.push({ name, ok: false, detail: String(err?.message ?? err) });
      log(`  ✘ ${name}: ${String(err?.message ?? err).split('\n')[0]}`);
      await shot(`smoke-failed-${checks.length}`);
    }
  }

  /**
   * Runs a command from the palette. The palette lists only the commands registered when it was
   * filled, and the workbench registers some (the Extensions view's) a while after it shows: so
   * the palette is filled again until the command appears or the time is up.
   */
  async function runCommand(label) {
    const deadline = Date.now() + UI_TIMEOUT;
    for (;;) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await input.fill(`>${label}`);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
      try {
        await row.waitFor({ state: 'visible', timeout: Math.min(5_000, Math.max(1, deadline - Date.now())) });
      } catch (err) {
        if (Date.now() >= deadline) throw err;
        continue;
      }
      await row.click();
      return;
    }
  }

  log(`smoke: opening ${url}`);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // The Explorer lists the workspace once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first().waitFor({ timeout: UI_TIMEOUT });
  await shot('smoke-1-workbench');

  await check('the Extensions view lists the installed cable-lint', async () => {
    await runCommand('Extensions: Show Enabled Extensions');
    const item = page.locator('.extensions-viewlet .extension-list-item', { hasText: 'cable-lint' }).first();
    await item.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
    await shot('smoke-2-extensions');
    if (!/Linter and language server for diplomatic cable/i.test(text)) throw new Error(`entry reads: ${text}`);
    return text.slice(0, 80);
  });

  await check(`Quick Open opens ${SEED} as a Diplomatic cable`, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await input.fill('seed-000');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: SEED }).first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await row.click();
    await page.locator('.tabs-container .tab.active', { hasText: SEED }).waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.monaco-editor .view-lines', { hasText: 'TAGS:' }).first().waitFor({ timeout: UI_TIMEOUT });
    // The status bar's language picker names the language by its first alias.
    const mode = page.locator('#status\\.editor\\.mode');
    await mode.filter({ hasText: 'Diplomatic cable' }).waitFor({ timeout: UI_TIMEOUT });
    return (await mode.innerText()).trim();
  });

  await check('the status bar shows the profile the seed was linted under: published', async () => {
    // examples/README.md: seed 000 is "published" (the partial-extract note on line 1).
    const item = page.locator('.statusbar-item', { hasText: /^\s*published\s*$/ });
    await item.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    return (await item.first().innerText()).trim();
  });

  await check('the Problems panel lists the CBL084 rows of examples/README.md', async () => {
    await runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // Rows arrive once the server has linted: one file row, then a row per problem.
    await page
      .waitForFunction(
        (n) => [...document.querySelectorAll('.markers-panel .monaco-list-row')].filter((r) => /CBL\d{3}/.test(r.textContent)).length >= n,
        SEED_CBL084_LINES.length,
        { timeout: UI_TIMEOUT },
      )
      .catch(() => {});
    const texts = (await panel.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => /CBL\d{3}/.test(t));
    await shot('smoke-3-problems');
    const found = texts
      .map((t) => ({ code: /CBL\d{3}/.exec(t)?.[0], line: Number(/Ln (\d+)/.exec(t)?.[1]), text: t }))
      .sort((a, b) => a.line - b.line);
    const codes = [...new Set(found.map((f) => f.code))];
    const lines = found.map((f) => f.line);
    if (codes.join() !== 'CBL084' || lines.join() !== SEED_CBL084_LINES.join()) {
      throw new Error(`rows: ${texts.join(' || ')}`);
    }
    if (!found.every((f) => /cable-lint/.test(f.text))) throw new Error(`source missing: ${texts[0]}`);
    return `${found.length} rows, e.g. "${found[0].text}"`;
  });

  await check(`hovering the TAGS code ${hovered.code} shows its explanation`, async () => {
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    const box = await page.evaluate((code) => {
      for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
        const text = line.textContent.replace(/\u00a0/g, ' ');
        if (!text.startsWith('TAGS:')) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf(code);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + code.length);
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
      }
      return undefined;
    }, hovered.code);
    if (!box) throw new Error('the TAGS line is not on screen');
    const hover = page.locator('.monaco-hover-content', { hasText: hovered.code }).first();
    // The TAGS line's inlay hints can push a code past the editor's right edge: hover it from the keyboard then.
    const editorBox = await page.locator('.monaco-editor .view-lines').first().boundingBox();
    if (editorBox && box.x > editorBox.x + editorBox.width - 20) {
      const column = 'TAGS: PGOV PREL PHUM SMIG KWMN TI'.indexOf(hovered.code) + 2;
      await page.keyboard.press('Control+G');
      await page.keyboard.type(`10:${column}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await hover.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
    }
    for (let attempt = 0; attempt < 3 && !(await hover.isVisible()); attempt++) {
      await page.mouse.move(box.x - 30, box.y + 40);
      await page.mouse.move(box.x, box.y, { steps: 5 });
      if (await hover.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) break;
    }
    const text = (await hover.innerText()).replace(/\s+/g, ' ').trim();
    await page.waitForTimeout(300); // the fade-in, for the screenshot
    await shot('smoke-4-hover');
    if (!hovered.meaning.test(text)) throw new Error(`hover reads: ${text}`);
    return text.slice(0, 100);
  });

  await check("the TAGS line shows inlay hints: KWMN › Women's issues, TI › Tajikistan", async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    // The hints are drawn into the line (injected text), after the code they explain; the file
    // itself reads `TAGS: PGOV PREL PHUM SMIG KWMN TI`.
    const tagsLine = async () =>
      page.evaluate(() => {
        for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
          const text = line.textContent.replace(/\u00a0/g, ' ');
          if (text.startsWith('TAGS:')) return text;
        }
        return undefined;
      });
    await page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => /KWMN\s*› Women's issues/.test(l.textContent.replace(/\u00a0/g, ' '))),
      undefined,
      { timeout: UI_TIMEOUT },
    );
    const text = await tagsLine();
    await shot('smoke-inlay-hints');
    if (!/^TAGS: PGOV\s*› .+PREL\s*› External Political Relations.+KWMN\s*› Women's issues\s*TI\s*› Tajikistan\s*$/.test(text ?? '')) throw new Error(`the TAGS line reads: ${text}`);
    return text;
  });

  await check('Ctrl+. on line 14 offers the fix; applying it turns "- 11." into "1." and its row goes', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await input.fill(':14'); // the "Go to Line" mode is the ':' prefix of Quick Open
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+.');
    const items = page.locator('.action-widget .monaco-list-row');
    await items.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const titles = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await shot('smoke-5-quick-fix-menu');
    // docs/rules/CBL084.md: the single fix replaces the damaged number, `- 11.` → `1.`. The menu
    // also holds its "Quick Fix" heading, the renumber-all fix and the ignore actions.
    const fix = titles.findIndex((t) => /^Replace `- 11\.` with `1\.`/.test(t));
    if (fix < 0) throw new Error(`menu: ${titles.join(' | ')}`);
    // Chosen with the keyboard, as the menu opens with its first action focused.
    const firstAction = titles.findIndex((t) => t !== 'Quick Fix');
    for (let i = firstAction; i < fix; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ').startsWith('1. SUMMARY:')),
      undefined,
      { timeout: UI_TIMEOUT },
    );
    // The Problems panel loses the row of line 14. (What the other lines show next is the engine's
    // business: with paragraph 1 repaired, "- 12." and on no longer read as a ¶ artefact.)
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent);
        return rows.length > 0 && !rows.some((t) => /CBL084.*Ln 14,/.test(t));
      },
      undefined,
      { timeout: UI_TIMEOUT },
    );
    await shot('smoke-6-after-fix');
    return `chose "${titles[fix]}" from: ${titles.join(' | ')}`;
  });

  await check('the Outline lists the header fields and the signature', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await runCommand('Explorer: Focus on Outline View');
    const outlineRows = page.locator('.pane:has(.pane-header[aria-label^="Outline"]) .monaco-list-row');
    await outlineRows.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // The list is virtual: page through it from the top, collecting what each screen shows.
    await outlineRows.first().click();
    await page.keyboard.press('Home');
    const seen = new Set();
    const labels = [];
    // The first PageDown only moves the focus to the last visible row; stop after two that add nothing.
    for (let page_ = 0, idle = 0; page_ < 40 && idle < 2; page_++) {
      await page.waitForTimeout(200);
      const now = await outlineRows.evaluateAll((rows) => rows.map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').replace(/\s+/g, ' ').trim()));
      const fresh = now.filter((l) => !seen.has(l));
      idle = fresh.length === 0 ? idle + 1 : 0;
      for (const l of fresh) {
        seen.add(l);
        labels.push(l);
      }
      if (page_ === 0) await shot('smoke-7-outline');
      await page.keyboard.press('PageDown');
    }
    for (const want of ['TAGS', 'SUBJECT', 'ARMBRUSTER']) {
      if (!labels.some((l) => l.startsWith(want))) throw new Error(`no ${want} in: ${labels.join(' | ')}`);
    }
    return labels.slice(0, 8).join(' | ');
  });

  await check('New draft, answered in its four questions, opens a CONFIDENTIAL draft with no problems', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await runCommand('cable-lint: New draft');
    const input = page.locator('.quick-input-widget input');
    const question = async (n) => {
      await page.locator('.quick-input-widget .quick-input-title', { hasText: `(${n}/4)` }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    };
    await question(1);
    await input.fill('CONFIDENTIAL');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'DECL date' }).first().waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Enter');
    await question(2);
    await input.fill('DUSHANBE');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'AMEMBASSY DUSHANBE' }).first().waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Enter');
    await question(3);
    // Each code: filter, then tick its row (the list keeps the ticks across filters).
    for (const [code, meaning] of [['PGOV', 'Internal Governmental Affairs'], ['KWMN', "Women's issues"], ['TI', 'Tajikistan']]) {
      await input.fill(code);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: meaning }).first();
      await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await row.click();
    }
    await shot('smoke-8-new-draft-tags');
    await page.keyboard.press('Enter');
    await question(4);
    await input.fill('Tajikistan: women in the new parliament');
    await page.keyboard.press('Enter');
    const banner = page.locator('.monaco-editor .view-line', { hasText: 'C O N F I D E N T I A L DUSHANBE 000000' });
    await banner.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // The inlay hints sit between the codes on the screen.
    await page.locator('.monaco-editor .view-line', { hasText: /^TAGS:\s+PGOV\s*›.*KWMN\s*›\s+Women's\s+issues\s*TI\b/ }).first().waitFor({ timeout: UI_TIMEOUT });
    // An untitled file is named after its first line, in its tab and in the Problems panel.
    const name = 'DUSHANBE 000000';
    const draftRows = () => page.evaluate((n) => [...document.querySelectorAll('.markers-panel .monaco-list-row')].filter((r) => r.textContent.includes(n)).length, name);
    // The server lints the draft: a slip at the start of the banner shows in the Problems panel,
    // and once undone the draft has no row there.
    await page.keyboard.press('Escape');
    await banner.first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('X');
    await page.waitForFunction((n) => [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) => r.textContent.includes(n)), name, { timeout: UI_TIMEOUT });
    const slip = (await draftRows()) > 0;
    await page.keyboard.press('Control+Z');
    await page.waitForFunction((n) => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) => r.textContent.includes(n)), name, { timeout: UI_TIMEOUT });
    await page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ') === 'C O N F I D E N T I A L DUSHANBE 000000'),
      undefined,
      { timeout: UI_TIMEOUT },
    );
    await page.waitForTimeout(300);
    await shot('smoke-9-new-draft');
    if (!slip || (await draftRows()) !== 0) throw new Error('the Problems panel did not follow the draft');
    return 'the slip was listed, and once undone the draft has no row';
  });

  if (web) {
    await check('a rule id in the Problems panel opens the rule page shipped in the extension', async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      // The rule id of a row is a link (VS Code 1.100.3's markers view: `a.monaco-link` around `.marker-code`).
      const link = page.locator('.markers-panel .monaco-list-row a.monaco-link', { has: page.locator('.marker-code') }).first();
      await link.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const href = await link.getAttribute('href');
      // The web server links the command that shows the page (a file: link means nothing here).
      const rule = /^command:cableLint\.showRuleDoc\?\["(CBL\d{3})"\]$/.exec(decodeURIComponent(href ?? ''))?.[1];
      if (!rule) throw new Error(`the link is ${href}`);
      await link.click();
      const tab = page.locator('.tabs-container .tab', { hasText: `${rule}.md` }).first();
      await tab.waitFor({ state: 'visible', timeout: UI_TIMEOUT }).catch(async () => {
        throw new Error(`${href} opened no ${rule}.md tab; tabs: ${(await page.locator('.tabs-container .tab').allInnerTexts()).join(' | ')}`);
      });
      // The preview is a webview (an iframe in an iframe): its text once the Markdown extension has rendered the page.
      const preview = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator('body');
      await preview.filter({ hasText: rule }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const heading = (await preview.locator('h1').first().innerText()).trim();
      await shot('smoke-10-rule-page');
      return `${href} → ${(await tab.innerText()).replace(/\s+/g, ' ').trim()}: "${heading}"`;
    });
  }

  if (web) {
    await check(`F12 on 202745 in ${CITING}'s REF line opens ${CITED}, never opened before: the index listed and read it through the client`, async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await input.fill('seed-002');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: CITING }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: CITING }).waitFor({ timeout: UI_TIMEOUT });
      // Quick Open's `:line:column` (Go to Line) puts the cursor on the serial.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await input.fill(`:${CITATION.line}:${CITATION.column}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: `${CITATION.line}` }).first().waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      // The index fills in the background after start-up: F12 again until the cited cable opens.
      const cited = page.locator('.tabs-container .tab.active', { hasText: CITED });
      const deadline = Date.now() + UI_TIMEOUT;
      for (;;) {
        await page.keyboard.press('F12');
        try {
          await cited.waitFor({ timeout: 3_000 });
          break;
        } catch (err) {
          if (Date.now() >= deadline) throw new Error(`no ${CITED} tab; tabs: ${(await page.locator('.tabs-container .tab').allInnerTexts()).join(' | ')}`);
        }
      }
      await page.locator('.monaco-editor .view-lines', { hasText: 'STATE 202745' }).first().waitFor({ timeout: UI_TIMEOUT });
      await shot('smoke-11-definition-across-cables');
      return `${CITING}:${CITATION.line}:${CITATION.column} → ${(await cited.innerText()).replace(/\s+/g, ' ').trim()}`;
    });
  }

  if (nodeExtensionHostLog) {
    await check(
      web ? 'the Node extension host did not activate cable-lint (it ran in the web worker)' : 'the Node extension host activated cable-lint',
      async () => {
        const hostLog = nodeExtensionHostLog();
        // A line the extension host writes for every extension it activates (info level).
        const activations = hostLog.split('\n').filter((l) => l.includes('ExtensionService#_doActivateExtension'));
        if (activations.length === 0) throw new Error('the Node extension host log shows no activation at all: is it the right log?');
        const ours = activations.filter((l) => /cable-lint\.cable-lint/i.test(l));
        if (web ? ours.length > 0 : ours.length === 0) throw new Error(ours[0] ?? `no cable-lint among ${activations.length} activations`);
        return `${activations.length} activations in the Node host's log, ${ours.length} of cable-lint`;
      },
    );
  }

  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  return { status: failed === 0 && passed > 0 ? 0 : 1, counts: { passed, failed }, checks };
}
