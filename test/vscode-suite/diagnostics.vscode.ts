import * as assert from 'assert';
import * as vscode from 'vscode';
import { open, ruleId, waitForRules, workspaceUri } from './helpers';

describe('in-host: diagnostics', () => {
  it('reports the problems of problems.claims.csv with rule ids, severities and the cell ranges', async () => {
    const uri = workspaceUri('problems.claims.csv');
    const doc = await open(uri);
    const diags = await waitForRules(uri, ['ndc-format', 'ndc-missing', 'auth-missing', 'concurrent-therapy-modifier']);
    const ndc = diags.find((d) => ruleId(d) === 'ndc-format')!;
    assert.strictEqual(doc.getText(ndc.range), '0143-9431-10', 'the NDC cell is underlined');
    assert.strictEqual(ndc.severity, vscode.DiagnosticSeverity.Error);
    assert.match(ndc.message, /0143-9431-10/);
    const auth = diags.find((d) => ruleId(d) === 'auth-missing')!;
    assert.strictEqual(auth.severity, vscode.DiagnosticSeverity.Warning);
    const mod = diags.find((d) => ruleId(d) === 'concurrent-therapy-modifier')!;
    assert.strictEqual(doc.getText(mod.range), 'S9501');
    assert.match(mod.message, /SH/);
  });

  it('links each diagnostic code to its rule page', async () => {
    const uri = workspaceUri('problems.claims.csv');
    const diags = await waitForRules(uri, ['ndc-format']);
    const code = diags.find((d) => ruleId(d) === 'ndc-format')!.code;
    assert.ok(typeof code === 'object' && code.target, 'code has a target (codeDescription.href)');
    assert.match(code.target.toString(), /ndc-format/);
  });

  it('reports the problems of problems.claims.json on the JSON values', async () => {
    const uri = workspaceUri('problems.claims.json');
    const doc = await open(uri);
    const diags = await waitForRules(uri, ['ndc-format', 'ndc-missing', 'auth-missing', 'concurrent-therapy-modifier']);
    const ndc = diags.find((d) => ruleId(d) === 'ndc-format')!;
    assert.match(doc.getText(ndc.range), /^"?00143-943-10"?$/);
  });
});
