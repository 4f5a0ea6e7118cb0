// The engine: parse text into the claim model and run the registered rules over it.
// Pure: no LSP, no file system beyond the code set. The LSP adapter and the CLI both call this.
import type { ClaimDocument, ServiceLine, Span } from './model';
import { parseDocument, parseDocumentSteps, type ClaimFormat } from './parse';
import { RULES, RULE_IDS } from './rules';
import type { Finding, Fix, LintOptions, Related, Report, Rule, RuleContext, Severity } from './rules/types';
import type { CodeSet } from './codes/types';
import { loadCodeSet } from './codes/codeset';
import { disableRuleFix } from './fixes/edit';
import { makingFixes } from './fixes/doc-facts';
import { releaseSameDayIndex } from './rules/util/same-day';
import { readableMessage, readableRelated } from './rules/util/readable';
import { BATCH_LINES, lookbackOf, MIN_PARTITIONED_LINES, partViews, piecesOf, scopeKey, scopeOf, type Piece } from './engine-parts';
import { notePicked, pickExternal, reachOf, windowOf } from './workspace/window';
import { runToEnd } from './steps';
import { mergeSortedSteps } from './merge-steps';

export interface LintResult {
  readonly doc: ClaimDocument;
  readonly findings: readonly Finding[];
}

/** The effective severity of a rule under the options, or undefined when it is off. */
export function severityOf(rule: Rule, options: LintOptions): Severity | undefined {
  const setting = options.rules?.[rule.meta.id];
  if (setting === 'off') return undefined;
  return setting ?? rule.meta.defaultSeverity;
}

const NO_FIXES: readonly Fix[] = [];

/** A finding's fixes: the rule's (made now when it gave a function) and "Disable <id> for this line"
 *  (or "… for this claim", at a value a JSON line inherits from its claim object). */
function fixesOf(doc: ClaimDocument, line: ServiceLine | undefined, id: string, given: Report['fixes'], span: Span): readonly Fix[] {
  let own: readonly Fix[];
  try {
    own = typeof given === 'function' ? given() : (given ?? NO_FIXES);
  } catch {
    // A fix builder bug must not take the finding (or a code action request) down: offer no fix.
    own = NO_FIXES;
  }
  const fixes: Fix[] = [...own];
  if (line) {
    const disable = disableRuleFix(doc, line, id, span);
    if (disable) fixes.push(disable);
  }
  return fixes;
}

/**
 * A finding whose fixes are made on first read, then kept. Most findings of a big file are never
 * fixed: building every edit (and the disable fix) up front was most of a lint's time. The getter
 * is the class's: as an object literal's own getter it gave every finding a hidden class of its
 * own (a million findings took 680 MB and 2.3 s to sort; as instances of a class, 160 MB and 0.9 s).
 * What makes the fixes is held in private fields, so a finding spread or compared shows only its
 * data; `toJSON` writes the fixes too.
 */
export abstract class LazyFixesFinding implements Finding {
  #fixes: readonly Fix[] | undefined = undefined;

  constructor(
    readonly ruleId: string,
    readonly severity: Severity,
    readonly span: Span,
    readonly message: string,
    readonly related: readonly Related[] | undefined,
    readonly lineIndex: number | undefined,
  ) {}

  protected abstract makeFixes(): readonly Fix[];

  get fixes(): readonly Fix[] {
    return (this.#fixes ??= makingFixes(() => this.makeFixes()));
  }

  /** Make the fixes again when next asked for (the document they were made for is gone). */
  protected forgetFixes(): void {
    this.#fixes = undefined;
  }

  toJSON(): Finding {
    const { ruleId, severity, span, message, fixes, related, lineIndex } = this;
    return { ruleId, severity, span, message, fixes, related, lineIndex };
  }
}

/** A rule's finding: its fixes are the rule's (made now when it gave a function) and "Disable <id>
 *  for this line". */
class RuleFinding extends LazyFixesFinding {
  readonly #doc: ClaimDocument;
  readonly #line: ServiceLine | undefined;
  readonly #given: Report['fixes'];

  constructor(doc: ClaimDocument, id: string, severity: Severity, r: Report) {
    super(id, severity, r.span, readableMessage(r.message), r.related && readableRelated(r.related), r.line?.index);
    this.#doc = doc;
    this.#line = r.line;
    this.#given = r.fixes;
  }

  protected makeFixes(): readonly Fix[] {
    return fixesOf(this.#doc, this.#line, this.ruleId, this.#given, this.span);
  }
}

export function makeFinding(doc: ClaimDocument, id: string, severity: Severity, r: Report): Finding {
  return new RuleFinding(doc, id, severity, r);
}

/** What a rule that threw reports instead of its findings (no cell values). */
export function ruleFailure(id: string, err: unknown): Finding {
  return {
    ruleId: id,
    severity: 'info',
    span: { start: 0, end: 0 },
    message: `infusion-claims: rule ${id} failed internally (${err instanceof Error ? err.name : 'error'}); other rules still ran`,
    fixes: [],
  };
}

/** The registered rules: what they read of other files is known (RuleMeta; workspace/window.ts). */
const REGISTERED: ReadonlySet<Rule> = new Set(RULES);
/** Per document (or view) and options: the options its registered rules are handed. */
const reachedOptions = new WeakMap<ClaimDocument, WeakMap<LintOptions, LintOptions>>();

/**
 * The options with `external` cut to the lines the document's lines reach (workspace/window.ts):
 * made once per document and options, so that every rule run on it shares one same-day index. An
 * edit's re-run of a member's lines thus indexes that member's lines of other files on its days,
 * not every line of the open document's members (a year of daily exports: 73k lines an edit).
 * A rule of another registry (a test's) is handed them all.
 */
function optionsFor(rule: Rule, doc: ClaimDocument, options: LintOptions): LintOptions {
  const external = options.external;
  if (!external || external.length === 0 || !REGISTERED.has(rule)) return options;
  let byOptions = reachedOptions.get(doc);
  if (!byOptions) reachedOptions.set(doc, (byOptions = new WeakMap()));
  let reached = byOptions.get(options);
  if (!reached) {
    const picked = pickExternal(doc, external, reachOf(RULES));
    reached = picked === external ? options : { ...options, external: picked.length > 0 ? picked : undefined };
    byOptions.set(options, reached);
  }
  return reached;
}

/** Forget what was made for the document's rule runs (the engine, once every rule has run). */
function release(doc: ClaimDocument): void {
  releaseSameDayIndex(doc);
  reachedOptions.delete(doc);
}

/** Run one rule at the given severity; its findings in the order it reported them.
 *  `failed` is set when the rule threw (its findings are then the failure finding only). */
export function runRule(
  rule: Rule, doc: ClaimDocument, options: LintOptions, codes: CodeSet, severity: Severity,
): { findings: Finding[]; failed: boolean } {
  options = optionsFor(rule, doc, options);
  const id = rule.meta.id;
  const findings: Finding[] = [];
  const defaultPayer = options.payer || 'commercial';
  // A value several lines share (a JSON claim's field, which its lines inherit) gives each line
  // the same finding at the same place: the Problems list shows it once, with the first line's fixes.
  // The reports kept so far, by where they start (a number key: a string of place and message
  // made for every finding was a good part of reporting on a file with a finding per line).
  const reported = new Map<number, Report | Report[]>();
  const isRepeat = (r: Report): boolean => {
    const at = reported.get(r.span.start);
    if (at === undefined) {
      reported.set(r.span.start, r);
      return false;
    }
    const list = Array.isArray(at) ? at : [at];
    for (const o of list) if (o.span.end === r.span.end && o.message === r.message) return true;
    if (list === at) list.push(r);
    else reported.set(r.span.start, [at as Report, r]);
    return false;
  };
  const ctx: RuleContext = {
    doc,
    options,
    codes,
    payerOf: (line: ServiceLine) => line.payer || defaultPayer,
    ruleIds: RULE_IDS,
    report(r: Report) {
      if (r.line && r.line.disabled.size > 0 && r.line.disabled.has(id)) return;
      if (r.line?.misread && id !== 'parse-error') return;
      if (isRepeat(r)) return;
      findings.push(makeFinding(doc, id, severity, r));
    },
  };
  try {
    rule.check(doc, ctx);
  } catch (err) {
    // A rule bug must never take the server down; report it without any cell values.
    findings.push(ruleFailure(id, err));
    return { findings, failed: true };
  }
  return { findings, failed: false };
}

/** Document order: by start, then end; ties keep rule order, then report order (stable sort). */
export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

/** The options with `external` made by `externalOf` for what the document's lines reach
 *  (workspace/window.ts: its members' lines of its days, look-backs and claims). Options without
 *  `externalOf`, or with `external` already, as they are. */
export function withExternal(doc: ClaimDocument, options: LintOptions): LintOptions {
  const of = options.externalOf;
  if (!of || options.external) return options;
  const window = windowOf(doc.lines, reachOf(RULES));
  const external = window.members.size > 0 ? of(window) : [];
  if (external.length === 0) return { ...options, externalOf: undefined, external: undefined };
  notePicked(external, doc);
  return { ...options, externalOf: undefined, external };
}

/** Run every enabled rule over a parsed document. Findings are sorted by offset (ties: rule
 *  order, then the order the rule reported them). */
export function lintDocument(
  doc: ClaimDocument, options: LintOptions = {}, rules: readonly Rule[] = RULES, how: { inParts?: boolean } = {},
): Finding[] {
  return runToEnd(lintDocumentSteps(doc, options, rules, how));
}

/**
 * lintDocument a step at a time: it yields after each rule that reads the whole file and after
 * each part of a big document (engine-parts.ts), about a thousand lines' rules a step. The server
 * runs the first lint of a big document so, answering requests between steps.
 */
export function* lintDocumentSteps(
  doc: ClaimDocument, options: LintOptions = {}, rules: readonly Rule[] = RULES, { inParts = true } = {},
): Generator<void, Finding[]> {
  options = withExternal(doc, options);
  const codes = loadCodeSet();
  // Workspace lines would be indexed again for every part: such a lint runs whole. A big document
  // that is one part (claim ids reused across members join them all) is a single big part.
  const views = !inParts || options.external?.length ? undefined
    : (partViews(doc) ?? (doc.lines.length >= MIN_PARTITIONED_LINES ? [doc] : undefined));
  const byRule: Finding[][] = rules.map(() => []);
  const whole = (i: number, severity: Severity): void => {
    byRule[i] = runRule(rules[i], doc, options, codes, severity).findings;
  };
  const severities = rules.map((rule) => severityOf(rule, options));
  if (!views) {
    for (let i = 0; i < rules.length; i++) {
      const severity = severities[i];
      if (severity) {
        whole(i, severity);
        yield;
      }
    }
  } else {
    // Rules that read the whole file run once; the others part by part (engine-parts.ts).
    const partwise = severities.map((severity, i) => severity !== undefined && scopeOf(rules[i]) !== 'file');
    for (let i = 0; i < rules.length; i++) {
      const severity = severities[i];
      if (severity && !partwise[i]) {
        whole(i, severity);
        yield;
      }
    }
    for (const view of views) {
      // A part bigger than a batch (claims and members joined by reused ids, or one member's
      // history) runs each rule over it a batch of whole lines, members or claims at a time, as
      // its scope allows (piecesOf), yielding after each: on a 190k-line part one rule was 1.6 s
      // between two requests. Pieces are made once per scope, so the rules of one scope share
      // each piece's same-day index.
      const bigPart = view.lines.length > BATCH_LINES;
      const piecesByScope = new Map<string, Piece[]>();
      for (let i = 0; i < rules.length; i++) {
        if (!partwise[i]) continue;
        let pieces: Piece[] = [{ view }];
        if (bigPart) {
          const key = scopeKey(rules[i]);
          const made = piecesByScope.get(key);
          if (made) pieces = made;
          else {
            // Cutting a big part (sorting its lines by date, say) is a step of its own.
            piecesByScope.set(key, (pieces = piecesOf(doc, view, scopeOf(rules[i]), lookbackOf(rules[i]))));
            yield;
          }
        }
        for (const { view: piece, targets } of pieces) {
          const { findings, failed } = runRule(rules[i], piece, options, codes, severities[i]!);
          if (failed || findings.some((f) => f.lineIndex === undefined)) {
            // Cannot tell whose findings these are: the rule runs over the whole document instead.
            partwise[i] = false;
            whole(i, severities[i]!);
            break;
          }
          for (const f of findings) if (!targets || targets.has(f.lineIndex!)) byRule[i].push(f);
          if (bigPart) yield;
        }
      }
      release(view);
      for (const pieces of piecesByScope.values()) for (const piece of pieces) release(piece.view);
      if (!bigPart) yield;
    }
  }
  release(doc);
  // Sorted a rule at a time and merged in steps (ties: rule order, then report order).
  return yield* mergeSortedSteps(byRule, byPosition);
}

/** Parse and lint text in one call. */
export function lintText(text: string, format: ClaimFormat, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult {
  const doc = parseDocument(text, format);
  return { doc, findings: lintDocument(doc, options, rules) };
}

/** lintText a step at a time: reading the text (one step for CSV, several for JSON), then
 *  lintDocumentSteps'. `onRead` gets the document once it is read, before its rules run. */
export function* lintTextSteps(
  text: string, format: ClaimFormat, options: LintOptions = {}, onRead?: (doc: ClaimDocument) => void,
): Generator<void, LintResult> {
  const doc = yield* parseDocumentSteps(text, format);
  onRead?.(doc);
  yield;
  return { doc, findings: yield* lintDocumentSteps(doc, options) };
}
