import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, open, waitFor, workspaceUri } from './helpers';

describe('in-host: activation', () => {
  it('opens *.claims.csv as claims-csv and activates the extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const doc = await open(workspaceUri('problems.claims.csv'));
    assert.strictEqual(doc.languageId, 'claims-csv');
    await waitFor('activation', () => (ext.isActive ? true : undefined));
  });

  it('opens *.claims.json as claims-json', async () => {
    const doc = await open(workspaceUri('problems.claims.json'));
    assert.strictEqual(doc.languageId, 'claims-json');
  });

  it('registers the commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['infusionClaims.lintWorkspace', 'infusionClaims.openRulePage', 'infusionClaims.lookupCode', 'infusionClaims.restartServer', 'infusionClaims.showOutput']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });
});
