// The rule framework's types, eslint style: a rule is `meta` plus `check`.
import type { ClaimDocument, ServiceLine, Span } from '../model';
import type { CodeSet } from '../codes/types';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Replace [start, end) of the document text with newText. Fixes are pure data. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  /** Starts with the bold words of rules.md, e.g. "Pad NDC to 11 digits". */
  readonly title: string;
  /** Safe fixes change no billing decision: offered by fix-all and applied by `--fix`. */
  readonly safe: boolean;
  readonly edits: readonly TextEdit[];
}

export interface Related {
  readonly span: Span;
  readonly message: string;
  /** Another file's URI (workspace analysis); absent for the same document. */
  readonly uri?: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly fixes: readonly Fix[];
  readonly related?: readonly Related[];
  /** The line the finding is about, when there is one (for suppression). */
  readonly lineIndex?: number;
}

export interface RuleMeta {
  /** Stable kebab-case id from rules.md. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line: what is wrong. */
  readonly description: string;
  /** The policy behind the rule: the seed file name and a verbatim quote from it. */
  readonly policy: { readonly seed: string; readonly quote: string };
  /** Whether the rule offers fixes, and whether they are safe (fix-all) or unsafe (one at a time). */
  readonly fixable?: 'safe' | 'unsafe';
  /** What a finding about a line depends on, so an edit re-runs the rule only where it can
   *  change something (incremental analysis; see edits/line-changes.ts, touched). Default 'file'. */
  readonly scope?: RuleScope;
  /** The 'member-history' scope's look-back: how many days before a line's dos_from its
   *  findings read. */
  readonly lookbackDays?: number;
  /** The 'member-history' scope: which lines look back (default every line) and which of the
   *  member's earlier lines they read (default every line). Workspace analysis hands a lint only
   *  the other files' lines its rules read (workspace/window.ts): these say which a look-back reads. */
  readonly lookbackFrom?: (line: ReachLine) => boolean;
  readonly lookbackReads?: (line: ReachLine) => boolean;
  /** A claim rule that reads of other workspace files only whether a line of the same claim
   *  number and member for which this holds is there (auth-missing: one with an auth number): a
   *  lint is handed one such line per claim (workspace/window.ts). */
  readonly claimSettledBy?: (line: ReachLine) => boolean;
}

/** What the predicates of RuleMeta's workspace reads (lookbackFrom, lookbackReads,
 *  claimSettledBy) may read of a line: the workspace index answers them from its packed lines. */
export type ReachLine = Pick<ServiceLine, 'hcpcs' | 'authNumber'>;

/** What the rules read of other files' lines (workspace/window.ts, reachOf). */
export interface Reach {
  readonly lookbacks: ReadonlyArray<{
    readonly days: number;
    readonly from: (line: ReachLine) => boolean;
    readonly reads: (line: ReachLine) => boolean;
  }>;
  readonly settles: ReadonlyArray<(line: ReachLine) => boolean>;
}

/** What a lint's lines of one member reach of other files (workspace/window.ts, windowOf). */
export interface MemberWindow {
  /** Their days as the same-day index spreads a line: [from, to] pairs, sorted, merged. */
  readonly days: readonly number[];
  /** Per look-back of the reach, the days it reads: [from, to] pairs, sorted, merged. */
  readonly looks: ReadonlyArray<readonly number[]>;
  /** Their claim numbers (when a rule has claimSettledBy). */
  readonly claims: ReadonlySet<string>;
}

/** What a lint's lines reach of other files: per member, in order of first appearance. */
export interface Window {
  readonly reach: Reach;
  readonly members: ReadonlyMap<string, MemberWindow>;
}

/**
 * The lines a rule's finding about a line depends on (besides the options and the code set):
 * - 'line': the line alone;
 * - 'claim': the lines of its claim (same claim_id);
 * - 'member-day': the lines of its member on its days: those whose date spans (as the same-day
 *   index spreads them) overlap the line's ("same day" rules);
 * - 'member-history': the lines of its member whose dates (dos_from … dos_to as written) reach into
 *   the `lookbackDays` days before its dos_from (a look-back such as the 60-day initial visit);
 * - 'member': the lines of its member;
 * - 'member-claim-or-day': its member's lines on its claim, and on its days (as 'member-day');
 * - 'file': anything in the file (always re-run in full).
 * Findings must be reported with `line` (their owner) and related lines must share the scope.
 */
export type RuleScope = 'line' | 'claim' | 'member-day' | 'member-history' | 'member' | 'member-claim-or-day' | 'file';

/** A workspace line from another file (workspace analysis). */
export interface ExternalLine {
  readonly uri: string;
  readonly line: ServiceLine;
}

export interface LintOptions {
  /** Default payer for lines without one. */
  readonly payer?: string;
  /** Severity per rule id. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** How the NDC fix writes an NDC. */
  readonly ndcFormat?: 'keep' | 'hyphenated' | 'digits';
  /** Lines of other workspace files, for cross-file rules. A rule run is handed only those its
   *  view's lines reach (engine.ts, runRule; workspace/window.ts): a rule reads no others. */
  readonly external?: readonly ExternalLine[];
  /** The document's own uri, in the form of ExternalLine.uri: the lines of a day that several
   *  files bill are ordered by file, then line, the same from every file (same-day.ts), so a tie
   *  between files (two per diems as frequent, two NDCs of one drug) is broken the same way in each. */
  readonly uri?: string;
  /** Instead of `external`: the lines of other workspace files that the window reaches (its
   *  members' lines of its days, look-backs and claims: workspace/window.ts), asked for when a
   *  document is linted, with its own lines' window (engine.ts, withExternal). A big file checked
   *  in parts (batches/lint-batch.ts) thus holds only one batch's lines at a time, never the whole
   *  file's; a file of one day, only the other files' lines of that day. A function: options
   *  holding it are not posted to worker threads. */
  readonly externalOf?: (window: Window) => readonly ExternalLine[];
  /** The text was decoded from bytes that are all valid UTF-8 (the CLI reads them; an editor
   *  cannot tell): a U+FFFD in it is a character the file holds, not a byte that was not UTF-8,
   *  and is not reported as one. */
  readonly validUtf8?: boolean;
}

export interface Report {
  readonly span: Span;
  readonly message: string;
  readonly line?: ServiceLine;
  /** The fixes, or a function that makes them: called only when someone asks for the finding's
   *  fixes (code actions, --fix), so linting a big file builds no edits nobody applies. */
  readonly fixes?: readonly Fix[] | (() => readonly Fix[]);
  readonly related?: readonly Related[];
}

export interface RuleContext {
  readonly doc: ClaimDocument;
  readonly options: LintOptions;
  readonly codes: CodeSet;
  /** The line's payer, or the default payer. */
  payerOf(line: ServiceLine): string;
  /** The ids of every rule of the registry (not only those being run), sorted. */
  readonly ruleIds: readonly string[];
  report(report: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(doc: ClaimDocument, ctx: RuleContext): void;
}
