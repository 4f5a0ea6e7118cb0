import * as assert from 'assert';
import * as vscode from 'vscode';
import { workspaceUri } from './helpers';

/** Toggle Line Comment on the first line of a fresh claim file; the line as it then reads. */
async function commentFirstLine(name: string, text: string): Promise<string> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  await vscode.commands.executeCommand('editor.action.commentLine');
  return doc.lineAt(0).text;
}

describe('in-host: the claims languages\' editing configuration', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['comment-me.claims.csv', 'comment-me.claims.json']) {
      await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
    }
  });

  it('Toggle Line Comment writes "#" in a claims CSV file (the disable directive\'s comment)', async () => {
    const line = await commentFirstLine('comment-me.claims.csv', 'C1,M1,PA1,2026-03-02,S9502\n');
    assert.strictEqual(line, '# C1,M1,PA1,2026-03-02,S9502');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Toggle Line Comment writes "//" in a claims JSON file', async () => {
    const line = await commentFirstLine('comment-me.claims.json', '{ "claim_id": "C1" }\n');
    assert.strictEqual(line, '// { "claim_id": "C1" }');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
