// JW marks discarded drug; on a service, supply or per diem line it means nothing the payer can pay.
import { isDrugLine } from '../codes/classes';
import type { Rule } from './types';
import { jwModifier } from './util/jw';

export const rule: Rule = {
  meta: {
    id: 'jw-non-drug',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'error',
    description: 'Modifier JW on a line that is not a drug line.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'appended with modifier JW to identify the unused or discarded drug/biological',
    },
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      const jw = jwModifier(line);
      if (!jw || line.hcpcs === '' || isDrugLine(line)) continue;
      ctx.report({
        span: jw.span,
        line,
        message: `JW (discarded drug) is on ${line.hcpcs}, which is not a drug line: JW is only for drug wasted ` +
          'from a single-use package (a J-code or a line with an NDC); remove the modifier',
      });
    }
  },
};
