// Shared by the per diem rules: which days a line covers, and how the therapy per diems of
// one day rank and which billing slot (primary / SH / SJ) each one takes (rules.md
// "concurrent-therapy-modifier" and "per-diem-order").
import type { ServiceLine, Span } from '../../model';
import { isTherapyPerDiem, perDiemIntervalHours } from '../../codes/classes';
import type { Related } from '../types';
import type { DayLine } from './same-day';

/** Same cap as the same-day index: longer spans are a date-span problem of their own. */
const MAX_SPAN_DAYS = 366;

/** The days a line covers (dos_from..dos_to), in order; [] when dos_from is unreadable. */
export function daysOf(line: ServiceLine): number[] {
  if (line.dosFrom === undefined) return [];
  const to = Math.min(Math.max(line.dosTo ?? line.dosFrom, line.dosFrom), line.dosFrom + MAX_SPAN_DAYS);
  const days: number[] = [];
  for (let day = line.dosFrom; day <= to; day++) days.push(day);
  return days;
}

/** daysOf(line).length, without the array. */
export function dayCount(line: ServiceLine): number {
  if (line.dosFrom === undefined) return 0;
  return Math.min(Math.max(line.dosTo ?? line.dosFrom, line.dosFrom), line.dosFrom + MAX_SPAN_DAYS) - line.dosFrom + 1;
}

/** Therapy per diems among a day's lines, counted up to 2 (most days have fewer: no ranking then). */
export function hasConcurrentPerDiems(lines: readonly DayLine[]): boolean {
  let n = 0;
  for (const d of lines) if (isTherapyPerDiem(d.line.hcpcs) && ++n === 2) return true;
  return false;
}

/** A per diem's billing slot as its modifiers say: primary (none), SH, or SJ. */
export type Role = 'primary' | 'SH' | 'SJ';

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

/** The therapy per diems among one day's lines, most frequent first; unknown frequency last;
 *  ties keep file order (this document's lines before other files'). */
export function rankPerDiems(lines: readonly DayLine[]): RankedPerDiem[] {
  const perDiems = lines
    .filter((d) => isTherapyPerDiem(d.line.hcpcs))
    .map((d) => ({ line: d.line, uri: d.uri, interval: perDiemIntervalHours(d.line), role: roleOf(d.line) }));
  // Array.prototype.sort is stable, so equal intervals stay in file order.
  return perDiems.sort((a, b) => (a.interval ?? Infinity) - (b.interval ?? Infinity));
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
 * Slots for two or more concurrent per diems, changing as few modifiers as possible:
 * the primary is the most frequent unmodified line (or the most frequent line when all carry
 * a modifier); SH stays where it is when a line has it (else it goes to the next unmodified
 * line in rank order); every other line takes SJ. Which line should be primary when a
 * modified one is more frequent is per-diem-order's finding, not a slot change here.
 */
export function planSlots(ranked: readonly RankedPerDiem[]): SlotPlan | undefined {
  if (ranked.length < 2) return undefined;
  const primary = ranked.find((r) => r.role === 'primary') ?? ranked[0];
  const others = ranked.filter((r) => r !== primary);
  const second = others.find((r) => r.role === 'SH') ?? others.find((r) => r.role === 'primary') ?? others[0];
  return { primary, second, rest: others.filter((r) => r !== second) };
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

/** Where a finding about the line's code points: the hcpcs value, else the line. */
export function codeSpan(line: ServiceLine): Span {
  return line.fields.hcpcs?.span ?? line.span;
}

/** A related-information entry pointing at another line's code (with its file when external). */
export function relatedLine(entry: { line: ServiceLine; uri?: string }, message: string): Related {
  return entry.uri ? { span: codeSpan(entry.line), message, uri: entry.uri } : { span: codeSpan(entry.line), message };
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** 1 → "first", 3 → "third", 12 → "12th". */
export function ordinal(n: number): string {
  return ORDINALS[n - 1] ?? `${n}th`;
}
