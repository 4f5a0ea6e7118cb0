// Which lines of other files a lint can read (workspace analysis, `check --workspace`). For each
// member of the linted lines: the other files' lines on the same days (as the same-day index
// spreads a line), the visits a look-back reads ('member-history' rules: the 60-day initial
// visit reads HIT visits of the 60 days before an initial one), and one line per claim number
// that settles a claim rule (auth-missing: the claim's auth number on its part in another file).
// The rules read no more of `LintOptions.external` than that, so a lint handed only these lines
// finds exactly what it finds handed every line of its members (test/workspace/window.test.ts
// compares the two on random workspaces). Handed them all, each file of a year of daily exports
// took in every other file's lines: quadratic in the files (365 files: 113 s, against 1.7 s
// checked per file). Pure: the workspace index (member-lines.ts) and the engine both pick with it.
import type { ServiceLine } from '../model';
import type { ExternalLine, MemberWindow, Reach, ReachLine, Rule, Window } from '../rules/types';
import { lastDayOf, lastWrittenDayOf } from '../rules/util/same-day';
import { PackedExternalLine } from './compact-line';

const always = (): boolean => true;
const reaches = new WeakMap<readonly Rule[], Reach>();

/** What the rules read of other files, from their metas: each 'member-history' rule's look-back
 *  (which lines look back, which they read), and each claim rule's `claimSettledBy`. */
export function reachOf(rules: readonly Rule[]): Reach {
  let reach = reaches.get(rules);
  if (!reach) {
    const lookbacks: Reach['lookbacks'][number][] = [];
    const settles: Array<(line: ReachLine) => boolean> = [];
    for (const { meta } of rules) {
      if (meta.scope === 'member-history') {
        lookbacks.push({ days: meta.lookbackDays ?? 0, from: meta.lookbackFrom ?? always, reads: meta.lookbackReads ?? always });
      }
      if (meta.claimSettledBy) settles.push(meta.claimSettledBy);
    }
    reaches.set(rules, (reach = { lookbacks, settles }));
  }
  return reach;
}

interface MemberWindowBuilder {
  days: number[];
  looks: number[][];
  claims: Set<string>;
}

/** What the lines reach of other files, member by member (in order of first appearance). Only
 *  lines with a member id and a date reach anything (member-lines.ts, isKept). */
export function windowOf(lines: readonly ServiceLine[], reach: Reach): Window {
  const members = new Map<string, MemberWindowBuilder>();
  const { lookbacks } = reach;
  const claims = reach.settles.length > 0;
  for (const l of lines) {
    const from = l.dosFrom;
    if (l.memberId === '' || from === undefined) continue;
    let m = members.get(l.memberId);
    if (!m) members.set(l.memberId, (m = { days: [], looks: lookbacks.map(() => []), claims: new Set() }));
    m.days.push(from, lastDayOf(from, l.dosTo));
    for (let k = 0; k < lookbacks.length; k++) {
      const look = lookbacks[k];
      if (look.days > 0 && look.from(l)) m.looks[k].push(from - look.days, from - 1);
    }
    if (claims && l.claimId !== '') m.claims.add(l.claimId);
  }
  const out = new Map<string, MemberWindow>();
  for (const [id, m] of members) out.set(id, { days: merged(m.days), looks: m.looks.map(merged), claims: m.claims });
  return { reach, members: out };
}

/** Day spans (flat [from, to] pairs) sorted and merged where they overlap or touch. */
function merged(pairs: readonly number[]): number[] {
  const n = pairs.length / 2;
  if (n <= 1) return pairs.slice();
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => pairs[2 * a] - pairs[2 * b]);
  const out: number[] = [];
  for (const i of order) {
    const from = pairs[2 * i];
    const to = pairs[2 * i + 1];
    const last = out.length - 1;
    if (out.length > 0 && from <= out[last] + 1) out[last] = Math.max(out[last], to);
    else out.push(from, to);
  }
  return out;
}

/** A line's span longer than this many days is checked against every window, not found from its
 *  first day (few are: per diems and visits are itemized a day or a month to a line). */
const SHORT_SPAN_DAYS = 31;

/** One line of a member, for MemberDates. */
export interface DatedLine {
  readonly dosFrom: number;
  readonly dosTo: number | undefined;
  readonly claimId: string;
  /** What reach predicates read of it. */
  readonly probe: ReachLine;
  /** The file it is in (a lint's own file is left out of what it is handed). */
  readonly file: number;
}

/**
 * One member's lines, from any number of files, indexed by date for picking the ones a window
 * reaches: a window's day span is found by binary search, not by reading all the member's lines.
 * Entry k is the member's k-th line in the order a lint is handed them; `pick` gives entries in
 * any order, possibly twice (the caller sorts them).
 */
// MemberDates' columns, per entry: first day, last day as written (lastWrittenDayOf, uncapped),
// file, the look-backs that read it (bit b: look-back b of the reach), and in row j the j-th entry
// of short span by first day (then entry).
const FROM = 0, END = 1, FILE = 2, READS = 3, BY_FROM = 4;
const COLS = 5;
const NONE: readonly never[] = [];

export class MemberDates {
  /** The columns, in one array: a member of a few lines (most of them, in most workspaces) paid
   *  for seven typed arrays, 2.6 KB a member. Days are whole days since 1970 (parseDate: years
   *  of four digits), well inside 32 bits. */
  private readonly cols: Int32Array;
  /** How many entries have a span up to SHORT_SPAN_DAYS (found by their first day), and the
   *  longest of those spans. */
  private readonly shorts: number;
  private readonly maxShort: number;
  private readonly long: readonly number[];
  /** The entries that settle a claim rule (Reach.settles), by claim number, then entry; and their
   *  claim numbers. Two arrays, not a map of lists: a year of daily exports has a claim a line. */
  private readonly settledAt: readonly number[];
  private readonly settledClaims: readonly string[];

  constructor(readonly reach: Reach, n: number, lineAt: (k: number) => DatedLine) {
    const cols = (this.cols = new Int32Array(n * COLS));
    const short: number[] = [];
    const long: number[] = [];
    const settled: number[] = [];
    const claimOf: string[] = [];
    let maxShort = 0;
    const { lookbacks, settles } = reach;
    for (let k = 0; k < n; k++) {
      const l = lineAt(k);
      const end = lastWrittenDayOf(l.dosFrom, l.dosTo);
      const row = k * COLS;
      cols[row + FROM] = l.dosFrom;
      cols[row + END] = end;
      cols[row + FILE] = l.file;
      let bits = 0;
      for (let b = 0; b < lookbacks.length; b++) if (lookbacks[b].reads(l.probe)) bits |= 1 << b;
      cols[row + READS] = bits;
      if (l.claimId !== '' && settles.some((s) => s(l.probe))) {
        settled.push(k);
        claimOf[k] = l.claimId;
      }
      if (end - l.dosFrom > SHORT_SPAN_DAYS) long.push(k);
      else {
        short.push(k);
        maxShort = Math.max(maxShort, end - l.dosFrom);
      }
    }
    short.sort((a, b) => cols[a * COLS + FROM] - cols[b * COLS + FROM] || a - b);
    short.forEach((k, j) => { cols[j * COLS + BY_FROM] = k; });
    this.shorts = short.length;
    this.maxShort = maxShort;
    this.long = long.length > 0 ? long : NONE;
    settled.sort((a, b) => (claimOf[a] < claimOf[b] ? -1 : claimOf[a] > claimOf[b] ? 1 : a - b));
    // Of each claim, its first entry and the first of another file than that one's: whichever
    // file a lint leaves out, its first entry from another file is one of the two.
    const kept: number[] = [];
    let first = -1;
    let second = false;
    for (const k of settled) {
      if (first < 0 || claimOf[first] !== claimOf[k]) {
        first = k;
        second = false;
        kept.push(k);
      } else if (!second && cols[k * COLS + FILE] !== cols[first * COLS + FILE]) {
        second = true;
        kept.push(k);
      }
    }
    this.settledAt = kept.length > 0 ? kept : NONE;
    this.settledClaims = kept.length > 0 ? kept.map((k) => claimOf[k]) : NONE;
  }

  /** The file entry k is in. */
  fileAt(k: number): number {
    return this.cols[k * COLS + FILE];
  }

  /** The entries (of files other than `exclude`) the member's window reaches, into `out`. */
  pick(w: MemberWindow, exclude: number, out: number[]): void {
    const { cols } = this;
    // The same days: a line's days as the same-day index spreads them (capped) overlap the span.
    this.each(w.days, exclude, (k, a) => lastDayOf(cols[k * COLS + FROM], cols[k * COLS + END]) >= a, out);
    // A look-back's days: the lines it reads whose dates as written reach into them.
    w.looks.forEach((spans, b) => {
      if (spans.length > 0) this.each(spans, exclude, (k, a) => (cols[k * COLS + READS] & (1 << b)) !== 0 && cols[k * COLS + END] >= a, out);
    });
    const claims = this.settledClaims;
    for (const claim of w.claims) {
      // The first entry of the claim from another file: one settles it.
      for (let j = firstAtOrAfter(claims.length, (i) => claims[i] >= claim); j < claims.length && claims[j] === claim; j++) {
        const k = this.settledAt[j];
        if (cols[k * COLS + FILE] === exclude) continue;
        out.push(k);
        break;
      }
    }
  }

  /** Entries starting by a span's end that `reaches(k, spanStart)`, for each [a, b] of `spans`. */
  private each(spans: readonly number[], exclude: number, reaches: (k: number, a: number) => boolean, out: number[]): void {
    const { cols, shorts } = this;
    const fromOf = (k: number): number => cols[k * COLS + FROM];
    const shortAt = (j: number): number => cols[j * COLS + BY_FROM];
    for (let s = 0; s < spans.length; s += 2) {
      const a = spans[s];
      const b = spans[s + 1];
      for (const k of this.long) if (fromOf(k) <= b && cols[k * COLS + FILE] !== exclude && reaches(k, a)) out.push(k);
      const first = a - this.maxShort;
      for (let j = firstAtOrAfter(shorts, (i) => fromOf(shortAt(i)) >= first); j < shorts && fromOf(shortAt(j)) <= b; j++) {
        const k = shortAt(j);
        if (cols[k * COLS + FILE] !== exclude && reaches(k, a)) out.push(k);
      }
    }
  }
}

/** The first index in [0, n) where `atOrAfter` holds (it holds from some index on); n if none. */
function firstAtOrAfter(n: number, atOrAfter: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (atOrAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Entries picked, in order, each once. */
export function inOrder(picked: number[]): Int32Array {
  const sorted = Int32Array.from(picked).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.subarray(0, n);
}

/** `external` by member, indexed by date: built once per array (the open document's lines of
 *  other files stay the same array until a file changes; each edit picks from it again). */
class ExternalDates {
  private readonly byMember = new Map<string, { dates: MemberDates; at: Int32Array }>();

  constructor(private readonly external: readonly ExternalLine[], readonly reach: Reach) {
    const positions = new Map<string, number[]>();
    external.forEach((e, i) => {
      const memberId = e instanceof PackedExternalLine ? e.packed.memberId(e.at) : e.line.memberId;
      const dosFrom = e instanceof PackedExternalLine ? e.packed.dosFrom(e.at) : e.line.dosFrom;
      if (memberId === '' || dosFrom === undefined) return;
      const list = positions.get(memberId);
      if (list) list.push(i);
      else positions.set(memberId, [i]);
    });
    for (const [member, list] of positions) {
      const at = Int32Array.from(list);
      const dates = new MemberDates(reach, at.length, (k) => datedOf(external[at[k]]));
      this.byMember.set(member, { dates, at });
    }
  }

  /** The lines the window reaches, in their order in `external`. */
  pick(w: Window): ExternalLine[] {
    const picked: number[] = [];
    const into: number[] = [];
    for (const [member, mw] of w.members) {
      const of = this.byMember.get(member);
      if (!of) continue;
      into.length = 0;
      of.dates.pick(mw, -1, into);
      for (const k of into) picked.push(of.at[k]);
    }
    return Array.from(inOrder(picked), (i) => this.external[i]);
  }
}

/** What MemberDates reads of a line: a packed one's from its packed values, without making it. */
function datedOf(e: ExternalLine): DatedLine {
  if (e instanceof PackedExternalLine) {
    const { packed, at } = e;
    return { dosFrom: packed.dosFrom(at)!, dosTo: packed.dosTo(at), claimId: packed.claimId(at), probe: packed.probe(at), file: 0 };
  }
  const { line } = e;
  return { dosFrom: line.dosFrom!, dosTo: line.dosTo, claimId: line.claimId, probe: line, file: 0 };
}

const datesOf = new WeakMap<readonly ExternalLine[], ExternalDates>();
/** The external arrays already picked for a document (withExternal): picking again is a no-op. */
const pickedFor = new WeakMap<readonly ExternalLine[], object>();

/** Note that `external` holds only lines the document's window reaches. */
export function notePicked(external: readonly ExternalLine[], doc: object): void {
  pickedFor.set(external, doc);
}

/** Of `external`, the lines the document's lines reach (in their order); `external` itself when
 *  that is all of them, or when it was picked for this document already. */
export function pickExternal(doc: { readonly lines: readonly ServiceLine[] }, external: readonly ExternalLine[], reach: Reach): readonly ExternalLine[] {
  if (external.length === 0 || pickedFor.get(external) === doc) return external;
  let dates = datesOf.get(external);
  if (dates?.reach !== reach) datesOf.set(external, (dates = new ExternalDates(external, reach)));
  const picked = dates.pick(windowOf(doc.lines, reach));
  return picked.length === external.length ? external : picked;
}
