// mutually-exclusive-per-diem: a generic per diem must not be billed on a day that also has
// one of its specific codes (001: "do not use this code with …"). Reported on the generic code.
import type { Related, Rule } from './types';
import { formatDay, sameDayIndex } from './util/same-day';
import { codeSpan, relatedLine } from './util/per-diem';

interface Exclusion {
  readonly generic: string;
  /** Inclusive S-code number range of the specific codes. */
  readonly from: number;
  readonly to: number;
  /** What the specific codes are, for the message. */
  readonly what: string;
}

const EXCLUSIONS: readonly Exclusion[] = [
  { generic: 'S9329', from: 9330, to: 9331, what: 'the continuous/intermittent chemotherapy codes S9330–S9331' },
  { generic: 'S9364', from: 9365, to: 9368, what: 'the TPN daily-volume codes S9365–S9368' },
  { generic: 'S9373', from: 9374, to: 9377, what: 'the hydration daily-volume codes S9374–S9377' },
  { generic: 'S9494', from: 9497, to: 9504, what: 'the hourly antibiotic codes S9497–S9504' },
];

function isSpecificOf(ex: Exclusion, code: string): boolean {
  const m = /^S(\d{4})$/.exec(code);
  return !!m && Number(m[1]) >= ex.from && Number(m[1]) <= ex.to;
}

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
        const ex = EXCLUSIONS.find((e) => e.generic === line.hcpcs);
        if (!ex) continue;
        const specific = group.lines.filter((o) => isSpecificOf(ex, o.line.hcpcs));
        if (specific.length === 0) continue;
        reported.add(line.index);
        const day = formatDay(group.day);
        const codes = [...new Set(specific.map((s) => s.line.hcpcs))];
        const related: Related[] = specific.map((s) => relatedLine(s, `${s.line.hcpcs} is billed on ${day}`));
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
