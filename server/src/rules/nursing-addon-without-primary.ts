// 99602 is an add-on ("each additional hour") to the primary nursing visit 99601 of the same day.
import { NURSING_ADDON, NURSING_PRIMARY } from '../codes/classes';
import type { Rule } from './types';
import { formatDay, sameDayIndex } from './util/same-day';

/** Longest date span walked day by day (longer spans are the date-span rule's problem). */
const MAX_SPAN_DAYS = 366;

export const rule: Rule = {
  meta: {
    id: 'nursing-addon-without-primary',
    scope: 'member', // findings depend on the member's lines (same day, history)
    defaultSeverity: 'error',
    description: '99602 (each additional hour) on a day with no 99601 nursing visit for the member.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'each additional hour. (List separately in addition to code for primary procedure: CPT 99601.)',
    },
  },
  check(doc, ctx) {
    const index = sameDayIndex(doc, ctx.options.external);
    for (const line of doc.lines) {
      if (line.hcpcs !== NURSING_ADDON || line.memberId === '' || line.dosFrom === undefined) continue;
      const last = Math.min(line.dosTo ?? line.dosFrom, line.dosFrom + MAX_SPAN_DAYS);
      for (let day = line.dosFrom; day <= last; day++) {
        if (index.at(line.memberId, day).some((e) => e.line.hcpcs === NURSING_PRIMARY)) continue;
        ctx.report({
          span: line.fields.hcpcs?.span ?? line.span,
          line,
          message: `99602 (each additional hour) on ${formatDay(day)} has no 99601 visit that day: ` +
            'bill the first 2 hours of the visit as 99601, with 99602 as its add-on',
        });
        break;
      }
    }
  },
};
