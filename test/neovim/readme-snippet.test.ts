/**
 * The README's Neovim snippet, run as a user runs it: the Lua block is taken from README.md as
 * it stands (only `/path/to/cable-lint` replaced), loaded as `init.lua` by the Neovim on this
 * machine (Debian's 0.7.2; `npm run test:neovim` installs it), which opens a cable headless. A
 * small harness after the block asks the editor, through Neovim's own LSP client, for what a user
 * sees: the diagnostics, a completion, a hover, and "fix all" applied until nothing is left; the
 * test compares them with the CLI's answers on the same file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertValidReport } from '../report-schema';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The first ```lua block of the README: the snippet users copy. */
function readmeSnippet(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```lua\n([\s\S]*?)\n```/.exec(readme);
  assert.ok(block, 'README.md has a Lua block');
  assert.ok(block[1]!.includes('/path/to/cable-lint/dist/server.js'), 'the block starts the server from /path/to/cable-lint');
  return block[1]!;
}

/**
 * After the snippet: once Neovim has started, wait for the diagnostics, ask for a completion and a
 * hover, apply fix-all until no action is left, and write what was seen as JSON.
 */
const HARNESS = String.raw`
local out = os.getenv('CABLE_LINT_NVIM_OUT')
local function write(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end
local function request(buf, method, params)
  local answers = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, answer in pairs(answers) do
    if answer.result ~= nil then return answer.result end
  end
  return vim.NIL
end
local function diagnostics(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out, { code = d.code or lsp.code, line = d.lnum, col = d.col, severity = d.severity, message = d.message })
  end
  return out
end
vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.schedule(function()
  local result = {}
  local ok, err = pcall(function()
    local buf = vim.api.nvim_get_current_buf()
    local uri = vim.uri_from_bufnr(buf)
    local v = vim.version()
    result.version = v.major .. '.' .. v.minor .. '.' .. v.patch
    result.filetype = vim.bo[buf].filetype
    vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
    result.clients = vim.tbl_count(vim.lsp.buf_get_clients(buf))
    -- One publication per lint: let a second, if any, arrive.
    vim.wait(500)
    result.diagnostics = diagnostics(buf)
    local line = tonumber(os.getenv('CABLE_LINT_NVIM_COMPLETE_LINE'))
    result.completion = request(buf, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = line, character = 0 } })
    local hover_line = tonumber(os.getenv('CABLE_LINT_NVIM_HOVER_LINE'))
    local hover_col = tonumber(os.getenv('CABLE_LINT_NVIM_HOVER_COL'))
    result.hover = request(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = hover_line, character = hover_col } })
    result.edits = {}
    for _ = 1, 10 do
      -- The whole text, with a range that ends past the last line, as some clients ask.
      local last = vim.api.nvim_buf_line_count(buf) + 1
      local actions = request(buf, 'textDocument/codeAction', {
        textDocument = { uri = uri },
        range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
        context = { diagnostics = {}, only = { 'source.fixAll' } },
      })
      if actions == vim.NIL or #actions == 0 then break end
      local edit = actions[1].edit
      table.insert(result.edits, { changes = edit.changes ~= nil, documentChanges = edit.documentChanges ~= nil })
      vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
    end
    result.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  end)
  if not ok then result.error = tostring(err) end
  write(result)
  vim.cmd('qall!')
end) end })
`;

interface Seen {
  version: string;
  filetype: string;
  clients: number;
  diagnostics: Array<{ code: string; line: number; col: number; severity: number; message: string }>;
  completion: { items?: Array<{ label: string; insertTextFormat?: number; textEdit?: { newText: string } }> } | Array<{ label: string; insertTextFormat?: number; textEdit?: { newText: string } }>;
  hover: { contents: { kind: string; value: string } } | null;
  edits: Array<{ changes: boolean; documentChanges: boolean }>;
  text: string;
  error?: string;
}

/** The cable the editor opens: an invalid header, fixable TAGS, and a line over 69 characters. */
const CABLE = readFileSync(join(ROOT, 'examples', 'invalid-header.cable'), 'utf8').replace(
  'told\nthe Ambassador',
  'told the Ambassador, at length and in some detail,\nthat',
);

describe('README: the Neovim snippet in Debian\u2019s Neovim', () => {
  let dir: string;
  let seen: Seen;
  let lines: string[];

  before(() => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'nvim is installed (npm run test:neovim installs Debian\u2019s neovim)');
    dir = mkdtempSync(join(tmpdir(), 'cable-lint-neovim-'));
    writeFileSync(join(dir, 'init.lua'), `${readmeSnippet().replaceAll('/path/to/cable-lint', ROOT.replace(/\/$/, ''))}\n${HARNESS}`);
    writeFileSync(join(dir, 'draft.cable'), CABLE);
    lines = CABLE.split('\n');
    const out = join(dir, 'seen.json');
    const r = spawnSync('nvim', ['--headless', '-u', join(dir, 'init.lua'), '-i', 'NONE', 'draft.cable'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_STATE_HOME: join(dir, 'state'),
        XDG_CACHE_HOME: join(dir, 'cache'),
        CABLE_LINT_NVIM_OUT: out,
        CABLE_LINT_NVIM_COMPLETE_LINE: String(lines.indexOf('MARLOWE') - 1),
        CABLE_LINT_NVIM_HOVER_LINE: String(lines.findIndex((l) => l.startsWith('TAGS:'))),
        CABLE_LINT_NVIM_HOVER_COL: String(lines.find((l) => l.startsWith('TAGS:'))!.indexOf('PGOV') + 1),
      },
    });
    assert.equal(r.status, 0, `nvim: ${r.error ?? ''} ${r.stderr}`);
    seen = JSON.parse(readFileSync(out, 'utf8')) as Seen;
    assert.equal(seen.error, undefined, seen.error);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs on the Neovim Debian ships, sets the filetype and starts one server', () => {
    assert.match(seen.version, /^0\.\d+\.\d+$/);
    assert.equal(seen.filetype, 'cable');
    assert.equal(seen.clients, 1);
  });

  it('shows the diagnostics the CLI reports, with the settings of the snippet (line length a warning)', () => {
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'cable-lint.js'), '-f', 'json', '--rule', 'CBL120=warning', 'draft.cable'], { cwd: dir, encoding: 'utf8' });
    assertValidReport(JSON.parse(cli.stdout), 'cable-lint -f json draft.cable');
    const expected = (JSON.parse(cli.stdout).files[0].diagnostics as Array<{ ruleId: string; line: number; column: number; severity: string; message: string }>).map((d) => ({
      code: d.ruleId,
      line: d.line - 1,
      col: d.column - 1,
      severity: { error: 1, warning: 2, info: 3 }[d.severity],
      message: d.message,
    }));
    assert.ok(expected.some((d) => d.code === 'CBL120' && d.severity === 2), 'the long line is a warning by the snippet\u2019s settings');
    const order = (a: { line: number; col: number; code: string }, b: { line: number; col: number; code: string }) => a.line - b.line || a.col - b.col || a.code.localeCompare(b.code);
    assert.deepEqual([...seen.diagnostics].sort(order), [...expected].sort(order));
  });

  it('completes the next paragraph as plain text (Neovim 0.7 takes no snippets)', () => {
    const items = Array.isArray(seen.completion) ? seen.completion : (seen.completion.items ?? []);
    const next = items.find((i) => i.label === '5.');
    assert.ok(next, JSON.stringify(items.map((i) => i.label)));
    assert.notEqual(next.insertTextFormat, 2);
    assert.equal(next.textEdit?.newText, '5. (S) ');
  });

  it('hovers a TAGS code with its meaning', () => {
    assert.match(seen.hover?.contents.value ?? '', /PGOV/);
    assert.match(seen.hover?.contents.value ?? '', /[Gg]overnment/);
  });

  it('"fix all", applied by Neovim until nothing is left, gives the text cable-lint --fix writes', () => {
    assert.ok(seen.edits.length > 0, 'fix-all was offered');
    for (const e of seen.edits) assert.deepEqual(e, { changes: true, documentChanges: false }, 'plain changes: Neovim 0.7 announces no documentChanges');
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'cable-lint.js'), '-f', 'json', '--fix-dry-run', 'draft.cable'], { cwd: dir, encoding: 'utf8' });
    assertValidReport(JSON.parse(cli.stdout), 'cable-lint -f json --fix-dry-run draft.cable');
    const output: string = JSON.parse(cli.stdout).files[0].fix.output;
    assert.notEqual(output, CABLE);
    // Neovim keeps the final newline apart from the buffer's lines.
    assert.equal(`${seen.text}\n`, output);
  });
});
