// Workspace analysis wired into the server: the index (workspace-index.ts) that feeds open
// documents' cross-file rules, and the lint-workspace request (workspace-lint.ts). main.ts makes one
// per `initialize` and forwards the few events it needs; everything else lives here.
import type {
  CancellationToken, ClientCapabilities, Connection, FileEvent, InitializeParams, TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Linter } from './analysis';
import { describeError } from './errors';
import type { LintWorkspaceParams, LintWorkspaceResponse } from './protocol';
import type { SettingsStore } from './settings';
import { WorkspaceIndex } from './workspace-index';
import { WorkspaceLint } from './workspace-lint';

export class WorkspaceAnalysis {
  readonly index: WorkspaceIndex;
  private lint: WorkspaceLint | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    settings: SettingsStore,
    private readonly capabilities: ClientCapabilities,
    params: Pick<InitializeParams, 'workspaceFolders' | 'rootUri' | 'rootPath'>,
  ) {
    this.index = new WorkspaceIndex(connection, documents, settings, capabilities);
    this.index.setFolders(params.workspaceFolders, params.rootUri, params.rootPath);
  }

  /** The Linter that lints open documents with the index (it is made with `index` as its seam). */
  attach(linter: Linter): void {
    this.lint = new WorkspaceLint(this.connection, this.documents, linter, this.index, this.capabilities.window?.workDoneProgress === true);
    this.index.onChange = (change) => {
      // The Linter re-lints only documents whose other-file lines changed (the seam's arrays).
      void linter.relintAll().catch((err: unknown) => this.logError('re-linting open documents', err));
      this.lint?.changed(change);
    };
  }

  /** After `initialized`: index (when the setting is on) and follow workspace folder changes. */
  initialized(): void {
    if (this.capabilities.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => this.index.changeFolders(e));
    }
    void this.index.refresh();
  }

  /** The index and the closed files Lint Workspace published follow the folders whose settings
   *  changed; a change that leaves every folder's settings as they were reads and lints nothing. */
  configurationChanged(): void {
    void this.index.refresh();
    void this.lint?.configurationChanged().catch((err: unknown) => this.logError('re-linting closed files', err));
  }

  /** A settings answer came after the server had stopped waiting for it: when it is a folder's,
   *  the folder's index and published closed files follow it if it changed them. */
  lateSettings(uri: string): void {
    if (!this.index.workspaceFolders.some((f) => f.uri === uri)) return;
    this.index.lateSettings(uri);
    void this.lint?.configurationChanged(uri).catch((err: unknown) => this.logError('re-linting closed files', err));
  }

  /** An open document's text changed: re-linting closed files waits for a pause in the typing. */
  edited(): void {
    this.lint?.edited();
  }

  /** After the Linter forgot the closed document: the disk file counts again. */
  closed(uri: string): void {
    void this.index.closed(uri)
      .then(() => this.lint?.closed(uri))
      .catch((err: unknown) => this.logError('closing a document', err));
  }

  fileChanges(changes: readonly FileEvent[]): void {
    void this.index.fileChanges(changes).catch((err: unknown) => this.logError('reading changed files', err));
    void this.lint?.diskChanged(changes).catch((err: unknown) => this.logError('re-linting closed files', err));
  }

  async lintWorkspace(params: LintWorkspaceParams | undefined, token: CancellationToken): Promise<LintWorkspaceResponse> {
    if (!this.lint) return { files: 0, problems: 0, errors: 0, cancelled: false };
    return this.lint.run(params, token);
  }

  private logError(what: string, err: unknown): void {
    this.connection.console.error(`infusion-claims: ${what} failed: ${describeError(err)}`);
  }
}
