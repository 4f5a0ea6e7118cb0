// 99602 is an add-on ("each additional hour") to the primary nursing visit 99601 of the same day.
import { NURSING_ADDON, NURSING_PRIMARY } from '../codes/classes';
import type { Rule } from './types';
import { codeSpan } from './util/field-span';
import { firstDayWhere, formatDay, sameDayIndex } from './util/same-day';

export const rule: Rule = {
  meta: {
    id: 'nursing-addon-without-primary',
    scope: 'member-day', // findings depend on the member's lines of the same days
    defaultSeverity: 'error',
    description: '99602 (each additional hour) on a day with no 99601 nursing visit for the member.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'each additional hour. (List separately in addition to code for primary procedure: CPT 99601.)',
    },
  },
  check(doc, ctx) {
    const index = sameDayIndex(doc, ctx.options);
    for (const line of doc.lines) {
      if (line.hcpcs !== NURSING_ADDON || line.memberId === '' || line.dosFrom === undefined) continue;
      // The first day of its span without a primary visit.
      const day = firstDayWhere(index, line, (sameDay) => !sameDay.some((e) => e.line.hcpcs === NURSING_PRIMARY));
      if (day === undefined) continue;
      ctx.report({
        span: codeSpan(line),
        line,
        message: `99602 (each additional hour) on ${formatDay(day)} has no 99601 visit that day: ` +
          'bill the first 2 hours of the visit as 99601, with 99602 as its add-on',
      });
    }
  },
};
