// A small LSP client for the tests: spawns `node server/out/server.js --stdio` and speaks real
// JSON-RPC over its stdio, like an editor would. Keeps a local copy of each open text so edits
// (typed or from code actions) go to the server as incremental changes. With workspace folders
// it also declares dynamic file watching and work-done progress, and records what the server
// sends for them (registrations, progress).
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type CancellationToken, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities, CodeAction, CompletionItem, CompletionList, ConfigurationParams, Diagnostic,
  DocumentSymbol, FileEvent, FoldingRange, Hover, InlayHint, Position, PublishDiagnosticsParams, Range, Registration,
  RegistrationParams, SymbolInformation, TextDocumentContentChangeEvent, TextEdit, WorkDoneProgressBegin,
  WorkDoneProgressEnd, WorkDoneProgressReport, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { fileUri } from './workspace-dirs';

/** The bundled server, built by `npm test`'s pretest (`npm run build`). */
export const SERVER = path.resolve(__dirname, '../../../server/out/server.js');

export interface StartOptions {
  /** Answer `workspace/configuration` with this `infusionClaims` section. Absent: the client does
   *  not declare the capability. 'never': declares it and never answers. */
  readonly configuration?: Record<string, unknown> | 'never';
  /** Answer `workspace/configuration` this late (a slow client). */
  readonly configurationDelayMs?: number;
  readonly initializationOptions?: unknown;
  /** Declare versioned `documentChanges` in workspace edits. */
  readonly documentChanges?: boolean;
  /** Workspace folder paths: also declares workspace folders, dynamic file watching and
   *  work-done progress, as an editor with a folder open does. */
  readonly folders?: readonly string[];
  /** The hover and completion documentation formats the client shows (default: markdown, plaintext). */
  readonly markup?: Array<'markdown' | 'plaintext'>;
  /** A client that takes no code action literals (LSP before 3.8): commands only. */
  readonly noCodeActionLiterals?: boolean;
  /** Environment variables for the server process, besides this process's. */
  readonly env?: Record<string, string>;
}

export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  /** `window/showMessage` notifications: what the editor shows in a notification toast. */
  readonly messages: Array<{ type: number; message: string }> = [];
  readonly progress: Array<{ token: string | number; value: ProgressValue }> = [];
  /** Tokens of `window/workDoneProgress/create` requests. */
  readonly created: Array<string | number> = [];
  readonly registrations: Registration[] = [];
  configurationRequests = 0;
  /** For each `workspace/configuration` request, how many diagnostics and statuses had come
   *  before it: after a settings change, the first one says the server has read the change. */
  readonly configurationAt: Array<{ published: number; statuses: number }> = [];
  /** `workspace/inlayHint/refresh` requests: the server asked to re-query the hints shown. */
  inlayHintRefreshes = 0;
  /** The `infusionClaims` section the client answers with (mutable: change it, then notify). */
  settings: Record<string, unknown> = {};
  /** The section answered for an item's `scopeUri` (a multi-root workspace's folders, each with
   *  its own settings); unset, `settings` for every scope. */
  settingsOf: ((scopeUri: string | undefined) => Record<string, unknown>) | undefined;
  private readonly docs = new Map<string, TextDocument>();
  private readonly waiters: Array<() => void> = [];
  private stderr = '';

  private constructor(private readonly proc: ChildProcessWithoutNullStreams, private readonly conn: MessageConnection) {}

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...options.env } });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new TestClient(proc, conn);
    proc.stderr.on('data', (d: Buffer) => { client.stderr += d.toString(); });
    if (options.configuration && options.configuration !== 'never') client.settings = options.configuration;
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { client.published.push(p); client.wake(); });
    conn.onNotification('infusionClaims/status', (p: StatusParams) => { client.statuses.push(p); client.wake(); });
    conn.onNotification('window/logMessage', (p: { message: string }) => { client.logs.push(p.message); client.wake(); });
    conn.onNotification('window/showMessage', (p: { type: number; message: string }) => { client.messages.push(p); client.wake(); });
    conn.onNotification('$/progress', (p: { token: string | number; value: ProgressValue }) => { client.progress.push(p); client.wake(); });
    conn.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      client.configurationRequests++;
      client.configurationAt.push({ published: client.published.length, statuses: client.statuses.length });
      client.wake();
      if (options.configuration === 'never') return new Promise(() => undefined);
      const answer = p.items.map((i) => (i.section === 'infusionClaims' ? client.settingsOf?.(i.scopeUri) ?? client.settings : null));
      return options.configurationDelayMs ? new Promise((resolve) => setTimeout(() => resolve(answer), options.configurationDelayMs)) : answer;
    });
    conn.onRequest('client/registerCapability', (p: RegistrationParams) => { client.registrations.push(...p.registrations); client.wake(); return null; });
    conn.onRequest('client/unregisterCapability', () => null);
    // As an editor does: the edit applied to the document, and a didChange sent.
    conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => { client.applyEdit(p.edit); client.wake(); return { applied: true }; });
    conn.onRequest('workspace/inlayHint/refresh', () => { client.inlayHintRefreshes++; client.wake(); return null; });
    conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => { client.created.push(p.token); client.wake(); return null; });
    conn.listen();
    const folders = options.folders?.map((f) => ({ uri: fileUri(f), name: path.basename(f) }));
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration !== undefined,
        didChangeConfiguration: { dynamicRegistration: options.configuration !== undefined },
        workspaceEdit: { documentChanges: options.documentChanges ?? false },
        inlayHint: { refreshSupport: true },
        ...(folders ? { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
      },
      ...(folders ? { window: { workDoneProgress: true } } : {}),
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: options.noCodeActionLiterals ? {} : { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
        hover: { contentFormat: options.markup ?? ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false, ...(options.markup ? { documentationFormat: options.markup } : {}) } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    };
    await conn.sendRequest('initialize', {
      processId: process.pid, rootUri: folders?.[0]?.uri ?? null, workspaceFolders: folders,
      capabilities, initializationOptions: options.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  get serverStderr(): string {
    return this.stderr;
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  text(uri: string): string {
    return this.doc(uri).getText();
  }

  version(uri: string): number {
    return this.doc(uri).version;
  }

  positionAt(uri: string, offset: number): Position {
    return this.doc(uri).positionAt(offset);
  }

  /** The position of the first occurrence of `needle` (plus `delta` characters). */
  positionOf(uri: string, needle: string, delta = 0): Position {
    const i = this.text(uri).indexOf(needle);
    if (i < 0) throw new Error(`"${needle}" is not in ${uri}`);
    return this.positionAt(uri, i + delta);
  }

  /** The range of the first occurrence of `needle`. */
  rangeOf(uri: string, needle: string): Range {
    return { start: this.positionOf(uri, needle), end: this.positionOf(uri, needle, needle.length) };
  }

  open(uri: string, languageId: string, text: string): void {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Incremental changes, applied in order (each range against the text left by the previous). */
  change(uri: string, changes: Array<{ range: Range; text: string }>): void {
    const doc = this.doc(uri);
    const version = doc.version + 1;
    TextDocument.update(doc, changes as TextDocumentContentChangeEvent[], version);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Type: replace the first occurrence of `needle` with `replacement`. */
  replace(uri: string, needle: string, replacement: string): void {
    this.change(uri, [{ range: this.rangeOf(uri, needle), text: replacement }]);
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Apply a code action's edit locally and send it to the server, as an editor does. */
  applyEdit(edit: WorkspaceEdit): void {
    const perUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, [...edits]);
    for (const dc of edit.documentChanges ?? []) {
      if (!('textDocument' in dc)) throw new Error('only text edits are expected');
      if (dc.textDocument.version !== null && dc.textDocument.version !== this.version(dc.textDocument.uri)) {
        throw new Error(`edit for version ${dc.textDocument.version}, document is at ${this.version(dc.textDocument.uri)}`);
      }
      perUri.set(dc.textDocument.uri, [...(perUri.get(dc.textDocument.uri) ?? []), ...dc.edits.filter((e): e is TextEdit => 'range' in e)]);
    }
    for (const [uri, edits] of perUri) {
      // One didChange; edits from the end backwards so earlier ranges stay valid.
      const doc = this.doc(uri);
      const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
      this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
    }
  }

  /** Resolves with the first (or latest already received) diagnostics of `uri` that satisfy `ok`. */
  waitForDiagnostics(uri: string, ok: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => {
      const latest = [...this.published].reverse().find((p) => p.uri === uri);
      return latest && ok(latest) ? latest : undefined;
    }, timeoutMs, () => `diagnostics of ${uri} (last: ${JSON.stringify([...this.published].reverse().find((p) => p.uri === uri)?.diagnostics.map((d) => [d.code, d.range.start.line]))})`);
  }

  /** The diagnostics published for the document's current version. */
  currentDiagnostics(uri: string, timeoutMs = 5000): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(uri, (p) => p.version === this.version(uri), timeoutMs).then((p) => p.diagnostics);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionList | CompletionItem[] | null> {
    return this.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[]> {
    return this.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[]> {
    return this.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
  }

  inlayHints(uri: string, range: Range): Promise<InlayHint[] | null> {
    return this.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range });
  }

  /** A request; `token` cancels it (an undefined token must not be sent: it would be a parameter). */
  request<R>(method: string, params?: unknown, token?: CancellationToken): Promise<R> {
    if (token) return params === undefined ? this.conn.sendRequest(method, token) : this.conn.sendRequest(method, params, token);
    return params === undefined ? this.conn.sendRequest(method) : this.conn.sendRequest(method, params);
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  /** Tell the server files changed on disk (the watcher it registered). */
  filesChanged(changes: FileEvent[]): void {
    this.notify('workspace/didChangeWatchedFiles', { changes });
  }

  /** Resolves once the server logged that it indexed the workspace. */
  indexed(timeoutMs = 10000): Promise<string> {
    return this.waitFor(() => this.logs.find((l) => /indexed \d+ claim files/.test(l)), timeoutMs, () => `the index log (logs: ${JSON.stringify(this.logs)})`);
  }

  /** Tell the server the settings changed (pull model: it asks again). */
  changeSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    this.notify('workspace/didChangeConfiguration', { settings: null });
  }

  /** Stops the server and fails when it had already exited (a crash the test did not see). */
  async stopAlive(): Promise<void> {
    const alive = this.alive;
    const stderr = this.serverStderr;
    await this.stop();
    if (!alive) throw new Error(`the server exited; stderr: ${stderr.slice(0, 2000)}`);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 50));
    this.conn.dispose();
    if (this.alive) this.proc.kill();
  }

  waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const v = probe();
        if (v === undefined) return false;
        clearTimeout(timer);
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(listener);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`));
      }, timeoutMs);
      const listener = () => {
        if (check()) this.waiters.splice(this.waiters.indexOf(listener), 1);
      };
      if (!check()) this.waiters.push(listener);
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  private doc(uri: string): TextDocument {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`${uri} is not open`);
    return d;
  }
}
