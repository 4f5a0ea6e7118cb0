// An LSP client for the workspace-analysis tests: like an editor with workspace folders open, it
// declares workspace folders, dynamic registration of file watching and work-done progress, and
// records what the server sends (diagnostics, progress, registrations, logs). Real stdio JSON-RPC
// against the bundled server.
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities, ConfigurationParams, FileEvent, PublishDiagnosticsParams, Registration, RegistrationParams,
  WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport,
} from 'vscode-languageserver-protocol';
import { SERVER } from './client';

export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export interface WorkspaceStart {
  /** Workspace folder paths. */
  readonly folders: readonly string[];
  /** The `infusionClaims` section answered to `workspace/configuration`. */
  readonly settings: Record<string, unknown>;
}

export class WorkspaceClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: Array<{ token: string | number; value: ProgressValue }> = [];
  /** Tokens of `window/workDoneProgress/create` requests. */
  readonly created: Array<string | number> = [];
  readonly registrations: Registration[] = [];
  readonly logs: string[] = [];
  private readonly waiters: Array<() => void> = [];

  private constructor(private readonly proc: ChildProcessWithoutNullStreams, private readonly conn: MessageConnection, public settings: Record<string, unknown>) {}

  static async start(options: WorkspaceStart): Promise<WorkspaceClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    proc.stderr.resume();
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const c = new WorkspaceClient(proc, conn, options.settings);
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { c.published.push(p); c.wake(); });
    conn.onNotification('$/progress', (p: { token: string | number; value: ProgressValue }) => { c.progress.push(p); c.wake(); });
    conn.onNotification('window/logMessage', (p: { message: string }) => { c.logs.push(p.message); c.wake(); });
    conn.onNotification('infusionClaims/status', () => undefined);
    conn.onRequest('workspace/configuration', (p: ConfigurationParams) => p.items.map((i) => (i.section === 'infusionClaims' ? c.settings : null)));
    conn.onRequest('client/registerCapability', (p: RegistrationParams) => { c.registrations.push(...p.registrations); c.wake(); return null; });
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => { c.created.push(p.token); c.wake(); return null; });
    conn.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    };
    const workspaceFolders = options.folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) }));
    await conn.sendRequest('initialize', {
      processId: process.pid, rootUri: workspaceFolders[0]?.uri ?? null, workspaceFolders, capabilities,
    });
    await conn.sendNotification('initialized', {});
    return c;
  }

  open(uri: string, languageId: string, text: string): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  changeSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  filesChanged(changes: FileEvent[]): void {
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.conn.sendRequest(method, params ?? null);
  }

  /** Resolves once the server logged that it indexed the workspace. */
  indexed(timeoutMs = 10000): Promise<string> {
    return this.waitFor(() => this.logs.find((l) => /indexed \d+ claim files/.test(l)), timeoutMs, () => `the index log (logs: ${JSON.stringify(this.logs)})`);
  }

  /** The latest diagnostics of uri once they satisfy ok. */
  diagnostics(uri: string, ok: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 8000): Promise<PublishDiagnosticsParams> {
    const latest = () => [...this.published].reverse().find((p) => p.uri === uri);
    return this.waitFor(() => {
      const p = latest();
      return p && ok(p) ? p : undefined;
    }, timeoutMs, () => `diagnostics of ${uri} (last: ${JSON.stringify(latest()?.diagnostics.map((d) => d.code))})`);
  }

  waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const listener = (): void => {
        const v = probe();
        if (v === undefined) return;
        clearTimeout(timer);
        this.waiters.splice(this.waiters.indexOf(listener), 1);
        resolve(v);
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(listener), 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`));
      }, timeoutMs);
      this.waiters.push(listener);
      listener();
    });
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
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** The file: URI of a path, as the server builds it for files it finds on disk. */
export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

const made: string[] = [];

/** A temp workspace folder holding the files (relative path → text). */
export function workspaceDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-ws-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function removeWorkspaceDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
