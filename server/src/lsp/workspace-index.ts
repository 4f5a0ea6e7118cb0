// Workspace analysis (`infusionClaims.workspaceAnalysis`): the lines of every claim file of the
// workspace folders, open or not, by member, so that an open document's cross-file rules (60-day
// initial visit, same-day concurrency and bundling across files) see the other files' lines.
// Kept current from `workspace/didChangeWatchedFiles` and from each lint of an open document
// (an open document's live text wins over the file on disk). Holds per file only its compact
// lines (workspace/compact-line.ts) and where its lines start (for related information).
import { promises as fsp } from 'fs';
import * as path from 'path';
import { isUtf16File, readFileTextAsync } from '../workspace/file-text';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  WatchKind,
  type ClientCapabilities,
  type Connection,
  type Disposable,
  type FileEvent,
  type TextDocuments,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IN_PARTS_MIN_BYTES } from '../batches/plan';
import { parseDocument } from '../parse';
import type { ExternalLine, LintOptions } from '../rules/types';
import { PackedLines } from '../workspace/compact-line';
import { changedMembers } from '../workspace/changed-members';
import { isKept, MemberLines } from '../workspace/member-lines';
import { packInParts, packJsonInParts } from '../workspace/pack-in-parts';
import type { Analysis, WorkspaceSeam } from './analysis';
import type { Positions } from './convert';
import { runBetweenRequests } from './between-requests';
import { describeError } from './errors';
import { LineStarts } from './line-starts';
import { DEFAULT_SETTINGS, type ServerSettings, type SettingsStore } from './settings';
import { behindLink, diskClaimFormat, fileKey, isInside, isWalked, listClaimFiles, pathOf, uriOf, type DiskClaimFile } from './workspace-files';
import { entersFolder } from '../workspace/walk-rule';

/** Changes arriving together (a branch switch, a save-all) re-lint once. */
const SETTLE_MS = 60;
const MB = 1024 * 1024;
/** A file this large is not read into the index (it is still linted when opened): indexing the
 *  bench's 85 MB export peaked at 723 MB. The user is told (leftOut); the CLI has no such limit.
 *  The tests set a smaller limit (INFUSION_CLAIMS_MAX_INDEX_BYTES) rather than write 64 MB. */
export const MAX_FILE_BYTES = maxFileBytes(process.env.INFUSION_CLAIMS_MAX_INDEX_BYTES);
/** Files left out for their size that get a warning each; past that, only the log names them. */
const MAX_SIZE_WARNINGS = 3;
/** Rows of a big file packed between two chances for requests and edits to run (a few ms each). */
const SERVER_BATCH_LINES = 1_000;
/** Files read at once while indexing. */
const READ_AHEAD = 16;
/** How often the indexing progress is reported. */
const REPORT_EVERY_FILES = 50;
/** The names a claim file has without any `filePatterns`. */
const CLAIM_GLOBS = ['**/*.claims.csv', '**/*.claims.json', '**/*.claim.json'];
/** Folders created and deleted (a rename is both): VS Code reports a folder deleted with the
 *  claim files in it as one event for the folder, which the claim globs do not match
 *  (microsoft/vscode-languageserver-node#141). Every path, but only creates and deletes. */
const FOLDER_WATCH = { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete };

export interface Folder {
  readonly uri: string;
  readonly path: string;
}

interface IndexedFile {
  /** The URI related information names the file by. */
  readonly uri: string;
  /** Where the disk text's lines start; absent for an open document's live lines (the open
   *  document gives positions then). */
  readonly positions?: LineStarts;
  /** The open document's version these lines are of; absent when they are from disk. */
  readonly liveVersion?: number;
  /** The workspace folder (path) whose walk found the file. */
  readonly folder?: string;
  /** The lines the index holds of it (the same object MemberLines holds), to tell which members'
   *  lines the next reading changes. */
  readonly packed: PackedLines;
  /** Lines of the text they are of. */
  readonly lineCount: number;
}

/** What changed since the last re-lint: files (keys) and the members whose lines changed. */
export interface IndexChange {
  readonly keys: ReadonlySet<string>;
  readonly members: ReadonlySet<string>;
}

/** A document of the disk or an unsaved one: the documents workspace analysis judges. */
function isLocal(uri: string): boolean {
  return /^(file|untitled):/i.test(uri);
}

export class WorkspaceIndex implements WorkspaceSeam {
  private folders: Folder[] = [];
  /** folder path → the `filePatterns` it was indexed with (a walk that finished). */
  private readonly indexed = new Map<string, readonly string[]>();
  /** Folders a walk is indexing now (changes to their files count already), and how many walks. */
  private readonly scanning = new Map<string, number>();
  /** folder path → the `filePatterns` the walk that indexes it now uses, and the folder's
   *  `folderGen` when it began (a walk superseded since is no longer named here). */
  private readonly scanningWith = new Map<string, { patterns: readonly string[]; gen: number }>();
  /** folder path → a count of the changes of what the folder is to be indexed with (workspace
   *  analysis turned off, other file patterns, the folder removed): a walk of the folder stops
   *  at the next one. A change of another folder's leaves its walk running. */
  private readonly folderGen = new Map<string, number>();
  /** The walks running (refresh waits for them all, its own or not, before it is ready). */
  private readonly walks = new Set<Promise<void>>();
  private readonly files = new Map<string, IndexedFile>();
  private readonly memberLines = new MemberLines();
  /** key → the members of an open document that is no file of the workspace (an untitled buffer,
   *  a file elsewhere): it adds no lines, but reads those of its members from the index. */
  private readonly outside = new Map<string, readonly string[]>();
  /** key → the `external` array last handed to the Linter for the open document, and what it holds. */
  private readonly memo = new Map<string, { signature: string; lines: readonly ExternalLine[] }>();
  /** Files left out of the index for their size that the user was told about (by key). */
  private readonly toldTooLarge = new Set<string>();
  private generation = 0;
  private scans = 0;
  private watching: Promise<Disposable> | undefined;
  private watchedGlobs = '';
  /** The file patterns of the folders workspace analysis indexes (none: it is off everywhere). */
  private analysisPatterns: readonly string[] | undefined;
  /** The file patterns lint-workspace listed with: the files it published are watched too, also
   *  with workspace analysis off (a file deleted after the command must lose its problems). */
  private lintPatterns: readonly string[] | undefined;
  private pending = { keys: new Set<string>(), members: new Set<string>() };
  /** key → a count of what happened to the file's entry: a big file read in parts (indexInParts)
   *  lands only if nothing did meanwhile (a newer read, an edit, a deletion). */
  private readonly changes = new Map<string, number>();
  private stamps = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Disk changes and closes, handled one after another in the order they came: a Deleted
   *  handled while the Created's read was in flight left the deleted file indexed. */
  private diskQueue: Promise<void> = Promise.resolve();
  /** Settles when the current indexing is done (tests, the lint command). */
  private ready: Promise<void> = Promise.resolve();

  /** Called once changes have settled: re-lint what depends on them. */
  onChange: (change: IndexChange) => void = () => undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly capabilities: ClientCapabilities,
  ) {}

  /** The workspace folders of `initialize`: `workspaceFolders`, else `rootUri`, else `rootPath`. */
  setFolders(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null, rootPath?: string | null): void {
    const uris = folders?.length ? folders.map((f) => f.uri) : rootUri ? [rootUri] : rootPath ? [uriOf(rootPath)] : [];
    this.folders = [];
    this.walked.clear();
    for (const uri of uris) this.addFolder(uri);
  }

  /** `workspace/didChangeWorkspaceFolders`. */
  changeFolders(e: WorkspaceFoldersChangeEvent): void {
    this.walked.clear();
    for (const f of e.removed) {
      const p = pathOf(f.uri);
      this.folders = this.folders.filter((x) => x.path !== p);
      if (p !== undefined) this.dropFolder(p);
    }
    for (const f of e.added) this.addFolder(f.uri);
    void this.refresh();
  }

  get workspaceFolders(): readonly Folder[] {
    return this.folders;
  }

  /** The innermost workspace folder holding a document or a folder (folders may nest): the one
   *  whose settings it has. */
  folderOf(uri: string): Folder | undefined {
    const p = pathOf(uri);
    return p === undefined ? undefined : this.innermostFolder(p);
  }

  /** The settings of a folder (pulled with the folder as scope), the defaults if that fails. */
  async settingsOf(folder: Folder): Promise<ServerSettings> {
    try {
      return await this.settings.forUri(folder.uri);
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  /** Indexing done (or nothing to index). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Read the settings of each folder; index the folders that turned workspace analysis on (or
   *  changed their file patterns), drop those that turned it off. Call after `initialized` and
   *  after each configuration change. A folder whose settings for the index (workspace analysis,
   *  file patterns) are as they were is neither read again nor, while it is indexed, walked again. */
  refresh(): Promise<void> {
    const gen = ++this.generation;
    const run = this.doRefresh(gen).catch((err: unknown) => {
      this.connection.console.error(`infusion-claims: indexing the workspace failed: ${describeError(err)}`);
    });
    this.ready = run;
    return run;
  }

  /** A settings answer came late: a folder's may decide whether it is indexed. */
  lateSettings(uri: string): void {
    if (this.folders.some((f) => f.uri === uri)) void this.refresh();
  }

  // --- the WorkspaceSeam -------------------------------------------------------------------

  /** The other files' lines of the open document's members: the same array until one changes. */
  readonly lines = (uri: string): readonly ExternalLine[] | undefined => {
    // A copy of a file from elsewhere (a `git:` revision a diff view shows, …) is not judged against
    // the workspace, which holds the file itself: its every line would be a duplicate of the file's.
    if (!isLocal(uri)) return undefined;
    const key = fileKey(uri);
    // A file of the index: its members there; an open document outside the workspace: its own.
    const members = this.memberLines.has(key) ? this.memberLines.membersOf(key) : this.outside.get(key) ?? [];
    const files = this.memberLines.signature(key, members);
    if (files === '') {
      this.memo.delete(key);
      return undefined;
    }
    // The members too: a member id edited into another one the same files bill has other lines.
    const signature = `${files}\u0000${members.join('\u0000')}`;
    const prev = this.memo.get(key);
    if (prev?.signature === signature) return prev.lines;
    const lines = this.memberLines.external(key, members);
    this.memo.set(key, { signature, lines });
    return lines;
  };

  readonly positions = (uri: string): Positions | undefined => this.files.get(fileKey(uri))?.positions;

  /** Whether the index holds the file's lines (its changes on disk are then reported by onChange). */
  holds(uri: string): boolean {
    return this.files.has(fileKey(uri));
  }

  /** An open document was linted: its live lines replace what the index had of it. */
  readonly analysed = (a: Analysis): void => {
    try {
      const key = fileKey(a.uri);
      const entry = this.files.get(key);
      if (!a.settings.workspaceAnalysis || !this.inWorkspace(a.uri)) {
        // Not analysed with the workspace: its live lines would go stale here. Not a file of the
        // workspace (an untitled buffer of pasted rows, a file elsewhere): it reads the workspace's
        // lines, but its own are no workspace file's to report against.
        if (entry?.liveVersion !== undefined) {
          this.files.delete(key);
          this.note(key, this.memberLines.delete(key), []);
        }
        if (a.settings.workspaceAnalysis && isLocal(a.uri)) this.outsideLinted(key, a.doc);
        else this.outside.delete(key);
        return;
      }
      // A re-lint because other files changed: the text, and so the lines, are the same.
      if (entry?.liveVersion === a.version && entry.uri === a.uri) return;
      const packed = PackedLines.of(a.doc.lines.filter(isKept));
      this.setLines(key, { uri: a.uri, liveVersion: a.version, folder: entry?.folder, packed, lineCount: LineStarts.countLines(a.text) });
    } catch (err) {
      this.connection.console.error(`infusion-claims: updating the workspace index failed: ${describeError(err)}`);
    }
  };

  /** An open document outside the workspace was linted: when its members changed, it is linted
   *  again with their lines (its first lint, before its members were known, had none). */
  private outsideLinted(key: string, doc: Analysis['doc']): void {
    const members = [...new Set(doc.lines.filter(isKept).map((l) => l.memberId))].sort();
    const before = this.outside.get(key);
    if (before && before.length === members.length && before.every((m, i) => m === members[i])) return;
    this.outside.set(key, members);
    this.pending.keys.add(key);
    this.flushSoon();
  }

  /** A file: URI inside one of the workspace folders, where the walk would find it (not in
   *  node_modules or a dot-folder, not through a link: walk-rule.ts). Opened through a link, a
   *  file would otherwise be in the index twice, by the link and by its target's own path. */
  private inWorkspace(uri: string): boolean {
    // Asked at every lint of an open document: the answer (an lstat per folder level) is kept
    // until the folders change or the disk does.
    let inside = this.walked.get(uri);
    if (inside === undefined) {
      const p = pathOf(uri);
      inside = p !== undefined && this.folders.some((f) => isInside(p, f.path) && entersFolder(f.path, path.dirname(p)) && !behindLink(f.path, p));
      if (this.walked.size >= 10_000) this.walked.clear();
      this.walked.set(uri, inside);
    }
    return inside;
  }
  /** inWorkspace's answers by uri. */
  private readonly walked = new Map<string, boolean>();

  // --- open, close, disk changes ------------------------------------------------------------

  /** Run `handle` after the disk changes and closes before it (diskQueue). */
  private inTurn(handle: () => Promise<void>): Promise<void> {
    const turn = this.diskQueue.then(handle);
    this.diskQueue = turn.catch(() => undefined);
    return turn;
  }

  /** The document was closed: the file on disk is what counts again (read in turn with the disk
   *  changes: a deletion after the close must win over the close's read). */
  closed(uri: string): Promise<void> {
    const key = fileKey(uri);
    this.memo.delete(key);
    this.outside.delete(key);
    const entry = this.files.get(key);
    if (!entry || entry.liveVersion === undefined) return Promise.resolve();
    const before = this.memberLines.delete(key);
    this.files.delete(key);
    this.note(key, before, []);
    return this.inTurn(async () => {
      const p = pathOf(uri);
      const folder = p === undefined ? undefined : await this.enabledFolderOf(p);
      if (p !== undefined && folder) {
        const format = diskClaimFormat(p, folder.patterns);
        if (format && isWalked(folder.path, p)) await this.indexDisk({ path: p, uri: entry.uri, format }, folder.path);
      }
    });
  }

  /** `workspace/didChangeWatchedFiles`, after the notifications before it (inTurn). */
  fileChanges(changes: readonly FileEvent[]): Promise<void> {
    return this.inTurn(() => this.fileChangesNow(changes));
  }

  private async fileChangesNow(changes: readonly FileEvent[]): Promise<void> {
    this.walked.clear(); // a folder may have become a link, or a link a folder
    for (const change of changes) {
      const key = fileKey(change.uri);
      const entry = this.files.get(key);
      if (entry?.liveVersion !== undefined && this.documents.get(entry.uri)) continue; // open: live text wins
      const p = pathOf(change.uri);
      const folder = p === undefined ? undefined : await this.enabledFolderOf(p);
      const named = p !== undefined && folder ? diskClaimFormat(p, folder.patterns) : undefined;
      // What the walk would not list (in node_modules or a dot-folder, behind a link) is no file of
      // the workspace here either; a deletion drops what is indexed, whatever it was.
      const format = named && p !== undefined && folder && (change.type === FileChangeType.Deleted || isWalked(folder.path, p)) ? named : undefined;
      // A folder deleted, created or renamed (a delete and a create) is one event for the folder:
      // the claim file globs never see the files in it (FOLDER_WATCH).
      if (!entry && !format && p !== undefined) {
        if (change.type === FileChangeType.Deleted) this.dropInside(p);
        else if (folder && isWalked(folder.path, p, true)) {
          for (const file of await listClaimFiles(p, folder.patterns)) await this.indexDisk(file, folder.path);
        }
        continue;
      }
      if (change.type === FileChangeType.Deleted || !folder || !format || p === undefined) {
        if (entry) {
          this.files.delete(key);
          this.note(key, this.memberLines.delete(key), []);
        }
        continue;
      }
      // Keep the URI the index already names the file by (the one the walk built).
      await this.indexDisk({ path: p, uri: entry?.uri ?? change.uri, format }, folder.path);
    }
  }

  /** Forget the indexed files (not open) inside a deleted folder. Asked for every path deleted
   *  that is no claim file (a build's thousands too): a prefix test first. */
  private dropInside(folderPath: string): void {
    const prefix = folderPath.endsWith(path.sep) ? folderPath : folderPath + path.sep;
    for (const [key, entry] of [...this.files]) {
      const p = pathOf(entry.uri);
      if (p === undefined || !p.startsWith(prefix)) continue;
      if (entry.liveVersion !== undefined && this.documents.get(entry.uri)) continue;
      this.files.delete(key);
      this.note(key, this.memberLines.delete(key), []);
    }
  }

  /** For linting a closed file: the lines of other files a lint's lines reach (a big file's batch
   *  by batch; workspace/window.ts); undefined when no other file has lines of the file's members. */
  externalOf(uri: string): LintOptions['externalOf'] {
    const key = fileKey(uri);
    if (this.memberLines.signature(key) === '') return undefined;
    return (window) => this.memberLines.window(key, window);
  }

  /** The files (keys) whose findings a change can change: the files it names, and those with
   *  lines of a member whose lines it changed. */
  affected(change: IndexChange): Set<string> {
    const keys = this.memberLines.filesSharing(change.members);
    for (const key of change.keys) keys.add(key);
    return keys;
  }

  /** What a closed file's lint reads of the index, named: its own entry's count of changes and the
   *  versions of the other files' lines of its members. Equal states, equal lint. */
  stateOf(uri: string): string {
    const key = fileKey(uri);
    return `${this.changes.get(key) ?? 0}:${this.memberLines.signature(key)}`;
  }

  /** Counts for logs and the benchmark. */
  stats(): { files: number; lines: number } {
    return { files: this.memberLines.fileCount, lines: this.memberLines.lineCount };
  }

  // --- internals ------------------------------------------------------------------------------

  private addFolder(uri: string): void {
    const p = pathOf(uri);
    if (p === undefined || this.folders.some((f) => f.path === p)) return;
    this.folders.push({ uri, path: p });
  }

  private innermostFolder(filePath: string): Folder | undefined {
    return this.folders.filter((f) => isInside(filePath, f.path)).sort((a, b) => b.path.length - a.path.length)[0];
  }

  private async enabledFolderOf(filePath: string): Promise<{ path: string; patterns: readonly string[] } | undefined> {
    // The innermost folder holding the file decides (nested workspace folders).
    const folder = this.innermostFolder(filePath);
    if (!folder || !(this.indexed.has(folder.path) || this.scanning.has(folder.path))) return undefined;
    const s = await this.settingsOf(folder);
    return s.workspaceAnalysis ? { path: folder.path, patterns: s.filePatterns } : undefined;
  }

  private async doRefresh(gen: number): Promise<void> {
    const wanted = new Map<string, { folder: Folder; patterns: readonly string[] }>();
    for (const folder of this.folders) {
      const s = await this.settingsOf(folder);
      if (s.workspaceAnalysis) wanted.set(folder.path, { folder, patterns: s.filePatterns });
    }
    if (gen !== this.generation) return; // a newer refresh decides
    // A folder indexed (or being indexed) with other file patterns than it has now, or no longer
    // indexed at all: its lines leave, its walk stops. The others are left as they are.
    for (const p of new Set([...this.indexed.keys(), ...this.scanningWith.keys()])) {
      const w = wanted.get(p);
      const has = this.indexed.get(p) ?? this.scanningWith.get(p)?.patterns;
      if (w && has && patternsKey(w.patterns) === patternsKey(has)) continue;
      this.folderGen.set(p, (this.folderGen.get(p) ?? 0) + 1);
      this.scanningWith.delete(p);
      this.dropFolder(p);
    }
    this.analysisPatterns = wanted.size > 0 ? [...wanted.values()].flatMap((w) => w.patterns) : undefined;
    this.updateWatch();
    const toScan = [...wanted.values()].filter((w) => !this.indexed.has(w.folder.path) && !this.scanningWith.has(w.folder.path));
    if (toScan.length > 0) {
      const walk: Promise<void> = this.scan(toScan).catch((err: unknown) => {
        this.connection.console.error(`infusion-claims: indexing the workspace failed: ${describeError(err)}`);
      }).finally(() => this.walks.delete(walk));
      this.walks.add(walk);
    }
    // Ready once every walk is done, also one an earlier refresh began and this one left running.
    await Promise.all([...this.walks]);
    this.flushSoon();
  }

  private async scan(folders: ReadonlyArray<{ folder: Folder; patterns: readonly string[] }>): Promise<void> {
    const gens = new Map(folders.map(({ folder }) => [folder.path, this.folderGen.get(folder.path) ?? 0]));
    /** The folder's walk is superseded (what it is to be indexed with changed). */
    const staleFolder = (p: string): boolean => (this.folderGen.get(p) ?? 0) !== gens.get(p);
    const stale = (): boolean => folders.every(({ folder }) => staleFolder(folder.path));
    this.scans++;
    const t0 = performance.now();
    for (const { folder, patterns } of folders) {
      this.scanning.set(folder.path, (this.scanning.get(folder.path) ?? 0) + 1);
      this.scanningWith.set(folder.path, { patterns, gen: gens.get(folder.path)! });
    }
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    try {
      progress?.begin('Indexing claim files', 0, 'Finding claim files…', false);
      const found: Array<{ file: DiskClaimFile; folder: string }> = [];
      for (const { folder, patterns } of folders) {
        if (staleFolder(folder.path)) continue;
        for (const file of await listClaimFiles(folder.path, patterns, () => staleFolder(folder.path))) found.push({ file, folder: folder.path });
        if (stale()) return;
      }
      // Reads of a batch overlap; parsing is one file at a time, between them the server answers.
      for (let at = 0; at < found.length; at += READ_AHEAD) {
        if (stale()) return;
        const batch = found.slice(at, at + READ_AHEAD).filter(({ folder }) => !staleFolder(folder));
        // Small files are read ahead together; a big one at its turn, so that one big text at a
        // time is held (a folder of monthly exports would otherwise be in memory at once).
        const texts: Array<string | typeof BIG_LATER | undefined> = await Promise.all(batch.map(({ file }) => this.read(file, IN_PARTS_MIN_BYTES)));
        for (let i = 0; i < batch.length; i++) {
          const { file, folder } = batch[i];
          const ahead = texts[i];
          texts[i] = undefined; // let go once indexed, while the batch's other files are
          if (staleFolder(folder)) continue;
          const text = ahead === BIG_LATER ? await this.read(file) : ahead;
          await this.indexRead(file, folder, text, () => staleFolder(folder));
        }
        const done = Math.min(at + READ_AHEAD, found.length);
        if (Math.floor(done / REPORT_EVERY_FILES) > Math.floor(at / REPORT_EVERY_FILES)) {
          progress?.report(Math.floor((done / found.length) * 100), `${done} of ${found.length} files`);
        }
      }
      // Only a walk that finished counts as indexed: a superseded one is walked again.
      const finished = folders.filter(({ folder }) => !staleFolder(folder.path));
      if (finished.length === 0) return;
      for (const { folder, patterns } of finished) this.indexed.set(folder.path, patterns);
      const { files, lines } = this.stats();
      const ms = Math.round(performance.now() - t0);
      const count = found.filter(({ folder }) => finished.some((f) => f.folder.path === folder)).length;
      this.connection.console.log(`infusion-claims: indexed ${count} claim files in ${ms} ms (index: ${files} files, ${lines} lines)`);
    } finally {
      for (const { folder } of folders) {
        const n = (this.scanning.get(folder.path) ?? 1) - 1;
        if (n > 0) this.scanning.set(folder.path, n);
        else this.scanning.delete(folder.path);
        if (this.scanningWith.get(folder.path)?.gen === gens.get(folder.path)) this.scanningWith.delete(folder.path);
      }
      this.scans--;
      progress?.done();
    }
  }

  /** Read and index one file from disk, unless it is open with live lines. */
  private async indexDisk(file: DiskClaimFile, folder: string): Promise<void> {
    await this.indexRead(file, folder, await this.read(file), () => false);
  }

  /** A file's text for the index (readClaimFile); undefined for one too large to index, whose
   *  lines leave the index (it may have grown past the limit) and which the user is told of. */
  private async read(file: DiskClaimFile): Promise<string | undefined>;
  private async read(file: DiskClaimFile, bigFrom: number): Promise<string | typeof BIG_LATER | undefined>;
  private async read(file: DiskClaimFile, bigFrom = Infinity): Promise<string | typeof BIG_LATER | undefined> {
    const text = await readClaimFile(file.path, bigFrom);
    if (typeof text !== 'object') return text;
    this.leftOut(file, text.bytes);
    return undefined;
  }

  /**
   * A claim file too large to index: its lines leave the index, and the user learns that the
   * cross-file rules do not see it (the first few such files as a warning, each once; all in the
   * log) rather than finding a 60-day look-back silently short of a year's export.
   */
  private leftOut(file: DiskClaimFile, bytes: number): void {
    const key = fileKey(file.uri);
    const entry = this.files.get(key);
    if (entry && entry.liveVersion === undefined) {
      this.files.delete(key);
      this.note(key, this.memberLines.delete(key), []);
    }
    const name = path.basename(file.path);
    const size = `${Math.round(bytes / MB)} MB`;
    const limit = `${MAX_FILE_BYTES / MB} MB`;
    this.connection.console.log(`infusion-claims: ${file.path} (${size}) is not indexed for workspace analysis: files over ${limit} are left out`);
    if (this.toldTooLarge.has(key)) return;
    this.toldTooLarge.add(key);
    if (this.toldTooLarge.size > MAX_SIZE_WARNINGS) return;
    // A notification, not window.showWarningMessage's request: nothing to answer, nothing to fail.
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `Infusion Claims: ${name} (${size}) is over ${limit}, so workspace analysis leaves it out: `
      + 'the other files\' cross-file rules do not see its lines (its own problems show when it is opened). '
      + '`infusion-claims check --workspace` checks such files together with no size limit.',
    });
  }

  /** Index a file read from disk: a big file in parts, any other whole. */
  private async indexRead(file: DiskClaimFile, folder: string, text: string | undefined, stale: () => boolean): Promise<void> {
    if (text !== undefined && text.length >= IN_PARTS_MIN_BYTES) await this.indexInParts(file, folder, text, stale);
    else this.indexText(file, folder, text);
  }

  /**
   * Index a big file from disk a batch of rows (or JSON claim objects) at a time
   * (workspace/pack-in-parts.ts), letting requests and edits in between, so the server keeps
   * answering (a 250k-line export took about 2 s of one piece) and never holds the file as a
   * parsed document. A CSV file is read again from disk in batches (the text gives the line starts);
   * a JSON file's batches are made from the text. The lines land only if nothing happened to the
   * file's entry meanwhile.
   */
  private async indexInParts(file: DiskClaimFile, folder: string, text: string, stale: () => boolean): Promise<void> {
    const key = fileKey(file.uri);
    if (this.files.get(key)?.liveVersion !== undefined) return; // open: live lines win
    const ticket = this.bump(key);
    const superseded = (): boolean => stale() || this.changes.get(key) !== ticket;
    const positions = LineStarts.ofFile(text);
    let packed: PackedLines | undefined;
    try {
      // A CSV file's batches are read from disk as UTF-8 bytes: a UTF-16 one is indexed whole.
      const steps = file.format === 'csv' ? (isUtf16File(file.path) ? undefined : packInParts(file.path, SERVER_BATCH_LINES)) : packJsonInParts(text, SERVER_BATCH_LINES);
      if (steps) {
        const done = await runBetweenRequests(steps, superseded);
        if (!done) return;
        packed = done.value;
      }
    } catch {
      return; // gone or unreadable since it was read: a change event follows
    }
    if (superseded() || this.files.get(key)?.liveVersion !== undefined) return;
    // Not readable in parts (an unclosed quote, no header, a JSON syntax error): whole, as any file.
    if (!packed) return this.indexText(file, folder, text);
    this.setLines(key, { uri: file.uri, positions, folder, packed, lineCount: positions.lineCount });
  }

  private bump(key: string): number {
    // One counter for every file: a file's stamp never comes back after its entry was pruned.
    const n = ++this.stamps;
    this.changes.set(key, n);
    return n;
  }

  /** Index a file's text (undefined: gone or unreadable, nothing to index). */
  private indexText(file: DiskClaimFile, folder: string, text: string | undefined): void {
    if (text === undefined) return;
    const key = fileKey(file.uri);
    if (this.files.get(key)?.liveVersion !== undefined) return; // opened meanwhile
    let doc;
    try {
      doc = parseDocument(text, file.format);
    } catch (err) {
      this.connection.console.error(`infusion-claims: reading a ${file.format} file for the workspace index failed: ${describeError(err)}`);
      return;
    }
    const positions = LineStarts.ofFile(text);
    this.setLines(key, { uri: file.uri, positions, folder, packed: PackedLines.of(doc.lines.filter(isKept)), lineCount: positions.lineCount });
  }

  /** A file's new lines into the index (MemberLines.set's, packed here to be compared): what to
   *  re-lint is the members whose lines changed (changed-members.ts), named by the same URI. */
  private setLines(key: string, entry: IndexedFile): void {
    const old = this.files.get(key);
    const { before, after } = this.memberLines.setPacked(key, entry.uri, entry.packed);
    this.files.set(key, entry);
    if (old && old.uri === entry.uri) this.note(key, [...changedMembers(old.packed, entry.packed, old.lineCount !== entry.lineCount)], []);
    else this.note(key, before, after);
  }

  private dropFolder(folderPath: string): void {
    this.indexed.delete(folderPath);
    for (const [key, entry] of this.files) {
      if (entry.folder !== folderPath || entry.liveVersion !== undefined) continue;
      // Nested workspace folders (A and A/sub): a file both walks found remembers the last one; it
      // stays while another indexed folder's walk takes it.
      const other = this.indexedFolderOf(entry.uri);
      if (other !== undefined) this.files.set(key, { ...entry, folder: other });
      else {
        this.files.delete(key);
        this.note(key, this.memberLines.delete(key), []);
      }
    }
  }

  /** The innermost indexed workspace folder whose walk takes the file (walk-rule.ts, and its file
   *  patterns name it), if any. */
  private indexedFolderOf(uri: string): string | undefined {
    const p = pathOf(uri);
    if (p === undefined) return undefined;
    const holding = this.folders.filter((f) => {
      const patterns = this.indexed.get(f.path);
      return patterns !== undefined && isInside(p, f.path) && entersFolder(f.path, path.dirname(p)) && !behindLink(f.path, p)
        && diskClaimFormat(p, patterns) !== undefined;
    });
    return holding.sort((a, b) => b.path.length - a.path.length)[0]?.path;
  }

  private note(key: string, before: readonly string[], after: readonly string[]): void {
    // A file that left the index keeps no stamp (one entry per file that ever existed, else); a
    // read in parts in flight sees its ticket gone and is superseded all the same.
    if (this.files.has(key)) this.bump(key);
    else this.changes.delete(key);
    this.pending.keys.add(key);
    for (const m of before) this.pending.members.add(m);
    for (const m of after) this.pending.members.add(m);
    this.flushSoon();
  }

  /** Re-lint once changes settle; while a folder is being indexed, once it is done. */
  private flushSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.scans > 0) return; // the scan's end flushes
      const change = this.pending;
      if (change.keys.size === 0) return;
      this.pending = { keys: new Set(), members: new Set() };
      try {
        this.onChange(change);
      } catch (err) {
        this.connection.console.error(`infusion-claims: re-linting after a workspace change failed: ${describeError(err)}`);
      }
    }, SETTLE_MS);
  }

  /** Lint-workspace published closed files listed with these patterns: watch them too. */
  watchPublished(patterns: readonly string[]): void {
    this.lintPatterns = [...new Set([...(this.lintPatterns ?? []), ...patterns])];
    this.updateWatch();
  }

  /** Ask the client to report claim-file changes (dynamic registration, when it supports it):
   *  while workspace analysis indexes a folder or lint-workspace has published closed files. */
  private updateWatch(): void {
    if (!this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const enabled = this.analysisPatterns !== undefined || this.lintPatterns !== undefined;
    const patterns = [...(this.analysisPatterns ?? []), ...(this.lintPatterns ?? [])];
    const globs = enabled
      ? [...new Set([...CLAIM_GLOBS, ...patterns.map((p) => (p.startsWith('/') || p.startsWith('**') ? p : `**/${p}`))])]
      : [];
    const key = globs.join('\n');
    if (key === this.watchedGlobs) return;
    this.watchedGlobs = key;
    const previous = this.watching;
    this.watching = undefined;
    void previous?.then((d) => d.dispose()).catch(() => undefined);
    if (globs.length === 0) return;
    this.watching = this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [...globs.map((globPattern) => ({ globPattern })), FOLDER_WATCH],
    });
    this.watching.catch((err: unknown) => this.connection.console.error(`infusion-claims: watching claim files failed: ${describeError(err)}`));
  }
}

/** What readClaimFile answers for a file of `bigFrom` bytes or more: read it later, at its turn. */
const BIG_LATER: unique symbol = Symbol('read later');

/** A claim file's text, or undefined when it is gone or unreadable; BIG_LATER instead of the text
 *  when it has `bigFrom` bytes or more; its size when it is too large to index. */
async function readClaimFile(filePath: string, bigFrom: number): Promise<string | typeof BIG_LATER | { bytes: number } | undefined> {
  try {
    const stat = await fsp.stat(filePath);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_FILE_BYTES) return { bytes: stat.size };
    if (stat.size >= bigFrom) return BIG_LATER;
    return await readFileTextAsync(filePath);
  } catch {
    return undefined;
  }
}

function maxFileBytes(setting: string | undefined): number {
  const bytes = Number(setting);
  return setting && Number.isInteger(bytes) && bytes > 0 ? bytes : 64 * MB;
}

function patternsKey(patterns: readonly string[]): string {
  return JSON.stringify(patterns);
}
