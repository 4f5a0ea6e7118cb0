// The language status item of a claim document: the server's counts for the active document
// (STATUS_NOTIFICATION), a spinner while a long lint runs, and an error state when the server has
// stopped (click: restart).
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

const statuses = new Map<string, StatusParams>();
let item: vscode.LanguageStatusItem | undefined;
let stopped = false;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What the item shows for the active document (exported for the in-host tests through activate). */
export function statusView(): { text: string; detail?: string; severity: vscode.LanguageStatusSeverity } | undefined {
  return item && { text: item.text, detail: item.detail, severity: item.severity };
}

export function showStatus(): void {
  if (!item) return;
  const S = vscode.LanguageStatusSeverity;
  if (stopped) {
    Object.assign(item, { busy: false, text: '$(error) Infusion Claims: server stopped', detail: 'Click to restart the server', severity: S.Error });
    item.command = { title: 'Restart Server', command: 'infusionClaims.restartServer' };
    return;
  }
  item.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
  const s = statuses.get(vscode.window.activeTextEditor?.document.uri.toString() ?? '');
  // busy: a long lint is running (a big file's first); the spinner shows until its counts come.
  item.busy = s?.busy === true;
  const icon = s?.errors ? '$(error)' : s?.warnings ? '$(warning)' : '$(info)';
  item.text = !s ? 'Infusion Claims' : s.busy ? 'Checking claims…' : s.problems === 0 ? '$(check) No claim problems' : `${icon} ${plural(s.problems, 'claim problem')}`;
  const infos = s ? s.problems - s.errors - s.warnings : 0;
  const some = s && s.shown < s.problems ? `; ${s.shown} shown (infusionClaims.maxNumberOfProblems)` : '';
  item.detail = !s ? undefined : s.busy ? 'A big file: its problems follow when it is checked'
    : `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${infos} info${some}; linted in ${s.ms} ms`;
  item.severity = s?.errors ? S.Error : s?.warnings ? S.Warning : S.Information;
}

/** The item, for the claim documents of `selector`; disposed with the extension. */
export function statusItem(selector: vscode.DocumentSelector): vscode.Disposable {
  item = vscode.languages.createLanguageStatusItem('infusionClaims.status', selector);
  item.name = 'Infusion Claims';
  showStatus();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.workspace.onDidCloseTextDocument((d) => statuses.delete(d.uri.toString())),
  );
}

export function setStatus(s: StatusParams): void {
  statuses.set(s.uri, s);
  showStatus();
}

/** The server stopped (for good: the client gave up restarting it), or runs again. */
export function setStopped(value: boolean): void {
  stopped = value;
  if (value) statuses.clear();
  showStatus();
}
