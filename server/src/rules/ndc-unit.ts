// ndc-unit (000): an NDC needs its unit qualifier (F2, GR, ML, UN) and the decimal quantity given.
// Milligrams are not a qualifier: 000 bills a 50 mg dose as GR, so MG converts to grams (safe:
// the same amount, written as the payer reads it).
import type { ServiceLine } from '../model';
import { fix, reformatFieldsEdits } from '../fixes/edit';
import { fieldText } from './util/field-span';
import { thousandthOf } from './util/decimal';
import type { Fix, Rule, RuleContext } from './types';

const QUALIFIERS: Readonly<Record<string, string>> = { F2: 'international units', GR: 'grams', ML: 'milliliters', UN: 'units (each)' };
const QUALIFIER_LIST = 'F2 (international units), GR (grams), ML (milliliters) or UN (units)';

/** The quantity as written, trimmed: the conversion works on these digits, not on a float. */
function quantityText(line: ServiceLine): string {
  return fieldText(line, 'ndc_qty').trim();
}

/** MG → GR with the quantity worked out on the written digits (exact: a safe fix must not change the amount). */
function convertToGramsFix(ctx: RuleContext, line: ServiceLine, mg: string, grams: string): Fix {
  return fix(`Convert to GR: ${mg} MG → ${grams} GR`, true,
    reformatFieldsEdits(ctx.doc, line, { ndc_unit: 'GR', ndc_qty: grams }));
}

export const rule: Rule = {
  meta: {
    id: 'ndc-unit',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'error',
    description: 'An NDC lacks its unit qualifier or quantity, or they cannot be read.',
    policy: {
      seed: '000_63ccfced63bd6aad.txt',
      quote: 'The actual metric decimal quantity administered, and the units of measurement are required for billing.',
    },
    fixable: 'safe',
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      if (line.ndc === '') continue;
      const ndc = line.ndc;
      const unitText = fieldText(line, 'ndc_unit');
      const qtyText = fieldText(line, 'ndc_qty');
      const qtyOk = line.ndcQty !== undefined && line.ndcQty > 0;
      // The usual line (a known qualifier, a positive quantity) has nothing to report: no Fields.
      if (unitText !== '' && qtyText !== '' && qtyOk && line.ndcUnit !== 'MG' && line.ndcUnit in QUALIFIERS) continue;
      const ndcField = line.fields.ndc;
      if (!ndcField) continue;
      // An empty or absent cell has no useful range of its own: point at the NDC that needs it.
      const unitSpan = unitText !== '' ? line.fields.ndc_unit!.span : ndcField.span;
      const qtySpan = qtyText !== '' ? line.fields.ndc_qty!.span : ndcField.span;

      if (unitText === '' && qtyText === '') {
        ctx.report({ span: ndcField.span, line,
          message: `NDC ${ndc} has no unit qualifier (ndc_unit) and no quantity (ndc_qty): enter ${QUALIFIER_LIST} and the quantity administered` });
        continue;
      }
      if (unitText === '') {
        ctx.report({ span: unitSpan, line,
          message: `NDC ${ndc} has no unit qualifier (ndc_unit): enter ${QUALIFIER_LIST}` });
      } else if (line.ndcUnit === 'MG') {
        const mg = quantityText(line);
        const grams = qtyOk ? thousandthOf(mg) : undefined;
        ctx.report({ span: unitSpan, line,
          message: `ndc_unit MG is not an NDC unit qualifier: report milligrams as GR (grams)${grams ? `, ${mg} MG is ${grams} GR` : ''}`,
          fixes: grams ? () => [convertToGramsFix(ctx, line, mg, grams)] : [] });
      } else if (!(line.ndcUnit in QUALIFIERS)) {
        ctx.report({ span: unitSpan, line,
          message: `ndc_unit ${unitText} is not an NDC unit qualifier: use ${QUALIFIER_LIST}` });
      }
      if (qtyText === '') {
        ctx.report({ span: qtySpan, line,
          message: `NDC ${ndc} has no quantity (ndc_qty): enter the decimal quantity administered (e.g. 1.5 for three 0.5 ml vials)` });
      } else if (!qtyOk) {
        ctx.report({ span: qtySpan, line,
          message: `ndc_qty ${qtyText} is not a positive decimal: enter the quantity administered as a plain decimal (e.g. 1.5)` });
      }
    }
  },
};
