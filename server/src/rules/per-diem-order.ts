// per-diem-order: the primary (unmodified, full-price) per diem of a day must be the most
// frequent one: "Always bill the more frequent per diem first" (002). The fix makes it the
// primary and gives every other per diem of the day its slot by frequency (SH, then SJ), so the
// day is billed right in one step, not left to concurrent-therapy-modifier's next findings.
import { changeLineEdits, fix } from '../fixes/edit';
import type { Fix, Rule } from './types';
import { formatDay, sameDayIndex } from './util/same-day';
import { billedAs, describeInterval, hasConcurrentPerDiems, outranked, planSlots, rankPerDiems, slotChange, slotIn, slotModifiersText } from './util/per-diem';
import { codeSpan, relatedLine } from './util/field-span';

export const rule: Rule = {
  meta: {
    id: 'per-diem-order',
    scope: 'member-day', // findings depend on the member's lines of the same days
    defaultSeverity: 'warning',
    description: 'The primary per diem of a day is less frequent than a concurrent one billed with SH/SJ.',
    policy: {
      seed: '002_6dff92f2ab798f68.txt',
      quote: 'Always bill the more frequent per diem first as the reimbursement will be higher for this code.',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    const reported = new Set<number>();
    for (const group of sameDayIndex(doc, ctx.options).groups()) {
      if (!hasConcurrentPerDiems(group.lines)) continue;
      const ranked = rankPerDiems(group.lines);
      if (ranked.length < 2) continue;
      const order = outranked(ranked);
      if (!order || order.primary.uri !== undefined || reported.has(order.primary.line.index)) continue;
      const { primary, modified } = order;

      const p = primary.line;
      const m = modified.line;
      const mod = modified.role as 'SH' | 'SJ';
      const day = formatDay(group.day);
      reported.add(p.index);
      // The day's slots with the more frequent line as the primary, and the lines they change.
      const plan = planSlots(ranked, modified)!;
      const moves = ranked.filter((r) => slotIn(plan, r) !== r.role);
      const swap = moves.length === 2 && slotIn(plan, primary) === mod;
      const external = modified.uri !== undefined;
      // A line over several dates carries its modifiers on all of them: a slot change made for
      // this day would be wrong on its other days. Its dates are itemized first (date-span).
      const spanning = moves.find((r) => r.uri === undefined && r.line.dosFrom !== undefined && r.line.dosTo !== undefined && r.line.dosTo > r.line.dosFrom);
      const fixes = (): Fix[] => {
        if (external || spanning) return [];
        // Lines of other workspace files are not this document's to edit: their file reports them.
        const edits = moves.filter((r) => r.uri === undefined).flatMap((r) => changeLineEdits(doc, r.line, slotChange(r.line, slotIn(plan, r))));
        return edits.length > 0 ? [fix(`Make ${m.hcpcs} the primary`, false, edits)] : [];
      };
      const then = swap
        ? ` and put ${mod} on ${p.hcpcs}`
        : `, then by frequency ${[plan.second, ...plan.rest].map((r) => `${r.line.hcpcs}-${slotIn(plan, r)}`).join(', ')}`;
      ctx.report({
        span: codeSpan(p),
        line: p,
        message:
          `${p.hcpcs} (${describeInterval(primary.interval)}) is billed as the primary per diem on ${day}, ` +
          `but ${billedAs(m)} (${describeInterval(modified.interval)}) is more frequent: bill ${m.hcpcs} first without ${slotModifiersText(m, mod, 'or')}${then}` +
          (spanning ? `; itemize ${spanning.line.hcpcs}'s dates of service first, as one line it takes one set of modifiers for all of them` : ''),
        fixes,
        related: [relatedLine(modified, `${billedAs(m)} is the more frequent per diem on ${day}`)],
      });
    }
  },
};
