// concurrent-therapy-modifier: two or more therapy per diems on the same day need exactly one
// primary (no modifier), one SH (second therapy) and SJ on the third and later (001, 002, 003).
import { isTherapyPerDiem } from '../codes/classes';
import { addModifierEdits, changeLineEdits, replaceModifierEdits } from '../fixes/edit';
import type { ClaimDocument, ServiceLine } from '../model';
import type { Fix, Related, Rule } from './types';
import { modifierSpan, unsafeFix } from './util/fix-list';
import { LineIssues, type LineIssue } from './util/line-issues';
import { formatDay, sameDayIndex, type SameDayIndex } from './util/same-day';
import {
  billedAs, countPerDiems, daysOf, hasConcurrentPerDiems, orderReported, ordinal, outranked, planSlots, rankPerDiems, roleOf, slotChange, slotIn,
  slotModifiersText, takesPerDiemSlot,
  type RankedPerDiem, type Role, type SlotPlan,
} from './util/per-diem';
import { codeSpan, relatedLine } from './util/field-span';
import { noFreeSlotNote } from './util/free-slot';

// The fixes, made when asked for by closures built out here: a closure made inside check() would
// hold check()'s whole scope, same-day index included, for as long as its finding lives (18 MB on
// a 100k-line file, marked again by every full garbage collection).
/** The line becomes the primary: its SH/SJ removed (both, on a line that carries both). */
const removeFix = (doc: ClaimDocument, line: ServiceLine, mod: 'SH' | 'SJ') => (): Fix[] =>
  unsafeFix(`Remove modifier ${slotModifiersText(line, mod, 'and')}`, changeLineEdits(doc, line, slotChange(line, 'primary')));
/** A line that carries both SH and SJ keeps the one of its slot. */
const dropFix = (doc: ClaimDocument, line: ServiceLine, keep: 'SH' | 'SJ') => (): Fix[] =>
  unsafeFix(`Remove modifier ${keep === 'SH' ? 'SJ' : 'SH'}`, changeLineEdits(doc, line, slotChange(line, keep)));
const addFix = (doc: ClaimDocument, line: ServiceLine, mod: string) => (): Fix[] =>
  unsafeFix(`Add modifier ${mod}`, addModifierEdits(doc, line, mod));
const replaceFix = (doc: ClaimDocument, line: ServiceLine, from: string, to: string) => (): Fix[] =>
  unsafeFix(`Replace ${from} with ${to}`, replaceModifierEdits(doc, line, from, to));

/** The same per diem code billed again that day, on another line of the day's slots (`plan`). A
 *  second therapy at the same frequency (two antibiotics every 8 hours) takes the slot's modifier,
 *  but the same therapy billed twice is a duplicate (duplicate-line): a modifier added or changed
 *  would hide it, or make it one (S9500-SJ, then S9500 told to add SJ). */
function repeatNote(plan: SlotPlan, line: ServiceLine): string {
  const other = (r: RankedPerDiem): boolean => r.line !== line && r.line.hcpcs === line.hcpcs;
  return other(plan.primary) || other(plan.second) || plan.rest.some(other)
    ? `; if it bills the same therapy as the other ${line.hcpcs} again, remove this line instead`
    : '';
}

/** The line carries both SH and SJ (roleOf reads it as SJ). */
function hasBoth(line: ServiceLine): boolean {
  return line.modifiers.some((m) => m.code === 'SH') && line.modifiers.some((m) => m.code === 'SJ');
}

/** Every line of this file on the day already takes its slot in the plan: nothing to report
 *  (most concurrent days), so nothing below is made for the day. */
function billedAsPlanned(plan: SlotPlan): boolean {
  if (plan.primary.uri === undefined && plan.primary.role !== 'primary') return false;
  if (plan.second.uri === undefined && plan.second.role !== 'SH') return false;
  for (const r of plan.rest) if (r.uri === undefined && (r.role !== 'SJ' || hasBoth(r.line))) return false;
  return true;
}

/** The issues of a day whose concurrent per diems do not all take their planned slots. */
function keepDayIssues(
  doc: ClaimDocument, issues: LineIssues, dayNumber: number, plan: SlotPlan,
  order: { primary: RankedPerDiem; modified: RankedPerDiem } | undefined,
): void {
  const keep = (issue: Parameters<LineIssues['keep']>[0]): void => {
    if (order && (issue.line === order.primary.line || issue.line === order.modified.line)) return;
    issues.keep(issue);
  };
  const day = formatDay(dayNumber);
  const ownLine = (r: RankedPerDiem): boolean => r.uri === undefined;
  // Made only for a finding: most concurrent days are billed right.
  let primaryEntry: Related | undefined;
  const toPrimary = (): Related =>
    (primaryEntry ??= relatedLine(plan.primary, `${billedAs(plan.primary.line)} is the primary per diem on ${day}`));

  if (ownLine(plan.primary) && plan.primary.role !== 'primary') {
    // Every per diem of the day carries a modifier: the most frequent one is the primary.
    const mod = plan.primary.role;
    const line = plan.primary.line;
    keep({
      line,
      span: modifierSpan(line, mod),
      message: `No therapy per diem on ${day} is billed as the primary: ${line.hcpcs} is the most frequent, remove modifier ${slotModifiersText(line, mod, 'and')}`,
      fixes: removeFix(doc, line, mod),
    });
  }

  const second = plan.second;
  if (ownLine(second) && second.role !== 'SH') {
    const line = second.line;
    const after = `(after ${billedAs(plan.primary.line)})`;
    if (second.role === 'primary') {
      keep({
        line,
        span: codeSpan(line),
        message: `${line.hcpcs} is the second concurrent therapy on ${day} ${after}: add modifier SH${noFreeSlotNote(line, 'SH')}${repeatNote(plan, line)}`,
        fixes: addFix(doc, line, 'SH'),
        related: [toPrimary()],
      });
    } else if (hasBoth(line)) {
      keep({
        line,
        span: modifierSpan(line, 'SJ'),
        message: `${line.hcpcs} has both SH and SJ: as the second concurrent therapy on ${day} ${after} it takes SH only; remove SJ`,
        fixes: dropFix(doc, line, 'SH'),
        related: [toPrimary()],
      });
    } else {
      // SH may be on a less frequent line (told to take SJ below), or on the primary (told to
      // drop it above): the message must not say no line has SH then.
      const shLater = plan.rest.find((r) => r.role === 'SH');
      const primary = plan.primary.line;
      keep({
        line,
        span: modifierSpan(line, 'SJ'),
        message: shLater
          ? `${line.hcpcs} is the second concurrent therapy on ${day} ${after}, ahead of ${billedAs(shLater.line)} by dosing frequency: replace SJ with SH`
          : plan.primary.role === 'SH'
            ? `${line.hcpcs} is the second concurrent therapy on ${day} ${after}: SH goes to it, not to ${primary.hcpcs}, the primary by dosing frequency; replace SJ with SH`
            : `${line.hcpcs} has SJ but no therapy on ${day} has SH ${after}: the second concurrent therapy takes SH, replace SJ with SH`,
        fixes: replaceFix(doc, line, 'SJ', 'SH'),
        related: [toPrimary()],
      });
    }
  }

  const slots = [plan.primary, second, ...plan.rest];
  for (let i = 2; i < slots.length; i++) {
    const r = slots[i];
    const position = i + 1;
    if (!ownLine(r) || (r.role === 'SJ' && !hasBoth(r.line))) continue;
    const after = codesBefore(slots, i);
    const line = r.line;
    if (r.role === 'SJ') {
      keep({
        line,
        span: modifierSpan(line, 'SH'),
        message: `${line.hcpcs} has both SH and SJ: as the ${ordinal(position)} concurrent therapy on ${day} (after ${after}) it takes SJ only; remove SH`,
        fixes: dropFix(doc, line, 'SJ'),
        related: [toPrimary()],
      });
    } else if (r.role === 'primary') {
      keep({
        line,
        span: codeSpan(line),
        message: `${line.hcpcs} is the ${ordinal(position)} concurrent therapy on ${day} (after ${after}): add modifier SJ${noFreeSlotNote(line, 'SJ')}${repeatNote(plan, line)}`,
        fixes: addFix(doc, line, 'SJ'),
        related: [toPrimary()],
      });
    } else {
      keep({
        line,
        span: modifierSpan(line, 'SH'),
        message: second.role === 'SH'
          ? `${line.hcpcs} is the ${ordinal(position)} concurrent therapy on ${day} and ${second.line.hcpcs} already has SH: replace SH with SJ${repeatNote(plan, line)}`
          : `${line.hcpcs} is the ${ordinal(position)} concurrent therapy on ${day} (after ${after}): SH goes to ${second.line.hcpcs}, the second by dosing frequency; replace SH with SJ${repeatNote(plan, line)}`,
        fixes: replaceFix(doc, line, 'SH', 'SJ'),
        related: [relatedLine(second, `${billedAs(second.line)} is the second concurrent therapy on ${day}`)],
      });
    }
  }
}

/** A message names at most this many of the per diems ahead of a line: a day with hundreds of
 *  them (a generated or pasted file) would otherwise put a list of hundreds in each of hundreds
 *  of messages, quadratic in the day's lines, in time and in memory. */
const MAX_NAMED = 4;

/** The codes of the per diems in the slots before `i`, for a message. */
function codesBefore(slots: readonly RankedPerDiem[], i: number): string {
  const named = slots.slice(0, Math.min(i, MAX_NAMED)).map((b) => b.line.hcpcs).join(', ');
  return i > MAX_NAMED ? `${named} and ${i - MAX_NAMED} more` : named;
}

/** The per diem is the only one that takes a slot on each of its days. (A function, not a
 *  closure in check(): one there would make check() allocate a scope for every line.) */
function aloneEveryDay(index: SameDayIndex, line: ServiceLine, days: readonly number[]): boolean {
  for (const d of days) {
    const day = index.at(line.memberId, d);
    if (!takesPerDiemSlot({ line }, day) || countPerDiems(day, 2) !== 1) return false;
  }
  return true;
}

/** A line's dates run over more than one day. */
function spansDays(line: ServiceLine): boolean {
  return line.dosFrom !== undefined && line.dosTo !== undefined && line.dosTo > line.dosFrom;
}

/** The slots a line over several dates takes, each with the first day it takes it. */
class DaySlots {
  private readonly first = new Map<Role, number>();
  note(slot: Role, day: number): void {
    const was = this.first.get(slot);
    if (was === undefined || day < was) this.first.set(slot, day);
  }
  get size(): number {
    return this.first.size;
  }
  /** "SH on 2026-03-02, no modifier (the primary) on 2026-03-01", earliest first. */
  describe(): string {
    return [...this.first].sort((a, b) => a[1] - b[1])
      .map(([slot, day]) => `${slot === 'primary' ? 'no modifier (the primary)' : slot} on ${formatDay(day)}`).join(', ');
  }
}

/** The slots of the lines over several dates that are concurrent on some day (few: per diems
 *  are itemized a day to a line, as 000 asks). */
class SpanSlots {
  private readonly byLine = new Map<ServiceLine, DaySlots>();
  note(line: ServiceLine, slot: Role, day: number): void {
    let slots = this.byLine.get(line);
    if (!slots) this.byLine.set(line, (slots = new DaySlots()));
    slots.note(slot, day);
  }
  lines(): Iterable<[ServiceLine, DaySlots]> {
    return this.byLine;
  }
}

/** The finding of a line over several dates whose slot is not the same on all of them: no fix,
 *  date-span's "Itemize dates of service" comes first. */
function mixedSlotIssue(line: ServiceLine, slots: DaySlots): LineIssue {
  const days = daysOf(line);
  return {
    line,
    span: codeSpan(line),
    message: `${billedAs(line)} covers ${formatDay(days[0])} to ${formatDay(days[days.length - 1])} on one line, but its concurrent-therapy ` +
      `slot differs by day: ${slots.describe()}; itemize its dates of service, then give each date's line its modifier`,
  };
}

export const rule: Rule = {
  meta: {
    id: 'concurrent-therapy-modifier',
    scope: 'member-day', // findings depend on the member's lines of the same days
    defaultSeverity: 'error',
    description: 'Concurrent therapy per diems on one day need one primary, SH on the second and SJ on the third and later.',
    policy: {
      seed: '001_ccf6386e4c9aa503.txt',
      quote: 'Modifiers SH (second concurrently administered infusion therapy) and SJ (third or more concurrently administered infusion therapy) must be indicated with the HCPCS code, as appropriate.',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    const index = sameDayIndex(doc, ctx.options);
    // One finding per line: the first day (in file order of days) that shows its problem.
    const issues = new LineIssues();
    const slotsOfSpans = new SpanSlots();

    for (const group of index.groups()) {
      if (!hasConcurrentPerDiems(group.lines)) continue;
      const ranked = rankPerDiems(group.lines);
      // A day billed out of order is per-diem-order's to reorder: the slots here are the ones its
      // fix sets (the more frequent line as the primary), so following one rule never undoes the
      // other; the two lines its finding names (the primary and the more frequent one) are left to it.
      // With per-diem-order off, the day is judged against the primary as billed.
      const outOfOrder = outranked(ranked);
      const order = outOfOrder && orderReported(outOfOrder, ctx.options) ? outOfOrder : undefined;
      const plan = planSlots(ranked, order?.modified);
      if (!plan) continue;
      for (const r of ranked) if (r.uri === undefined && spansDays(r.line)) slotsOfSpans.note(r.line, slotIn(plan, r), group.day);
      if (billedAsPlanned(plan)) continue;
      keepDayIssues(doc, issues, group.day, plan, order);
    }

    // A line over several dates with a different slot on some of them: one line has one set of
    // modifiers, so no modifier fix can be right; its dates must be itemized first.
    for (const [line, slots] of slotsOfSpans.lines()) {
      for (const d of daysOf(line)) {
        const day = index.at(line.memberId, d);
        if (takesPerDiemSlot({ line }, day) && countPerDiems(day, 2) === 1) slots.note('primary', d);
      }
      if (slots.size > 1) issues.replace(mixedSlotIssue(line, slots));
    }

    // SH/SJ on a per diem that has no concurrent therapy on any of its days. A generic per diem
    // billed with its specific code is mutually-exclusive-per-diem's line: not judged here.
    for (const line of doc.lines) {
      const mod = roleOf(line);
      if (mod === 'primary' || !isTherapyPerDiem(line.hcpcs) || issues.has(line)) continue;
      const days = daysOf(line);
      if (days.length === 0) continue;
      if (!aloneEveryDay(index, line, days)) continue;
      const when = days.length === 1 ? `on ${formatDay(days[0])}` : `from ${formatDay(days[0])} to ${formatDay(days[days.length - 1])}`;
      issues.keep({
        line,
        span: modifierSpan(line, mod),
        message: `${line.hcpcs} is the only therapy per diem ${when}: it is the primary, remove modifier ${slotModifiersText(line, mod, 'and')}`,
        fixes: removeFix(doc, line, mod),
      });
    }

    issues.report(ctx);
  },
};
