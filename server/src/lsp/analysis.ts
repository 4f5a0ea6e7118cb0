// The last analysis of each open claim document (model + findings + published diagnostics), and
// the debounced linting that keeps it and the published diagnostics in step with the text.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, lintTextSteps } from '../engine';
import { lintEditIncrementally, type EditResult } from '../engine-incremental';
import type { ClaimDocument, Span } from '../model';
import type { TextChange } from '../parse/reread';
import type { ClaimFormat } from '../parse';
import type { ExternalLine, Finding, LintOptions } from '../rules/types';
import { claimFormatOf } from './claim-files';
import { toDiagnostic, type OtherDocument, type Positions } from './convert';
import { describeError } from './errors';
import { LineStarts } from './line-starts';
import { runBetweenRequests } from './between-requests';
import { publishedDiagnostics } from './published';
import { GarbageTracker, growWhileReading } from './memory';
import { STATUS_NOTIFICATION, type StatusParams } from './protocol';
import { DEFAULT_SETTINGS, toLintOptions, type ServerSettings, type SettingsStore } from './settings';

/** Typing pauses shorter than this lint once. Small: the edit→diagnostics budget is 100 ms. */
export const DEBOUNCE_MS = 40;
/** After a lint this quick (an edit linted incrementally), the next change waits only
 *  SHORT_DEBOUNCE_MS: re-linting costs less than the wait would save. A burst of changes that
 *  arrive together is still linted once: the messages already read are handled before a timer
 *  fires. */
const QUICK_LINT_MS = 60;
export const SHORT_DEBOUNCE_MS = 2;
/** Lints slower than this are logged (timing and counts only). */
const SLOW_LINT_MS = 250;
/** A text this long, when not linted as an edit of the last analysis, is linted a step at a time
 *  (a thousand lines' rules a step, engine.ts lintTextSteps) with requests and other documents'
 *  edits answered between steps: the first lint of a 100k-line export takes over a second, which
 *  hovers elsewhere must not wait for. About 12,000 lines of a typical export. */
export const STEPWISE_MIN_CHARS = 1 << 20;

/** The workspace-analysis seam: the lines of the workspace's other claim files, for cross-file
 *  rules (60-day initial visit, same-day concurrency across files). The default gives none;
 *  the workspace index (workspace-index.ts) plugs in here when `workspaceAnalysis` is on. */
export type WorkspaceLines = (uri: string) => readonly ExternalLine[] | undefined;

/** What workspace analysis adds to a lint. `lines` must return the same array while nothing it
 *  holds changed: a re-lint with the same text, settings and array is skipped. */
export interface WorkspaceSeam {
  readonly lines: WorkspaceLines;
  /** Positions in an indexed file that is not open, for related information pointing there. */
  readonly positions: OtherDocument;
  /** After each lint: the index takes the open document's live lines. Must be cheap, must not throw. */
  readonly analysed: (a: Analysis) => void;
}

const NO_WORKSPACE: WorkspaceSeam = { lines: () => undefined, positions: () => undefined, analysed: () => undefined };

export interface Analysis {
  readonly uri: string;
  /** The document version the analysis is of. */
  readonly version: number;
  /** The text it is of, as the document gave it: a client that sends other text under the same
   *  version (a second didOpen, a change that does not raise it) must not be answered from this. */
  readonly text: string;
  readonly format: ClaimFormat;
  readonly settings: ServerSettings;
  /** The SettingsStore's generation `settings` were asked for at: once the settings change, no
   *  request is answered from this (a fix on save must not apply a fix of a rule just turned off). */
  readonly generation: number;
  readonly options: LintOptions;
  readonly doc: ClaimDocument;
  readonly findings: readonly Finding[];
  /** findings[i] was published as diagnostics[i]; undefined for a finding not shown (more than
   *  maxNumberOfProblems: published.ts). */
  readonly diagnostics: readonly (Diagnostic | undefined)[];
  /** What was published: the shown findings' diagnostics in document order, then (when some are
   *  not shown) the one saying how many are not. */
  readonly published: readonly Diagnostic[];
  readonly ms: number;
}

/** When the parser itself throws: an empty model, and one diagnostic saying the file was not read. */
function failedParse(text: string, format: ClaimFormat, err: unknown): { doc: ClaimDocument; findings: Finding[] } {
  return {
    doc: { format, text, lines: [], claims: [], problems: [] },
    findings: [{
      ruleId: 'parse-error',
      severity: 'warning',
      span: { start: 0, end: 0 },
      message: `infusion-claims could not read this file (internal ${err instanceof Error ? err.name : 'error'} in the reader), so nothing in it was checked; please report this with the file's layout, not its data`,
      fixes: [],
    }],
  };
}

/** Whether the analysis is of the document's current text: its version, and its very text (the
 *  same string object, so a cheap test, unless the client reused a version for other text). */
export function isOf(a: Analysis, d: TextDocument | undefined): boolean {
  return d !== undefined && a.version === d.version && a.text === d.getText();
}

export class Linter {
  private readonly analyses = new Map<string, Analysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Lints running a step at a time, by document: one at a time per document, the next waits. */
  private readonly running = new Map<string, Promise<void>>();
  /** While such a lint runs: its document once read, as an analysis with no findings yet. */
  private readonly read = new Map<string, Analysis>();
  /** Documents we published diagnostics for (so that closing or opting out clears them). */
  private readonly published = new Set<string>();
  /** Collects what a full lint of a big text left behind (memory.ts). */
  private readonly garbage = new GarbageTracker();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly workspace: WorkspaceSeam = NO_WORKSPACE,
  ) {}

  /** Lint after a pause in typing; a newer change restarts the wait. */
  schedule(uri: string, delayMs?: number): void {
    this.cancel(uri);
    const last = this.analyses.get(uri);
    delayMs ??= last && last.ms <= QUICK_LINT_MS ? SHORT_DEBOUNCE_MS : DEBOUNCE_MS;
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.lintNow(uri);
    }, delayMs));
  }

  /** The analysis of the current text under the current settings: the kept one, or a lint now
   *  (hover right after typing; a code action right after a settings change, before the re-lint
   *  of every document reaches this one). */
  async fresh(uri: string): Promise<Analysis | undefined> {
    const a = this.analyses.get(uri);
    const d = this.documents.get(uri);
    if (!d) return undefined;
    if (a && isOf(a, d) && this.current(a)) return a;
    return this.lintNow(uri);
  }

  /** Whether the analysis is of the settings as they are: none changed since it asked for them. */
  private current(a: Analysis): boolean {
    return a.generation === this.settings.generation;
  }

  /**
   * For what needs the document's model but not its findings (symbols, folding, completion, inlay
   * hints): while a big text's first lint runs in steps, its model as soon as it is read, rather
   * than once every rule has run. Otherwise as `fresh`.
   */
  async model(uri: string): Promise<Analysis | undefined> {
    const early = this.read.get(uri);
    if (early && isOf(early, this.documents.get(uri)) && this.current(early)) return early;
    return this.fresh(uri);
  }

  /** The kept analysis, whatever its version. */
  last(uri: string): Analysis | undefined {
    return this.analyses.get(uri);
  }

  /** Lint the document's current text and publish. Always lints the text as it is once the settings
   *  are known, so a run that waited cannot publish diagnostics of an older version, nor of
   *  settings changed while it waited. */
  async lintNow(uri: string): Promise<Analysis | undefined> {
    this.cancel(uri);
    let settings: ServerSettings;
    let generation: number;
    // A lint running in steps is waited for; this one then lints its document's text as an edit
    // of that lint's text (or returns it, when the text did not change meanwhile). Settings that
    // changed while they were asked for are asked for again.
    for (;;) {
      const running = this.running.get(uri);
      if (running) {
        await running;
        continue;
      }
      generation = this.settings.generation;
      try {
        settings = await this.settings.forUri(uri);
      } catch {
        settings = DEFAULT_SETTINGS;
      }
      if (!this.running.has(uri) && generation === this.settings.generation) break;
    }
    const textDoc = this.documents.get(uri);
    if (!textDoc) return undefined;
    const format = claimFormatOf(textDoc.languageId, uri, settings.filePatterns);
    if (!format) {
      this.clear(uri);
      return undefined;
    }
    const external = settings.workspaceAnalysis ? this.workspace.lines(uri) : undefined;
    let prev = this.analyses.get(uri);
    if (prev && isOf(prev, textDoc) && prev.format === format && prev.settings === settings && prev.options.external === external) {
      // The same text, maybe as another string (a second didOpen of it): the analysis takes the
      // document's own, so the next requests' isOf compares one pointer, not the whole text. Under
      // a newer generation the same settings object (a client pushed other tools' settings) is
      // the same settings: the analysis holds for that generation too.
      const same: Analysis = { ...prev, text: textDoc.getText(), generation };
      this.analyses.set(uri, same);
      return same;
    }

    // An edit under the same settings (and workspace lines) is linted incrementally from the last
    // analysis: only what the edit can change is read and checked again (engine-incremental.ts).
    const sameSetup = prev !== undefined && prev.format === format && prev.settings === settings && prev.options.external === external;
    const options: LintOptions = sameSetup ? prev!.options : external ? { ...toLintOptions(settings), external, uri } : toLintOptions(settings);
    const t0 = performance.now();
    // The document object is updated in place by later changes: its text and version now.
    const text = textDoc.getText();
    const version = textDoc.version;
    let result: EditResult | undefined;
    try {
      if (sameSetup) result = lintEditIncrementally(prev!, text, options);
      if (!result && text.length < STEPWISE_MIN_CHARS) result = lintText(text, format, options);
      if (!result) {
        // A big text linted in full (opened, or an edit that cannot be linted incrementally: a JSON
        // document's). The last analysis is let go first: two models of a big file at once took
        // a 24 MB JSON document's server to 1.3 GB. Requests on it wait for this lint.
        const busy = busyStatus(uri, prev);
        if (prev) {
          this.analyses.delete(uri);
          prev = undefined;
          this.garbage.droppedBeforeLint(text.length);
        }
        const early = (doc: ClaimDocument): void => {
          this.read.set(uri, { uri, version, text, format, settings, generation, options, doc, findings: [], diagnostics: [], published: [], ms: 0 });
        };
        const done = await this.inSteps(textDoc, text, format, options, busy, early, generation);
        // Closed meanwhile (or closed and opened again: that open lints the text it brought).
        if (this.documents.get(uri) !== textDoc) return undefined;
        // The settings changed meanwhile: it was stopped at the next step, and what it found is
        // never published (a rule just turned off would flash back on for the rest of the lint).
        // The text is linted again with the new settings.
        if (!done || generation !== this.settings.generation) return this.lintNow(uri);
        result = done;
      }
    } catch (err) {
      this.connection.console.error(`infusion-claims: reading a ${format} document failed: ${describeError(err)}`);
      result = failedParse(text, format, err);
    }
    const other = (u: string) => this.documents.get(u) ?? this.workspace.positions(u);
    const reusable = prev && sameSetup && keepsPositions(prev.doc.text, text, result) ? result.movedFrom : undefined;
    // The edit's own lines: a kept finding there may have moved along its line (an edit earlier on
    // the same line: a JSON line holds many values), so its positions are made again.
    const edited = reusable ? editedLines(text, result.change!) : undefined;
    // A full lint converts with line starts found by native search (line-starts.ts): the text
    // document would first compute its own line table one character at a time. An edit keeps
    // using the document's table, which it updates as the edits come.
    const positions: Positions = result.change ? textDoc : LineStarts.of(text);
    const { byFinding: diagnostics, published } = publishedDiagnostics(result.findings, settings.maxNumberOfProblems, positions, (f, index) => {
      // A finding the edit only moved, when no line break came or went: the same positions. At
      // the same index it is the same diagnostic object (the writer kept its encoding).
      const from = reusable && !(edited && touches(f, edited)) ? reusable[index] : -1;
      const was = from >= 0 ? prev!.diagnostics[from] : undefined;
      return !was ? toDiagnostic(f, positions, uri, { index }, other) : from === index ? was : { ...was, data: { index } };
    });
    const ms = Math.round((performance.now() - t0) * 10) / 10;
    const analysis: Analysis = { uri, version, text, format, settings, generation, options, doc: result.doc, findings: result.findings, diagnostics, published, ms };
    this.analyses.set(uri, analysis);
    this.workspace.analysed(analysis);
    if (!result.change) this.garbage.linted(text.length);
    // Changed while linted in steps: kept as the base of the next lint, which the change
    // scheduled and which publishes; these positions are already out of date.
    if (!isOf(analysis, this.documents.get(uri))) return analysis;
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: published });
    void this.connection.sendNotification(STATUS_NOTIFICATION, statusOf(analysis));
    if (result.change && prev && prev.doc.text !== text) this.garbage.edited(text.length);
    if (ms > SLOW_LINT_MS) {
      this.connection.console.log(`infusion-claims: slow lint, ${result.doc.lines.length} lines, ${diagnostics.length} problems, ${ms} ms`);
    }
    return analysis;
  }

  /** lintText of the document's `text` run between requests, the status item busy meanwhile;
   *  undefined when the document was closed, or the settings of `generation` changed, before the
   *  end. Throws what the engine threw. */
  private async inSteps(
    textDoc: TextDocument, text: string, format: ClaimFormat, options: LintOptions, busy: StatusParams, onRead: (doc: ClaimDocument) => void,
    generation: number,
  ): Promise<EditResult | undefined> {
    const uri = textDoc.uri;
    void this.connection.sendNotification(STATUS_NOTIFICATION, busy);
    const tree = format === 'json';
    if (tree) growWhileReading(true);
    const stop = (): boolean => this.documents.get(uri) !== textDoc || this.settings.generation !== generation;
    const run = runBetweenRequests(lintTextSteps(text, format, options, onRead), stop);
    this.running.set(uri, run.then(() => undefined, () => undefined));
    try {
      return (await run)?.value;
    } finally {
      if (tree) growWhileReading(false);
      this.running.delete(uri);
      this.read.delete(uri);
    }
  }

  /** Lint every open claim document again (settings changed, or the lint command), the shortest
   *  first: one at a time, a big document's lint (a second or more) would otherwise hold up the
   *  small ones behind it, which take milliseconds. */
  async relintAll(): Promise<Analysis[]> {
    const done: Analysis[] = [];
    const bySize = this.documents.all().sort((a, b) => a.getText().length - b.getText().length);
    for (const d of bySize) {
      const a = await this.lintNow(d.uri);
      if (a) done.push(a);
    }
    return done;
  }

  /** The document was closed: forget it and clear its diagnostics. */
  close(uri: string): void {
    this.cancel(uri);
    this.settings.forget(uri);
    this.clear(uri);
  }

  private clear(uri: string): void {
    this.analyses.delete(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }
}

const isLineBreak = (c: number): boolean => c === 0x0a || c === 0x0d;

/**
 * Whether the previous diagnostics of the findings an edit only moved keep their positions: the
 * edit neither removed nor inserted a line break (nor split a CRLF), so every line it did not
 * touch keeps its number and characters; moved findings are on untouched lines (their lines and
 * scopes did not change).
 */
function keepsPositions(before: string, after: string, result: EditResult): boolean {
  const c = result.change;
  if (!c || !result.movedFrom) return false;
  for (let i = c.start; i < c.oldEnd; i++) if (isLineBreak(before.charCodeAt(i))) return false;
  for (let i = c.start; i < c.newEnd; i++) if (isLineBreak(after.charCodeAt(i))) return false;
  return !(c.start > 0 && before.charCodeAt(c.start - 1) === 0x0d);
}

/** The span of the new text whose positions an edit that kept every line break may have changed:
 *  from the edit's start to the end of the line it ends on. Undefined when the edit kept every
 *  length (a replacement as long as what it replaced): no position changed. */
function editedLines(text: string, c: TextChange): Span | undefined {
  if (c.newEnd === c.oldEnd) return undefined;
  let end = c.newEnd;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return { start: c.start, end };
}

const within = (s: Span, edited: Span): boolean => s.end >= edited.start && s.start <= edited.end;

/** Whether a finding (its span, or a related place in its own document) is on the edited lines
 *  after the edit's start. */
function touches(f: Finding, edited: Span): boolean {
  if (within(f.span, edited)) return true;
  if (f.related) for (const r of f.related) if (!r.uri && within(r.span, edited)) return true;
  return false;
}

/** The status while a document is linted in steps: the last analysis's counts, if any, and busy. */
function busyStatus(uri: string, prev: Analysis | undefined): StatusParams {
  return { ...(prev ? statusOf(prev) : { uri, problems: 0, errors: 0, warnings: 0, shown: 0, ms: 0 }), busy: true };
}

export function statusOf(a: Analysis): StatusParams {
  let errors = 0;
  let warnings = 0;
  for (const f of a.findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { uri: a.uri, problems: a.findings.length, errors, warnings, shown: Math.min(a.findings.length, a.settings.maxNumberOfProblems), ms: a.ms };
}
