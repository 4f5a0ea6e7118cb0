import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor, waitForRules, workspaceUri } from './helpers';

/** The open document of `uri` as VS Code has it now (a language switch replaces the object). */
function current(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

describe('in-host: infusionClaims.filePatterns', () => {
  const settings = () => vscode.workspace.getConfiguration('infusionClaims');
  const exported = workspaceUri('exports/march-export.csv');
  const other = workspaceUri('elsewhere/plain.csv');

  before(async () => {
    await vscode.workspace.fs.copy(workspaceUri('problems.claims.csv'), exported, { overwrite: true });
    await vscode.workspace.fs.writeFile(other, Buffer.from('a,b\n1,2\n'));
    await settings().update('filePatterns', ['exports/*.csv'], vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await settings().update('filePatterns', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri('exports'), { recursive: true });
    await vscode.workspace.fs.delete(workspaceUri('elsewhere'), { recursive: true });
  });

  it('an opted-in .csv opens as claims-csv and gets the claims diagnostics', async () => {
    const doc = await vscode.workspace.openTextDocument(exported);
    await vscode.window.showTextDocument(doc);
    const language = await waitFor('claims-csv on the opted-in file', () => (current(exported)?.languageId === 'claims-csv' ? 'claims-csv' : undefined));
    assert.strictEqual(language, 'claims-csv');
    await waitForRules(exported, ['ndc-format', 'ndc-missing']);
  });

  it('the setting is per folder: a pattern set in the folder\'s settings opts its files in', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const inFolder = workspaceUri('folder-exports/april-export.csv');
    await vscode.workspace.fs.copy(workspaceUri('problems.claims.csv'), inFolder, { overwrite: true });
    const scoped = vscode.workspace.getConfiguration('infusionClaims', folder.uri);
    // A setting of window scope cannot be written to folder settings: this throws then.
    await scoped.update('filePatterns', ['exports/*.csv', 'folder-exports/*.csv'], vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      const doc = await vscode.workspace.openTextDocument(inFolder);
      await vscode.window.showTextDocument(doc);
      await waitFor('claims-csv on the folder\'s opted-in file', () => (current(inFolder)?.languageId === 'claims-csv' ? true : undefined));
      await waitForRules(inFolder, ['ndc-format', 'ndc-missing']);
    } finally {
      await scoped.update('filePatterns', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(workspaceUri('folder-exports'), { recursive: true });
    }
  });

  it('a .csv the patterns do not name keeps its language and gets no claims diagnostics', async () => {
    const doc = await vscode.workspace.openTextDocument(other);
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 500));
    assert.notStrictEqual(current(other)?.languageId, 'claims-csv');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(other).filter((d) => d.source === 'infusion-claims'), []);
  });

  it('a language picked for an opted-in file stays; a pattern removed gives its files their own language back', async () => {
    // (The per-folder test above removed the workspace's pattern too: one folder, one settings file.)
    await settings().update('filePatterns', ['exports/*.csv'], vscode.ConfigurationTarget.Workspace);
    const plain = (await vscode.workspace.openTextDocument(other)).languageId;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(exported));
    await waitFor('claims-csv on the opted-in file', () => (current(exported)?.languageId === 'claims-csv' ? true : undefined));
    await vscode.languages.setTextDocumentLanguage(current(exported)!, 'plaintext');
    await new Promise((r) => setTimeout(r, 1000));
    assert.strictEqual(current(exported)?.languageId, 'plaintext', 'not switched back to claims-csv');
    await vscode.languages.setTextDocumentLanguage(current(exported)!, 'claims-csv');
    await settings().update('filePatterns', [], vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(`${plain} again once no pattern names it`, () => (current(exported)?.languageId === plain ? true : undefined), 10_000);
    } finally {
      await settings().update('filePatterns', ['exports/*.csv'], vscode.ConfigurationTarget.Workspace);
    }
  });
});
