// drug-units (000): "enter the drug units implicit in the NDC number". With ndc_unit UN the NDC
// quantity counts items (vials), and the crosswalk gives the billable units per item, so the
// service units are ndc_qty × billable units: 3 vials of meropenem 1 g (00143-9431-10, 10 units
// of J2185 each) are 30 units.
import { hyphenateNdc11 } from '../codes/ndc';
import { fix, setFieldEdits } from '../fixes/edit';
import type { ClaimDocument, Field, ServiceLine } from '../model';
import type { Rule, RuleContext } from './types';
import { decimalText, expectedUnits } from './util/crosswalk-units';

/** The finding of units that do not match the crosswalk. (A function: the fix closure, made in
 *  check()'s loop, would make the loop allocate a scope for every line.) */
function reportUnits(doc: ClaimDocument, ctx: RuleContext, line: ServiceLine, unitsField: Field, known: NonNullable<ReturnType<typeof expectedUnits>>): void {
  const { expected, perItem, ndc11, dosage } = known;
  // 0.67 of a 3-unit vial is 2 units (2.01 as multiplied): the whole number when the quantity
  // is its rounded quotient.
  const whole = Math.round(expected);
  const rounded = whole !== expected && whole > 0 && roundedQty(line, whole, perItem);
  const n = decimalText(rounded ? whole : expected);
  ctx.report({
    span: unitsField.span,
    line,
    message: `${line.hcpcs} units ${decimalText(line.units!)} do not match NDC ${hyphenateNdc11(ndc11)}: ` +
      `${decimalText(line.ndcQty!)} UN × ${decimalText(perItem)} billable units per item (${line.hcpcs} is per ${dosage}) ${rounded ? '≈' : '='} ${n} units; set units to ${n}`,
    fixes: () => [fix(`Set units to ${n}`, false, setFieldEdits(doc, line, 'units', n))],
  });
}

/**
 * Whether ndc_qty is units ÷ billable units per item rounded to the decimals it is written with:
 * part of a vial has no exact decimal (2 of a 3-unit vial's units are 0.666… of it), and the
 * NDC quantity is written with a few decimals (the JW split writes 0.67 and 0.33). A whole
 * number of items is exact: `1` vial is never 4 units of a 3-unit vial.
 */
function roundedQty(line: ServiceLine, units: number, perItem: number): boolean {
  const decimals = /\.(\d+)/.exec(line.fields.ndc_qty?.text ?? '')?.[1].length ?? 0;
  // Within the rounding of the quantity as written. A share written in hundredths is a computed
  // one: 334 units of a 500-unit vial are 0.668 of it, which the JW split writes 0.67 (rules.md:
  // two decimals), 335 units; asking for 335 moved a unit from wasted to given. A quantity of
  // tenths or whole items is as meant: 1.5 vials of 100 units are 150, and 146 is 4 units off.
  return decimals > 0 && Math.abs(units / perItem - line.ndcQty!) <= 0.5 * 10 ** -decimals + 1e-9
    && (decimals >= 2 || Math.abs(units - line.ndcQty! * perItem) < 0.5);
}

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
      // Units of 0 or less are invalid-value's finding, on the same cell.
      if (units === undefined || ndcQty === undefined || units <= 0) continue;
      const known = expectedUnits(ctx.codes, line, line.hcpcs);
      if (!known) continue;
      if (Math.abs(known.expected - units) < 1e-6 || roundedQty(line, units, known.perItem)) continue;
      const unitsField = line.fields.units;
      if (unitsField) reportUnits(doc, ctx, line, unitsField, known);
    }
  },
};
