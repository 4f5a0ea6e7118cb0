// The VS Code client: starts the bundled language server (server/out/server.js) over stdio and adds
// what only an editor has: a language status item, and the commands. Everything else is the server's.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { adopt, patternFilters } from './file-patterns';
import { lintWorkspace } from './lint-workspace';
import { lookupCode, lookupPages } from './lookup-code';
import { SETTINGS_SECTION, SOURCE, STATUS_NOTIFICATION, ruleDocUrl, type StatusParams } from '../../server/src/lsp/protocol';

let client: LanguageClient | undefined;
/** The server starts with the first claim document (or command), not with VS Code. */
let started: Promise<void> | undefined;
let status: vscode.LanguageStatusItem | undefined;
/** The document selector the running client was started with. */
let startedWith = '';
const statuses = new Map<string, StatusParams>();

/** The two languages, plus the user's `infusionClaims.filePatterns`. */
function documentSelector(): Array<{ language: string } | { pattern: string }> {
  return [{ language: 'claims-csv' }, { language: 'claims-json' }, ...patternFilters()];
}

function showStatus(): void {
  const s = statuses.get(vscode.window.activeTextEditor?.document.uri.toString() ?? '');
  if (!status) return;
  // busy: a long lint is running (a big file's first); the spinner shows until its counts come.
  status.busy = s?.busy === true;
  status.text = !s ? 'Infusion Claims' : s.busy ? 'Checking claims…' : s.problems === 0 ? '$(check) No claim problems' : `$(warning) ${s.problems} claim problem${s.problems === 1 ? '' : 's'}`;
  const some = s && s.shown < s.problems ? `; ${s.shown} shown (infusionClaims.maxNumberOfProblems)` : '';
  status.detail = !s ? undefined : s.busy ? 'A big file: its problems follow when it is checked' : `${s.errors} errors, ${s.warnings} warnings${some}; linted in ${s.ms} ms`;
  status.severity = s?.errors ? vscode.LanguageStatusSeverity.Error : s?.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const selector = documentSelector();
  startedWith = JSON.stringify(selector);
  status?.dispose();
  status = vscode.languages.createLanguageStatusItem('infusionClaims.status', selector);
  status.name = 'Infusion Claims';
  status.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
  client = new LanguageClient('infusionClaims', 'Infusion Claims', serverOptions, { documentSelector: selector });
  client.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => {
    statuses.set(s.uri, s);
    showStatus();
  });
  await client.start();
  showStatus();
}

/** A rule's page: the one shipped in the extension (docs/rules), in the Markdown preview, so it
 *  matches the installed version and needs no network; the web page when it is not there. */
async function showRulePage(extensionUri: vscode.Uri, ruleId: string): Promise<void> {
  if (!/^[a-z0-9-]+$/.test(ruleId)) return;
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
  try {
    await vscode.workspace.fs.stat(page);
    await vscode.commands.executeCommand('markdown.showPreview', page);
  } catch {
    await vscode.env.openExternal(vscode.Uri.parse(ruleDocUrl(ruleId)));
  }
}

async function openRulePage(extensionUri: vscode.Uri, ruleId?: string): Promise<void> {
  if (typeof ruleId !== 'string' || !ruleId) {
    // No argument (from the palette): offer the rules reported in the active document.
    const uri = vscode.window.activeTextEditor?.document.uri;
    const ids = new Set((uri ? vscode.languages.getDiagnostics(uri) : [])
      .filter((d) => d.source === SOURCE)
      .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)));
    ruleId = ids.size
      ? await vscode.window.showQuickPick([...ids].sort(), { placeHolder: 'Rule to open' })
      : await vscode.window.showInputBox({ prompt: 'Rule id, e.g. ndc-format' });
  }
  if (ruleId) await showRulePage(extensionUri, ruleId.trim());
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // A start that failed is tried again by the next document or command.
  const ensureStarted = (): Promise<void> => (started ??= start(context).catch((err: unknown) => { started = undefined; throw err; }));
  // The document selector is fixed at start: new file patterns need a new client. One restart at
  // a time: two settings changes in a row would otherwise both stop the old client and start two.
  let restarting = Promise.resolve();
  const restart = (): Promise<void> => (restarting = restarting.then(async () => {
    if (started && JSON.stringify(documentSelector()) !== startedWith) {
      await started.catch(() => undefined);
      await client?.stop().catch(() => undefined);
      started = undefined;
      await ensureStarted().catch(() => undefined);
    }
    await Promise.all(vscode.workspace.textDocuments.map(opened));
  }).catch(() => undefined));
  const withClient = (run: () => Promise<void>) => async () => { await ensureStarted(); await run(); };
  const opened = async (doc: vscode.TextDocument): Promise<void> => {
    if (await adopt(doc)) await ensureStarted();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('infusionClaims.lintWorkspace', withClient(() => lintWorkspace(client))),
    vscode.commands.registerCommand('infusionClaims.openRulePage', (id?: string) => openRulePage(context.extensionUri, id)),
    vscode.commands.registerCommand('infusionClaims.lookupCode', withClient(() => lookupCode(client))),
    lookupPages(),
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.workspace.onDidOpenTextDocument(opened),
    vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration(`${SETTINGS_SECTION}.filePatterns`) ? restart() : undefined)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => restart()),
    { dispose: () => status?.dispose() },
  );
  await Promise.all(vscode.workspace.textDocuments.map(opened));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
