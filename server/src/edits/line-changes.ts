// What an edit did to a document's lines: which lines were read anew, which old line each kept
// line was, and the claims, members, days and look-backs of the changed lines. A rule's finding
// about a line can have changed only when the line is in reach of a change under the rule's
// scope (touched); every other finding is the previous one, moved.
import type { ClaimDocument, ServiceLine } from '../model';
import { rereadCsv } from '../parse/csv-incremental';
import { rereadJson } from '../parse/json-incremental';
import { textChange, type Reread, type TextChange } from '../parse/reread';
import { lastDayOf, lastWrittenDayOf } from '../rules/util/same-day';
import { lookbackOf, scopeOf, usesClaim, usesMember } from '../engine-parts';
import type { Rule } from '../rules/types';

/** When an edit changes more lines than this share of the file, a full lint is as quick. */
const MAX_CHANGED_SHARE = 0.25;

/** What an edit did to the lines. */
export class LineChanges {
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
export interface DaySpan {
  readonly from: number;
  readonly to: number;
}

export function daySpanOf(line: ServiceLine): DaySpan | undefined {
  return line.dosFrom === undefined ? undefined : { from: line.dosFrom, to: lastDayOf(line.dosFrom, line.dosTo) };
}

/** A line's dates as written, dos_from … dos_to, uncapped: what a look-back reads. (A dos_to
 *  before dos_from reaches back no further than dos_from: a look-back from day D reads the lines
 *  that start before D and end at D - lookback or later.) */
export function writtenSpanOf(line: ServiceLine): DaySpan | undefined {
  const { dosFrom, dosTo } = line;
  return dosFrom === undefined ? undefined : { from: dosFrom, to: lastWrittenDayOf(dosFrom, dosTo) };
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The spans as the fewest disjoint ranges that cover the same days, in order. */
export function merged(spans: DaySpan[]): DaySpan[] {
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
export function overlapsSorted(from: number, to: number, spans: readonly DaySpan[]): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].from <= to) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && spans[lo - 1].to >= from;
}

/** What an edit did to the lines, or undefined when it must be linted in full. `beforeReread` is
 *  called with the change before the document is re-read. */
export function lineChanges(prev: ClaimDocument, text: string, beforeReread: (change: TextChange) => void): LineChanges | 'same' | undefined {
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
