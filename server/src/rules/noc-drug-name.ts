// A not-otherwise-classified drug code says nothing about the drug: the claim must name it.
import { isNocDrug } from '../codes/classes';
import type { Rule } from './types';
import { codeSpan } from './util/field-span';

export const rule: Rule = {
  meta: {
    id: 'noc-drug-name',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'error',
    description: 'A NOC drug code (J3490, J3590, J7799, J7999, J9999) without the drug name in notes.',
    policy: {
      seed: '004_a1c54660d9639f72.txt',
      quote: 'the home infusion therapy supplier must identify the name of the drug in the comment section ' +
        '(data element 2400/SV101-7 of the 837P or Item 19 of the CMS-1500)',
    },
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      if (!isNocDrug(line.hcpcs) || line.notes.trim() !== '') continue;
      // The code is what demands the name, and an empty notes cell has no text to point at.
      ctx.report({
        span: codeSpan(line),
        line,
        message: `${line.hcpcs} is a not-otherwise-classified drug code: write the drug's name in notes ` +
          '(box 19 / SV101-7), or the claim will deny',
      });
    }
  },
};
