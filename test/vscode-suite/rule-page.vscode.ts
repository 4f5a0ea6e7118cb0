import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

describe('in-host: Open Rule Page', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows the rule page shipped in the extension in the Markdown preview (no network)', async () => {
    await vscode.commands.executeCommand('infusionClaims.openRulePage', 'ndc-format');
    const tab = await waitFor('a preview tab of ndc-format.md', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('ndc-format.md')));
    assert.ok(tab.input instanceof vscode.TabInputWebview, `the tab "${tab.label}" is a preview (webview), not the Markdown source`);
    assert.match(tab.input.viewType, /markdown\.preview/);
  });
});
