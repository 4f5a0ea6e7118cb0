import { rule } from '../../server/src/rules/code-inactive';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,ndc,ndc_unit,ndc_qty';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'J3370 on its last day', csv: csv('C1,M1,PA1,2025-06-30,,J3370,4,,,') },
    { name: 'J3373 on its first day', csv: csv('C1,M1,PA1,2025-07-01,,J3373,100,00409-4332-01,UN,2') },
    { name: 'a code with no termination date', csv: csv('C1,M1,PA1,2026-03-02,,J2185,30,00143-9431-10,UN,3') },
    { name: 'a span inside the code\'s life', csv: csv('C1,M1,PA1,06/01/2025,06/30/2025,J3370,4,,,') },
    { name: 'a code the set does not know is unknown-code\'s', csv: csv('C1,M1,PA1,2026-03-02,,J9998,1,,,') },
    { name: 'unreadable date: nothing to compare', csv: csv('C1,M1,PA1,2026-02-30,,J3370,4,,,') },
    { name: 'JSON: J3373 after its add date', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J3373", "units": 100 } ] }' },
  ],
  invalid: [
    {
      name: 'J3370 after its termination, the NDC names the new code',
      csv: csv('C1,M1,PA1,2026-03-02,,J3370,4,0409-4332-01,UN,2'),
      errors: [{ message: 'J3370 was terminated on 2025-06-30, before the date of service 2026-03-02: bill J3373, the code of NDC 0409-4332-01 on that date', text: 'J3370' }],
      output: null,
    },
    {
      name: 'J3370 after its termination, no NDC',
      csv: csv('C1,M1,PA1,2025-07-01,,J3370,4,,,'),
      errors: [{ message: 'J3370 was terminated on 2025-06-30, before the date of service 2025-07-01: bill the code valid on that date', text: 'J3370' }],
      output: null,
    },
    {
      name: 'J3373 before it was added',
      csv: csv('C1,M1,PA1,06/30/2025,,J3373,100,00409-4332-01,UN,2'),
      errors: [{ message: 'J3373 was added on 2025-07-01, after the date of service 2025-06-30: bill the code valid on that date', text: 'J3373' }],
      output: null,
    },
    {
      name: 'a span running past the termination',
      csv: csv('C1,M1,PA1,2025-06-29,2025-07-02,J3370,4,,,'),
      errors: [{ message: 'J3370 was terminated on 2025-06-30, before the date of service 2025-07-02: bill the code valid on that date', text: 'J3370' }],
      output: null,
    },
    {
      name: 'JSON: terminated code',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J3370", "units": 4, "ndc": "00409-4332-01" } ] }',
      errors: [{ message: /^J3370 was terminated on 2025-06-30, before the date of service 2026-03-02: bill J3373/, text: '"J3370"' }],
      output: null,
    },
  ],
});
