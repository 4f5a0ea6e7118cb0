// unknown-code: a well-formed HCPCS Level II code that the shipped CMS code set does not list.
// CPT codes are not in the CMS file (AMA copyright), so only Level II codes are looked up.
import { isLevel2Code } from '../codes/classes';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'unknown-code',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'warning',
    description: 'A HCPCS Level II code is not in the shipped CMS code set.',
    policy: {
      seed: '003_2f3cc3c5f2518c84.txt',
      quote: 'We require industry standard, compliant codes defined by CPT, HCPCS, and revenue codes for all claim submissions.',
    },
  },
  check(doc, ctx) {
    // No code set loaded (a build without data): every code would look unknown, so say nothing.
    if (ctx.codes.allCodes().length === 0) return;
    for (const line of doc.lines) {
      if (!isLevel2Code(line.hcpcs) || ctx.codes.code(line.hcpcs)) continue;
      const field = line.fields.hcpcs;
      if (!field) continue;
      ctx.report({
        span: field.span,
        line,
        message: `${line.hcpcs} is not in the CMS HCPCS Level II code set (${ctx.codes.quarter}): check the code; a drug with no code of its own is billed with a NOC code (e.g. J3490) and its name in notes`,
      });
    }
  },
};
