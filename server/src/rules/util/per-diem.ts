// Shared by the per diem rules: which days a line covers, and how the therapy per diems of
// one day rank and which billing slot (primary / SH / SJ) each one takes (rules.md
// "concurrent-therapy-modifier" and "per-diem-order").
import type { ServiceLine } from '../../model';
import {
  isBundledSupply, isDrugLine, isHydrationPerDiem, isSeparatelyBillableKit, isSpecificPerDiemOf, isSterileSolution,
  isTherapyPerDiem, perDiemExclusionOf, perDiemIntervalHours, type PerDiemExclusion,
} from '../../codes/classes';
import { jwModifier } from './jw';
import { lastDayOf, type DayLine } from './same-day';
import type { LineChange } from '../../fixes/change';
import type { LintOptions } from '../types';

/** The days a line covers (dos_from..dos_to), in order, the days the same-day index puts it on;
 *  [] when dos_from is unreadable. */
export function daysOf(line: ServiceLine): number[] {
  if (line.dosFrom === undefined) return [];
  const to = lastDayOf(line.dosFrom, line.dosTo);
  const days: number[] = [];
  for (let day = line.dosFrom; day <= to; day++) days.push(day);
  return days;
}

/** daysOf(line).length, without the array. */
export function dayCount(line: ServiceLine): number {
  if (line.dosFrom === undefined) return 0;
  return lastDayOf(line.dosFrom, line.dosTo) - line.dosFrom + 1;
}

/** The therapy per diem of the day that includes the line as a supply (bundled-supply's
 *  finding): a bundled supply or equipment code (not a PICC/midline kit) on a day with a therapy
 *  per diem, unless it is an IV solution J7030–J7060 on a day with a hydration per diem (the
 *  solution is then the hydration). Undefined when no per diem includes it. */
export function bundlingPerDiem(line: Pick<ServiceLine, 'hcpcs'>, sameDay: readonly DayLine[]): DayLine | undefined {
  if (!isBundledSupply(line.hcpcs) || isSeparatelyBillableKit(line.hcpcs)) return undefined;
  if (isSterileSolution(line.hcpcs) && sameDay.some((d) => isHydrationPerDiem(d.line.hcpcs))) return undefined;
  return sameDay.find((d) => isTherapyPerDiem(d.line.hcpcs));
}

/** Why a drug line (isDrugLine) does not administer a drug on a day: a supply a per diem of the
 *  day includes, or discarded drug (JW: "not administered to any patient", 000). Undefined for
 *  the drug itself, and for a line that is no drug line. */
export function notAdministered(line: ServiceLine, sameDay: readonly DayLine[]): 'supply' | 'discarded' | undefined {
  if (!isDrugLine(line)) return undefined;
  if (bundlingPerDiem(line, sameDay) !== undefined) return 'supply';
  return jwModifier(line) !== undefined ? 'discarded' : undefined;
}

/** The line administers a drug on the day (the drug a per diem of the day is paid for, 000:
 *  "only when drug infusion is administered on the same date"). */
export function administersDrug(line: ServiceLine, sameDay: readonly DayLine[]): boolean {
  return isDrugLine(line) && notAdministered(line, sameDay) === undefined;
}

/**
 * Whether the line bills a per diem for every day of its span as far as it tells: dosing
 * hourly (q3h–q24h, by the antibiotic code or the `frequency`) or not given (rules.md
 * per-diem-units). A frequency given as less often than daily (weekly, q240h) or unreadable
 * ("as needed") is not: 001's table bills "once per week" as 1 unit,
 * so such a per diem's units may be fewer than its days.
 */
export function dosedDaily(line: Pick<ServiceLine, 'hcpcs' | 'frequency'>): boolean {
  const interval = perDiemIntervalHours(line);
  return interval === undefined ? line.frequency === '' : interval <= 24;
}

/**
 * Days from one infusion to the next when the line's frequency is an interval of whole days or
 * weeks (every other day 2, every 10 days or q240h 10, weekly 7, q2w 14): such a per diem's
 * units are exactly its infusion days (001's table: every 10 days for 30 days is 3, once per
 * week is 1 per week). Undefined for dosing daily or more often, for months (a calendar month is
 * no fixed count of days), for intervals that are no whole number of days (twice a week, q36h),
 * and for frequencies not read.
 */
export function intervalDays(line: Pick<ServiceLine, 'hcpcs' | 'frequency'>): number | undefined {
  const hours = perDiemIntervalHours(line);
  if (hours === undefined || hours <= 24 || hours % 24 !== 0 || /month/i.test(line.frequency)) return undefined;
  return hours / 24;
}

/** Infusion days of a per diem dosed every `everyDays` days over `days` days: the first day and
 *  every `everyDays` after it. */
export function infusionDays(days: number, everyDays: number): number {
  return Math.ceil(days / everyDays);
}

/**
 * Whether a line of the day takes a slot (primary / SH / SJ) among the day's concurrent
 * therapies: a therapy per diem, unless it is a generic per diem billed with one of its
 * specific codes that day. mutually-exclusive-per-diem tells the analyst to drop that generic
 * and bill only the specific code, so ranking it too would give conflicting advice.
 */
export function takesPerDiemSlot(entry: DayLine, day: readonly DayLine[]): boolean {
  const code = entry.line.hcpcs;
  if (!isTherapyPerDiem(code)) return false;
  const ex = perDiemExclusionOf(code);
  if (ex === undefined) return true;
  // A short day is scanned (no list made: this is asked of every generic per diem of every day).
  if (day.length <= SCANNED_DAY_LINES) return !day.some((o) => isSpecificPerDiemOf(ex, o.line.hcpcs));
  return specificsOf(day, ex).length === 0;
}

/** Days up to this many lines are scanned again at each ask; longer ones once per exclusion. */
const SCANNED_DAY_LINES = 8;
const specifics = new WeakMap<readonly DayLine[], Map<PerDiemExclusion, readonly DayLine[]>>();

/** The day's lines that are specific per diems of the exclusion (the same-day index's day
 *  arrays, not changed once built). Asked for each generic per diem of the day: on a day of
 *  hundreds of lines a scan at each ask was quadratic in the day's lines. */
export function specificsOf(day: readonly DayLine[], ex: PerDiemExclusion): readonly DayLine[] {
  if (day.length <= SCANNED_DAY_LINES) return day.filter((o) => isSpecificPerDiemOf(ex, o.line.hcpcs));
  let byExclusion = specifics.get(day);
  if (!byExclusion) specifics.set(day, (byExclusion = new Map()));
  let found = byExclusion.get(ex);
  if (!found) byExclusion.set(ex, (found = day.filter((o) => isSpecificPerDiemOf(ex, o.line.hcpcs))));
  return found;
}

/** How many per diems of the day take a slot, counted up to `most`. */
export function countPerDiems(lines: readonly DayLine[], most = Infinity): number {
  let n = 0;
  for (const d of lines) if (takesPerDiemSlot(d, lines) && ++n === most) break;
  return n;
}

/** Two or more per diems take a slot that day (most days have fewer: no ranking then). */
export function hasConcurrentPerDiems(lines: readonly DayLine[]): boolean {
  return countPerDiems(lines, 2) === 2;
}

/** A per diem's billing slot as its modifiers say: primary (none), SH, or SJ. */
export type Role = 'primary' | 'SH' | 'SJ';

/**
 * What gives a per diem line the slot `to`: the SH/SJ it should not carry removed (one of them
 * replaced in place by the slot's own), the slot's modifier added. A line that somehow carries
 * both SH and SJ loses both to become the primary.
 */
export function slotChange(line: ServiceLine, to: Role): LineChange {
  const held = line.modifiers.map((m) => m.code).filter((c) => c === 'SH' || c === 'SJ');
  const extra = [...new Set(held)].filter((c) => c !== to);
  if (to === 'primary' || held.includes(to)) return { removeModifiers: extra };
  // The first modifier it gives up takes the new one's place (SH → SJ where SH was).
  return { removeModifiers: extra, addModifiers: [to] };
}

/** `mod` and the line's other slot modifier when it carries both, as a message names what the
 *  line gives up (slotChange to the primary removes both): "SJ and SH", "SJ or SH", or "SJ". */
export function slotModifiersText(line: ServiceLine, mod: 'SH' | 'SJ', joiner: 'and' | 'or'): string {
  const other = mod === 'SJ' ? 'SH' : 'SJ';
  return line.modifiers.some((m) => m.code === other) ? `${mod} ${joiner} ${other}` : mod;
}

export function roleOf(line: ServiceLine): Role {
  // Asked of every line by several rules: one pass, no array.
  let sh = false;
  for (const m of line.modifiers) {
    if (m.code === 'SJ') return 'SJ';
    if (m.code === 'SH') sh = true;
  }
  return sh ? 'SH' : 'primary';
}

export interface RankedPerDiem {
  readonly line: ServiceLine;
  /** Set for a line of another workspace file. */
  readonly uri?: string;
  /** Dosing interval in hours, when the code or the `frequency` field tells it. */
  readonly interval?: number;
  readonly role: Role;
}

/** The per diems of one day that take a slot, most frequent first; unknown frequency last;
 *  ties keep file order (this document's lines before other files'). */
export function rankPerDiems(lines: readonly DayLine[]): readonly RankedPerDiem[] {
  // Two rules rank every concurrent day of the same-day index: rank each day's lines once.
  let ranked = rankings.get(lines);
  if (!ranked) rankings.set(lines, (ranked = rank(lines)));
  return ranked;
}

/** Rankings by the day's lines (the same-day index's arrays, built once and not changed after). */
const rankings = new WeakMap<readonly DayLine[], readonly RankedPerDiem[]>();

function rank(lines: readonly DayLine[]): RankedPerDiem[] {
  const perDiems: RankedPerDiem[] = [];
  for (const d of lines) {
    if (!takesPerDiemSlot(d, lines)) continue;
    const r: RankedPerDiem = { line: d.line, uri: d.uri, interval: perDiemIntervalHours(d.line), role: roleOf(d.line) };
    // Inserted in order, most frequent first: a day has a handful of per diems, and a sort call
    // made work arrays for each day. Equal intervals (unknown ones too) keep file order.
    if (perDiems.length >= INSERTED_PER_DIEMS) {
      perDiems.push(r);
      continue;
    }
    const key = r.interval ?? Infinity;
    let i = perDiems.length;
    perDiems.push(r);
    for (; i > 0 && (perDiems[i - 1].interval ?? Infinity) > key; i--) perDiems[i] = perDiems[i - 1];
    perDiems[i] = r;
  }
  // A day of hundreds of per diems (a generated or pasted file) is sorted (stable: file order
  // kept on ties); inserting each was quadratic in them.
  if (perDiems.length > INSERTED_PER_DIEMS) perDiems.sort(byInterval);
  return perDiems;
}

function byInterval(a: RankedPerDiem, b: RankedPerDiem): number {
  const x = a.interval ?? Infinity;
  const y = b.interval ?? Infinity;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Per diems of a day ranked by insertion; a day with more is sorted. */
const INSERTED_PER_DIEMS = 16;

/**
 * A day billed out of order: its primary (unmodified) per diem is less frequent than one billed
 * with SH/SJ, which should be the primary ("Always bill the more frequent per diem first", 002).
 * per-diem-order reports it; concurrent-therapy-modifier plans the day's slots the same way, so
 * the two never advise against each other. Undefined when the day is in order (or a frequency is unknown).
 */
export function outranked(ranked: readonly RankedPerDiem[]): { primary: RankedPerDiem; modified: RankedPerDiem } | undefined {
  const primary = ranked.find((r) => r.role === 'primary');
  // The most frequent per diem that carries SH/SJ (ranked is most frequent first).
  const modified = ranked.find((r) => r.role !== 'primary');
  if (!primary || !modified || primary.interval === undefined || modified.interval === undefined) return undefined;
  return modified.interval < primary.interval ? { primary, modified } : undefined;
}

/**
 * Whether per-diem-order reports the out-of-order day (on its primary line, a line of this
 * file), so that concurrent-therapy-modifier may leave that finding's two lines to it. With
 * per-diem-order off, or disabled on the line (or the line misread: engine.ts reports nothing else
 * on it), the day's modifiers are judged as billed.
 */
export function orderReported(order: { primary: RankedPerDiem }, options: LintOptions): boolean {
  const primary = order.primary.line;
  return order.primary.uri === undefined && options.rules?.['per-diem-order'] !== 'off' && !primary.disabled.has('per-diem-order') && !primary.misread;
}

/** The slot each concurrent per diem of a day should take. */
export interface SlotPlan {
  /** Full-price per diem: no SH/SJ. */
  readonly primary: RankedPerDiem;
  /** Takes SH. */
  readonly second: RankedPerDiem;
  /** Take SJ, in rank order. */
  readonly rest: readonly RankedPerDiem[];
}

/**
 * Slots for two or more concurrent per diems: rules.md ranks them by dosing frequency, most
 * frequent first. The primary is `primary` when given (per-diem-order's fix), else the most
 * frequent unmodified line (or the most frequent line when all carry a modifier): which line
 * should be primary when a modified one is more frequent is per-diem-order's finding, not a
 * slot change here. SH goes to the most frequent of the others, so a less frequent line that
 * holds SH gives it up (the second therapy is paid at half the per diem, the third at a
 * quarter: 002). Among lines as frequent as each other the policies prefer none, so the slot a
 * tie already holds is kept: SH stays on the tied line that has it, else goes to a tied line
 * with no modifier (one edit, not two). Every other line takes SJ.
 */
export function planSlots(ranked: readonly RankedPerDiem[], primary?: RankedPerDiem): SlotPlan | undefined {
  if (ranked.length < 2) return undefined;
  // Loops, not find/filter: planned for every day with concurrent per diems, of every lint.
  let first = primary;
  for (let i = 0; i < ranked.length && !first; i++) if (ranked[i].role === 'primary') first = ranked[i];
  first ??= ranked[0];
  // The others are `ranked` without `first`; tied: those as frequent as the first of them.
  const firstOther = ranked[0] === first ? ranked[1] : ranked[0];
  let tiedSH: RankedPerDiem | undefined;
  let tiedPrimary: RankedPerDiem | undefined;
  for (const r of ranked) {
    if (r === first || r.interval !== firstOther.interval) continue;
    if (r.role === 'SH') tiedSH ??= r;
    else if (r.role === 'primary') tiedPrimary ??= r;
  }
  const second = tiedSH ?? tiedPrimary ?? firstOther;
  const rest: RankedPerDiem[] = [];
  for (const r of ranked) if (r !== first && r !== second) rest.push(r);
  return { primary: first, second, rest };
}

/** The slot a line takes in a plan. */
export function slotIn(plan: SlotPlan, r: RankedPerDiem): Role {
  return r === plan.primary ? 'primary' : r === plan.second ? 'SH' : 'SJ';
}

/** "every 8 hours", "weekly"; '' when unknown. */
export function describeInterval(hours: number | undefined): string {
  if (hours === undefined) return '';
  if (hours === 168) return 'weekly';
  if (hours === 24) return 'every 24 hours';
  return `every ${hours} hour${hours === 1 ? '' : 's'}`;
}

/** The code as billed, with its SH/SJ: "S9501-SH". */
export function billedAs(line: ServiceLine): string {
  const role = roleOf(line);
  return role === 'primary' ? line.hcpcs : `${line.hcpcs}-${role}`;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** 1 → "first", 3 → "third", 12 → "12th". */
export function ordinal(n: number): string {
  return ORDINALS[n - 1] ?? `${n}th`;
}
