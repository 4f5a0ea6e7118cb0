// The `infusionClaims.*` settings: defaults, validation, and pulling them from a client that may
// never answer `workspace/configuration` (the server must still lint, with the defaults).
import type { Connection } from 'vscode-languageserver/node';
import type { HintedValues } from '../features/inlay-hints';
import { PAYERS } from '../model';
import type { LintOptions, SeveritySetting } from '../rules/types';
import { SETTINGS_SECTION } from './protocol';
import { DEFAULT_MAX_PROBLEMS } from './published';

export interface ServerSettings {
  readonly payer: string;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly ndcFormat: 'keep' | 'hyphenated' | 'digits';
  readonly workspaceAnalysis: boolean;
  readonly filePatterns: readonly string[];
  /** Descriptors shown after the values (features/inlay-hints.ts): codes, or also modifiers and NDCs. */
  readonly inlayHints: 'off' | HintedValues;
  /** Diagnostics published per document at most (published.ts). */
  readonly maxNumberOfProblems: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  payer: 'commercial',
  rules: {},
  ndcFormat: 'keep',
  workspaceAnalysis: false,
  filePatterns: [],
  inlayHints: 'codes',
  maxNumberOfProblems: DEFAULT_MAX_PROBLEMS,
};

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];
const NDC_FORMATS: readonly string[] = ['keep', 'hyphenated', 'digits'];
const INLAY_HINTS: readonly string[] = ['off', 'codes', 'all'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Read whatever the client sent (possibly null, partial or mistyped) over the given base:
 *  a bad value falls back to the base's, never throws. */
export function sanitizeSettings(raw: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  if (!isRecord(raw)) return base;
  const payer = typeof raw.payer === 'string' && (PAYERS as readonly string[]).includes(raw.payer.toLowerCase())
    ? raw.payer.toLowerCase() : base.payer;
  let rules = base.rules;
  if (isRecord(raw.rules)) {
    const r: Record<string, SeveritySetting> = {};
    for (const [id, sev] of Object.entries(raw.rules)) {
      if (typeof sev === 'string' && SEVERITIES.includes(sev)) r[id] = sev as SeveritySetting;
    }
    rules = r;
  }
  const ndcFormat = typeof raw.ndcFormat === 'string' && NDC_FORMATS.includes(raw.ndcFormat)
    ? raw.ndcFormat as ServerSettings['ndcFormat'] : base.ndcFormat;
  const workspaceAnalysis = typeof raw.workspaceAnalysis === 'boolean' ? raw.workspaceAnalysis : base.workspaceAnalysis;
  const filePatterns = Array.isArray(raw.filePatterns)
    ? raw.filePatterns.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : base.filePatterns;
  const inlayHints = typeof raw.inlayHints === 'string' && INLAY_HINTS.includes(raw.inlayHints)
    ? raw.inlayHints as ServerSettings['inlayHints'] : base.inlayHints;
  const max = raw.maxNumberOfProblems;
  const maxNumberOfProblems = typeof max === 'number' && Number.isInteger(max) && max >= 1 ? max : base.maxNumberOfProblems;
  return { payer, rules, ndcFormat, workspaceAnalysis, filePatterns, inlayHints, maxNumberOfProblems };
}

/** The engine's options for these settings (`external`, the workspace lines, is added by the
 *  Linter's WorkspaceLines seam). */
export function toLintOptions(s: ServerSettings): LintOptions {
  return { payer: s.payer, rules: s.rules, ndcFormat: s.ndcFormat };
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

/** How long to wait for `workspace/configuration` before linting with what we have. */
const PULL_TIMEOUT_MS = 300;

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<ServerSettings>>();
  private pushed: ServerSettings = DEFAULT_SETTINGS;
  /** The last answer for each document, and the last of all: a client slower than the timeout is
   *  slow again after the next change, and meanwhile its documents are linted with what it said
   *  before, not with the defaults (a rule turned off would flash back on). */
  private readonly answered = new Map<string, ServerSettings>();
  private lastAnswer: ServerSettings | undefined;

  constructor(
    private readonly connection: Connection,
    /** The client declared `workspace.configuration`. */
    private readonly canPull: boolean,
    /** An answer came after we had given up waiting: the document should be linted again. */
    private readonly onLateAnswer: (uri: string) => void,
  ) {}

  /** Settings pushed by the client (initializationOptions, didChangeConfiguration). */
  setPushed(raw: unknown): void {
    const section = pushedSection(raw);
    if (section !== undefined) this.pushed = sanitizeSettings(section);
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
      .then((raw: unknown) => sanitizeSettings(raw, this.pushed), () => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => { timedOut = true; resolve(undefined); }, PULL_TIMEOUT_MS);
    });
    const result: Promise<ServerSettings> = Promise.race([answer, timeout]).then((s) => {
      clearTimeout(timer);
      return s ?? this.answered.get(uri) ?? this.lastAnswer ?? this.pushed;
    });
    // A slow client's answer still counts: keep it and lint again with it.
    void answer.then((s) => {
      if (s) {
        this.answered.set(uri, s);
        this.lastAnswer = s;
      }
      if (!timedOut || !s || this.perUri.get(uri) !== result) return;
      this.perUri.set(uri, Promise.resolve(s));
      this.onLateAnswer(uri);
    });
    return result;
  }
}
