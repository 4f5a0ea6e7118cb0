// The `infusionClaims.*` settings as the server holds them: pushed by the client, or pulled from a
// client that may never answer `workspace/configuration` (the server must still lint, with the
// defaults). Their defaults and how a value is read are in settings-read.ts.
import type { Connection } from 'vscode-languageserver/node';
import type { LintOptions } from '../rules/types';
import { SETTINGS_SECTION } from './protocol';
import { SettingsNotices } from './settings-notices';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings-read';

export { DEFAULT_SETTINGS, sanitizeSettings, type ServerSettings } from './settings-read';

/** The engine's options for these settings (`external`, the workspace lines, is added by the
 *  Linter's WorkspaceLines seam). */
export function toLintOptions(s: ServerSettings): LintOptions {
  return { payer: s.payer, rules: s.rules, ndcFormat: s.ndcFormat };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Settings a client pushed without being asked: `initializationOptions` or
 *  `workspace/didChangeConfiguration`, either `{ infusionClaims: {...} }` or the section itself. */
export function pushedSection(raw: unknown): unknown {
  if (!isRecord(raw)) return undefined;
  if (isRecord(raw[SETTINGS_SECTION])) return raw[SETTINGS_SECTION];
  // The section itself only when it holds one of ours: a client that pushes its other settings
  // (`{ editor: ... }`, another server's) must not reset these to the defaults.
  return Object.keys(DEFAULT_SETTINGS).some((key) => key in raw) ? raw : undefined;
}

/** A key of the settings' values: equal settings, equal keys (rule ids sorted). */
function valuesKey(s: ServerSettings): string {
  const rules = Object.keys(s.rules).sort().map((id) => `${id}=${s.rules[id]}`);
  return JSON.stringify([s.payer, rules, s.ndcFormat, s.workspaceAnalysis, s.filePatterns, s.inlayHints, s.maxNumberOfProblems]);
}

/** Distinct settings kept for `read` to hand back; past this many the oldest are forgotten. */
const MAX_KEPT_SETTINGS = 32;

/** How long to wait for `workspace/configuration` before linting with what we have. */
const PULL_TIMEOUT_MS = 300;

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<ServerSettings>>();
  /** The `initializationOptions` settings: what a push does not give keeps their value. */
  private initial: ServerSettings = DEFAULT_SETTINGS;
  private pushed: ServerSettings = DEFAULT_SETTINGS;
  /** The last answer for each document, and the last for each workspace folder: a client slower
   *  than the timeout is slow again after the next change, and meanwhile its documents are linted
   *  with what it said before for their folder, not with the defaults (a rule turned off would
   *  flash back on), and never with another folder's (a Medicare folder's payer on a commercial
   *  folder's file). */
  private readonly answered = new Map<string, ServerSettings>();
  private readonly lastOfFolder = new Map<string, ServerSettings>();
  private readonly notices: SettingsNotices;
  /** One object per distinct settings value: a configuration change may leave a document's settings
   *  as they were (another folder's changed; a client that pushes its whole settings table), and the
   *  Linter keeps a document's analysis while its settings are the same object. A new but equal
   *  object re-linted every open document in full. */
  private readonly kept = new Map<string, ServerSettings>([[valuesKey(DEFAULT_SETTINGS), DEFAULT_SETTINGS]]);

  constructor(
    private readonly connection: Connection,
    /** The client declared `workspace.configuration`. */
    private readonly canPull: boolean,
    /** An answer came after we had given up waiting: the document should be linted again. */
    private readonly onLateAnswer: (uri: string) => void,
    /** The workspace folder whose settings a document (or a folder) has: its URI, or '' outside
     *  every folder (the client answers those with its settings of no folder). */
    private readonly folderOf: (uri: string) => string = () => '',
  ) {
    this.notices = new SettingsNotices(connection);
  }

  /** Settings of `initializationOptions`. */
  setInitial(raw: unknown): void {
    const section = pushedSection(raw);
    if (section !== undefined) this.initial = this.pushed = this.read(section, DEFAULT_SETTINGS);
  }

  /** Settings pushed by `workspace/didChangeConfiguration`: read over the initializationOptions
   *  ones, so a client that gives some settings there and others here (Neovim's `init_options`
   *  and `settings`) keeps both. Each push is whole: it does not build on the one before. */
  setPushed(raw: unknown): void {
    const section = pushedSection(raw);
    if (section !== undefined) this.pushed = this.read(section, this.initial);
  }

  /** Counts `clear`s: settings asked for at one generation hold until the next. The Linter keeps
   *  it with each analysis, and answers no request from, nor publishes, a lint of an older one. */
  private gen = 0;

  get generation(): number {
    return this.gen;
  }

  /** Forget every pulled answer (configuration changed). */
  clear(): void {
    this.perUri.clear();
    this.gen++;
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
    this.answered.delete(uri);
  }

  /** The settings for a document: pulled once per open (or per change), else the pushed ones. */
  forUri(uri: string): Promise<ServerSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.pull(uri);
      this.perUri.set(uri, p);
    }
    return p;
  }

  private pull(uri: string): Promise<ServerSettings> {
    let timedOut = false;
    const answer = Promise.resolve()
      .then(() => this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }))
      .then((raw: unknown) => this.read(raw, this.pushed), () => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => { timedOut = true; resolve(undefined); }, PULL_TIMEOUT_MS);
    });
    const result: Promise<ServerSettings> = Promise.race([answer, timeout]).then((s) => {
      clearTimeout(timer);
      return s ?? this.answered.get(uri) ?? this.lastOfFolder.get(this.folderOf(uri)) ?? this.pushed;
    });
    // A slow client's answer still counts: keep it and lint again with it.
    void answer.then((s) => {
      if (s) {
        // Not for a document closed meanwhile (forget): its entry would stay for good.
        if (this.perUri.get(uri) === result) this.answered.set(uri, s);
        this.lastOfFolder.set(this.folderOf(uri), s);
      }
      if (!timedOut || !s || this.perUri.get(uri) !== result) return;
      this.perUri.set(uri, Promise.resolve(s));
      this.onLateAnswer(uri);
    });
    return result;
  }

  /** Read a section, and tell the user about the values that cannot be used. Settings equal to
   *  ones read before are the object read before. */
  private read(raw: unknown, base: ServerSettings): ServerSettings {
    const { settings, problems } = readSettings(raw, base);
    this.notices.tell(problems);
    const key = valuesKey(settings);
    const same = this.kept.get(key);
    if (same) return same;
    if (this.kept.size >= MAX_KEPT_SETTINGS) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, settings);
    return settings;
  }
}
