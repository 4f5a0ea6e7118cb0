// place-of-service: home infusion services (S-codes, HIT G-codes, 99601/99602) are rendered in
// the home, place of service 12. A line without `pos` is left alone.
import { isHomeInfusionCode } from '../codes/classes';
import type { Rule } from './types';

const HOME = 12;
/** A regex literal is a new object each time it is evaluated: kept here, not made per line. */
const DIGITS = /^\d+$/;

export const rule: Rule = {
  meta: {
    id: 'place-of-service',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'info',
    description: 'A home infusion code billed with a place of service other than 12 (home).',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'reimburses participating home infusion agencies for the provision of medically necessary home infusion therapy (drug therapy), rendered in the home to an individual who is confined to the home.',
    },
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      const pos = line.pos.trim();
      if (pos === '' || !isHomeInfusionCode(line.hcpcs)) continue;
      // "12" and "012" are both home.
      if (DIGITS.test(pos) && Number(pos) === HOME) continue;
      const field = line.fields.pos;
      if (!field) continue;
      ctx.report({
        span: field.span,
        line,
        message: `${line.hcpcs} is a home infusion service but its place of service is ${pos}: ` +
          `bill it with place of service 12 (home), or check that the code fits where the service was given`,
      });
    }
  },
};
