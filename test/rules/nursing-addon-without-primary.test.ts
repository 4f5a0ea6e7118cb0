import { parseDocument } from '../../server/src/parse';
import { rule } from '../../server/src/rules/nursing-addon-without-primary';
import { ruleTester } from '../helpers/rule-tester';

const csv = (...rows: string[]): string => ['claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units', ...rows].join('\n') + '\n';
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));

ruleTester(rule, {
  valid: [
    { name: '99601 and 99602 on the same claim and day', csv: csv('C1,M1,PA1,2026-03-02,,99601,1', 'C1,M1,PA1,2026-03-02,,99602,1') },
    { name: '99601 on another claim of the member, same day', csv: csv('C1,M1,PA1,2026-03-02,,99602,1', 'C2,M1,PA2,2026-03-02,,99601,1') },
    { name: '99601 alone', csv: csv('C1,M1,PA1,2026-03-02,,99601,1') },
    { name: '99601 date span covers the 99602 day', csv: csv('C1,M1,PA1,2026-03-01,2026-03-03,99601,3', 'C1,M1,PA1,2026-03-02,,99602,1') },
    {
      name: '99601 in another workspace file',
      csv: csv('C1,M1,PA1,2026-03-02,,99602,1'),
      options: { external: external('file:///w/other.claims.csv', csv('C9,M1,PA9,2026-03-02,,99601,1')) },
    },
    {
      name: 'JSON: visit and add-on',
      json: JSON.stringify({ claim_id: 'C1', member_id: 'M1', lines: [
        { dos_from: '2026-03-02', hcpcs: '99601', units: 1 }, { dos_from: '2026-03-02', hcpcs: '99602', units: 1 }] }, null, 2),
    },
  ],
  invalid: [
    {
      name: '99602 alone',
      csv: csv('C1,M1,PA1,2026-03-02,,99602,1'),
      errors: [{ message: '99602 (each additional hour) on 2026-03-02 has no 99601 visit that day: bill the first 2 hours of the visit as 99601, with 99602 as its add-on', text: '99602' }],
      output: null,
    },
    {
      name: 'the 99601 belongs to another member',
      csv: csv('C1,M1,PA1,2026-03-02,,99601,1', 'C2,M2,PA2,2026-03-02,,99602,1'),
      errors: [{ message: /^99602 \(each additional hour\) on 2026-03-02 has no 99601 visit that day/, text: '99602' }],
      output: null,
    },
    {
      name: 'the 99601 is the day before',
      csv: csv('C1,M1,PA1,2026-03-02,,99601,1', 'C1,M1,PA1,2026-03-03,,99602,1'),
      errors: [{ message: /on 2026-03-03 has no 99601 visit that day/, text: '99602' }],
      output: null,
    },
    {
      name: 'a 99602 span with one day uncovered names that day',
      csv: csv('C1,M1,PA1,2026-03-02,,99601,1', 'C1,M1,PA1,2026-03-02,2026-03-03,99602,2'),
      errors: [{ message: /on 2026-03-03 has no 99601 visit that day/, text: '99602' }],
      output: null,
    },
    {
      name: 'JSON: 99602 alone points at the code value',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "99602", "units": 1 }\n] }\n',
      errors: [{ message: /^99602 \(each additional hour\) on 2026-03-02/, text: '"99602"' }],
      output: null,
    },
  ],
});
