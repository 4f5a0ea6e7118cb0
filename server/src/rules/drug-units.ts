// drug-units (000): "enter the drug units implicit in the NDC number". With ndc_unit UN the NDC
// quantity counts items (vials), and the crosswalk gives the billable units per item, so the
// service units are ndc_qty × billable units: 3 vials of meropenem 1 g (00143-9431-10, 10 units
// of J2185 each) are 30 units.
import { hyphenateNdc11, toNdc11 } from '../codes/ndc';
import { fix, setFieldEdits } from '../fixes/edit';
import type { CodeSet, CrosswalkEntry } from '../codes/types';
import type { ServiceLine } from '../model';
import type { Rule } from './types';

/** What the crosswalk says about one NDC billed under one code. */
interface PerItem {
  /** The code's crosswalk rows for the NDC. */
  readonly rows: readonly CrosswalkEntry[];
  /** The distinct billable units per item among them. */
  readonly units: readonly number[];
}

/** Per code set: NDC → code → PerItem. Half the lines of a file are drugs with a handful of
 *  distinct NDCs: look each pair up once, not once per line. */
const perItemCache = new WeakMap<CodeSet, Map<string, Map<string, PerItem>>>();

function perItemOf(codes: CodeSet, ndc11: string, hcpcs: string): PerItem {
  let byNdc = perItemCache.get(codes);
  if (!byNdc) perItemCache.set(codes, (byNdc = new Map()));
  let byCode = byNdc.get(ndc11);
  if (!byCode) byNdc.set(ndc11, (byCode = new Map()));
  let known = byCode.get(hcpcs);
  if (!known) {
    // Only the crosswalk rows of the billed code: under another code it is ndc-code-mismatch.
    const rows = codes.ndc(ndc11).filter((e) => e.hcpcs === hcpcs);
    byCode.set(hcpcs, (known = { rows, units: [...new Set(rows.map((e) => e.billUnits))] }));
  }
  return known;
}

export function decimalText(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** What the line's units should be when billed under `hcpcs`: ndc_qty × the crosswalk's one
 *  billable-units-per-item value (ndc_unit UN); undefined when the crosswalk does not settle it.
 *  Also ndc-code-mismatch's, whose code change must bring the units along. */
export function expectedUnits(codes: CodeSet, line: ServiceLine, hcpcs: string): { expected: number; perItem: number; ndc11: string; dosage: string } | undefined {
  const { ndcQty } = line;
  if (line.ndcUnit !== 'UN' || ndcQty === undefined || ndcQty <= 0) return undefined;
  const ndc11 = toNdc11(line.ndc);
  if (!ndc11) return undefined;
  const { rows, units: perItem } = perItemOf(codes, ndc11, hcpcs);
  if (perItem.length !== 1 || !(perItem[0] > 0)) return undefined;
  return { expected: Number((ndcQty * perItem[0]).toFixed(4)), perItem: perItem[0], ndc11, dosage: rows[0].dosage };
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
