import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { rows } from './expected';
import { EXAMPLES, TestClient } from './lsp-client';

const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const PARAGRAPHS = read('invalid-paragraphs.cable');
const codes = (ds: Diagnostic[]) => [...new Set(ds.map((d) => String(d.code)))].sort();

describe('settings: client configuration and .cablelintrc.json', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    client = await TestClient.start({ settings: { rules: { CBL100: 'off' } } });
    dir = mkdtempSync(join(tmpdir(), 'cable-lint-settings-'));
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies cableLint.rules and re-validates open documents on didChangeConfiguration', async () => {
    const uri = 'untitled:settings-rules';
    const first = await client.openAndWait(uri, PARAGRAPHS);
    assert.ok(!codes(first).includes('CBL100'));
    assert.ok(codes(first).includes('CBL091'));

    client.settings = { rules: { 'portion-above-banner': ['info'] } };
    let next = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    const second = (await next).diagnostics;
    assert.ok(codes(second).includes('CBL100'), 'CBL100 back once the setting is gone');
    assert.equal(second.find((d) => d.code === 'CBL091')?.severity, 3, 'severity by rule name');

    client.settings = { profile: 'published' };
    next = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    const published = (await next).diagnostics;
    // Spec 4.1: under `published` CBL080/CBL090 drop to warning and CBL081 to info.
    assert.equal(published.find((d) => d.code === 'CBL080')?.severity, 2);
    assert.equal(published.find((d) => d.code === 'CBL090')?.severity, 2);
    assert.equal(published.find((d) => d.code === 'CBL081')?.severity, 3);
    assert.deepEqual(await client.notification('cableLint/profile', (p) => (p as { uri: string; profile: string }).uri === uri && (p as { profile: string }).profile === 'published'), {
      uri,
      profile: 'published',
    });

    client.settings = { enable: false };
    next = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    assert.deepEqual((await next).diagnostics, []);
    client.settings = {};
    await client.close(uri);
  });

  it('passes rule options from cableLint.rules to the rule (line-length max)', async () => {
    // The draft's lines are at most 60 characters (no ¶ or redaction runs, which the rule does
    // not count): a limit of 55 flags exactly the longer ones.
    const long = PARAGRAPHS.split('\n').map((l, i) => ({ line: i, length: l.length })).filter((l) => l.length > 55);
    assert.ok(long.length > 0 && long.every((l) => l.length <= 69), 'the draft has lines of 56 to 69 characters');
    const uri = 'untitled:settings-options';
    const plain = await client.openAndWait(uri, PARAGRAPHS);
    assert.ok(!codes(plain).includes('CBL120'), 'no line is over the default 69');
    client.settings = { rules: { 'line-length': ['info', { max: 55 }] } };
    const next = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    const limited = (await next).diagnostics.filter((d) => d.code === 'CBL120');
    assert.deepEqual(limited.map((d) => d.range.start.line), long.map((l) => l.line));
    assert.ok(limited.every((d) => d.severity === 3), 'at the configured severity, info');
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: {} } });
    await client.close(uri);
  });

  it('shows findings attributed to publication faded by default; cableLint.publicationFindings shows or hides them', async () => {
    // A media copy's header (04DUBLIN1101): `EO 12958 DECL:` is the publisher's rewrite.
    const media = [
      'This record is a partial extract of the original cable. The full text of the original cable is not available.',
      'C O N F I D E N T I A L DUBLIN 001101',
      'EO 12958 DECL: 07/07/2014',
      'TAGS EI, PGOV, PREL, UK',
      'SUBJECT: NORTHERN IRELAND',
      'Classified By: Ambassador James C. Kenny for reasons 1.4 (b) and (d).',
      '1. (C) The Taoiseach told the Special Envoy the time was right.',
      '',
    ].join('\n');
    const uri = 'untitled:settings-publication';
    const eo = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'CBL041');
    const faded = eo(await client.openAndWait(uri, media));
    assert.deepEqual(faded.map((d) => [d.severity, d.tags]), [[3, [1]]], 'an info tagged Unnecessary');
    for (const [value, expected] of [['show', [[3, undefined]]], ['hide', []]] as const) {
      client.settings = { publicationFindings: value };
      const next = client.nextDiagnostics(uri, 1);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
      assert.deepEqual(eo((await next).diagnostics).map((d) => [d.severity, d.tags]), expected, value);
    }
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: {} } });
    await client.close(uri);
  });

  it('reports an unknown rule in the settings and keeps linting', async () => {
    client.settings = { rules: { CBL999: 'off', CBL100: 'loud' } };
    const uri = 'untitled:settings-bad';
    const next = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    await client.open(uri, PARAGRAPHS);
    const diagnostics = (await next).diagnostics;
    assert.ok(codes(diagnostics).includes('CBL100'), 'an invalid severity is ignored, not applied');
    const shown = client.notifications.filter((n) => n.method.startsWith('window/showMessage')).map((n) => (n.params as { message: string }).message);
    assert.ok(shown.some((m) => m.includes('CBL999')), shown.join(' | '));
    assert.ok(shown.some((m) => m.includes('"loud"')), shown.join(' | '));
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: {} } });
    await client.close(uri);
  });

  it('merges the nearest .cablelintrc.json (the file wins) and follows its changes', async () => {
    const file = join(dir, 'malta.cable');
    const rc = join(dir, '.cablelintrc.json');
    writeFileSync(file, PARAGRAPHS);
    writeFileSync(rc, '{\n  // the desk accepts skipped numbers\n  "rules": { "CBL081": "off", "CBL091": "warning" },\n  "ignores": [{ "rule": "CBL090", "files": "*.cable" }],\n}\n');
    client.settings = { rules: { CBL091: 'info', CBL100: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    const uri = pathToFileURL(file).href;
    const diagnostics = await client.openAndWait(uri, PARAGRAPHS);
    assert.deepEqual(codes(diagnostics), ['CBL080', 'CBL091']);
    assert.equal(diagnostics.find((d) => d.code === 'CBL091')?.severity, 2, 'the file wins over the client setting');

    writeFileSync(rc, '{ "rules": {} }\n');
    const next = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    const after = (await next).diagnostics;
    assert.deepEqual(codes(after), ['CBL080', 'CBL081', 'CBL090', 'CBL091']);
    assert.equal(after.find((d) => d.code === 'CBL091')?.severity, 3, 'the client setting applies once the file is silent');
    await client.close(uri);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: {} } });
  });

  it('follows changes to a file the .cablelintrc.json extends', async () => {
    const sub = mkdtempSync(join(dir, 'extends-'));
    const file = join(sub, 'malta.cable');
    const base = join(sub, 'desk-base.json');
    writeFileSync(file, PARAGRAPHS);
    writeFileSync(base, '{ "rules": { "CBL081": "off" } }\n');
    writeFileSync(join(sub, '.cablelintrc.json'), '{ "extends": "desk-base.json" }\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(sub, '.cablelintrc.json')).href, type: 1 }] });
    const uri = pathToFileURL(file).href;
    const before = await client.openAndWait(uri, PARAGRAPHS);
    assert.ok(!codes(before).includes('CBL081'), `the base turns CBL081 off: ${codes(before).join(' ')}`);

    writeFileSync(base, '{ "rules": {} }\n');
    const next = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(base).href, type: 2 }] });
    const after = (await next).diagnostics;
    assert.ok(codes(after).includes('CBL081'), `the edited base no longer turns CBL081 off: ${codes(after).join(' ')}`);
    await client.close(uri);
  });

  it('reports a broken .cablelintrc.json and lints with the client settings meanwhile', async () => {
    const sub = mkdtempSync(join(dir, 'broken-'));
    const file = join(sub, 'malta.cable');
    writeFileSync(file, PARAGRAPHS);
    writeFileSync(join(sub, '.cablelintrc.json'), '{ "rules": { "CBL081": "of" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(sub, '.cablelintrc.json')).href, type: 1 }] });
    const uri = pathToFileURL(file).href;
    const diagnostics = await client.openAndWait(uri, PARAGRAPHS);
    assert.ok(codes(diagnostics).includes('CBL081'));
    const shown = client.notifications.filter((n) => n.method.startsWith('window/showMessage')).map((n) => (n.params as { message: string }).message);
    assert.ok(shown.some((m) => m.includes('.cablelintrc.json') && m.includes('"of"')), shown.join(' | '));
    await client.close(uri);
  });

  it('with run: onSave lints on open and save only', async () => {
    client.settings = { run: 'onSave' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: client.settings } });
    const uri = 'untitled:on-save';
    const opened = await client.openAndWait(uri, PARAGRAPHS);
    const before = client.published.length;
    await client.change(uri, 2, [{ text: PARAGRAPHS.replace('6. The minister also', '6. (C) The minister also') }]);
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(client.published.slice(before).filter((p) => p.uri === uri).length, 0, 'no lint while typing');
    const saved = client.nextDiagnostics(uri, 2);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const after = (await saved).diagnostics;
    assert.ok(codes(opened).includes('CBL090') && !codes(after).includes('CBL090'));
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cableLint: {} } });
    await client.close(uri);
  });
});

describe('cableLint/lintWorkspaceFiles', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    client = await TestClient.start();
    dir = mkdtempSync(join(tmpdir(), 'cable-lint-workspace-'));
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lints unopened files, Latin-1 ones too, and reports unreadable ones', async () => {
    const utf8 = join(dir, 'paragraphs.cable');
    writeFileSync(utf8, PARAGRAPHS);
    // cables.csv texts are Latin-1: `¶` is the single byte 0xB6.
    const pilcrow = read('valid-draft-unclassified.cable').replace('1. (SBU) SUMMARY', '¶1. (SBU) SUMMARY');
    const latin1 = join(dir, 'pilcrow.tel');
    writeFileSync(latin1, Buffer.from(pilcrow, 'latin1'));
    const missing = join(dir, 'gone.cable');
    const uris = [utf8, latin1, missing].map((p) => pathToFileURL(p).href);
    const results = await client.request<{ uri: string; diagnostics: Diagnostic[]; error?: string }[]>('cableLint/lintWorkspaceFiles', uris);
    assert.deepEqual(results.map((r) => r.uri), uris);

    const opened = await client.openAndWait('untitled:same-text', PARAGRAPHS);
    assert.deepEqual(rows(results[0]!.diagnostics), rows(opened));
    assert.ok(results[0]!.diagnostics.length > 0);

    // Read as Latin-1 the ¶ is a pilcrow, which makes the text a published copy: the same
    // result as the decoded text opened in the editor.
    const openedPilcrow = await client.openAndWait('untitled:pilcrow', pilcrow);
    assert.deepEqual(rows(results[1]!.diagnostics), rows(openedPilcrow));
    assert.equal(results[1]!.error, undefined);

    assert.deepEqual(results[2]!.diagnostics, []);
    assert.match(results[2]!.error ?? '', /ENOENT|no such file/);
  });
});
