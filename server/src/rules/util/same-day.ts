// "Same day" (rules.md): same member_id and a date inside both lines' date spans,
// across every claim of the file (and the workspace's lines when workspace analysis is on).
import type { ClaimDocument, ServiceLine } from '../../model';
import type { ExternalLine, LintOptions } from '../types';

export interface DayLine {
  readonly line: ServiceLine;
  /** Set for a line of another workspace file. */
  readonly uri?: string;
}

/** Longest date span expanded into days; longer spans are themselves a date-span problem. */
export const MAX_SPAN_DAYS = 366;

/** The last day the index puts a line on: dos_to (dos_from when empty), at most MAX_SPAN_DAYS
 *  after dos_from. A dos_to before dos_from (invalid-value's finding) counts as the dos_from
 *  day: the line is still billed on that day, and every same-day rule must see it there. */
export function lastDayOf(dosFrom: number, dosTo: number | undefined): number {
  return Math.min(lastWrittenDayOf(dosFrom, dosTo), dosFrom + MAX_SPAN_DAYS);
}

/** The last day of a line's dates as written, uncapped (what a look-back reads): dos_to, or
 *  dos_from when dos_to is empty or before it. */
export function lastWrittenDayOf(dosFrom: number, dosTo: number | undefined): number {
  return Math.max(dosTo ?? dosFrom, dosFrom);
}

/** The first through the last day of the lines' dates as written (lastWrittenDayOf); undefined
 *  when no line has a date of service. */
export function datesOfService(lines: Iterable<Pick<ServiceLine, 'dosFrom' | 'dosTo'>>): { from: number; to: number } | undefined {
  let from = Infinity;
  let to = -Infinity;
  for (const l of lines) {
    if (l.dosFrom === undefined) continue;
    from = Math.min(from, l.dosFrom);
    to = Math.max(to, lastWrittenDayOf(l.dosFrom, l.dosTo));
  }
  return from === Infinity ? undefined : { from, to };
}

export interface SameDayIndex {
  /** Lines of the member that cover the day, in file order (this document's lines first; with
   *  LintOptions.uri, a day other files bill too by file, then line). */
  at(memberId: string, day: number): readonly DayLine[];
  /** The (member, day) groups, in order of first appearance. */
  groups(): Iterable<{ memberId: string; day: number; lines: readonly DayLine[] }>;
  /** Every line of a member, this document's and the workspace's. */
  member(memberId: string): readonly DayLine[];
}

const cache = new WeakMap<ClaimDocument, WeakMap<readonly ExternalLine[], SameDayIndex>>();
const NO_EXTERNAL: readonly ExternalLine[] = [];

/** The document's same-day index, built once per document (and workspace snapshot). */
export function sameDayIndex(doc: ClaimDocument, options: Pick<LintOptions, 'external' | 'uri'> = {}): SameDayIndex {
  const external = options.external ?? NO_EXTERNAL;
  let byExternal = cache.get(doc);
  if (!byExternal) cache.set(doc, (byExternal = new WeakMap()));
  let index = byExternal.get(external);
  if (!index) byExternal.set(external, (index = build(doc, external, options.uri)));
  return index;
}

/** Forget the document's index (the engine, once every rule has run: nothing else reads it, and
 *  on a big file it is megabytes kept alive with the document). */
export function releaseSameDayIndex(doc: ClaimDocument): void {
  cache.delete(doc);
}

interface Group {
  readonly memberId: string;
  readonly day: number;
  readonly lines: DayLine[];
}

interface MemberDays {
  readonly lines: DayLine[];
  /** The member's groups by day. */
  readonly days: Map<number, Group>;
}

const NO_LINES: readonly DayLine[] = [];

// Built per member, then per day (no string key per line and day): on a 100k-line file this
// index is built on every lint.
function build(doc: ClaimDocument, external: readonly ExternalLine[], ownUri: string | undefined): SameDayIndex {
  const byMember = new Map<string, MemberDays>();
  /** Every group, in order of first appearance. */
  const groups: Group[] = [];
  const add = (entry: DayLine): void => {
    const { line } = entry;
    if (line.memberId === '' || line.dosFrom === undefined) return;
    let member = byMember.get(line.memberId);
    if (!member) byMember.set(line.memberId, (member = { lines: [], days: new Map() }));
    member.lines.push(entry);
    const to = lastDayOf(line.dosFrom, line.dosTo);
    for (let day = line.dosFrom; day <= to; day++) {
      let group = member.days.get(day);
      if (!group) {
        member.days.set(day, (group = { memberId: line.memberId, day, lines: [] }));
        groups.push(group);
      }
      group.lines.push(entry);
    }
  };
  for (const line of doc.lines) add({ line });
  const firstExternal = groups.length;
  for (const ext of external) add({ line: ext.line, uri: ext.uri });
  // A day that other files bill too: its lines by file, then line, the same from every file (not
  // this document's first, which would have each file break a tie between files its own way).
  if (external.length > 0 && ownUri !== undefined) {
    const fileOf = (e: DayLine): string => e.uri ?? ownUri;
    const byFile = (a: DayLine, b: DayLine): number => {
      const fa = fileOf(a);
      const fb = fileOf(b);
      return fa < fb ? -1 : fa > fb ? 1 : a.line.index - b.line.index;
    };
    // Only days with lines of this document: the groups after firstExternal have none.
    for (let i = 0; i < firstExternal; i++) {
      const lines = groups[i].lines;
      if (lines[lines.length - 1].uri !== undefined) lines.sort(byFile);
    }
  }
  return {
    at: (memberId, day) => byMember.get(memberId)?.days.get(day)?.lines ?? NO_LINES,
    groups: () => groups,
    member: (memberId) => byMember.get(memberId)?.lines ?? NO_LINES,
  };
}

/** The first day of the line's span on which the member's lines of that day (the line itself
 *  included) pass `test`; undefined when no day does. */
export function firstDayWhere(
  index: SameDayIndex, line: ServiceLine, test: (sameDay: readonly DayLine[]) => boolean,
): number | undefined {
  if (line.dosFrom === undefined) return undefined;
  const last = lastDayOf(line.dosFrom, line.dosTo);
  for (let day = line.dosFrom; day <= last; day++) if (test(index.at(line.memberId, day))) return day;
  return undefined;
}

/** Days repeat on every line of a file and messages name them: format each day once. */
const dayTexts = new Map<number, string>();

/** Days since epoch → YYYY-MM-DD. */
export function formatDay(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (dayTexts.size < 100_000) dayTexts.set(day, text);
  }
  return text;
}
