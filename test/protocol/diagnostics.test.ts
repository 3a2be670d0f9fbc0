import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXPECTED, rows } from './expected';
import { apiDiagnostics, coreDiagnostics, EXAMPLES, exampleUri, positionOf, ROOT, TestClient, textAt } from './lsp-client';

const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const EXAMPLE_NAMES = Object.keys(EXPECTED);

function checkShape(d: Diagnostic, uri: string): void {
  assert.equal(d.source, 'cable-lint');
  assert.match(String(d.code), /^CBL\d{3}$/);
  const href = d.codeDescription?.href ?? '';
  assert.ok(href.startsWith('file:'), href);
  assert.ok(href.endsWith(`/docs/rules/${String(d.code)}.md`), href);
  // Resolved from the bundle's folder: dist/../docs/rules.
  assert.equal(fileURLToPath(href), join(ROOT, 'docs', 'rules', `${String(d.code)}.md`));
  assert.ok([1, 2, 3].includes(d.severity ?? 0));
  for (const r of d.relatedInformation ?? []) assert.equal(r.location.uri, uri);
  const data = d.data as { version: number; fixes: unknown[] };
  assert.ok(Array.isArray(data.fixes));
}

describe('diagnostics of the examples, pushed', () => {
  let client: TestClient;
  const seen: Record<string, Diagnostic[]> = {};
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  for (const name of EXAMPLE_NAMES) {
    it(`${name}: the rule ids, severities and lines of examples/README.md`, async () => {
      const uri = exampleUri(name);
      const diagnostics = await client.openAndWait(uri, read(name));
      seen[name] = diagnostics;
      for (const d of diagnostics) checkShape(d, uri);
      assert.deepEqual(rows(diagnostics), [...EXPECTED[name]!].sort());
    });
  }

  it('links every diagnostic to a rule page that exists', () => {
    const codes = new Set(Object.values(seen).flatMap((ds) => ds.map((d) => String(d.code))));
    const missing = [...codes].filter((c) => !existsSync(join(ROOT, 'docs', 'rules', `${c}.md`)));
    assert.deepEqual(missing, []);
  });

  it('ranges cover the offending text', async () => {
    const dtg = read('invalid-dtg.cable');
    const d006 = (seen['invalid-dtg.cable'] ?? []).find((d) => d.code === 'CBL006');
    assert.ok(d006, 'CBL006 missing');
    assert.match(textAt(dtg, d006.range), /311530Z/);

    const header = read('invalid-header.cable');
    const d061 = (seen['invalid-header.cable'] ?? []).filter((d) => d.code === 'CBL061').map((d) => textAt(header, d.range));
    assert.deepEqual(d061.sort(), ['PRELL', 'QZXV']);
    const d064 = (seen['invalid-header.cable'] ?? []).find((d) => d.code === 'CBL064');
    assert.ok(d064, 'CBL064 missing');
    assert.equal(textAt(header, d064.range), 'PHUMPGOV');
  });

  it('carries the related banner of a security-line mismatch', () => {
    const d005 = (seen['invalid-envelope.cable'] ?? []).find((d) => d.code === 'CBL005');
    assert.ok(d005, 'CBL005 missing');
    const lines = (d005.relatedInformation ?? []).map((r) => r.location.range.start.line);
    // The banner is line 10 (0-based 9).
    assert.ok(lines.includes(9), `related lines: ${lines.join(', ')}`);
  });

  it('marks an unnecessary section marker with the Unnecessary tag', async () => {
    const text = read('valid-draft-unclassified.cable').replace('UNCLAS TALLINN 000214', 'UNCLAS SECTION 01 OF 01 TALLINN 000214');
    const uri = 'untitled:single-section';
    const diagnostics = await client.openAndWait(uri, text);
    const d033 = diagnostics.find((d) => d.code === 'CBL033');
    assert.ok(d033, `CBL033 missing: ${rows(diagnostics).join(' ')}`);
    assert.deepEqual(d033.tags, [1]);
    assert.equal(textAt(text, d033.range).includes('SECTION 01 OF 01'), true);
  });

  it('after a burst of incremental edits publishes what a fresh open of the final text gives, and nothing stale', async () => {
    const uri = exampleUri('valid-draft-unclassified.cable');
    const original = read('valid-draft-unclassified.cable');
    await client.openAndWait(uri, original);
    const local = TextDocument.create(uri, 'cable', 1, original);
    type Step = (text: string) => TextDocumentContentChangeEvent;
    const steps: Step[] = [
      // 3. → 5. (a gap), END SUMMARY. deleted, a paragraph added and typed into, two lines joined.
      (t) => ({ range: { start: positionOf(t, '3. (SBU)'), end: positionOf(t, '3. (SBU)', 1) }, text: '5' }),
      (t) => ({ range: { start: positionOf(t, ' END SUMMARY.'), end: positionOf(t, ' END SUMMARY.', 13) }, text: '' }),
      (t) => ({ range: { start: positionOf(t, 'HOLMGREN'), end: positionOf(t, 'HOLMGREN') }, text: '6. An unmarked closing paragraph.\n\n' }),
      ...[...'(U) '].map((ch): Step => (t) => ({ range: { start: positionOf(t, 'An unmarked'), end: positionOf(t, 'An unmarked') }, text: ch })),
      (t) => ({ range: { start: positionOf(t, 'CABINET\nBACKING', 7), end: positionOf(t, 'CABINET\nBACKING', 8) }, text: ' ' }),
    ];
    const publishedBefore = client.published.length;
    let version = 1;
    for (const step of steps) {
      const change = step(local.getText());
      version++;
      TextDocument.update(local, [change], version);
      await client.change(uri, version, [change]);
    }
    assert.match(local.getText(), /6\. \(U\) An unmarked/);
    const final = await client.nextDiagnostics(uri, version);
    // Let any late run publish, if it were going to.
    await new Promise((r) => setTimeout(r, 500));
    const mine = client.published.slice(publishedBefore).filter((p) => p.uri === uri);
    assert.equal(mine.at(-1)?.version, version, 'the last publication is for the last version');
    for (let i = 1; i < mine.length; i++) assert.ok((mine[i]!.version ?? 0) >= (mine[i - 1]!.version ?? 0), 'versions never go back');

    const freshUri = 'untitled:fresh-final-text';
    const fresh = await client.openAndWait(freshUri, local.getText());
    const strip = (ds: Diagnostic[]) => ds.map(({ data: _d, relatedInformation: r, ...rest }) => ({ ...rest, related: (r ?? []).map((x) => x.location.range) }));
    assert.deepEqual(strip(final.diagnostics), strip(fresh));
    // And outside the server: a bug shared by the edited and the fresh document passes the above.
    assert.deepEqual(coreDiagnostics(final.diagnostics), apiDiagnostics(local.getText()), 'the Node API (dist/index.js) on the final text');
    assert.ok(fresh.length > 0, 'the edits introduce problems');
  });
});

describe('incremental sync of a CRLF draft', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('several changes in one didChange, across CRLF line ends, give what a fresh open gives', async () => {
    const original = read('invalid-paragraphs.cable').replace(/\n/g, '\r\n');
    const uri = 'untitled:crlf-draft';
    await client.openAndWait(uri, original);
    const local = TextDocument.create(uri, 'cable', 1, original);
    // Applied in order, each against the text the previous one left (as LSP specifies): fix the
    // gap (4. → 3.), then join two lines of paragraph 1 (removing a CRLF), then mark paragraph 6.
    const changes: TextDocumentContentChangeEvent[] = [];
    const step = (make: (t: string) => TextDocumentContentChangeEvent) => {
      const change = make(local.getText());
      changes.push(change);
      TextDocument.update(local, [change], 1);
    };
    step((t) => ({ range: { start: positionOf(t, '4. (C) He argued'), end: positionOf(t, '4. (C) He argued', 1) }, text: '3' }));
    step((t) => ({ range: { start: positionOf(t, 'a hard\r\n', 6), end: positionOf(t, 'a hard\r\n', 8) }, text: ' ' }));
    step((t) => ({ range: { start: positionOf(t, '6. The minister', 3), end: positionOf(t, '6. The minister', 3) }, text: '(C) ' }));
    assert.match(local.getText(), /a hard fight over/);
    const next = client.nextDiagnostics(uri, 2);
    await client.change(uri, 2, changes);
    const after = (await next).diagnostics;
    const fresh = await client.openAndWait('untitled:crlf-fresh', local.getText());
    const strip = (ds: Diagnostic[]) => ds.map(({ data: _d, relatedInformation: r, ...rest }) => ({ ...rest, related: (r ?? []).map((x) => x.location.range) }));
    assert.deepEqual(strip(after), strip(fresh));
    assert.deepEqual(coreDiagnostics(after), apiDiagnostics(local.getText()), 'the Node API (dist/index.js) on the final text');
    // Numbers now run 1, 2, 3, 5, 5, 6 and every line after the join moved up one: the gap
    // moved to before the first 5. (line 22), the repeated 5. (25) and the (S) paragraph (16)
    // remain, the SUMMARY still never ends (13), the joined line 13 is now over 69 characters,
    // and paragraph 6 is marked. CRLF line ends count as neither trailing whitespace nor stray
    // characters (no CBL121/CBL122).
    assert.deepEqual(rows(after), ['CBL080·error·25', 'CBL081·warning·22', 'CBL091·error·16', 'CBL100·warning·13', 'CBL120·info·13']);
  });
});

describe('rule pages through a client command (initializationOptions.ruleDocsCommand)', () => {
  // The web extension cannot open a file: link; it names a command that shows the bundled page.
  it('links command:<it>?["CBLnnn"] instead of the file beside the bundle', async () => {
    const client = await TestClient.start({ initializationOptions: { ruleDocsCommand: 'cableLint.showRuleDoc' } });
    try {
      const ds = await client.openAndWait(exampleUri('invalid-paragraphs.cable'), read('invalid-paragraphs.cable'));
      assert.ok(ds.length > 0);
      for (const d of ds) {
        assert.equal(d.codeDescription?.href, `command:cableLint.showRuleDoc?${encodeURIComponent(JSON.stringify([String(d.code)]))}`);
      }
    } finally {
      await client.stop();
    }
  });

  it('keeps the file: links when the option is not a plain command id', async () => {
    const client = await TestClient.start({ initializationOptions: { ruleDocsCommand: 'javascript:alert(1)' } });
    try {
      const ds = await client.openAndWait(exampleUri('invalid-paragraphs.cable'), read('invalid-paragraphs.cable'));
      assert.ok(ds.length > 0);
      for (const d of ds) checkShape(d, exampleUri('invalid-paragraphs.cable'));
    } finally {
      await client.stop();
    }
  });
});

describe('diagnostics of the examples, pulled', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(async () => {
    await client?.stop();
  });

  for (const name of EXAMPLE_NAMES) {
    it(`${name}: the same rows through textDocument/diagnostic`, async () => {
      const uri = exampleUri(name);
      await client.open(uri, read(name));
      const report = await client.pull(uri);
      assert.equal(report.kind, 'full');
      if (report.kind !== 'full') return;
      for (const d of report.items) checkShape(d, uri);
      assert.deepEqual(rows(report.items), [...EXPECTED[name]!].sort());
    });
  }

  it('never pushed', () => {
    assert.deepEqual(client.published, []);
  });
});

describe('a new, empty cable in the editor (issue 15 item 11)', () => {
  let client: TestClient;
  before(async () => {
    // Push diagnostics (the default capabilities), and pulled ones for a 3.17 client.
    client = await TestClient.start({ pull: true });
  });
  after(async () => {
    await client?.stop();
  });

  it('has no diagnostic while it is empty or holds only white space, pushed or pulled; its first word brings them', async () => {
    const uri = 'untitled:new-cable';
    await client.open(uri, '');
    const empty = await client.pull(uri);
    assert.equal(empty.kind, 'full');
    assert.deepEqual(empty.kind === 'full' ? empty.items : undefined, []);
    await client.change(uri, 2, [{ text: ' \n\n\t\r\n   ' }]);
    const blank = await client.pull(uri);
    assert.deepEqual(blank.kind === 'full' ? blank.items : undefined, []);
    await client.change(uri, 3, [{ text: 'UNCLAS ROME 000123\n' }]);
    const started = await client.pull(uri);
    assert.ok(started.kind === 'full' && started.items.some((d) => d.code === 'CBL060'), 'a cable without TAGS is reported once it has begun');
  });
});

describe('a new, empty cable in the editor, pushed (issue 15 item 11)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('publishes no diagnostic for an empty or whitespace-only document', async () => {
    assert.deepEqual(await client.openAndWait('untitled:empty-pushed', ''), []);
    assert.deepEqual(await client.openAndWait('untitled:blank-pushed', '\n \n\t\n'), []);
  });
});
