// "Infusion Claims: Lint Workspace Claim Files": the server lints every claim file of the
// workspace (open or not) and publishes each one's problems; this shows its progress as a
// cancellable notification, fed by the server's work-done progress on a token we give it.
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { LINT_WORKSPACE_REQUEST, type LintWorkspaceParams, type LintWorkspaceResponse } from '../../server/src/lsp/protocol';

let runs = 0;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export async function lintWorkspace(client: LanguageClient | undefined, output: vscode.OutputChannel): Promise<void> {
  if (!client) return;
  if (!vscode.workspace.workspaceFolders?.length) {
    await vscode.window.showInformationMessage('Infusion Claims: open a folder to lint workspace claim files.');
    return;
  }
  const token = `infusionClaims.lintWorkspace.${process.pid}.${++runs}`;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Infusion Claims: linting workspace claim files', cancellable: true },
    async (progress, cancel) => {
      let shown = 0;
      const sub = client.onProgress(WorkDoneProgress.type, token, (v) => {
        if (v.kind === 'end') return;
        const p = v as WorkDoneProgressBegin | WorkDoneProgressReport;
        const percentage = p.percentage ?? shown;
        progress.report({ message: p.message, increment: Math.max(0, percentage - shown) });
        shown = Math.max(shown, percentage);
      });
      try {
        const params: LintWorkspaceParams = { workDoneToken: token };
        return await client.sendRequest<LintWorkspaceResponse>(LINT_WORKSPACE_REQUEST, params, cancel);
      } finally {
        sub.dispose();
      }
    },
  ).then((r) => r, async (err: unknown) => {
    // Cancelled by the user: nothing to report (the client answers a cancelled request with null).
    if (err instanceof vscode.CancellationError) return undefined;
    const action = await vscode.window.showErrorMessage(`Infusion Claims: Lint Workspace failed: ${err instanceof Error ? err.message : String(err)}`, 'Show Output');
    if (action) output.show(true);
    return undefined;
  });
  if (!result) return;
  const summary = `${plural(result.problems, 'problem')} (${plural(result.errors, 'error')}) in ${plural(result.files, 'claim file')}`;
  const action = await vscode.window.showInformationMessage(
    `Infusion Claims: ${result.cancelled ? 'stopped; so far ' : ''}${summary}.`, 'Show Problems');
  if (action) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
