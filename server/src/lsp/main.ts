// The language server: `node server/out/server.js --stdio` (or --node-ipc). A thin adapter over the
// pure engine, like vscode-eslint: it keeps each open document's last analysis and answers every
// request from it, converting offsets to positions. It must never die on what a user types.
import {
  CodeActionKind,
  Command,
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type MessageReader,
  type ClientCapabilities,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Console } from 'console';
import { loadCodeSet } from '../codes/codeset';
import { lookupEntries, lookupMarkdown } from '../features/lookup';
import type { LookupEntry } from '../features/types';
import { isOf, Linter } from './analysis';
import { codeActions } from './code-actions';
import { describeError } from './errors';
import { tuneHeap } from './memory';
import { completion, folding, hover, inlayHintsIn, markupOf, resolveCompletion, symbols } from './features';
import {
  APPLY_FIX_COMMAND, FIX_ALL_KIND, LINT_OPEN_REQUEST, LINT_WORKSPACE_REQUEST, LOOKUP_ENTRY_REQUEST, LOOKUP_REQUEST, SETTINGS_SECTION,
  type LintOpenResponse, type LintWorkspaceParams, type LintWorkspaceResponse, type LookupEntryParams, type LookupEntryResponse,
} from './protocol';
import { SettingsStore } from './settings';
import { stdioWriter } from './stdio-writer';
import { WorkspaceAnalysis } from './workspace-analysis';

tuneHeap(); // before the first document is read: see memory.ts

/** stdio (every client here: VS Code's, Neovim, the tests) through stdio-writer.ts, which encodes
 *  each diagnostic once; other transports as vscode-languageserver sets them up from argv. */
function connect(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  // stdout carries the protocol: console output from anywhere goes to stderr, which clients log
  // (vscode-languageserver redirects the console itself only when it opens stdio).
  Object.defineProperty(globalThis, 'console', { value: new Console(process.stderr, process.stderr), configurable: true, writable: true });
  // A stream in and a writer out, as the library's own stdio branch has it at run time (stdin as a
  // stream gets its exit-when-the-client-closes-the-pipe handling); its typings pair a stream only
  // with a stream.
  const input = process.stdin as unknown as MessageReader;
  return createConnection(ProposedFeatures.all, input, stdioWriter(process.stdout));
}

const connection = connect();
const documents = new TextDocuments(TextDocument);
let capabilities: ClientCapabilities = {};
let settings = new SettingsStore(connection, false, () => undefined);
let linter = new Linter(connection, documents, settings);
/** `infusionClaims.workspaceAnalysis` and the lint-workspace request; made on initialize. */
let workspace: WorkspaceAnalysis | undefined;

/** Run a handler; on any exception log where it happened (no values) and answer the fallback. */
function guard<A extends unknown[], R>(name: string, fallback: R, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      connection.console.error(`infusion-claims: ${name} failed: ${describeError(err)}`);
      return fallback;
    }
  };
}

connection.onInitialize((params): InitializeResult => {
  capabilities = params.capabilities;
  const canPull = capabilities.workspace?.configuration === true;
  settings = new SettingsStore(connection, canPull, (uri) => {
    linter.schedule(uri, 0);
    workspace?.lateSettings(uri);
  }, (uri) => workspace?.index.folderOf(uri)?.uri ?? '');
  settings.setInitial(params.initializationOptions);
  workspace = new WorkspaceAnalysis(connection, documents, settings, capabilities, params);
  linter = new Linter(connection, documents, settings, workspace.index);
  workspace.attach(linter);
  // The code set (every HCPCS code, modifier and crosswalk entry) is read now, while the client
  // waits for this answer anyway, not when the first file is opened or hovered (40-50 ms).
  try {
    loadCodeSet();
  } catch {
    // The first lint reads it again and reports what is wrong.
  }
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"'], resolveProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      inlayHintProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      // A client that takes no code action literals (LSP before 3.8) gets each fix as a command,
      // which applies its edit through workspace/applyEdit. Others never see the command.
      ...(literalActions() ? {} : { executeCommandProvider: { commands: [APPLY_FIX_COMMAND] } }),
    },
    serverInfo: { name: 'infusion-claims' },
  };
});

connection.onInitialized(() => {
  // A pull-model client (VS Code) sends didChangeConfiguration only when we register for it.
  if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
      .catch((err: unknown) => connection.console.error(`infusion-claims: register failed: ${describeError(err)}`));
  }
  workspace?.initialized();
});

connection.onDidChangeConfiguration(guard('didChangeConfiguration', undefined, async (params) => {
  settings.setPushed(params.settings);
  settings.clear();
  workspace?.configurationChanged();
  // The hints setting may have changed: the client asks again for what it shows.
  if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
  await linter.relintAll();
}));

connection.onDidChangeWatchedFiles((params) => workspace?.fileChanges(params.changes));

documents.onDidOpen(guard('didOpen', undefined, async (e) => {
  settings.forget(e.document.uri); // settings are pulled on open
  await linter.lintNow(e.document.uri);
}));
documents.onDidChangeContent((e) => {
  linter.schedule(e.document.uri);
  workspace?.edited();
});
documents.onDidClose((e) => {
  linter.close(e.document.uri);
  workspace?.closed(e.document.uri);
});

/** The analysis of a request's document and that document (whose text the analysis is of). */
async function target(uri: string, needs: 'findings' | 'model' = 'findings') {
  const a = await (needs === 'model' ? linter.model(uri) : linter.fresh(uri));
  const d = documents.get(uri);
  return a && d && isOf(a, d) ? { a, d } : undefined;
}

connection.onHover(guard('hover', null, async (p) => {
  const t = await target(p.textDocument.uri);
  return t ? hover(t.a, t.d, p.position, markupOf(capabilities.textDocument?.hover?.contentFormat)) : null;
}));

// What needs the model but not the findings is answered, while a big file is first checked,
// as soon as the file is read (Linter.model).
connection.onCompletion(guard('completion', null, async (p) => {
  const t = await target(p.textDocument.uri, 'model');
  return t ? completion(t.a, t.d, p.position, markupOf(capabilities.textDocument?.completion?.completionItem?.documentationFormat)) : null;
}));

connection.onCompletionResolve((item) => guard('completionResolve', item, async () => {
  const uri: unknown = item.data?.uri;
  const t = typeof uri === 'string' ? await target(uri, 'model') : undefined;
  return t ? resolveCompletion(t.a, t.d, item, markupOf(capabilities.textDocument?.completion?.completionItem?.documentationFormat)) : item;
})());

connection.onCodeAction(guard('codeAction', [], async (p) => {
  const t = await target(p.textDocument.uri);
  const documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
  const actions = t ? codeActions(t.a, t.d, p, { documentChanges }) : [];
  if (literalActions()) return actions;
  return actions.flatMap((a) => (a.edit ? [Command.create(a.title, APPLY_FIX_COMMAND, a.edit)] : []));
}));

/** Whether the client takes CodeAction literals (else Commands: LSP 3.17, codeActionLiteralSupport). */
function literalActions(): boolean {
  return capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
}

connection.onExecuteCommand(guard('executeCommand', null, async (p) => {
  const edit = p.arguments?.[0] as WorkspaceEdit | undefined;
  if (p.command === APPLY_FIX_COMMAND && edit && typeof edit === 'object') await connection.workspace.applyEdit(edit);
  return null;
}));

connection.onDocumentSymbol(guard('documentSymbol', [], async (p) => {
  const t = await target(p.textDocument.uri, 'model');
  const hierarchical = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  return t ? symbols(t.a, t.d, hierarchical) : [];
}));

connection.onFoldingRanges(guard('foldingRange', [], async (p) => {
  const t = await target(p.textDocument.uri, 'model');
  return t ? folding(t.a, t.d) : [];
}));

connection.languages.inlayHint.on(guard('inlayHint', [], async (p) => {
  // Settings first: the analysis and its document are read together, after the last await. Only
  // for an open document: settings pulled for any other URI would be kept for it.
  if (!documents.get(p.textDocument.uri)) return [];
  const values = (await settings.forUri(p.textDocument.uri)).inlayHints;
  if (values === 'off') return [];
  const t = await target(p.textDocument.uri, 'model');
  return t ? inlayHintsIn(t.a, t.d, p.range, values) : [];
}));

connection.onRequest(LOOKUP_REQUEST, guard('lookup', [] as LookupEntry[], () => lookupEntries()));
connection.onRequest(LOOKUP_ENTRY_REQUEST, guard('lookupEntry', null as LookupEntryResponse, (p: LookupEntryParams) =>
  (typeof p?.label === 'string' ? lookupMarkdown(p.kind === 'modifier' ? 'modifier' : 'code', p.label) ?? null : null)));

connection.onRequest(LINT_OPEN_REQUEST, guard('lintOpenDocuments', { files: 0, problems: 0, errors: 0 }, async (): Promise<LintOpenResponse> => {
  const done = await linter.relintAll();
  return {
    files: done.length,
    problems: done.reduce((n, a) => n + a.findings.length, 0),
    errors: done.reduce((n, a) => n + a.findings.filter((f) => f.severity === 'error').length, 0),
  };
}));

// A failure is the client's to report, not a clean result ({ files: 0 } would read "no problems").
connection.onRequest(LINT_WORKSPACE_REQUEST,
  async (params: LintWorkspaceParams | undefined, token: CancellationToken): Promise<LintWorkspaceResponse> => {
    try {
      if (!workspace) throw new Error('the server is not initialized');
      return await workspace.lintWorkspace(params, token);
    } catch (err) {
      connection.console.error(`infusion-claims: lintWorkspace failed: ${describeError(err)}`);
      throw new ResponseError(ErrorCodes.InternalError, `Lint Workspace failed: ${describeError(err)}`);
    }
  });

// Last line of defence: an exception that escaped a handler is logged, and the server carries on.
process.on('uncaughtException', (err) => connection.console.error(`infusion-claims: uncaught ${describeError(err)}`));
process.on('unhandledRejection', (err) => connection.console.error(`infusion-claims: unhandled ${describeError(err)}`));

documents.listen(connection);
connection.listen();
