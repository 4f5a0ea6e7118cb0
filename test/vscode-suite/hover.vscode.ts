import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, open, positionOf, waitFor, workspaceUri } from './helpers';

async function hoverAt(doc: vscode.TextDocument, text: string): Promise<string> {
  const position = positionOf(doc, text);
  // The first hovers can come before the server is up: wait for a non-empty one.
  return waitFor(`a hover on ${text}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    const value = hoverText(hovers ?? []);
    return value.trim() ? value : undefined;
  });
}

describe('in-host: hover', () => {
  it('describes a drug code with its descriptor', async () => {
    const doc = await open(workspaceUri('problems.claims.csv'));
    const text = await hoverAt(doc, 'J2185');
    assert.match(text, /J2185/);
    assert.match(text, /meropenem/i);
  });

  it('describes a per diem code with its billing notes', async () => {
    const doc = await open(workspaceUri('problems.claims.csv'));
    const text = await hoverAt(doc, 'S9501');
    assert.match(text, /S9501/);
    assert.match(text, /per diem/i);
  });

  it('gives the 11-digit billing form of an NDC', async () => {
    const doc = await open(workspaceUri('problems.claims.csv'));
    const text = await hoverAt(doc, '0143-9431-10');
    assert.match(text, /00143-?9431-?10/);
  });
});
