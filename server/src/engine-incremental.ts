// Linting an edit incrementally: re-read only the changed rows (parse/csv-incremental.ts) or claim
// objects (parse/json-incremental.ts) and re-run
// each rule only for the lines the edit can affect, as the rule's `meta.scope` says (the changed
// lines and those sharing their claim, member, days or look-back); every other finding is the previous one, moved
// by the edit. The result is identical to a fresh lintText of the new text (findings, order, and
// the fixes they offer): test/engine/incremental.test.ts checks that over random edits.
// Edits that touch the CSV header, or that leave a JSON claims list not well-formed, are linted in full.
import { subDocument } from './doc-view';
import { byPosition, LazyFixesFinding, lintText, runRule, severityOf, type LintResult } from './engine';
import type { ClaimDocument, ServiceLine, Span } from './model';
import { csvStateOf } from './parse/csv';
import { rereadCsv } from './parse/csv-incremental';
import { rereadJson } from './parse/json-incremental';
import { textChange, type Reread, type TextChange } from './parse/reread';
import { RULES } from './rules';
import { lastDayOf, lastWrittenDayOf } from './rules/util/same-day';
import { lookbackOf, scopeKey, scopeOf } from './engine-parts';
import type { Finding, Fix, LintOptions, Related, Rule, RuleScope } from './rules/types';
import type { CodeSet } from './codes/types';
import { loadCodeSet } from './codes/codeset';

/** When an edit changes more lines than this share of the file, a full lint is as quick. */
const MAX_CHANGED_SHARE = 0.25;

/** The result of linting an edit: what lintText gives, and which previous finding each finding is
 *  (moved), so the LSP adapter can reuse what it made of it. */
export interface EditResult extends LintResult {
  /** Per finding: the index of the previous finding it is, moved by the edit; -1 for a finding
   *  made anew. Absent when the edit was linted in full. */
  readonly movedFrom?: Int32Array;
  /** The edit, when the result was made incrementally. */
  readonly change?: TextChange;
}

/** What an edit did to the lines. */
class LineChanges {
  /** Claim ids and member ids of the changed lines, before and after the edit ('' excluded). */
  readonly claims = new Set<string>();
  readonly members = new Set<string>();
  /** The days of the changed lines, before and after the edit, by member (dated lines only);
   *  merged (disjoint, in order) on the first sharesDay. */
  private readonly days = new Map<string, DaySpan[]>();
  private daysMerged = false;
  /** The dates of the changed lines as written (writtenSpanOf), by member: what a look-back
   *  reads ('member-history'). */
  private readonly written = new Map<string, DaySpan[]>();
  /** reachedBy's answers, by look-back. */
  private readonly reached = new Map<number, Map<string, DaySpan[]>>();
  /** Members with a changed line without a readable date: their same-day findings are all made again. */
  readonly undated = new Set<string>();
  private readonly shift: number;
  /** Old line → the re-read line that kept its values, for old lines in the re-read window. */
  private readonly inWindow = new Map<number, number>();

  constructor(readonly prev: ClaimDocument, readonly reread: Reread, readonly change: TextChange) {
    const { doc, before, windowEnd, oldWindowEnd, windowOrigin } = reread;
    this.shift = windowEnd - oldWindowEnd;
    windowOrigin.forEach((o, i) => {
      if (o >= 0) this.inWindow.set(o, before + i);
      else this.note(doc.lines[before + i]);
    });
    for (let o = before; o < oldWindowEnd; o++) if (!this.inWindow.has(o)) this.note(prev.lines[o]);
  }

  get doc(): ClaimDocument {
    return this.reread.doc;
  }

  /** Lines read anew plus old lines dropped: how much the edit changed. */
  get size(): number {
    const { before, windowEnd, oldWindowEnd } = this.reread;
    return (windowEnd - before - this.inWindow.size) + (oldWindowEnd - before - this.inWindow.size);
  }

  private note(line: ServiceLine): void {
    if (line.claimId !== '') this.claims.add(line.claimId);
    if (line.memberId === '') return;
    this.members.add(line.memberId);
    const span = daySpanOf(line);
    if (!span) {
      this.undated.add(line.memberId);
      return;
    }
    pushTo(this.days, line.memberId, span);
    pushTo(this.written, line.memberId, writtenSpanOf(line)!);
  }

  /**
   * Per changed member, the dates (merged ranges) whose look-back of `lookback` days reaches a
   * changed line's written dates: a finding about a line dated then may have changed. (A line
   * reaches a later day D when it starts before D and ends at D - lookback or later.)
   */
  reachedBy(lookback: number): ReadonlyMap<string, readonly DaySpan[]> {
    let reached = this.reached.get(lookback);
    if (!reached) {
      reached = new Map();
      for (const [memberId, spans] of this.written) reached.set(memberId, merged(spans.map((s) => ({ from: s.from + 1, to: s.to + lookback }))));
      this.reached.set(lookback, reached);
    }
    return reached;
  }

  /** Whether a changed line is in the look-back of a finding about this line (or this line has no
   *  date, or is of a member with a changed line without one). */
  inLookback(line: ServiceLine, lookback: number): boolean {
    const { memberId, dosFrom } = line;
    if (memberId === '' || !this.members.has(memberId)) return false;
    if (dosFrom === undefined || this.undated.has(memberId)) return true;
    const spans = this.reachedBy(lookback).get(memberId);
    return spans !== undefined && overlapsSorted(dosFrom, dosFrom, spans);
  }

  /** Whether the line shares a day with a changed line of its member (or its member had a changed
   *  line without a date, or it has none itself): its same-day findings may have changed. */
  sharesDay(line: ServiceLine): boolean {
    if (line.memberId === '' || !this.members.has(line.memberId)) return false;
    const { dosFrom, dosTo } = line;
    if (dosFrom === undefined || this.undated.has(line.memberId)) return true;
    if (!this.daysMerged) {
      // A pasted block of a member's lines is many changed spans, asked of each of its lines.
      for (const [memberId, spans] of this.days) this.days.set(memberId, merged(spans));
      this.daysMerged = true;
    }
    const spans = this.days.get(line.memberId);
    return spans !== undefined && overlapsSorted(dosFrom, lastDayOf(dosFrom, dosTo), spans);
  }

  /** The new line an old line became, or -1 when it changed or was removed. */
  newIndexOf(old: number): number {
    const { before, oldWindowEnd } = this.reread;
    if (old < before) return old;
    if (old >= oldWindowEnd) return old + this.shift;
    return this.inWindow.get(old) ?? -1;
  }

  /** New lines read anew (their row or suppression changed). */
  *added(): Iterable<number> {
    const { before, windowOrigin } = this.reread;
    for (let i = 0; i < windowOrigin.length; i++) if (windowOrigin[i] < 0) yield before + i;
  }

  /** Whether the edit can change a finding of the rule about this line (of either document). */
  touched(line: ServiceLine, rule: Rule): boolean {
    const scope = scopeOf(rule);
    if (scope === 'member-history') return this.inLookback(line, lookbackOf(rule));
    if (scope === 'member-day') return this.sharesDay(line);
    if (scope === 'member-claim-or-day') return this.sharesClaimOfMember(line) || this.sharesDay(line);
    const byClaim = usesClaim(scope) && line.claimId !== '' && this.claims.has(line.claimId);
    return byClaim || (usesMember(scope) && line.memberId !== '' && this.members.has(line.memberId));
  }

  /** Whether the line is on a changed line's claim, and of a changed line's member (or of no
   *  member): its member's lines of its claim may have changed. */
  sharesClaimOfMember(line: ServiceLine): boolean {
    return line.claimId !== '' && this.claims.has(line.claimId) && (line.memberId === '' || this.members.has(line.memberId));
  }
}

/** A line's days as the same-day index spreads them. */
interface DaySpan {
  readonly from: number;
  readonly to: number;
}

function daySpanOf(line: ServiceLine): DaySpan | undefined {
  return line.dosFrom === undefined ? undefined : { from: line.dosFrom, to: lastDayOf(line.dosFrom, line.dosTo) };
}

/** A line's dates as written, dos_from … dos_to, uncapped: what a look-back reads. (A dos_to
 *  before dos_from reaches back no further than dos_from: a look-back from day D reads the lines
 *  that start before D and end at D - lookback or later.) */
function writtenSpanOf(line: ServiceLine): DaySpan | undefined {
  const { dosFrom, dosTo } = line;
  return dosFrom === undefined ? undefined : { from: dosFrom, to: lastWrittenDayOf(dosFrom, dosTo) };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The spans as the fewest disjoint ranges that cover the same days, in order. */
function merged(spans: DaySpan[]): DaySpan[] {
  spans.sort((a, b) => a.from - b.from);
  const out: DaySpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span.from <= last.to + 1) out[out.length - 1] = { from: last.from, to: Math.max(last.to, span.to) };
    else out.push(span);
  }
  return out;
}

/** Whether from..to overlaps one of `spans`, disjoint and in order (merged's): a binary search for
 *  the last span starting at or before `to`. */
function overlapsSorted(from: number, to: number, spans: readonly DaySpan[]): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].from <= to) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && spans[lo - 1].to >= from;
}

/** Whether a finding under the scope reads its claim's lines; its member's lines (some or all). */
const usesClaim = (s: RuleScope): boolean => s === 'claim';
const usesMember = (s: RuleScope): boolean => s !== 'line' && s !== 'claim' && s !== 'file';

/** For one scope: the lines whose findings are made again (targets) and the view the rule runs on. */
interface Rerun {
  readonly targets: ReadonlySet<number>;
  readonly view: ClaimDocument;
}

/** Claims by id and members by key, per line (CsvState keeps them; a JSON document's are made). */
interface LineKeys {
  readonly claimByKey: ReadonlyMap<string, number>;
  readonly members: ReadonlyMap<string, number>;
  /** Per line: its member's key, -1 without one. */
  readonly memberKeys: Int32Array;
}

function lineKeysOf(doc: ClaimDocument): LineKeys {
  const csv = csvStateOf(doc);
  if (csv) return csv;
  const claimByKey = new Map<string, number>();
  for (const c of doc.claims) if (c.id !== '') claimByKey.set(c.id, c.index);
  const members = new Map<string, number>();
  const memberKeys = new Int32Array(doc.lines.length);
  doc.lines.forEach((line, i) => {
    let key = -1;
    if (line.memberId !== '') {
      key = members.get(line.memberId) ?? members.size;
      if (key === members.size) members.set(line.memberId, key);
    }
    memberKeys[i] = key;
  });
  return { claimByKey, members, memberKeys };
}

/** New lines by claim and member, found from the document's indexes (not by visiting every line). */
class LineFinder {
  private readonly state: LineKeys;
  constructor(private readonly doc: ClaimDocument) {
    this.state = lineKeysOf(doc);
  }

  /** Indexes of the lines of these claims (ids that are not ''). */
  claims(ids: Iterable<string>, into: Set<number>): void {
    for (const id of ids) {
      const c = this.state.claimByKey.get(id);
      if (c === undefined) continue;
      for (const line of this.doc.claims[c].lines) into.add(line.index);
    }
  }

  /** Indexes of the lines of these members (ids that are not ''), in order. An array, not a set:
   *  one member's history of 200,000 lines was put in sets three times an edit. */
  members(ids: Iterable<string>): number[] {
    // A mask by member key: an edit of a file whose claim ids are reused by every member asks
    // for thousands of members, and a list searched per line made that quadratic (110 ms an edit
    // of 100k lines).
    const wanted = new Uint8Array(this.state.members.size);
    let asked = 0;
    for (const id of ids) {
      const key = this.state.members.get(id);
      if (key !== undefined && wanted[key] === 0) {
        wanted[key] = 1;
        asked++;
      }
    }
    const found: number[] = [];
    if (asked === 0) return found;
    const memberKeys = this.state.memberKeys;
    for (let i = 0; i < memberKeys.length; i++) {
      const k = memberKeys[i];
      if (k >= 0 && wanted[k] === 1) found.push(i);
    }
    return found;
  }
}

/**
 * The re-run of each scope, made when a rule of that scope first asks: an edit of a big member's
 * line need not gather the member's lines for every scope (most rules read its days only).
 */
class Reruns {
  private readonly lines: readonly ServiceLine[];
  private readonly find: LineFinder;
  private readonly made = new Map<string, Rerun>();
  private addedLines?: Set<number>;
  private claimLines?: Set<number>;
  /** The lines of the changed lines' members, in order. */
  private changedMembersLines?: number[];
  private dayLines?: Set<number>;

  constructor(private readonly c: LineChanges) {
    this.lines = c.doc.lines;
    this.find = new LineFinder(c.doc);
  }

  /** The re-run of the rule's scope (and look-back). */
  get(rule: Rule): Rerun {
    const key = scopeKey(rule);
    let run = this.made.get(key);
    if (!run) this.made.set(key, (run = this.make(scopeOf(rule), lookbackOf(rule))));
    return run;
  }

  private make(scope: RuleScope, lookback: number): Rerun {
    switch (scope) {
      case 'line': return this.rerun(this.added);
      case 'claim': return this.rerun(this.byClaim);
      case 'member': return this.rerun(this.byMember);
      case 'member-history': return this.lookbackRerun(lookback);
      case 'member-day': return this.rerun(this.byDay, this.dayContext(this.byDay));
      case 'member-claim-or-day': {
        // A target's finding reads its member's lines of its claim and of its days: the targets
        // are the changed members' lines of the changed claims (not every member's, where claim
        // ids are reused by every member) and of the changed days.
        const targets = new Set(this.byDay);
        for (const i of this.byClaim) if (this.c.sharesClaimOfMember(this.lines[i])) targets.add(i);
        const context = this.dayContext(targets);
        const claims = new Set<string>();
        const members = new Set<string>();
        for (const i of targets) {
          if (this.lines[i].claimId !== '') claims.add(this.lines[i].claimId);
          members.add(this.lines[i].memberId);
        }
        const ofClaims = new Set<number>();
        this.find.claims(claims, ofClaims);
        for (const i of ofClaims) if (members.has(this.lines[i].memberId)) context.add(i);
        return this.rerun(targets, context);
      }
      case 'file': return this.rerun(new Set(this.lines.keys()));
    }
  }

  /** New lines read anew. */
  private get added(): Set<number> {
    return (this.addedLines ??= new Set(this.c.added()));
  }

  /** The lines of the changed lines' claims. */
  private get byClaim(): Set<number> {
    if (!this.claimLines) this.find.claims(this.c.claims, (this.claimLines = new Set(this.added)));
    return this.claimLines;
  }

  private get ofChangedMembers(): number[] {
    return (this.changedMembersLines ??= this.find.members(this.c.members));
  }

  /** The lines of the changed lines' members (and the new lines). */
  private get byMember(): Set<number> {
    return new Set([...this.added, ...this.ofChangedMembers]);
  }

  /** The lines of the changed lines' members that share a day with a changed line. */
  private get byDay(): Set<number> {
    if (!this.dayLines) {
      this.dayLines = new Set(this.added);
      for (const i of this.ofChangedMembers) if (this.c.sharesDay(this.lines[i])) this.dayLines.add(i);
    }
    return this.dayLines;
  }

  /** The targets and every line of their members that shares a day with one of them: all a
   *  same-day finding about a target reads. */
  private dayContext(targets: ReadonlySet<number>): Set<number> {
    const lines = this.lines;
    const context = new Set(targets);
    const spansOf = new Map<string, DaySpan[]>();
    for (const i of targets) {
      const span = daySpanOf(lines[i]);
      if (span && lines[i].memberId !== '') pushTo(spansOf, lines[i].memberId, span);
    }
    if (spansOf.size === 0) return context;
    // Merged into a few ranges: a day of a busy member has hundreds of targets.
    const reach = new Map<string, DaySpan[]>();
    for (const [memberId, spans] of spansOf) reach.set(memberId, merged(spans));
    // The targets' members are most often the changed lines' (a same-day rule's always are).
    const members = [...spansOf.keys()];
    const candidates = members.every((m) => this.c.members.has(m)) ? this.ofChangedMembers : this.find.members(members);
    for (const i of candidates) {
      const { dosFrom, dosTo, memberId } = lines[i];
      const spans = reach.get(memberId);
      if (dosFrom !== undefined && spans && overlapsSorted(dosFrom, lastDayOf(dosFrom, dosTo), spans)) context.add(i);
    }
    return context;
  }

  /**
   * The lines a look-back of `lookback` days from a changed line's dates reaches (targets: their
   * findings may have changed), and the lines of their look-backs (context). A one-member history
   * of 60,000 visits made all its findings again on every edit.
   */
  private lookbackRerun(lookback: number): Rerun {
    const lines = this.lines;
    const targets = new Set(this.added);
    for (const i of this.ofChangedMembers) if (this.c.inLookback(lines[i], lookback)) targets.add(i);
    const windows = new Map<string, DaySpan[]>();
    for (const i of targets) {
      const { memberId, dosFrom } = lines[i];
      if (memberId !== '' && dosFrom !== undefined) pushTo(windows, memberId, { from: dosFrom - lookback, to: dosFrom - 1 });
    }
    for (const [memberId, spans] of windows) windows.set(memberId, merged(spans));
    const context = new Set(targets);
    for (const i of this.ofChangedMembers) {
      // writtenSpanOf's dates, without an object a line (a member's history can be 200,000 lines).
      const { memberId, dosFrom, dosTo } = lines[i];
      const spans = windows.get(memberId);
      if (dosFrom !== undefined && spans && overlapsSorted(dosFrom, lastWrittenDayOf(dosFrom, dosTo), spans)) context.add(i);
    }
    return this.rerun(targets, context);
  }

  private rerun(targets: ReadonlySet<number>, seen: ReadonlySet<number> = targets): Rerun {
    // A typed array sorts numbers natively (a member's history can be 200,000 lines); a loop
    // fills the view (Array.from with a function is slow over a typed array).
    const order = Int32Array.from(seen).sort();
    const view: ServiceLine[] = new Array(order.length);
    for (let k = 0; k < order.length; k++) view[k] = this.lines[order[k]];
    return { targets, view: subDocument(this.c.doc, view) };
  }
}

function moveOffset(c: TextChange, offset: number): number {
  return offset < c.start ? offset : offset + (c.newEnd - c.oldEnd);
}

function moveSpan(c: TextChange, span: Span): Span {
  return c.newEnd === c.oldEnd || span.end < c.start ? span : { start: moveOffset(c, span.start), end: moveOffset(c, span.end) };
}

/** Fixes of the findings about one document, made by running a rule again over a line's scope. */
interface Refixer {
  fixesOf(rule: Rule, owner: ServiceLine, finding: Finding): readonly Fix[];
}

/**
 * Fixes of a kept finding are made for the new document, not moved: the rule is run again (on
 * first request) over the owner line's scope, and the fixes of its identical finding are taken.
 */
function refixer(doc: ClaimDocument, options: LintOptions, codes: CodeSet): Refixer {
  const runs = new Map<string, Finding[]>();
  /** The lines the rule must see to re-derive the owner's findings (its claim's and/or member's). */
  const contextOf = (scope: RuleScope, owner: ServiceLine): readonly ServiceLine[] => {
    if (scope === 'file') return doc.lines;
    const byOwnClaim = usesClaim(scope) && owner.claimId !== '';
    const byOwnMember = usesMember(scope) && owner.memberId !== '';
    if (!byOwnClaim && !byOwnMember) return [owner];
    if (!byOwnMember) return doc.lines.filter((l) => l.claimId === owner.claimId);
    if (!byOwnClaim) return doc.lines.filter((l) => l.memberId === owner.memberId);
    return doc.lines.filter((l) => l === owner || l.claimId === owner.claimId || l.memberId === owner.memberId);
  };
  /** Lines with the same context share one run. */
  const runKey = (rule: Rule, scope: RuleScope, owner: ServiceLine): string => {
    const claim = usesClaim(scope) && owner.claimId !== '' ? owner.claimId : '';
    const member = usesMember(scope) && owner.memberId !== '' ? owner.memberId : '';
    const alone = scope !== 'file' && claim === '' && member === '' ? String(owner.index) : '';
    return `${rule.meta.id}\u0000${scope}\u0000${claim}\u0000${member}\u0000${alone}`;
  };
  return {
    fixesOf(rule, owner, finding) {
      // A same-day rule re-derives a finding over the owner's member (a superset of its days): one
      // run serves every finding of the member, where a run per owner made fix-all quadratic.
      // (contextOf and runKey read a scope as the claim and/or member it uses.)
      const scope = scopeOf(rule);
      const key = runKey(rule, scope, owner);
      let found = runs.get(key);
      if (!found) {
        const lines = contextOf(scope, owner);
        const view = lines === doc.lines ? doc : subDocument(doc, lines);
        found = runRule(rule, view, options, codes, finding.severity).findings;
        runs.set(key, found);
      }
      const same = found.find((f) => f.lineIndex === owner.index && f.span.start === finding.span.start
        && f.span.end === finding.span.end && f.message === finding.message);
      return same ? same.fixes : [];
    },
  };
}

/** A kept finding, moved by the edit; its fixes are made for the new document when asked for.
 *  (Nothing here may hold on to the previous document: kept findings would keep every earlier
 *  version of the file alive.) */
function movedFinding(f: Finding, places: MovedPlaces, i: number, rule: Rule, owner: ServiceLine, fixer: Refixer): Finding {
  return new MovedFinding(f, places.spans[i], places.related[i], rule, owner, fixer);
}

/** Where the findings' spans and related spans are in the new text, by finding. (Two lists, not
 *  an object a finding: a file with 50,000 findings made them on every edit.) */
interface MovedPlaces {
  readonly spans: readonly Span[];
  readonly related: ReadonlyArray<readonly Related[] | undefined>;
}

/** The previous findings' places moved by the edit, taken before the document is re-read: a JSON
 *  re-read moves the spans of the lines after the edit in place (json-incremental.ts), and a
 *  finding may hold one of them. */
function movedPlaces(change: TextChange, findings: readonly Finding[]): MovedPlaces {
  const spans: Span[] = new Array(findings.length);
  const related: Array<readonly Related[] | undefined> = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    spans[i] = moveSpan(change, findings[i].span);
    related[i] = movedRelated(change, findings[i].related);
  }
  return { spans, related };
}

/** Related places moved by the edit: the same list when none moves (those before the edit, or
 *  in other files), not a copy of every one for each finding and edit. */
function movedRelated(change: TextChange, related: readonly Related[] | undefined): readonly Related[] | undefined {
  if (!related || change.newEnd === change.oldEnd) return related;
  let moved: Related[] | undefined;
  for (let k = 0; k < related.length; k++) {
    const r = related[k];
    const span = r.uri ? r.span : moveSpan(change, r.span);
    if (span === r.span) continue;
    moved ??= related.slice();
    moved[k] = { ...r, span };
  }
  return moved ?? related;
}

/** A kept finding moved by an edit: its fixes are made for the new document, from the rule's
 *  finding there, when asked for. */
class MovedFinding extends LazyFixesFinding {
  readonly #fixer: Refixer;
  readonly #rule: Rule;
  readonly #owner: ServiceLine;

  constructor(f: Finding, span: Span, related: readonly Related[] | undefined, rule: Rule, owner: ServiceLine, fixer: Refixer) {
    super(f.ruleId, f.severity, span, f.message, related, owner.index);
    this.#fixer = fixer;
    this.#rule = rule;
    this.#owner = owner;
  }

  protected makeFixes(): readonly Fix[] {
    return this.#fixer.fixesOf(this.#rule, this.#owner, this);
  }
}

/** What an edit did to the lines, or undefined when it must be linted in full. `beforeReread` is
 *  called with the change before the document is re-read. */
function lineChanges(prev: ClaimDocument, text: string, beforeReread: (change: TextChange) => void): LineChanges | 'same' | undefined {
  const change = textChange(prev.text, text);
  if (!change) return 'same';
  beforeReread(change);
  let reread: Reread | undefined;
  try {
    reread = prev.format === 'csv' ? rereadCsv(prev, text, change) : rereadJson(prev, text, change);
  } catch {
    // A re-read bug must not take the edit down: it is linted in full, which reads nothing of `prev`.
    return undefined;
  }
  if (!reread) return undefined;
  const changes = new LineChanges(prev, reread, change);
  if (changes.size > MAX_CHANGED_SHARE * Math.max(reread.doc.lines.length, prev.lines.length, 1)) return undefined;
  return changes;
}

/**
 * Lint `text`, an edit of `prev`'s text, reusing `prev` where the edit changes nothing. `options`
 * must be the options `prev` was linted with (the same settings and workspace lines).
 */
export function lintEdit(prev: LintResult, text: string, options: LintOptions = {}, rules: readonly Rule[] = RULES): EditResult {
  return lintEditIncrementally(prev, text, options, rules) ?? lintText(text, prev.doc.format, options);
}

/**
 * lintEdit when the edit can be linted incrementally; undefined when it must be linted in full (a
 * change to the CSV header, a JSON edit outside one claim object or leaving it not well-formed, a
 * big share of the lines changed), which the server
 * does a step at a time for a big text (lsp/analysis.ts).
 */
export function lintEditIncrementally(prev: LintResult, text: string, options: LintOptions = {}, rules: readonly Rule[] = RULES): EditResult | undefined {
  let places: MovedPlaces = { spans: [], related: [] };
  const changes = lineChanges(prev.doc, text, (change) => { places = movedPlaces(change, prev.findings); });
  if (changes === 'same') return { doc: prev.doc, findings: prev.findings, movedFrom: Int32Array.from(prev.findings, (_, i) => i), change: { start: 0, oldEnd: 0, newEnd: 0 } };
  if (!changes) return undefined;
  const { doc } = changes;
  const codes = loadCodeSet();
  const order = new Map<string, number>(rules.map((r, i) => [r.meta.id, i]));

  // Rules whose old findings cannot be attributed to a line (a rule that failed) run in full.
  const inFull = new Set<string>();
  for (const f of prev.findings) if (f.lineIndex === undefined) inFull.add(f.ruleId);

  const fresh: Finding[] = [];
  let scopes: Reruns | undefined;
  for (const rule of rules) {
    const severity = severityOf(rule, options);
    if (!severity) continue;
    const scope = scopeOf(rule);
    if (scope === 'file' || inFull.has(rule.meta.id)) {
      inFull.add(rule.meta.id);
      for (const f of runRule(rule, doc, options, codes, severity).findings) fresh.push(f);
      continue;
    }
    const run = (scopes ??= new Reruns(changes)).get(rule);
    if (run.view.lines.length === 0) continue;
    const { findings, failed } = runRule(rule, run.view, options, codes, severity);
    if (failed || findings.some((f) => f.lineIndex === undefined)) {
      // Cannot tell whose findings these are: this rule runs in full.
      inFull.add(rule.meta.id);
      for (const f of runRule(rule, doc, options, codes, severity).findings) fresh.push(f);
      continue;
    }
    for (const f of findings) if (run.targets.has(f.lineIndex!)) fresh.push(f);
  }

  // The previous findings the edit cannot have changed, moved.
  const fixer = refixer(doc, options, codes);
  const kept: Finding[] = [];
  const keptFrom: number[] = [];
  prev.findings.forEach((f, i) => {
    if (inFull.has(f.ruleId)) return;
    const rule = rules[order.get(f.ruleId) ?? -1];
    if (!rule || !severityOf(rule, options)) return;
    const now = changes.newIndexOf(f.lineIndex!);
    if (now < 0) return;
    const scope = scopeOf(rule);
    if (scope !== 'line' && changes.touched(prev.doc.lines[f.lineIndex!], rule)) return;
    kept.push(movedFinding(f, places, i, rule, doc.lines[now], fixer));
    keptFrom.push(i);
  });

  // Document order as lintDocument gives it: by position, then rule order, then report order.
  const rank = (f: Finding): number => order.get(f.ruleId) ?? rules.length;
  fresh.sort((a, b) => byPosition(a, b) || rank(a) - rank(b));
  const n = kept.length + fresh.length;
  const findings: Finding[] = new Array(n);
  const movedFrom = new Int32Array(n);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    if (j >= fresh.length || (i < kept.length && (byPosition(kept[i], fresh[j]) || rank(kept[i]) - rank(fresh[j])) <= 0)) {
      movedFrom[k] = keptFrom[i];
      findings[k] = kept[i++];
    } else {
      movedFrom[k] = -1;
      findings[k] = fresh[j++];
    }
  }
  return { doc, findings, movedFrom, change: changes.change };
}
