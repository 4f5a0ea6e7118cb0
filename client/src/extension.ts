// The VS Code client: starts the bundled language server (server/out/server.js) over stdio and adds
// what only an editor has: a language status item, and the commands. Everything else is the server's.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { forget, opened, patternsChanged } from './file-patterns';
import { lintWorkspace } from './lint-workspace';
import { lookupCode, lookupPages } from './lookup-code';
import { OPEN_RULE_PAGE, hoverRuleLinks, openRulePage, ruleLinks } from './rule-page';
import { setStatus, setStopped, statusItem, statusView } from './status';
import { SETTINGS_SECTION, STATUS_NOTIFICATION } from '../../server/src/lsp/protocol';

/** Claim documents on disk or unsaved; not a `git:` (or other) copy of one shown by a diff view,
 *  which Problems would list beside the file and workspace analysis would judge against it. The
 *  files of `infusionClaims.filePatterns` take these languages (file-patterns.ts), so a change of
 *  the patterns needs no new client: the server reads them itself. */
const SELECTOR = ['file', 'untitled'].flatMap((scheme) => ['claims-csv', 'claims-json'].map((language) => ({ scheme, language })));

let client: LanguageClient | undefined;
/** The server starts with the first claim document (or command), not with VS Code. */
let started: Promise<void> | undefined;
/** The last start failed: documents do not try again (each try would show its error); commands do. */
let failed = false;

async function start(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const c = new LanguageClient('infusionClaims', 'Infusion Claims', serverOptions, {
    documentSelector: SELECTOR, outputChannel, middleware: { handleDiagnostics: ruleLinks, provideHover: hoverRuleLinks },
  });
  c.onNotification(STATUS_NOTIFICATION, setStatus);
  c.onDidChangeState(({ newState }) => {
    if (newState === State.Running) setStopped(false);
    // A crash the client restarts from passes through Stopped to Starting at once: only a client
    // still stopped a moment later has given up (its crash limit reached) or failed to start.
    if (newState === State.Stopped) setTimeout(() => {
      if (client !== c || c.state !== State.Stopped) return;
      started = undefined;
      setStopped(true);
    }, 0);
  });
  client = c;
  try {
    await c.start();
    failed = false;
  } catch (err) {
    failed = true;
    client = undefined;
    await c.dispose().catch(() => undefined);
    setStopped(true);
    throw err;
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  started = undefined;
  await c?.dispose().catch(() => undefined);
}

export async function activate(context: vscode.ExtensionContext): Promise<{ status: typeof statusView }> {
  const output = vscode.window.createOutputChannel('Infusion Claims');
  const ensureStarted = (): Promise<void> => (started ??= start(context, output).catch((err: unknown) => { started = undefined; throw err; }));
  const withClient = (run: (arg?: unknown) => Promise<void>) => async (arg?: unknown) => { await ensureStarted(); await run(arg); };
  const open = async (doc: vscode.TextDocument): Promise<void> => {
    if ((await opened(doc)) && !failed) await ensureStarted().catch(() => undefined);
  };
  const refresh = () => patternsChanged().then(() => Promise.all(vscode.workspace.textDocuments.map(open)));
  context.subscriptions.push(
    output,
    statusItem(SELECTOR),
    vscode.commands.registerCommand('infusionClaims.lintWorkspace', withClient(() => lintWorkspace(client, output))),
    vscode.commands.registerCommand(OPEN_RULE_PAGE, (id?: unknown) => openRulePage(context.extension, id)),
    vscode.commands.registerCommand('infusionClaims.lookupCode', withClient((arg) => lookupCode(client, arg))),
    vscode.commands.registerCommand('infusionClaims.restartServer', async () => { await started?.catch(() => undefined); await stop(); await ensureStarted(); }),
    vscode.commands.registerCommand('infusionClaims.showOutput', () => output.show(true)),
    lookupPages(),
    vscode.workspace.onDidOpenTextDocument(open),
    vscode.workspace.onDidCloseTextDocument(forget),
    vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration(`${SETTINGS_SECTION}.filePatterns`) ? refresh() : undefined)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => refresh()),
  );
  await Promise.all(vscode.workspace.textDocuments.map(open));
  // For the in-host tests: what the status item shows (the API has no reader for it).
  return { status: statusView };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
