import { rule } from '../../server/src/rules/jw-multi-use-vial';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,modifiers,units,wasted_units,vial';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'JW from a single-use vial', csv: csv('C1,M1,PA1,2026-03-02,J2185,,25,,single', 'C1,M1,PA1,2026-03-02,J2185,JW,5,,single') },
    { name: 'wasted units from a single-use vial', csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,5,single') },
    { name: 'a multi-use vial with no wastage', csv: csv('C1,M1,PA1,2026-03-02,J1642,,10,,multi') },
    { name: 'a multi-use vial with wasted units 0', csv: csv('C1,M1,PA1,2026-03-02,J1642,,10,0,multi') },
    { name: 'JW with no vial given', csv: csv('C1,M1,PA1,2026-03-02,J2185,JW,5,,') },
  ],
  invalid: [
    {
      name: 'JW on a multi-use vial',
      csv: csv('C1,M1,PA1,2026-03-02,J1642,,8,,multi', 'C1,M1,PA1,2026-03-02,J1642,JW,2,,multi'),
      errors: [{ message: 'J1642 with JW bills drug wastage from a multi-use vial: do not bill wastage of multi-use vial drugs; remove the JW line', text: 'JW' }],
      output: null,
    },
    {
      name: 'wasted units on a multi-use vial',
      csv: csv('C1,M1,PA1,2026-03-02,J1642,,10,2,multi'),
      errors: [{ message: 'J1642 reports 2 wasted units from a multi-use vial: do not bill wastage of multi-use vial drugs; clear wasted_units', text: '2' }],
      output: null,
    },
    {
      name: 'JW and wasted units: one finding, on JW',
      csv: csv('C1,M1,PA1,2026-03-02,J1642,JW,10,2,MULTI'),
      errors: [{ message: /^J1642 with JW bills drug wastage from a multi-use vial/, text: 'JW' }],
      output: null,
    },
    {
      name: 'JSON: wasted units on a multi-use vial',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "J1642", "units": 10, "wasted_units": 2, "vial": "multi" }\n] }\n',
      errors: [{ message: /^J1642 reports 2 wasted units from a multi-use vial/, text: '2' }],
      output: null,
    },
  ],
});
