// The NDC unit-of-measure qualifiers (ndc_unit, 837P CTP05-1), as 000's UOM table names them,
// with 000's guidance on when each is used.
import type { PolicyNote } from './policy-notes';
import { asciiUpper } from '../parse/ascii';

export interface NdcUnit {
  readonly code: string;
  /** 000's descriptor, verbatim. */
  readonly descriptor: string;
  readonly notes: readonly PolicyNote[];
}

export const NDC_UNITS: readonly NdcUnit[] = [
  {
    code: 'F2',
    descriptor: 'International Unit',
    notes: [{ note: 'Mainly for factor VIII (antihemophilic factor).', policy: '000', quote: 'International Units will mainly be used when billing for Factor VIII-Antihemophilic Factors.' }],
  },
  {
    code: 'GR',
    descriptor: 'Gram',
    notes: [{ note: 'Milligrams are reported as grams: 50 mg is GR 0.05.', policy: '000', quote: '50mg GR' }],
  },
  {
    code: 'ML',
    descriptor: 'Milliliter',
    notes: [{ note: 'A liquid drug in a vial is billed in milliliters.', policy: '000', quote: 'If a drug is supplied in a *vial* in *liquid form*, bill in millimeters. (**ML**)' }],
  },
  {
    code: 'UN',
    descriptor: 'Unit (each)',
    notes: [{ note: 'Each item (vial, package); with UN, units = vials × billable units per vial.', policy: '000', quote: 'For **drugs**, enter the drug units implicit in the NDC number (e.g. number of vials).' }],
  },
];

export function ndcUnit(code: string): NdcUnit | undefined {
  const c = asciiUpper(code.trim());
  return NDC_UNITS.find((u) => u.code === c);
}
