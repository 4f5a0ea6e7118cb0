import { rule } from '../../server/src/rules/drug-units';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units,ndc,ndc_unit,ndc_qty';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const json = (units: string): string =>
  `{\n  "claim_id": "C1",\n  "member_id": "M1",\n  "lines": [\n    { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": ${units}, "ndc": "00143-9431-10", "ndc_unit": "UN", "ndc_qty": 3 }\n  ]\n}\n`;

ruleTester(rule, {
  valid: [
    { name: '3 vials of meropenem 1 g are 30 units', csv: csv('C1,M1,PA1,2026-03-02,J2185,30,00143-9431-10,UN,3') },
    { name: 'meropenem 500 mg vials: 5 units each', csv: csv('C1,M1,PA1,2026-03-02,J2185,10,00143-9430-10,UN,2') },
    { name: 'NDC in display form, decimal units', csv: csv('C1,M1,PA1,2026-03-02,J3373,75,0409-4332-01,UN,1.5') },
    { name: 'ML quantities are not counted in items', csv: csv('C1,M1,PA1,2026-03-02,J2185,30,00143-9431-10,ML,60') },
    { name: 'NDC the crosswalk does not know', csv: csv('C1,M1,PA1,2026-03-02,J2185,30,63323-0508-20,UN,2') },
    { name: 'NDC under another code is ndc-code-mismatch\'s', csv: csv('C1,M1,PA1,2026-03-02,J3370,4,00409-4332-01,UN,2') },
    { name: 'no quantity: nothing to multiply', csv: csv('C1,M1,PA1,2026-03-02,J2185,30,00143-9431-10,UN,') },
    { name: 'JSON: 30 units', json: json('30') },
    { name: 'units 0 or less are invalid-value\'s', csv: csv('C1,M1,PA1,2026-03-02,J2185,0,00143-9431-10,UN,3', 'C1,M1,PA1,2026-03-03,J2185,-30,00143-9431-10,UN,3') },
    { name: '2 units of a 3-unit vial: NDC quantity 0.67, rounded to the decimals written', csv: csv('C1,M1,PA1,2026-03-02,J2543,2,60505-6157-04,UN,0.67') },
    { name: '1 unit of a 3-unit vial: NDC quantity 0.3, one decimal', csv: csv('C1,M1,PA1,2026-03-02,J2543,1,60505-6157-04,UN,0.3') },
  ],
  invalid: [
    {
      name: 'vials entered as units',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,3,00143-9431-10,UN,3'),
      errors: [{ message: 'J2185 units 3 do not match NDC 00143-9431-10: 3 UN × 10 billable units per item (J2185 is per 100 MG) = 30 units; set units to 30', text: '3' }],
      output: csv('C1,M1,PA1,2026-03-02,J2185,30,00143-9431-10,UN,3'),
    },
    {
      name: 'half a vial of vancomycin, quoted units',
      csv: csv('C1,M1,PA1,2026-03-02,J3373,"100","00409-4332-01",UN,0.5'),
      errors: [{ message: 'J3373 units 100 do not match NDC 00409-4332-01: 0.5 UN × 50 billable units per item (J3373 is per 10 MG) = 25 units; set units to 25', text: '100' }],
      output: csv('C1,M1,PA1,2026-03-02,J3373,"25","00409-4332-01",UN,0.5'),
    },
    {
      name: 'bare 11-digit NDC, lower-case qualifier',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,20,00143943110,un,3'),
      errors: [{ message: /^J2185 units 20 do not match NDC 00143-9431-10: 3 UN × 10 billable units per item/, text: '20' }],
      output: csv('C1,M1,PA1,2026-03-02,J2185,30,00143943110,un,3'),
    },
    {
      name: 'a whole number of vials is exact: 1 vial of a 3-unit vial is not 4 units',
      csv: csv('C1,M1,PA1,2026-03-02,J2543,4,60505-6157-04,UN,1'),
      errors: [{ message: /= 3 units; set units to 3$/, text: '4' }],
      output: csv('C1,M1,PA1,2026-03-02,J2543,3,60505-6157-04,UN,1'),
    },
    {
      name: '0.67 of a 3-unit vial is 2 units, not 3',
      csv: csv('C1,M1,PA1,2026-03-02,J2543,3,60505-6157-04,UN,0.67'),
      errors: [{ message: /0\.67 UN × 3 billable units per item .* ≈ 2 units; set units to 2$/, text: '3' }],
      output: csv('C1,M1,PA1,2026-03-02,J2543,2,60505-6157-04,UN,0.67'),
    },
    {
      // 1.5 with one decimal could be 1.45–1.55 vials of 100 units, but the units are read whole:
      // never more than half a unit off the product.
      name: 'a quantity with one decimal is no licence for units far off: 146 of 1.5 × 100',
      csv: csv('C1,M1,PA1,2026-03-02,A9575,146,00407-2943-01,UN,1.5'),
      errors: [{ message: /= 150 units; set units to 150$/, text: '146' }],
      output: csv('C1,M1,PA1,2026-03-02,A9575,150,00407-2943-01,UN,1.5'),
    },
    {
      // The JW split's output (rules.md: ndc_qty in two decimals): 334 of a 500-unit vial is 0.668.
      name: 'a quantity in hundredths is a share: 334 units of 0.67 × 500 pass, 330 do not',
      csv: csv('C1,M1,PA1,2026-03-02,J0878,334,00143-9378-01,UN,0.67', 'C1,M1,PA1,2026-03-02,J0878,330,00143-9378-01,UN,0.67'),
      errors: [{ message: /= 335 units; set units to 335$/, text: '330' }],
      output: csv('C1,M1,PA1,2026-03-02,J0878,334,00143-9378-01,UN,0.67', 'C1,M1,PA1,2026-03-02,J0878,335,00143-9378-01,UN,0.67'),
    },
    {
      name: 'JSON: units set as a number',
      json: json('3'),
      errors: [{ message: /= 30 units; set units to 30$/, text: '3' }],
      output: json('30'),
    },
  ],
});
