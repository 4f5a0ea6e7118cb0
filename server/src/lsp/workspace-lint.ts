// The "Lint Workspace Claim Files" request: every claim file of the workspace folders, open or
// not, linted and published, so closed files show in the Problems panel too. Open documents are
// linted by the Linter (their live text); closed files are read from disk, linted and published
// without keeping anything but their URI, and kept current afterwards when they or files sharing
// their members change (on disk, or as an open document is edited), through one queue
// (relint-queue.ts): a burst of edits or changes costs each affected file one lint.
import { isUtf16File, readFileTextAsync } from '../workspace/file-text';
import {
  FileChangeType, type CancellationToken, type Connection, type FileEvent, type TextDocuments, type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IN_PARTS_MIN_BYTES } from '../batches/plan';
import { lintText, lintTextSteps } from '../engine';
import type { Finding, LintOptions } from '../rules/types';
import { lintInParts, lintJsonInParts } from '../workspace/lint-in-parts';
import { STEPWISE_MIN_CHARS, type Linter } from './analysis';
import { toDiagnostic } from './convert';
import { publishedDiagnostics } from './published';
import { runBetweenRequests } from './between-requests';
import { describeError } from './errors';
import { LineStarts } from './line-starts';
import { RelintQueue } from './relint-queue';
import type { LintWorkspaceParams, LintWorkspaceResponse } from './protocol';
import { toLintOptions, type ServerSettings } from './settings';
import { diskClaimFormat, fileKey, isInside, isWalked, listClaimFiles, pathOf, uriOf, type DiskClaimFile } from './workspace-files';
import type { Folder, IndexChange, WorkspaceIndex } from './workspace-index';

/** Report progress about this often (files). */
const REPORT_EVERY_FILES = 20;

interface Counts {
  files: number;
  problems: number;
  errors: number;
}

interface Published {
  readonly file: DiskClaimFile;
  /** Its workspace folder, whose settings it is linted with again: asked for anew each time, so
   *  a settings change (a rule turned off, workspace analysis on) reaches it. */
  readonly folder: Folder;
  /** The settings its published diagnostics were linted with (none yet: open, or queued). Equal
   *  settings are one object (SettingsStore.read): a configuration change that leaves its folder's
   *  as they were does not lint it again. */
  readonly settings?: ServerSettings;
}

export class WorkspaceLint {
  /** The files Lint Workspace keeps current (key → what to lint them with again): the closed ones
   *  show its diagnostics; an open one shows the Linter's until it is closed. */
  private readonly published = new Map<string, Published>();
  /** The workspace folders (paths) Lint Workspace listed: claim files new to them are kept current. */
  private readonly listed = new Set<string>();
  /** key → lints of the closed file started: only the latest one publishes. */
  private readonly runs = new Map<string, number>();
  private runCount = 0;
  /** key → the settings of the latest lint started (the one that may publish). */
  private readonly runSettings = new Map<string, ServerSettings>();
  /** key → the index's state (WorkspaceIndex.stateOf) the published diagnostics were linted in:
   *  a file asked for again in that very state is not linted again. */
  private readonly lintedIn = new Map<string, string>();
  /** The closed files to lint again. */
  private readonly queue: RelintQueue;
  /** Counts `configurationChanged` calls (a Lint Workspace request compares again after one). */
  private configurationChanges = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly linter: Linter,
    private readonly index: WorkspaceIndex,
    private readonly workDoneProgress: boolean,
  ) {
    this.queue = new RelintQueue(documents, linter, (key, force) => this.relint(key, force),
      (err) => connection.console.error(`infusion-claims: re-linting closed files failed: ${describeError(err)}`));
  }

  run(params: LintWorkspaceParams | undefined, token: CancellationToken): Promise<LintWorkspaceResponse> {
    const changes = this.configurationChanges;
    return this.queue.duringRequest(() => this.lintAll(params, token)).finally(() => {
      // It lints with the settings it read first: a change that came meanwhile is compared again
      // with what each file was linted with, once the request is done.
      if (this.configurationChanges !== changes) {
        void this.configurationChanged().catch((err: unknown) => this.connection.console.error(`infusion-claims: re-linting closed files failed: ${describeError(err)}`));
      }
    });
  }

  private async lintAll(params: LintWorkspaceParams | undefined, token: CancellationToken): Promise<LintWorkspaceResponse> {
    const counts: Counts = { files: 0, problems: 0, errors: 0 };
    const progress = await this.progress(params);
    const cancelled = () => token.isCancellationRequested || progress.cancelled();
    try {
      progress.reporter.begin('Linting claim files', 0, 'Finding claim files…', true);
      // Cross-file findings need the whole index first.
      await this.index.whenReady();
      const files: Array<{ file: DiskClaimFile; settings: ServerSettings; folder: Folder }> = [];
      for (const folder of this.index.workspaceFolders) {
        const settings = await this.index.settingsOf(folder);
        for (const file of await listClaimFiles(folder.path, settings.filePatterns, cancelled)) files.push({ file, settings, folder });
        this.index.watchPublished(settings.filePatterns);
        if (!cancelled()) this.listed.add(folder.path);
      }
      // What it kept current and no longer lists (not a claim file now, or gone unreported) loses
      // its problems; a walk cut short by Cancel lists too little to tell.
      if (!cancelled()) {
        const listed = new Set(files.map((f) => fileKey(f.file.uri)));
        for (const [key, p] of [...this.published]) if (!listed.has(key)) this.drop(key, p.file.uri);
      }
      const seen = new Set<string>();
      const open = this.documents.all();
      const total = files.length + open.filter((d) => !files.some((f) => fileKey(f.file.uri) === fileKey(d.uri))).length;
      const step = (): void => {
        if (counts.files % REPORT_EVERY_FILES === 0 || counts.files === total) {
          progress.reporter.report(total ? Math.floor((counts.files / total) * 100) : 100, `${counts.files} of ${total} files`);
        }
      };
      for (const d of open) {
        if (cancelled()) break;
        const a = await this.linter.lintNow(d.uri);
        if (!a) continue;
        seen.add(fileKey(d.uri));
        add(counts, a.findings);
        step();
      }
      for (const { file, settings, folder } of files) {
        if (cancelled()) break;
        const key = fileKey(file.uri);
        if (this.isOpen(key)) {
          // The Linter publishes it while it is open (linted above); closed, it is linted from disk
          // as the files that were closed now (`closed`).
          if (!this.published.has(key)) this.published.set(key, { file, folder });
          continue;
        }
        if (seen.has(key)) continue;
        seen.add(key);
        const findings = await this.lintClosed(file, folder, settings, cancelled);
        if (!findings) continue;
        add(counts, findings);
        step();
      }
      return { ...counts, cancelled: cancelled() };
    } finally {
      progress.reporter.done();
    }
  }

  /** An open document was edited: closed files wait for a pause in the typing. */
  edited(): void {
    this.queue.edited();
  }

  /** The document was closed: when Lint Workspace keeps its file current (listed closed or open,
   *  or a claim file new to a folder it listed), show the disk version's findings (the Linter just
   *  cleared the open document's). */
  async closed(uri: string): Promise<void> {
    const key = fileKey(uri);
    const p = pathOf(uri);
    if (this.published.has(key)) this.queue.add(key, true);
    else if (p !== undefined) await this.added(p);
  }

  /** The index changed: re-lint the published closed files whose findings it can change. */
  changed(change: IndexChange): void {
    for (const key of this.index.affected(change)) {
      if (this.published.has(key) && !this.isOpen(key)) this.queue.add(key, false);
    }
  }

  /** Files changed on disk (`workspace/didChangeWatchedFiles`): re-lint or clear the published
   *  closed files they name or hold (a folder deleted is one event). A file the index holds is
   *  left to the index's change (`changed`); others are not in it: in folders workspace analysis
   *  does not index, or left out for their size (never read by the index, no change of it is
   *  ever reported). A claim file new to a folder Lint Workspace listed (created, renamed, or in a
   *  folder created or renamed, one event for the folder) is linted and kept current too. */
  async diskChanged(changes: readonly FileEvent[]): Promise<void> {
    const paths = changes.map((c) => pathOf(c.uri)).filter((p): p is string => p !== undefined);
    for (const [key, p] of [...this.published]) {
      if (this.isOpen(key) || !paths.some((changed) => isInside(p.file.path, changed))) continue;
      const settings = await this.index.settingsOf(p.folder);
      if (!settings.workspaceAnalysis || !this.index.holds(p.file.uri)) this.queue.add(key, true);
    }
    for (const change of changes) {
      const p = pathOf(change.uri);
      if (p !== undefined && change.type !== FileChangeType.Deleted) await this.added(p);
    }
  }

  /** A path created or changed on disk: the claim files it is or holds that this does not keep
   *  current yet, in a folder Lint Workspace listed, are linted and kept current from now on. */
  private async added(p: string): Promise<void> {
    // The innermost workspace folder holding it decides (its settings, its walk).
    const folder = this.index.workspaceFolders.filter((f) => isInside(p, f.path)).sort((a, b) => b.path.length - a.path.length)[0];
    if (!folder || !this.listed.has(folder.path) || this.published.has(fileKey(uriOf(p)))) return;
    const settings = await this.index.settingsOf(folder);
    const format = diskClaimFormat(p, settings.filePatterns);
    const files = format && isWalked(folder.path, p) ? [{ path: p, uri: uriOf(p), format }]
      : isWalked(folder.path, p, true) ? await listClaimFiles(p, settings.filePatterns) : [];
    for (const file of files) {
      const key = fileKey(file.uri);
      if (this.published.has(key)) continue;
      this.published.set(key, { file, folder });
      if (!this.isOpen(key)) this.queue.add(key, true);
    }
  }

  /** The settings changed: re-lint each published closed file whose folder's settings are not
   *  those it was linted with (once the index has followed them: workspace analysis may have been
   *  turned on or off), or clear it if its file patterns no longer make it a claim file (`relint`).
   *  A change that leaves a folder's settings as they were (another folder's changed, a client's
   *  whole-table push) lints none of its files again: equal settings are one object. What another
   *  folder's change does to the index (workspace analysis turned on or off there) re-lints the
   *  files it concerns through the index's change (`changed`). Also after a late settings answer
   *  for a folder (`folderUri`: only that folder's files). */
  async configurationChanged(folderUri?: string): Promise<void> {
    this.configurationChanges++;
    await this.index.whenReady();
    const now = new Map<string, ServerSettings>();
    for (const [key, p] of [...this.published]) {
      if (this.isOpen(key) || (folderUri !== undefined && p.folder.uri !== folderUri)) continue;
      let settings = now.get(p.folder.path);
      if (!settings) {
        settings = await this.index.settingsOf(p.folder);
        now.set(p.folder.path, settings);
      }
      // Its folder left the workspace: `relint` clears it.
      const gone = !this.index.workspaceFolders.some((f) => f.path === p.folder.path);
      const running = this.runSettings.get(key);
      if (gone || p.settings !== settings || (running !== undefined && running !== settings)) this.queue.add(key, true);
    }
  }

  /** A queued file's turn: lint it again from disk, unless it is no claim file now (dropped) or
   *  was linted in this very index state (asked for again by a change a lint since took in). */
  private async relint(key: string, force: boolean): Promise<void> {
    const p = this.published.get(key);
    if (!p || this.isOpen(key)) return;
    const settings = await this.index.settingsOf(p.folder);
    // Its file patterns changed, or its folder left the workspace.
    const format = this.index.workspaceFolders.some((f) => f.path === p.folder.path) ? diskClaimFormat(p.file.path, settings.filePatterns) : undefined;
    if (!format) return this.drop(key, p.file.uri);
    if (!force && this.lintedIn.get(key) === this.index.stateOf(p.file.uri)) return;
    // Asked for again meanwhile: this lint is out of date, the next one publishes. Read, it waits
    // for its turn again (an edit may have come while it was read).
    await this.lintClosed({ ...p.file, format }, p.folder, settings, () => this.queue.has(key), () => this.queue.turn());
  }

  /** Stop keeping a file current: a closed one loses the problems this published. */
  private drop(key: string, uri: string): void {
    this.published.delete(key);
    this.queue.delete(key);
    this.lintedIn.delete(key);
    this.runSettings.delete(key);
    this.runs.delete(key); // run numbers come from one counter: a later lint's never equals an old one's
    if (!this.isOpen(key)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Lint a closed file from disk and publish; undefined (and its diagnostics cleared) when it is
   *  gone. `cancelled`: the request was cancelled (or the file asked for again), which stops a big
   *  file's lint between batches; nothing is published for it then. `read`: awaited once the file
   *  is read, before it is linted. */
  private async lintClosed(
    file: DiskClaimFile, folder: Folder, settings: ServerSettings, cancelled: () => boolean = () => false, read: () => Promise<void> = async () => undefined,
  ): Promise<readonly Finding[] | undefined> {
    const key = fileKey(file.uri);
    this.queue.delete(key); // this lint takes the newest state
    let text: string;
    try {
      text = await readFileTextAsync(file.path);
    } catch {
      if (this.published.has(key)) this.drop(key, file.uri);
      return undefined;
    }
    await read();
    if (this.isOpen(key)) return undefined; // opened while reading: the Linter publishes it
    const state = this.index.stateOf(file.uri);
    const externalOf = settings.workspaceAnalysis ? this.index.externalOf(file.uri) : undefined;
    const options: LintOptions = externalOf ? { ...toLintOptions(settings), externalOf, uri: file.uri } : toLintOptions(settings);
    const run = ++this.runCount;
    this.runs.set(key, run);
    this.runSettings.set(key, settings);
    let findings: readonly Finding[] | undefined;
    try {
      // A big file a batch of rows or claim objects at a time (workspace/lint-in-parts.ts: seconds
      // of linting in one piece would stall the server); whole when it cannot be read in parts.
      // A CSV file's batches are read from disk as UTF-8 bytes: a UTF-16 one is linted whole.
      if (text.length >= IN_PARTS_MIN_BYTES && !(file.format === 'csv' && isUtf16File(file.path))) {
        const steps = file.format === 'csv' ? lintInParts(file.path, options) : lintJsonInParts(text, options);
        const done = await runBetweenRequests(steps, cancelled);
        if (!done) return undefined;
        findings = done.value;
      }
      if (!findings && text.length >= STEPWISE_MIN_CHARS) {
        // A file that could not be read in parts (an unclosed quote, a JSON syntax error) is read
        // whole, but its rules still run a part at a time between requests.
        const done = await runBetweenRequests(lintTextSteps(text, file.format, options), cancelled);
        if (!done) return undefined;
        findings = done.value.findings;
      }
      findings ??= lintText(text, file.format, options).findings;
    } catch (err) {
      this.connection.console.error(`infusion-claims: linting a closed ${file.format} file failed: ${describeError(err)}`);
      return undefined;
    }
    // An open document edited meanwhile: its diagnostics first.
    await this.queue.openFirst();
    // Opened meanwhile (the Linter publishes it), linted again since (that run publishes), or
    // cancelled (asked for again: the next lint publishes).
    if (this.isOpen(key) || this.runs.get(key) !== run || cancelled()) return undefined;
    const pos = LineStarts.ofFile(text);
    const other = (u: string) => this.documents.get(u) ?? this.index.positions(u);
    const diagnostics = publishedDiagnostics(findings, settings.maxNumberOfProblems, pos,
      (f, index) => toDiagnostic(f, pos, file.uri, { index }, other)).published;
    this.published.set(key, { file, folder, settings });
    this.lintedIn.set(key, state);
    void this.connection.sendDiagnostics({ uri: file.uri, diagnostics });
    return findings;
  }

  private isOpen(key: string): boolean {
    return this.documents.all().some((d) => fileKey(d.uri) === key);
  }

  /** The client's token when the request carries one; else a progress the server creates, when
   *  the client supports `window/workDoneProgress`; else none. */
  private async progress(params: LintWorkspaceParams | undefined): Promise<{ reporter: WorkDoneProgressReporter; cancelled: () => boolean }> {
    if (params?.workDoneToken !== undefined) {
      return { reporter: this.connection.window.attachWorkDoneProgress(params.workDoneToken), cancelled: () => false };
    }
    if (this.workDoneProgress) {
      try {
        const created = await this.connection.window.createWorkDoneProgress();
        return { reporter: created, cancelled: () => created.token.isCancellationRequested };
      } catch {
        // the client refused: go on without progress
      }
    }
    const none: WorkDoneProgressReporter = { begin: () => undefined, report: () => undefined, done: () => undefined };
    return { reporter: none, cancelled: () => false };
  }
}

function add(counts: Counts, findings: readonly Finding[]): void {
  counts.files++;
  counts.problems += findings.length;
  counts.errors += findings.filter((f) => f.severity === 'error').length;
}
