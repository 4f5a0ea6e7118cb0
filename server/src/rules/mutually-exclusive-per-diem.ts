// mutually-exclusive-per-diem: a generic per diem must not be billed on a day that also has
// one of its specific codes (001: "do not use this code with …"). Reported on the generic code.
import { isSpecificPerDiemOf, perDiemExclusionOf } from '../codes/classes';
import type { Related, Rule } from './types';
import { formatDay, sameDayIndex } from './util/same-day';
import { codeSpan, MAX_RELATED, relatedLine } from './util/field-span';

export const rule: Rule = {
  meta: {
    id: 'mutually-exclusive-per-diem',
    scope: 'member', // findings depend on the member's lines (same day, history)
    defaultSeverity: 'error',
    description: 'A generic per diem billed on the same day as one of its specific per diem codes.',
    policy: {
      seed: '001_ccf6386e4c9aa503.txt',
      quote: 'PER DIEM (DO NOT USE THIS CODE WITH HOME INFUSION CODES FOR HOURLY DOSING SCHEDULES S9497-S9504)',
    },
  },
  check(doc, ctx) {
    const index = sameDayIndex(doc, ctx.options.external);
    const reported = new Set<number>();
    for (const group of index.groups()) {
      for (const entry of group.lines) {
        const line = entry.line;
        if (entry.uri !== undefined || reported.has(line.index)) continue;
        const ex = perDiemExclusionOf(line.hcpcs);
        if (!ex) continue;
        const specific = group.lines.filter((o) => isSpecificPerDiemOf(ex, o.line.hcpcs));
        if (specific.length === 0) continue;
        reported.add(line.index);
        const day = formatDay(group.day);
        const codes = [...new Set(specific.map((s) => s.line.hcpcs))];
        const related: Related[] = specific.slice(0, MAX_RELATED).map((s) => relatedLine(s, `${s.line.hcpcs} is billed on ${day}`));
        ctx.report({
          span: codeSpan(line),
          line,
          message: `${line.hcpcs} is billed on ${day} together with ${codes.join(', ')}: ${line.hcpcs} must not be used with ` +
            `${ex.what}; bill only the specific code`,
          related,
        });
      }
    }
  },
};
