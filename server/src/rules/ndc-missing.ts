// ndc-missing (000): a J-code drug line must carry the drug's NDC, or the payer denies it.
import { isJCode } from '../codes/classes';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'ndc-missing',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'error',
    description: 'A J-code line has no NDC.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'HCPCS “J” codes for drugs submitted without an NDC number will *deny* for missing NDC.',
    },
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      if (!isJCode(line.hcpcs) || line.ndc !== '') continue;
      const code = line.fields.hcpcs;
      if (!code) continue;
      // The J-code is what needs the NDC: point at it, the NDC cell may not even exist.
      ctx.report({
        span: code.span,
        line,
        message: `${line.hcpcs} has no NDC: J-code drug lines without an NDC deny for missing NDC; enter the 11-digit NDC of the drug given`,
      });
    }
  },
};
