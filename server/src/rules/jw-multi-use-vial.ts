// Wastage is billable from single-use packages only (000 "Drug Wastage").
import type { Rule } from './types';
import { jwModifier, reportsWastage } from './util/jw';

export const rule: Rule = {
  meta: {
    id: 'jw-multi-use-vial',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'error',
    description: 'JW or wasted_units on a line whose vial is multi-use.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'Do not bill for drug wastage associated with multi use vial drugs.',
    },
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      if (line.vial !== 'multi') continue;
      const jw = jwModifier(line);
      if (!jw && !reportsWastage(line)) continue;
      const code = line.hcpcs || 'this line';
      const what = jw ? `${code} with JW bills drug wastage` : `${code} reports ${line.wastedUnits} wasted units`;
      ctx.report({
        span: jw?.span ?? line.fields.wasted_units?.span ?? line.span,
        line,
        message: `${what} from a multi-use vial: do not bill wastage of multi-use vial drugs` +
          (jw ? '; remove the JW line' : '; clear wasted_units'),
      });
    }
  },
};
