import { rule } from '../../server/src/rules/hit-units';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,hcpcs,units,duration_min';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: '50 minutes is 4 units', csv: csv('C1,M1,medicare,PA1,2026-03-02,G0068,4,50') },
    { name: 'exactly 15 minutes is 1 unit', csv: csv('C1,M1,medicare,PA1,2026-03-02,G0069,1,15') },
    { name: '60 minutes is 4 units, not 5', csv: csv('C1,M1,medicare,PA1,2026-03-02,G0090,4,60') },
    { name: 'no duration: nothing to compare', csv: 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-03-02,G0068,3\n' },
    { name: 'empty duration cell', csv: csv('C1,M1,medicare,PA1,2026-03-02,G0068,3,') },
    { name: 'not a HIT code', csv: csv('C1,M1,commercial,PA1,2026-03-02,99601,1,50') },
    { name: 'JSON: 95 minutes is 7 units', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "G0088", "units": 7, "duration_min": 95 } ] }' },
  ],
  invalid: [
    {
      name: '50 minutes billed as 3 units',
      csv: csv('C1,M1,medicare,PA1,2026-03-02,G0068,3,50'),
      errors: [{ message: 'G0068 has 3 units but the 50-minute visit is 4 units of 15 minutes: set units to 4', text: '3' }],
      output: csv('C1,M1,medicare,PA1,2026-03-02,G0068,4,50'),
    },
    {
      name: '46 minutes is a started fourth increment',
      csv: csv('C1,M1,medicare,PA1,2026-03-02,G0070,3,46', 'C1,M1,medicare,PA1,2026-03-03,G0070,4,46'),
      errors: [{ message: 'G0070 has 3 units but the 46-minute visit is 4 units of 15 minutes: set units to 4', text: '3' }],
      output: csv('C1,M1,medicare,PA1,2026-03-02,G0070,4,46', 'C1,M1,medicare,PA1,2026-03-03,G0070,4,46'),
    },
    {
      name: 'one unit for a visit of an hour and a half',
      csv: csv('C1,M1,medicare,PA1,2026-03-02,G0069,"1",90'),
      errors: [{ message: 'G0069 has 1 unit but the 90-minute visit is 6 units of 15 minutes: set units to 6', text: '1' }],
      output: csv('C1,M1,medicare,PA1,2026-03-02,G0069,"6",90'),
    },
    {
      name: 'under 15 minutes is not a covered administration period (no fix)',
      csv: csv('C1,M1,medicare,PA1,2026-03-02,G0068,1,10'),
      errors: [{ message: "G0068 visit of 10 minutes is under 15 minutes, which is not a covered administration period: check the visit's duration, or do not bill it", text: '10' }],
      output: null,
    },
    {
      name: 'JSON: units set as a number',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "G0088", "units": 2, "duration_min": 95 }\n] }\n',
      errors: [{ message: 'G0088 has 2 units but the 95-minute visit is 7 units of 15 minutes: set units to 7', text: '2' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "G0088", "units": 7, "duration_min": 95 }\n] }\n',
    },
    {
      name: 'JSON: under 15 minutes',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "G0069", "units": 1, "duration_min": "12" } ] }',
      errors: [{ message: /^G0069 visit of 12 minutes is under 15 minutes/, text: '"12"' }],
      output: null,
    },
  ],
});
