// Linting a big document part by part. A part is a set of lines closed under "same claim" and
// "same member" (a connected component of the claim–member graph), so every rule whose scope is
// not 'file' finds about a part's lines exactly what it finds over the whole document (RuleScope:
// a finding depends only on its line's claim and member lines). Reading a big file on disk in
// batches (batches/plan.ts, batches/json-batches.ts) relies on the same property.
//
// Why: the rules' working data (same-day index, groups, maps) for a batch of a thousand lines
// stays in the CPU caches and dies young, where the whole document's is promoted to the old
// generation and copied by the collector on the way. On a 100k-line file the rules run about a
// quarter faster this way, with the same findings in the same order.
import type { ClaimDocument, ServiceLine } from './model';
import type { Rule, RuleScope } from './rules/types';
import { subDocument } from './doc-view';
import { lastDayOf, lastWrittenDayOf, MAX_SPAN_DAYS } from './rules/util/same-day';
import { lowerBound } from './sorted';

/** Lines per batch of parts, in a document and in a big file on disk (batches/plan.ts): small
 *  enough to keep memory flat and the rules' data in the CPU caches (a thousand lines lint about a
 *  fifth faster than five thousand), big enough to keep per-run costs low. */
export const BATCH_LINES = 1_000;
/** Documents up to this many lines are linted whole (partitioning would only cost). */
export const MIN_PARTITIONED_LINES = 4 * BATCH_LINES;

/** The root of x in a union-find forest (`parent[r] === r` at a root), compressing the path.
 *  Also the row index's (batches/row-index.ts), which groups a file's rows into parts the same way. */
export function findRoot(parent: Int32Array, x: number): number {
  let r = x;
  while (parent[r] !== r) r = parent[r];
  while (parent[x] !== r) {
    const next = parent[x];
    parent[x] = r;
    x = next;
  }
  return r;
}

/**
 * Whole parts grouped into batches of about `batchLines` rows, in the order of their first rows
 * (a part bigger than that is a batch of its own). `partOf[i]`: row i's part, a node below
 * `nodes`. Gives each row's batch and each batch's row count. Also a big file's on disk (batches/plan.ts;
 * batches/json-batches.ts, whose rows are claim objects weighing about their lines: `weights`).
 */
export function batchParts(partOf: Int32Array, nodes: number, batchLines: number, weights?: Int32Array): { batchOf: Int32Array; sizes: number[] } {
  const rows = partOf.length;
  const partSize = new Int32Array(nodes);
  for (let i = 0; i < rows; i++) partSize[partOf[i]] += weights ? weights[i] : 1;
  const batchOfPart = new Int32Array(nodes).fill(-1);
  const sizes: number[] = [];
  const batchOf = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const q = partOf[i];
    if (batchOfPart[q] < 0) {
      const last = sizes.length - 1;
      batchOfPart[q] = last >= 0 && sizes[last] + partSize[q] <= batchLines ? last : sizes.push(0) - 1;
      sizes[batchOfPart[q]] += partSize[q];
    }
    batchOf[i] = batchOfPart[q];
  }
  return { batchOf, sizes };
}

/**
 * Views of the document holding whole parts, about BATCH_LINES lines each, in the order of their
 * first lines; each view's lines in file order. Undefined when the document is small.
 */
export function partViews(doc: ClaimDocument): ClaimDocument[] | undefined {
  const lines = doc.lines;
  const n = lines.length;
  if (n < MIN_PARTITIONED_LINES) return undefined;
  // Nodes: claims 0 .. claims-1, then members.
  const claims = doc.claims.length;
  const members = new Map<string, number>();
  const memberOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = lines[i].memberId;
    if (id === '') {
      memberOf[i] = -1;
      continue;
    }
    let m = members.get(id);
    if (m === undefined) members.set(id, (m = members.size));
    memberOf[i] = claims + m;
  }
  const parent = new Int32Array(claims + members.size);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  for (let i = 0; i < n; i++) {
    if (memberOf[i] < 0) continue;
    const a = findRoot(parent, lines[i].claimIndex);
    const b = findRoot(parent, memberOf[i]);
    if (a !== b) parent[a] = b;
  }
  const rootOf = new Int32Array(n);
  for (let i = 0; i < n; i++) rootOf[i] = findRoot(parent, lines[i].claimIndex);
  const { batchOf, sizes } = batchParts(rootOf, parent.length, BATCH_LINES);
  if (sizes.length < 2) return undefined;
  const batches: ServiceLine[][] = sizes.map(() => []);
  for (let i = 0; i < n; i++) batches[batchOf[i]].push(lines[i]);
  return batches.map((batch) => subDocument(doc, batch));
}

/** A rule's scope ('file' when it names none). */
export const scopeOf = (rule: Rule): RuleScope => rule.meta.scope ?? 'file';
/** A rule's look-back in days ('member-history'; 0 otherwise). */
export const lookbackOf = (rule: Rule): number => rule.meta.lookbackDays ?? 0;
/** Rules with the same key read the same lines: what is made for one (pieces of a part, an
 *  edit's re-run) serves them all. */
export const scopeKey = (rule: Rule): string => `${scopeOf(rule)}:${lookbackOf(rule)}`;
/** Whether a finding under the scope reads its claim's lines; its member's lines (some or all). */
export const usesClaim = (s: RuleScope): boolean => s === 'claim';
export const usesMember = (s: RuleScope): boolean => s !== 'line' && s !== 'claim' && s !== 'file';

/** A piece of a big part, for one rule's run: its view, and the lines whose findings are kept
 *  (every line of the view when undefined; otherwise the others are there as context). */
export interface Piece {
  readonly view: ClaimDocument;
  readonly targets?: ReadonlySet<number>;
}

/**
 * A big part (more than a batch) split for one rule's scope, so the rule runs over it a batch at
 * a time with requests answered between (a finding depends only on the lines its scope names:
 * RuleScope):
 * - 'line': a thousand lines at a time;
 * - 'member-day': a member's lines whose days overlap, through one another (dayGroups), packed a
 *   thousand lines at a time; a bigger such group (a member billed every day with spans that
 *   chain the days) a thousand of its lines at a time, in date order, with the lines whose days
 *   overlap theirs as context (dayWindows);
 * - 'member-history': whole members, packed a thousand lines at a time; a bigger member's history
 *   a thousand of its lines at a time, in date order, with the lines of their look-back as
 *   context (historyWindows);
 * - 'member', 'member-claim-or-day' and 'claim': whole members or whole claims, packed a thousand
 *   lines at a time (a part whose claim ids every member reuses ran per-diem-without-drug over
 *   all of it in one step).
 * A part joined by claim ids reused across members ran each member rule over all of it in one
 * step, and one member's history of 200,000 lines each same-day rule.
 */
export function piecesOf(doc: ClaimDocument, part: ClaimDocument, scope: RuleScope, lookback = 0): Piece[] {
  const lines = part.lines;
  if (scope === 'line') {
    // JSON: a claim object's lines stay in one piece. A value the object gives its lines (a
    // claim-level payer) is one finding, by the first line that reports it (runRule's repeat
    // check), and that check sees only its own run: cut inside a claim, each piece reported it.
    const whole = doc.format === 'json';
    const pieces: Piece[] = [];
    for (let k = 0; k < lines.length;) {
      let end = Math.min(lines.length, k + BATCH_LINES);
      if (whole) while (end < lines.length && lines[end].claimIndex === lines[end - 1].claimIndex) end++;
      pieces.push({ view: subDocument(doc, lines.slice(k, end)) });
      k = end;
    }
    return pieces;
  }
  if (scope === 'file') return [{ view: part }];
  const { groupOf, groups } = scope === 'member-day' ? dayGroups(lines) : keyGroups(lines, scope === 'claim' ? 'claim' : 'member');
  const sizes = new Int32Array(groups);
  for (let i = 0; i < lines.length; i++) sizes[groupOf[i]]++;
  // Groups of a batch or less are packed whole; a bigger day group or member history is cut into
  // windows (any other bigger group is a batch of its own).
  const big = new Map<number, ServiceLine[]>();
  const packed: ServiceLine[] = [];
  const packedGroup: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const g = groupOf[i];
    if (((scope === 'member-day' && g !== NO_DAYS) || (scope === 'member-history' && lines[i].memberId !== '')) && sizes[g] > BATCH_LINES) {
      let of = big.get(g);
      if (!of) big.set(g, (of = []));
      of.push(lines[i]);
    } else {
      packed.push(lines[i]);
      packedGroup.push(g);
    }
  }
  const { batchOf, sizes: batchSizes } = batchParts(Int32Array.from(packedGroup), groups, BATCH_LINES);
  const batches: ServiceLine[][] = batchSizes.map(() => []);
  for (let i = 0; i < packed.length; i++) batches[batchOf[i]].push(packed[i]);
  const pieces: Piece[] = batches.map((batch) => ({ view: subDocument(doc, batch) }));
  for (const group of big.values()) pieces.push(...(scope === 'member-day' ? dayWindows(doc, group) : historyWindows(doc, group, lookback)));
  return pieces.length < 2 ? [{ view: part }] : pieces;
}

/** Lines grouped by member id (lines without one are one group: a member rule may read them
 *  together) or by claim. */
function keyGroups(lines: readonly ServiceLine[], scope: 'member' | 'claim'): { groupOf: Int32Array; groups: number } {
  const groups = new Map<string | number, number>();
  const groupOf = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const key = scope === 'member' ? lines[i].memberId : lines[i].claimIndex;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = groups.size));
    groupOf[i] = g;
  }
  return { groupOf, groups: groups.size };
}

/** dayGroups' group of the lines without a member id or a date (no same-day rule reads them
 *  with others; they are kept together all the same). */
const NO_DAYS = 0;

/**
 * Lines grouped by member and days: a group holds the lines of one member whose date spans (as
 * the same-day index spreads them, lastDayOf) overlap, through one another, so every line's same
 * days are in its group. One member's history of 200,000 lines was one piece for every same-day
 * rule; by days, a piece holds a few days.
 */
function dayGroups(lines: readonly ServiceLine[]): { groupOf: Int32Array; groups: number } {
  const groupOf = new Int32Array(lines.length); // NO_DAYS unless set
  const byMember = new Map<string, number[]>();
  let groups = NO_DAYS + 1;
  for (let i = 0; i < lines.length; i++) {
    const { memberId, dosFrom } = lines[i];
    if (memberId === '' || dosFrom === undefined) continue;
    let of = byMember.get(memberId);
    if (!of) byMember.set(memberId, (of = []));
    of.push(i);
  }
  for (const of of byMember.values()) {
    let end = -Infinity;
    // In date order, ties in file order: the positions in `lines`.
    for (const i of inDateOrder(of, (p) => p, (p) => lines[p].dosFrom)) {
      const { dosFrom, dosTo } = lines[i];
      if (dosFrom! > end) groups++; // a gap: the member's next group of days
      groupOf[i] = groups - 1;
      end = Math.max(end, lastDayOf(dosFrom!, dosTo));
    }
  }
  return { groupOf, groups };
}

/**
 * A day group bigger than a batch (file order) a batch of its lines at a time in date order: each
 * piece's targets, and as context every line of the group whose days overlap the targets' days,
 * which is all a same-day finding about a target reads. When the windows would read the group
 * over twice in all (a day of thousands of lines), the group is one piece instead.
 */
function dayWindows(doc: ClaimDocument, group: readonly ServiceLine[]): Piece[] {
  const byDate = [...group].sort((a, b) => a.dosFrom! - b.dosFrom! || a.index - b.index);
  const starts = byDate.map((l) => l.dosFrom!);
  const windows: Array<{ context: ServiceLine[]; targets: readonly ServiceLine[] }> = [];
  let read = 0;
  for (let k = 0; k < byDate.length; k += BATCH_LINES) {
    const targets = byDate.slice(k, k + BATCH_LINES);
    const first = starts[k];
    let last = first;
    for (const t of targets) last = Math.max(last, lastDayOf(t.dosFrom!, t.dosTo));
    // A line starting more than MAX_SPAN_DAYS before the first target's day cannot reach it.
    const context: ServiceLine[] = [];
    for (let j = lowerBound(starts, first - MAX_SPAN_DAYS); j < byDate.length && starts[j] <= last; j++) {
      if (lastDayOf(starts[j], byDate[j].dosTo) >= first) context.push(byDate[j]);
    }
    read += context.length;
    if (read > 2 * group.length) return [{ view: subDocument(doc, group) }];
    windows.push({ context, targets });
  }
  return windows.map(({ context, targets }) => ({
    view: subDocument(doc, context.sort((a, b) => a.index - b.index)),
    targets: new Set(targets.map((t) => t.index)),
  }));
}

/**
 * A member's history bigger than a batch, for a look-back of `lookback` days: a batch of its lines
 * at a time in date order (targets), with the lines that start before the last of them and end
 * within the look-back of the first (as written, uncapped) as context: all a finding about a
 * target reads. Its lines without a date (no look-back from them) are a piece of their own. When
 * the windows would read the member over twice in all (its look-back holds more lines than a
 * window: a 60,000-visit history had 2,400 in 60 days), they are made twice as big, up to the
 * whole member (sizes are tried by counting; only the chosen windows are made).
 */
function historyWindows(doc: ClaimDocument, member: readonly ServiceLine[], lookback: number): Piece[] {
  const all = doc.lines;
  const undated = member.filter((l) => l.dosFrom === undefined);
  const byDate = inDateOrder(member, (l) => l.index, (l) => l.dosFrom);
  const n = byDate.length;
  // Their starts and ends (as written, uncapped). Filled by a loop: a typed array's `from` with a
  // function was 20 ms a call on 60,000 lines.
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const { dosFrom, dosTo } = all[byDate[j]];
    starts[j] = dosFrom!;
    ends[j] = lastWrittenDayOf(dosFrom!, dosTo);
  }
  // Lines longer than MAX_SPAN_DAYS are few: each window checks them all; the others are found
  // from their start.
  const long: number[] = [];
  for (let j = 0; j < n; j++) if (ends[j] - starts[j] > MAX_SPAN_DAYS) long.push(j);
  /** The context of the window of targets k .. k + size - 1 (its line indexes to `into`, or counted). */
  const contextOf = (k: number, size: number, into?: number[]): number => {
    const first = starts[k] - lookback;
    const last = starts[Math.min(k + size, n) - 1];
    const from = lowerBound(starts, first - MAX_SPAN_DAYS);
    let count = 0;
    for (const j of long) if (j < from && ends[j] >= first) count++, into?.push(byDate[j]);
    for (let j = from; j < n && starts[j] <= last; j++) if (ends[j] >= first) count++, into?.push(byDate[j]);
    return count;
  };
  let size = BATCH_LINES;
  for (; size < n; size *= 2) {
    let read = 0;
    for (let k = 0; k < n && read <= 2 * member.length; k += size) read += contextOf(k, size);
    if (read <= 2 * member.length) break;
  }
  if (size >= n) return [{ view: subDocument(doc, member) }];
  const pieces: Piece[] = [];
  for (let k = 0; k < n; k += size) {
    const context: number[] = [];
    contextOf(k, size, context);
    const inFileOrder = new Int32Array(context).sort();
    const lines: ServiceLine[] = new Array(inFileOrder.length);
    for (let j = 0; j < inFileOrder.length; j++) lines[j] = all[inFileOrder[j]];
    pieces.push({ view: subDocument(doc, lines), targets: new Set(byDate.subarray(k, k + size)) });
  }
  if (undated.length > 0) pieces.push({ view: subDocument(doc, undated) });
  return pieces;
}

/**
 * The lines (each as `lineOf` gives it: its index in the document, or its position in a list) of
 * the dated ones of `items` in date order, ties in line order. Sorted as numbers: a typed array
 * sorts natively, where a comparator over 200,000 lines was a good part of cutting a part.
 */
function inDateOrder<T>(items: readonly T[], lineOf: (item: T) => number, dosFromOf: (item: T) => number | undefined): Int32Array {
  const keys = new Float64Array(items.length);
  let n = 0;
  for (const item of items) {
    const dosFrom = dosFromOf(item);
    if (dosFrom !== undefined) keys[n++] = dosFrom * LINE_KEYS + lineOf(item);
  }
  const sorted = keys.subarray(0, n).sort();
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[j] = lineOfKey(sorted[j]);
  return order;
}

/** Date keys (day × LINE_KEYS + a line's index or position, in inDateOrder) sort by day, then
 *  line. Any text V8 can hold has fewer dated lines than this (a string is under 2^30 characters,
 *  a dated line over 16), and the key of any day a date can be is exact in a double. */
const LINE_KEYS = 2 ** 26;

/** The line (index or position) of a date key. */
function lineOfKey(key: number): number {
  return key - Math.floor(key / LINE_KEYS) * LINE_KEYS;
}
