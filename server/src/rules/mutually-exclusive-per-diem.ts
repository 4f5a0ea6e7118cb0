// mutually-exclusive-per-diem: a generic per diem must not be billed on a day that also has
// one of its specific codes (001: "do not use this code with …"). Reported on the generic code.
import { perDiemExclusionOf, type PerDiemExclusion } from '../codes/classes';
import type { Related, Rule } from './types';
import { specificsOf } from './util/per-diem';
import { formatDay, sameDayIndex, type DayLine } from './util/same-day';
import { codeSpan, MAX_RELATED, relatedLine } from './util/field-span';

export const rule: Rule = {
  meta: {
    id: 'mutually-exclusive-per-diem',
    scope: 'member-day', // findings depend on the member's lines of the same days
    defaultSeverity: 'error',
    description: 'A generic per diem billed on the same day as one of its specific per diem codes.',
    policy: {
      seed: '001_ccf6386e4c9aa503.txt',
      quote: 'PER DIEM (DO NOT USE THIS CODE WITH HOME INFUSION CODES FOR HOURLY DOSING SCHEDULES S9497-S9504)',
    },
  },
  check(doc, ctx) {
    const index = sameDayIndex(doc, ctx.options);
    const reported = new Set<number>();
    for (const group of index.groups()) {
      // What the day's generic per diems of one exclusion are told, made once per day: a day can
      // hold hundreds of them.
      let told: Map<PerDiemExclusion, { codes: string; related: Related[] } | undefined> | undefined;
      for (const entry of group.lines) {
        const line = entry.line;
        if (entry.uri !== undefined || reported.has(line.index)) continue;
        const ex = perDiemExclusionOf(line.hcpcs);
        if (!ex) continue;
        told ??= new Map();
        if (!told.has(ex)) told.set(ex, specificsTold(group.lines, ex, formatDay(group.day)));
        const specific = told.get(ex);
        if (!specific) continue;
        reported.add(line.index);
        ctx.report({
          span: codeSpan(line),
          line,
          message: `${line.hcpcs} is billed on ${formatDay(group.day)} together with ${specific.codes}: ${line.hcpcs} must not be used with ` +
            `${ex.what}; bill only the specific code`,
          related: specific.related,
        });
      }
    }
  },
};

/** The day's specific per diems of the exclusion, as a generic one's finding names them;
 *  undefined when the day has none. */
function specificsTold(day: readonly DayLine[], ex: PerDiemExclusion, date: string): { codes: string; related: Related[] } | undefined {
  const specific = specificsOf(day, ex);
  if (specific.length === 0) return undefined;
  return {
    codes: [...new Set(specific.map((s) => s.line.hcpcs))].join(', '),
    related: specific.slice(0, MAX_RELATED).map((s) => relatedLine(s, `${s.line.hcpcs} is billed on ${date}`)),
  };
}
