// per-diem-order: the primary (unmodified, full-price) per diem of a day must be the most
// frequent one: "Always bill the more frequent per diem first" (002).
import { addModifierEdits, fix, removeModifierEdits } from '../fixes/edit';
import type { Fix, Rule } from './types';
import { formatDay, sameDayIndex } from './util/same-day';
import { billedAs, describeInterval, hasConcurrentPerDiems, rankPerDiems } from './util/per-diem';
import { codeSpan, relatedLine } from './util/field-span';

export const rule: Rule = {
  meta: {
    id: 'per-diem-order',
    scope: 'member', // findings depend on the member's lines (same day, history)
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
    for (const group of sameDayIndex(doc, ctx.options.external).groups()) {
      if (!hasConcurrentPerDiems(group.lines)) continue;
      const ranked = rankPerDiems(group.lines);
      if (ranked.length < 2) continue;
      const primary = ranked.find((r) => r.role === 'primary');
      // The most frequent per diem that carries SH/SJ (ranked is most frequent first).
      const modified = ranked.find((r) => r.role !== 'primary');
      if (!primary || !modified || primary.uri !== undefined || reported.has(primary.line.index)) continue;
      if (primary.interval === undefined || modified.interval === undefined) continue;
      if (modified.interval >= primary.interval) continue;

      const p = primary.line;
      const m = modified.line;
      const mod = modified.role as 'SH' | 'SJ';
      const day = formatDay(group.day);
      reported.add(p.index);
      const external = modified.uri !== undefined;
      const fixes = (): Fix[] => {
        if (external) return [];
        const edits = [...removeModifierEdits(doc, m, mod), ...addModifierEdits(doc, p, mod)];
        return edits.length > 0 ? [fix(`Make ${m.hcpcs} the primary`, false, edits)] : [];
      };
      ctx.report({
        span: codeSpan(p),
        line: p,
        message:
          `${p.hcpcs} (${describeInterval(primary.interval)}) is billed as the primary per diem on ${day}, ` +
          `but ${billedAs(m)} (${describeInterval(modified.interval)}) is more frequent: ` +
          `bill ${m.hcpcs} first without ${mod} and put ${mod} on ${p.hcpcs}`,
        fixes,
        related: [relatedLine(modified, `${billedAs(m)} is the more frequent per diem on ${day}`)],
      });
    }
  },
};
