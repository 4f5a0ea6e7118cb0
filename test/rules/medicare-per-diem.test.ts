import { rule } from '../../server/src/rules/medicare-per-diem';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const MESSAGE = (code: string): string =>
  `Medicare does not pay the ${code} per diem: for a drug of Medicare's home infusion benefit (infused through a DME pump) ` +
  'bill the professional services with the HIT G-codes (G0068–G0070, initial visit G0088–G0090); for another drug ' +
  '(e.g. an antibiotic) bill 99601/99602 for the Medicare denial, then the per diem to a secondary payer';

ruleTester(rule, {
  valid: [
    { name: 'commercial per diem', csv: csv('C1,M1,commercial,PA1,2026-03-02,S9502,1') },
    { name: 'no payer: the default is commercial', csv: csv('C1,M1,,PA1,2026-03-02,S9502,1') },
    { name: 'Medicare Advantage plans are not traditional Medicare', csv: csv('C1,M1,medicare_advantage,PA1,2026-03-02,S9502,1') },
    { name: 'Medicare HIT G-code', csv: csv('C1,M1,medicare,PA1,2026-03-02,G0068,4') },
    { name: 'Medicare drug line', csv: csv('C1,M1,medicare,PA1,2026-03-02,J2185,30') },
    { name: 'an S-code that is not a per diem (PICC kit)', csv: csv('C1,M1,medicare,PA1,2026-03-02,S5520,1') },
  ],
  invalid: [
    {
      name: 'antibiotic per diem billed to Medicare',
      csv: csv('C1,M1,medicare,PA1,2026-03-02,S9502,1', 'C1,M1,medicare,PA1,2026-03-02,J2185,30'),
      errors: [{ message: MESSAGE('S9502'), text: 'S9502' }],
      output: null,
    },
    {
      name: 'payer written in capitals',
      csv: csv('C1,M1,Medicare,PA1,2026-03-02,S9365,1'),
      errors: [{ message: MESSAGE('S9365'), text: 'S9365' }],
      output: null,
    },
    {
      name: 'catheter-care per diem, Medicare as the default payer',
      csv: csv('C1,M1,,PA1,2026-03-02,S5498,1'),
      options: { payer: 'medicare' },
      errors: [{ message: MESSAGE('S5498'), text: 'S5498' }],
      output: null,
    },
    {
      name: 'JSON: payer on the claim',
      json: '{ "claim_id": "C1", "member_id": "M1", "payer": "medicare", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "S9501", "units": 1 }\n] }\n',
      errors: [{ message: MESSAGE('S9501'), text: '"S9501"' }],
      output: null,
    },
  ],
});
