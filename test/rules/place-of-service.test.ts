import { rule } from '../../server/src/rules/place-of-service';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,pos,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'per diem at home (12)', csv: csv('C1,M1,PA1,2026-03-02,12,S9502,1') },
    { name: 'no place of service given', csv: csv('C1,M1,PA1,2026-03-02,,S9502,1') },
    { name: 'no pos column', csv: 'claim_id,member_id,auth_number,dos_from,hcpcs,units\nC1,M1,PA1,2026-03-02,99601,1\n' },
    { name: 'a drug may be given elsewhere', csv: csv('C1,M1,PA1,2026-03-02,11,J2185,30') },
    { name: 'a supply code is not a home-infusion service code', csv: csv('C1,M1,PA1,2026-03-02,11,A4221,1') },
    { name: '012 is home', csv: csv('C1,M1,PA1,2026-03-02,012,G0068,4') },
  ],
  invalid: [
    {
      name: 'per diem billed at the office',
      csv: csv('C1,M1,PA1,2026-03-02,11,S9502,1'),
      errors: [{ message: 'S9502 is a home infusion service but its place of service is 11: bill it with place of service 12 (home), or check that the code fits where the service was given', text: '11' }],
      output: null,
    },
    {
      name: 'nursing visits in an outpatient hospital',
      csv: csv('C1,M1,PA1,2026-03-02,22,99601,1', 'C1,M1,PA1,2026-03-02,22,99602,1'),
      errors: [{ message: /^99601 is a home infusion service but its place of service is 22/, text: '22' }, { message: /^99602 is a home infusion service/, text: '22' }],
      output: null,
    },
    {
      name: 'HIT G-code at an assisted living facility',
      csv: csv('C1,M1,PA1,2026-03-02,13,G0069,4'),
      errors: [{ message: /^G0069 is a home infusion service but its place of service is 13/, text: '13' }],
      output: null,
    },
    {
      name: 'JSON: pos as a number',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "pos": 11, "hcpcs": "S9500", "units": 1 }\n] }\n',
      errors: [{ message: /^S9500 is a home infusion service but its place of service is 11/, text: '11' }],
      output: null,
    },
  ],
});
