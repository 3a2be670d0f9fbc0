/**
 * Characters outside the BMP (an emoji, 𝐀, a flag: two UTF-16 code units each, four for the flag)
 * before diagnostics, hovers, edits and semantic tokens (issue 13). LSP columns count UTF-16 code
 * units; every expected position here is counted by this file on the JavaScript string (whose
 * indexes are UTF-16 units), never asked of the server, and the diagnostics are also held to the
 * CLI's report of the same text saved as a file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { ROOT, TestClient, applyTextEdits, coreDiagnostics, editsFor, type CoreDiagnostic } from './lsp-client';
import { assertValidReport } from '../report-schema';

const SMILE = '\u{1F600}';
const BOLD_A = '\u{1D400}';
const FLAG = '\u{1F1EE}\u{1F1F9}';

const TEXT = `UNCLAS ROME 000123

E.O. 12958: N/A
TAGS: ${SMILE} PREL PRELL IT
SUBJECT: ${BOLD_A} ITALY: THE EXPORT PLAN

1. (U) The ${SMILE} minister met ${BOLD_A} delegation (NOTE: not yet consulted.

3. (U) His ${FLAG} deputy agreed.

SMITH
`;

const LINES = TEXT.split('\n');

/** Line and UTF-16 column of the `occurrence`-th `needle`, plus `delta` units, by plain string indexes. */
function at(needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  let seen = 0;
  for (let line = 0; line < LINES.length; line++) {
    for (let from = 0; ; ) {
      const i = LINES[line]!.indexOf(needle, from);
      if (i < 0) break;
      if (seen++ === occurrence) return { line, character: i + delta };
      from = i + 1;
    }
  }
  throw new Error(`${needle} not found`);
}

function span(needle: string, occurrence = 0) {
  return { start: at(needle, 0, occurrence), end: at(needle, needle.length, occurrence) };
}

/** The text a range covers, sliced by UTF-16 indexes on the lines. */
function covered(r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  assert.equal(r.start.line, r.end.line, 'single-line range');
  return LINES[r.start.line]!.slice(r.start.character, r.end.character);
}

describe('astral characters before what the server reports', () => {
  let client: TestClient;
  let diagnostics: Diagnostic[];
  const uri = 'untitled:astral.cable';
  before(async () => {
    client = await TestClient.start();
    diagnostics = await client.openAndWait(uri, TEXT);
  });
  after(async () => {
    await client?.stop();
  });

  it('diagnostics sit on the UTF-16 columns counted here', () => {
    const find = (code: string, range: ReturnType<typeof span>) =>
      diagnostics.find((d) => d.code === code && JSON.stringify(d.range) === JSON.stringify(range));
    assert.ok(find('CBL061', span('PRELL')), `CBL061 on PRELL at ${JSON.stringify(span('PRELL'))}: ${JSON.stringify(diagnostics.map((d) => [d.code, d.range]))}`);
    for (const [needle, occurrence] of [[SMILE, 0], [BOLD_A, 0], [SMILE, 1], [BOLD_A, 1]] as const) {
      assert.ok(find('CBL122', span(needle, occurrence)), `CBL122 covers ${needle} #${occurrence} exactly (two code units) at ${JSON.stringify(span(needle, occurrence))}`);
    }
    const flag = diagnostics.find((d) => d.code === 'CBL122' && d.range.start.line === at(FLAG).line);
    assert.ok(flag, 'CBL122 on the flag');
    assert.equal(covered(flag.range), FLAG, 'the flag: four code units');
    const note = diagnostics.find((d) => d.code === 'CBL104');
    assert.ok(note, 'CBL104 on the unclosed (NOTE:');
    assert.deepEqual(note.range.start, at('(NOTE:'), 'CBL104 starts at (NOTE:');
    for (const d of diagnostics) {
      for (const end of [d.range.start, d.range.end]) {
        const before = LINES[end.line]!.charCodeAt(end.character - 1);
        assert.ok(!(before >= 0xd800 && before <= 0xdbff), `${d.code} ends a position between the two halves of a surrogate pair: ${JSON.stringify(end)}`);
      }
    }
  });

  it('diagnostics equal the CLI report of the same text saved as a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-astral-'));
    try {
      writeFileSync(join(dir, '.cablelintrc.json'), '{}');
      writeFileSync(join(dir, 'astral.cable'), TEXT);
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'cable-lint.js'), '--format', 'json', 'astral.cable'], { cwd: dir, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assertValidReport(JSON.parse(r.stdout), 'cable-lint --format json astral.cable');
      const severity = { error: 1, warning: 2, info: 3 } as Record<string, number>;
      const cli: CoreDiagnostic[] = JSON.parse(r.stdout).files[0].diagnostics.map(
        (d: { line: number; column: number; endLine: number; endColumn: number; severity: string; ruleId: string; message: string }) => ({
          range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } },
          severity: severity[d.severity],
          code: d.ruleId,
          message: d.message,
        }),
      );
      assert.deepEqual(coreDiagnostics(diagnostics), cli.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hovers find the code under a position counted in UTF-16 units, and return its exact range', async () => {
    for (const [needle, expect] of [
      ['PREL ', /PREL/],
      ['PRELL', /PRELL/],
    ] as const) {
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(needle, 2) });
      assert.ok(h, `a hover on ${needle.trim()}`);
      const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : JSON.stringify(h.contents);
      assert.match(value, expect);
      assert.ok(h.range, `the hover on ${needle.trim()} has a range`);
      assert.equal(covered(h.range), needle.trim(), `the hover range of ${needle.trim()}`);
    }
  });

  it('a quick fix after an emoji replaces exactly the word it names', async () => {
    const d = diagnostics.find((x) => x.code === 'CBL061')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title.startsWith('Replace PRELL with PREL'));
    assert.ok(fix, `the quick fix is offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(applyTextEdits(TEXT, editsFor(fix.edit, uri)), TEXT.replace('PRELL', 'PREL'));
  });

  it('semantic tokens after astral characters cover exactly their words', async () => {
    const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens: { line: number; character: number; text: string; type: string }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      character = data[i] ? data[i + 1]! : character + data[i + 1]!;
      tokens.push({ line, character, text: LINES[line]!.slice(character, character + data[i + 2]!), type: legend.tokenTypes[data[i + 3]!]! });
    }
    const tagsLine = at('PRELL').line;
    const onTags = tokens.filter((t) => t.line === tagsLine && t.character > at('TAGS:').character + 5);
    assert.deepEqual(
      onTags.map((t) => [t.character, t.text]),
      [
        [at('PREL ').character, 'PREL'],
        [at('PRELL').character, 'PRELL'],
        [at(' IT').character + 1, 'IT'],
      ],
      `the TAGS codes after ${SMILE}: ${JSON.stringify(onTags)}`,
    );
    for (const t of tokens) {
      const first = t.text.charCodeAt(0);
      assert.ok(!(first >= 0xdc00 && first <= 0xdfff), `a token starts inside a surrogate pair: ${JSON.stringify(t)}`);
    }
  });
});
