import * as vscode from 'vscode';

/**
 * Status bar item with the profile (spec 4.1) the server linted the active cable under, so a
 * user can see why, for example, envelope rules are silent in a draft.
 */
export class ProfileStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cableLint.profile', vscode.StatusBarAlignment.Right, 100);
  private readonly profiles = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = 'cable-lint profile';
    this.item.command = 'cableLint.showOutput';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.profiles.delete(doc.uri.toString())),
    ];
    this.update();
  }

  set(uri: string, profile: string): void {
    this.profiles.set(uri, profile);
    this.update();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const profile = doc?.languageId === 'cable' ? this.profiles.get(doc.uri.toString()) : undefined;
    if (!profile) {
      this.item.hide();
      return;
    }
    this.item.text = `$(file-text) ${profile}`;
    this.item.tooltip = `cable-lint profile: ${profile} (set "cableLint.profile" to override)`;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
