// Helpers for the in-host suite: the workspace holds copies of samples/ (the e2e driver
// and run-electron copy them there).
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'infusion-claims.infusion-claims';
export const SOURCE = 'infusion-claims';

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder holding the samples');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** A private copy of a sample, so a test that edits it leaves the others' files alone. */
export async function copyOfSample(sample: string, copyName: string): Promise<vscode.Uri> {
  const target = workspaceUri(copyName);
  await vscode.workspace.fs.copy(workspaceUri(sample), target, { overwrite: true });
  return target;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Polls `probe` until it returns a value other than undefined (the server answers asynchronously). */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function ruleId(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Waits until the diagnostics of `uri` include every id of `ids`; returns them all. */
export function waitForRules(uri: vscode.Uri, ids: string[]): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics ${ids.join(', ')} on ${uri.path}`, () => {
    const diags = ourDiagnostics(uri);
    const have = new Set(diags.map(ruleId));
    return ids.every((id) => have.has(id)) ? diags : undefined;
  });
}

/** Position just inside the first occurrence of `text` in the document. */
export function positionOf(doc: vscode.TextDocument, text: string): vscode.Position {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} is in ${doc.uri.path}`);
  return doc.positionAt(offset + 1);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
