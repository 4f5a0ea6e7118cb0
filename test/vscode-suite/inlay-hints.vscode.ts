import * as assert from 'assert';
import * as vscode from 'vscode';
import { open, waitFor, workspaceUri } from './helpers';

const labelOf = (h: vscode.InlayHint): string => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));

describe('in-host: inlay hints', () => {
  it('writes each code\'s descriptor after it, where the cell ends', async () => {
    const doc = await open(workspaceUri('problems.claims.csv'));
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    // The first requests can come before the server is up: wait for a non-empty answer.
    const hints = await waitFor('inlay hints', async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all);
      return h && h.length > 0 ? h : undefined;
    });
    const j2185 = hints.find((h) => labelOf(h) === 'Meropenem');
    assert.ok(j2185, hints.map(labelOf).join(' | '));
    const at = doc.getText().indexOf('J2185') + 'J2185'.length;
    assert.deepStrictEqual(j2185.position, doc.positionAt(at));
    assert.ok(!hints.some((h) => labelOf(h).includes(' · ')), 'NDC products only with inlayHints: all');
  });
});
