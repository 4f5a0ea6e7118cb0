// auth-missing (000): the prior authorization number goes in box 23; a claim without one on any
// of its lines is reported once, on its first line's claim id.
import type { ServiceLine } from '../model';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'auth-missing',
    scope: 'claim', // findings depend on the lines of its claim
    defaultSeverity: 'warning',
    description: 'A claim has no auth_number (box 23).',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'Enter the authorization number in Form Locator 23 on CMS 1500, or its electronic equivalent.',
    },
  },
  check(doc, ctx) {
    // A row that ends before the auth_number column (parse-error's finding: a short row, often
    // one being typed) does not say the claim has none.
    const authColumn = doc.csv?.columns.auth_number !== undefined;
    const unknown = (l: ServiceLine): boolean => authColumn && l.fields.auth_number === undefined;
    for (const claim of doc.claims) {
      const first = claim.lines[0];
      if (!first || claim.lines.some((l) => l.authNumber.trim() !== '' || unknown(l))) continue;
      const name = claim.id === '' ? 'This claim' : `Claim ${claim.id}`;
      ctx.report({
        span: first.fields.claim_id?.span ?? first.span,
        line: first,
        message: `${name} has no prior authorization number (auth_number, box 23): enter the authorization number for these services`,
      });
    }
  },
};
