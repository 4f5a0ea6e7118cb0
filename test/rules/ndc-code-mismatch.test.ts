import { rule } from '../../server/src/rules/ndc-code-mismatch';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units,ndc,ndc_unit,ndc_qty';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const json = (code: string, ndc: string): string =>
  `{\n  "claim_id": "C1",\n  "member_id": "M1",\n  "lines": [\n    { "dos_from": "2026-03-02", "hcpcs": "${code}", "units": 100, "ndc": "${ndc}", "ndc_unit": "UN", "ndc_qty": 2 }\n  ]\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'meropenem NDC under J2185', csv: csv('C1,M1,PA1,2026-03-02,J2185,30,00143-9431-10,UN,3') },
    { name: 'NDC in 4-4-2 display form under its code', csv: csv('C1,M1,PA1,2026-03-02,J3373,100,0409-4332-01,UN,2') },
    { name: 'NDC as 11 bare digits under its code', csv: csv('C1,M1,PA1,2026-03-02,J3373,100,00409433201,UN,2') },
    { name: 'an NDC under either of its two crosswalk codes', csv: csv('C1,M1,PA1,2026-03-02,J0882,4,55513-0002-04,UN,1') },
    { name: 'an NDC the crosswalk does not know is unknown, not wrong', csv: csv('C1,M1,PA1,2026-03-02,J2185,30,63323-0508-20,UN,3') },
    { name: 'a 10-digit NDC is ndc-format\'s, not compared', csv: csv('C1,M1,PA1,2026-03-02,J9999,1,0143943110,UN,3') },
    { name: 'no NDC', csv: csv('C1,M1,PA1,2026-03-02,J3370,4,,,') },
    { name: 'JSON: NDC under its code', json: json('J3373', '00409-4332-01') },
    { name: 'a no-break space after the code or the NDC is trimmed, as a space is (not "not J2185: use J2185")', csv: csv('C1,M1,PA1,2026-03-02,J2185\u00a0,30,00143-9431-10\u00a0,UN,3') },
    { name: 'JSON: a no-break space after the code', json: json('J2185\u00a0', '00143-9431-10') },
    { name: 'vancomycin under J3370 on its last day, before the crosswalk\'s J3373 began', csv: csv('C1,M1,PA1,2025-06-30,J3370,4,0409-4332-01,UN,2') },
  ],
  invalid: [
    {
      name: 'vancomycin NDC under the terminated J3370',
      csv: csv('C1,M1,PA1,2026-03-02,J3370,4,0409-4332-01,UN,2'),
      // The units follow the code, counted from ndc_qty (2 vials of 500 mg are 100 units of J3373,
      // 10 mg); the message says so, since the 4 units billed (2,000 mg under J3370) disagree.
      errors: [{ message: 'NDC 00409-4332-01 (Vancomycin HCl, Pfizer Inc) is billed under J3373 in the CMS crosswalk, not J3370: use J3373 with 100 units (ndc_qty 2 × 50 units of J3373 per item; the line bills 4 units of J3370), or check the NDC and units', text: 'J3370' }],
      fix: 'Use J3373 with 100 units',
      output: csv('C1,M1,PA1,2026-03-02,J3373,100,0409-4332-01,UN,2'),
    },
    {
      name: 'one unit billed is "1 unit", not "1 units"',
      csv: csv('C1,M1,PA1,2026-03-02,J3370,1,0409-4332-01,UN,1'),
      errors: [{ message: 'NDC 00409-4332-01 (Vancomycin HCl, Pfizer Inc) is billed under J3373 in the CMS crosswalk, not J3370: use J3373 with 50 units (ndc_qty 1 × 50 units of J3373 per item; the line bills 1 unit of J3370), or check the NDC and units', text: 'J3370' }],
      fix: 'Use J3373 with 50 units',
      output: csv('C1,M1,PA1,2026-03-02,J3373,50,0409-4332-01,UN,1'),
    },
    {
      name: 'vancomycin under J3370 on the day J3373 began',
      csv: csv('C1,M1,PA1,2025-07-01,J3370,4,0409-4332-01,UN,2'),
      errors: [{ message: /is billed under J3373 in the CMS crosswalk, not J3370: use J3373/, text: 'J3370' }],
      output: csv('C1,M1,PA1,2025-07-01,J3373,100,0409-4332-01,UN,2'),
    },
    {
      name: 'meropenem NDC under a NOC code, quoted cells',
      csv: csv('"C1","M1","PA1","2026-03-02","J3490","30","00143-9431-10","UN","3"'),
      errors: [{ message: 'NDC 00143-9431-10 (Meropenem, Hikma Pharmaceuticals USA Inc.) is billed under J2185 in the CMS crosswalk, not J3490: use J2185 or check the NDC', text: 'J3490' }],
      output: csv('"C1","M1","PA1","2026-03-02","J2185","30","00143-9431-10","UN","3"'),
    },
    {
      name: 'an NDC with two crosswalk codes: no fix',
      csv: csv('C1,M1,PA1,2026-03-02,J0885,4,55513-0002-04,UN,1'),
      errors: [{ message: 'NDC 55513-0002-04 (Aranesp, Amgen Inc) is billed under J0881 or J0882 in the CMS crosswalk, not J0885: use the code that matches the dose given, or check the NDC', text: 'J0885' }],
      output: null,
    },
    {
      name: 'JSON: Use J3373',
      json: json('J3370', '00409-4332-01'),
      errors: [{ message: /^NDC 00409-4332-01 \(Vancomycin HCl, Pfizer Inc\) is billed under J3373 in the CMS crosswalk, not J3370/, text: '"J3370"' }],
      output: json('J3373', '00409-4332-01'),
    },
  ],
});
