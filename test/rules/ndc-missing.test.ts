import { rule } from '../../server/src/rules/ndc-missing';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units,ndc,ndc_unit,ndc_qty';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const MESSAGE = (code: string): string =>
  `${code} has no NDC: J-code drug lines without an NDC deny for missing NDC; enter the 11-digit NDC of the drug given`;

ruleTester(rule, {
  valid: [
    { name: 'J-code with its NDC', csv: csv('C1,M1,PA1,2026-03-02,J2185,30,00143-9431-10,UN,3') },
    { name: 'J-code with an NDC in display form (ndc-format reports that)', csv: csv('C1,M1,PA1,2026-03-02,J3373,100,0409-4332-01,UN,2') },
    { name: 'per diem needs no NDC', csv: csv('C1,M1,PA1,2026-03-02,S9502,1,,,') },
    { name: 'nursing visit needs no NDC', csv: csv('C1,M1,PA1,2026-03-02,99601,1,,,') },
    { name: 'formula B-code is a drug line but not a J-code', csv: csv('C1,M1,PA1,2026-03-02,B4164,1,,,') },
    { name: 'JSON: J-code with NDC', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "ndc": "00143-9431-10" } ] }' },
  ],
  invalid: [
    {
      name: 'J2185 with an empty NDC cell',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,1,,,', 'C1,M1,PA1,2026-03-02,J2185,30,,,'),
      errors: [{ message: MESSAGE('J2185'), text: 'J2185' }],
      output: null,
    },
    {
      name: 'NDC cell holding only spaces',
      csv: csv('C1,M1,PA1,2026-03-02,J3373,100,"  ",UN,2'),
      errors: [{ message: MESSAGE('J3373'), text: 'J3373' }],
      output: null,
    },
    {
      name: 'no NDC column at all; lower-case code',
      csv: 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-03-02,j1642,10\n',
      errors: [{ message: MESSAGE('J1642'), text: 'j1642' }],
      output: null,
    },
    {
      name: 'a NOC J-code needs its NDC too',
      csv: csv('C1,M1,PA1,2026-03-02,J3490,1,,,'),
      errors: [{ message: MESSAGE('J3490'), text: 'J3490' }],
      output: null,
    },
    {
      name: 'JSON: no ndc key',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] }',
      errors: [{ message: MESSAGE('J2185'), text: '"J2185"' }],
      output: null,
    },
  ],
});
