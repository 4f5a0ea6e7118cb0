// drug-units (000): "enter the drug units implicit in the NDC number". With ndc_unit UN the NDC
// quantity counts items (vials), and the crosswalk gives the billable units per item, so the
// service units are ndc_qty × billable units: 3 vials of meropenem 1 g (00143-9431-10, 10 units
// of J2185 each) are 30 units.
import { hyphenateNdc11 } from '../codes/ndc';
import { fix, setFieldEdits } from '../fixes/edit';
import type { Rule } from './types';
import { decimalText, expectedUnits } from './util/crosswalk-units';

export const rule: Rule = {
  meta: {
    id: 'drug-units',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'warning',
    description: 'With ndc_unit UN, units differ from ndc_qty × the billable units per item of the NDC.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'For **drugs**, enter the drug units implicit in the NDC number (e.g. number of vials).',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      const { units, ndcQty } = line;
      if (units === undefined || ndcQty === undefined) continue;
      const known = expectedUnits(ctx.codes, line, line.hcpcs);
      if (!known) continue;
      const { expected, perItem, ndc11, dosage } = known;
      if (Math.abs(expected - units) < 1e-6) continue;
      const unitsField = line.fields.units;
      if (!unitsField) continue;
      const n = decimalText(expected);
      ctx.report({
        span: unitsField.span,
        line,
        message: `${line.hcpcs} units ${decimalText(units)} do not match NDC ${hyphenateNdc11(ndc11)}: ` +
          `${decimalText(ndcQty)} UN × ${decimalText(perItem)} billable units per item (${line.hcpcs} is per ${dosage}) = ${n} units; set units to ${n}`,
        fixes: () => [fix(`Set units to ${n}`, false, setFieldEdits(doc, line, 'units', n))],
      });
    }
  },
};
