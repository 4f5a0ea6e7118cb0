import * as assert from 'assert';
import * as vscode from 'vscode';
import { copyOfSample, open, ourDiagnostics, ruleId, waitFor, waitForRules } from './helpers';

const PAD = 'Pad NDC to 11 digits';

async function padNdc(sample: string, copy: string, before: string, after: string): Promise<void> {
  const uri = await copyOfSample(sample, copy);
  const doc = await open(uri);
  const diags = await waitForRules(uri, ['ndc-format']);
  const ndc = diags.find((d) => ruleId(d) === 'ndc-format')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, ndc.range);
  const pad = actions.find((a) => a.title.startsWith(PAD)); // rules.md: the title starts with the fix's words
  assert.ok(pad, `"${PAD}" is offered; got ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(pad.kind && vscode.CodeActionKind.QuickFix.contains(pad.kind), 'it is a quick fix');
  assert.ok(pad.edit, 'it carries a workspace edit');
  const otherLines = doc.getText().split('\n').filter((l) => !l.includes(before));
  assert.ok(await vscode.workspace.applyEdit(pad.edit));
  assert.ok(doc.getText().includes(after), `the NDC now reads ${after}`);
  assert.ok(!doc.getText().includes(`,${before},`) && !doc.getText().includes(`"${before}"`), 'the old NDC is gone');
  // Only the NDC changed: every other line is as it was.
  assert.deepStrictEqual(doc.getText().split('\n').filter((l) => !l.includes(after)), otherLines);
  // The server re-publishes: ndc-format is gone, the other problems stay.
  await waitFor('ndc-format to disappear', () => {
    const ids = ourDiagnostics(uri).map(ruleId);
    return !ids.includes('ndc-format') && ids.includes('ndc-missing') ? true : undefined;
  });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.workspace.fs.delete(uri);
}

describe('in-host: quick fixes', () => {
  it(`"${PAD}" fixes a 4-4-2 NDC in CSV and the problem goes away`, async () => {
    await padNdc('problems.claims.csv', 'pad-ndc.claims.csv', '0143-9431-10', '00143-9431-10');
  });

  it(`"${PAD}" fixes a 5-3-2 NDC in JSON and the problem goes away`, async () => {
    await padNdc('problems.claims.json', 'pad-ndc.claims.json', '00143-943-10', '00143-0943-10');
  });
});
