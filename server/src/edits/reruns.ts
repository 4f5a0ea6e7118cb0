// An edit's re-run of each rule scope: the lines whose findings are made again (targets) and the
// lines the rule must see to make them (its view): the changed lines' claims, members, days, or
// the visits whose look-back reaches a changed line. Gathered only for the scopes a rule asks for.
import { subDocument } from '../doc-view';
import { lookbackOf, scopeKey, scopeOf } from '../engine-parts';
import type { ClaimDocument, ServiceLine } from '../model';
import { csvStateOf } from '../parse/csv';
import type { Rule, RuleScope } from '../rules/types';
import { lastDayOf, lastWrittenDayOf } from '../rules/util/same-day';
import { daySpanOf, merged, overlapsSorted, pushTo, type DaySpan, type LineChanges } from './line-changes';

/** For one scope: the lines whose findings are made again (targets) and the view the rule runs on. */
export interface Rerun {
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
export class Reruns {
  private readonly lines: readonly ServiceLine[];
  private readonly find: LineFinder;
  private readonly made = new Map<string, Rerun>();
  private addedLines?: Set<number>;
  private claimLines?: Set<number>;
  private claimObjectLines?: Set<number>;
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
      case 'line': return this.rerun(this.c.doc.format === 'json' ? this.withClaimObjects : this.added);
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

  /** JSON: the new lines and the other lines of their claim objects. A value a claim object gives
   *  its lines (a claim-level payer) is one finding, reported by the first of them: a line re-run
   *  alone reported it a second time. */
  private get withClaimObjects(): Set<number> {
    if (!this.claimObjectLines) {
      const out = (this.claimObjectLines = new Set(this.added));
      const claims = new Set<number>();
      for (const i of this.added) claims.add(this.lines[i].claimIndex);
      for (const c of claims) for (const line of this.c.doc.claims[c]?.lines ?? []) out.add(line.index);
    }
    return this.claimObjectLines;
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
