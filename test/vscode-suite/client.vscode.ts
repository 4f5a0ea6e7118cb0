// What the client itself shows: which documents it hands the server, the status item's words,
// the Open Rule Page picker, and that the Lint Workspace problems outlive a filePatterns change.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, ourDiagnostics, ruleId, waitFor, waitForRules, workspaceUri } from './helpers';

type Status = { text: string; detail?: string; severity: vscode.LanguageStatusSeverity } | undefined;
const status = (): Status => (vscode.extensions.getExtension(EXTENSION_ID)?.exports as { status(): Status }).status();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);

async function show(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** clean.claims.csv with one edit. */
async function cleanWith(name: string, from: string, to: string): Promise<vscode.Uri> {
  const text = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri('clean.claims.csv'))).toString('utf8');
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text.replace(from, to)));
  return uri;
}

describe('in-host: the client', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('a git: copy of a claim file (a diff view) gets no diagnostics; the file itself does', async () => {
    const file = workspaceUri('problems.claims.csv');
    await show(file);
    await waitForRules(file, ['ndc-format']);
    const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
    // A scheme of the test's own, as the git extension's `git:` is: a read-only copy of a revision.
    const scheme = 'infusion-claims-test-git';
    const provider = vscode.workspace.registerTextDocumentContentProvider(scheme, { provideTextDocumentContent: () => text });
    try {
      const copy = vscode.Uri.from({ scheme, path: file.path, query: '{"ref":"HEAD"}' });
      const doc = await show(copy);
      assert.strictEqual(doc.languageId, 'claims-csv');
      await sleep(2000);
      assert.deepStrictEqual(ourDiagnostics(copy).map(ruleId), []);
    } finally {
      provider.dispose();
    }
  });

  it('the status item: "1 claim problem" and "1 error" for one error; info counted, with the info icon', async () => {
    const one = await cleanWith('status-one-error.claims.csv', '00143-9431-10', '0143-9431-10');
    const info = await cleanWith('status-info.claims.csv', ',12,S9502,', ',11,S9502,');
    try {
      await show(one);
      await waitForRules(one, ['ndc-format']);
      let s = await waitFor('the status of one error', () => (status()?.text.includes('1 claim problem') ? status() : undefined));
      assert.strictEqual(s!.text, '$(error) 1 claim problem');
      assert.match(s!.detail ?? '', /^1 error, 0 warnings, 0 info;/);
      await show(info);
      await waitForRules(info, ['place-of-service']);
      s = await waitFor('the status of one info', () => (status()?.detail?.includes('1 info') ? status() : undefined));
      assert.strictEqual(s!.text, '$(info) 1 claim problem');
      assert.match(s!.detail ?? '', /^0 errors, 0 warnings, 1 info;/);
      assert.strictEqual(s!.severity, vscode.LanguageStatusSeverity.Information);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(one);
      await vscode.workspace.fs.delete(info);
    }
  });

  it('Open Rule Page from the palette (no argument) offers every rule in a quick pick', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const done = vscode.commands.executeCommand('infusionClaims.openRulePage');
    await sleep(1000);
    // No document open: the rules in id order, auth-missing first.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await done;
    await waitFor('a preview of auth-missing.md', () => tabs().find((t) => t.label.includes('auth-missing.md')));
  });

  it('Open Rule Page takes an id in any case', async () => {
    await vscode.commands.executeCommand('infusionClaims.openRulePage', 'NDC-Format');
    await waitFor('a preview of ndc-format.md', () => tabs().find((t) => t.label.includes('ndc-format.md')));
  });

  it('a finding\'s rule link opens the page shipped in the extension (a command link, no network)', async () => {
    const uri = workspaceUri('problems.claims.csv');
    await show(uri);
    const diags = await waitForRules(uri, ['ndc-format']);
    const code = diags.find((d) => ruleId(d) === 'ndc-format')!.code;
    assert.ok(typeof code === 'object');
    assert.strictEqual(code.target.scheme, 'command');
    assert.strictEqual(code.target.path, 'infusionClaims.openRulePage');
    const args = JSON.parse(decodeURIComponent(code.target.query)) as string[];
    assert.deepStrictEqual(args, ['ndc-format']);
    await vscode.commands.executeCommand(code.target.path, ...args);
    await waitFor('a preview of ndc-format.md', () => tabs().find((t) => t.label.includes('ndc-format.md')));
  });

  it('a hover\'s rule link opens the shipped page too (a trusted command link for that command only)', async () => {
    const uri = workspaceUri('problems.claims.csv');
    const doc = await show(uri);
    const diags = await waitForRules(uri, ['ndc-format']);
    const at = diags.find((d) => ruleId(d) === 'ndc-format')!.range.start;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const markdown = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    const linked = markdown.find((c) => c.value.includes('[ndc-format]('));
    assert.ok(linked, `a hover naming ndc-format: ${markdown.map((c) => c.value).join(' | ')}`);
    assert.ok(linked.value.includes(`[ndc-format](command:infusionClaims.openRulePage?${encodeURIComponent('["ndc-format"]')})`), linked.value);
    assert.ok(!linked.value.includes('github.com'), linked.value);
    assert.deepStrictEqual(linked.isTrusted, { enabledCommands: ['infusionClaims.openRulePage'] });
  });

  it('Look Up Code… from the context menu starts with the code under the cursor', async () => {
    const uri = workspaceUri('problems.claims.csv');
    const doc = await show(uri);
    const at = doc.positionAt(doc.getText().indexOf('J2185') + 2);
    vscode.window.activeTextEditor!.selection = new vscode.Selection(at, at);
    // The context menu passes the document's URI; the first item matching "J2185" is J2185.
    const done = vscode.commands.executeCommand('infusionClaims.lookupCode', uri);
    await sleep(2500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await done;
    await waitFor('a preview of J2185.md', () => tabs().find((t) => t.label.includes('J2185.md')));
  });

  it('a filePatterns change keeps the problems Lint Workspace put in Problems', async function () {
    this.timeout(120_000);
    const closed = workspaceUri('per-diem-concurrency.claims.csv');
    // The command waits for its summary message to be dismissed: not awaited.
    void vscode.commands.executeCommand('infusionClaims.lintWorkspace');
    await waitFor('Lint Workspace problems of a closed file', () => (ourDiagnostics(closed).length > 0 ? true : undefined), 60_000);
    const before = ourDiagnostics(closed).length;
    const settings = () => vscode.workspace.getConfiguration('infusionClaims');
    await settings().update('filePatterns', ['no-such-folder/*.csv'], vscode.ConfigurationTarget.Workspace);
    try {
      await sleep(3000);
      assert.strictEqual(ourDiagnostics(closed).length, before);
    } finally {
      await settings().update('filePatterns', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
