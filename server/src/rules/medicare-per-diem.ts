// medicare-per-diem: Medicare does not pay the S-code per diems (002's table: "Medicare Will not
// pay"); Medicare pays home infusion professional services as the HIT G-codes (004).
import { isCatheterCarePerDiem, isTherapyPerDiem } from '../codes/classes';
import type { Rule } from './types';
import { codeSpan } from './util/field-span';

export const rule: Rule = {
  meta: {
    id: 'medicare-per-diem',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'warning',
    description: 'An S-code per diem billed to Medicare, which does not pay per diems.',
    policy: {
      seed: '002_6dff92f2ab798f68.txt',
      quote: 'Medicare Will not pay',
    },
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      if (!isTherapyPerDiem(line.hcpcs) && !isCatheterCarePerDiem(line.hcpcs)) continue;
      if (ctx.payerOf(line) !== 'medicare') continue;
      ctx.report({
        span: codeSpan(line),
        line,
        // 004, question 18: the G-codes pay only for Medicare's home infusion drugs (infused through
        // a DME pump); other infusions, antibiotics for one, have no Part B professional services,
        // and 002 bills 99601/99602 for the denial a secondary payer needs.
        message: `Medicare does not pay the ${line.hcpcs} per diem: for a drug of Medicare's home infusion benefit (infused ` +
          `through a DME pump) bill the professional services with the HIT G-codes (G0068–G0070, initial visit G0088–G0090); ` +
          `for another drug (e.g. an antibiotic) bill 99601/99602 for the Medicare denial, then the per diem to a secondary payer`,
      });
    }
  },
};
