/**
 * References across cables in VS Code (issue 16): the workspace holds seed 002 (a .txt mapped to
 * cable by files.associations) and refs/state-202745.cable, the cable its `REF: STATE 202745`
 * cites. The server indexes the folder in the background; the editor's own commands reach it.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileUri, open, positionOf, waitFor } from './helpers';

const SEED = 'seed-002-dushanbe-313-published.txt';
const CITED = 'refs/state-202745.cable';

type Target = vscode.Location | vscode.LocationLink;
const uriOf = (t: Target) => ('targetUri' in t ? t.targetUri : t.uri).toString();

describe('cable-lint: references across cables', () => {
  it('definition on 202745 in seed 002\'s REF line opens the cited cable', async () => {
    const seed = await open(SEED);
    const at = positionOf(seed, 'REF: STATE 202745', 'REF: STATE 2'.length);
    const targets = await waitFor('the cited cable indexed', async () => {
      const found = await vscode.commands.executeCommand<Target[]>('vscode.executeDefinitionProvider', seed.uri, at);
      return found?.some((t) => uriOf(t) === fileUri(CITED).toString()) ? found : undefined;
    });
    assert.equal(targets.length, 1);
  });

  it("an inlay hint after seed 002's REF item names the cited cable's subject", async () => {
    const seed = await open(SEED);
    const line = positionOf(seed, 'REF: STATE 202745').line;
    const range = new vscode.Range(line, 0, line + 1, 0);
    const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    const hint = await waitFor('the REF hint once the cited cable is indexed', async () => {
      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', seed.uri, range);
      return hints?.find((h) => label(h).includes('SEVENTH ANNUAL'));
    });
    assert.equal(label(hint), '› SEVENTH ANNUAL TRAFFICKING…');
    assert.deepEqual([hint.position.line, hint.position.character], [line, 'REF: STATE 202745'.length]);
  });

  it('references from the cited cable\'s banner list seed 002', async () => {
    const cited = await open(CITED);
    const at = positionOf(cited, 'UNCLAS STATE 202745', 'UNCLAS STATE '.length);
    const refs = await waitFor('seed 002 among the references', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', cited.uri, at);
      return found?.some((l) => l.uri.toString() === fileUri(SEED).toString()) ? found : undefined;
    });
    const fromSeed = refs.filter((l) => l.uri.toString() === fileUri(SEED).toString());
    assert.equal(fromSeed.length, 1);
  });

  it('a workspace symbol query for its id finds it', async () => {
    const symbols = await waitFor('06STATE202745 as a workspace symbol', async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '06STATE202745');
      return found?.length ? found : undefined;
    });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.location.uri.toString()]),
      [['06STATE202745', fileUri(CITED).toString()]],
    );
  });
});
