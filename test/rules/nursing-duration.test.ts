import { parseDocument } from '../../server/src/parse';
import { rule } from '../../server/src/rules/nursing-duration';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units,charge,duration_min';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));

ruleTester(rule, {
  valid: [
    { name: 'a visit of exactly 2 hours needs no 99602', csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,120') },
    { name: '180 minutes with 1 unit of 99602', csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,180', 'C1,M1,PA1,2026-03-02,99602,1,60.00,') },
    { name: '181 minutes with 2 units of 99602', csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,181', 'C1,M1,PA1,2026-03-02,99602,2,120.00,') },
    { name: 'no duration given', csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,') },
    { name: 'the 99602 is on another claim of the member', csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,200', 'C2,M1,PA2,2026-03-02,99602,2,120.00,') },
    { name: 'two visits in one day: 99602 units add up', csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,150', 'C1,M1,PA1,2026-03-02,99601,1,150.00,200', 'C1,M1,PA1,2026-03-02,99602,3,180.00,') },
    {
      name: 'the 99602 is in another workspace file',
      csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,180'),
      options: { external: external('file:///w/addon.claims.csv', csv('C9,M1,PA9,2026-03-02,99602,1,60.00,')) },
    },
    {
      name: 'JSON: visit and add-on',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "99601", "units": 1, "duration_min": 240 },\n  { "dos_from": "2026-03-02", "hcpcs": "99602", "units": 2 }\n] }\n',
    },
  ],
  invalid: [
    {
      name: 'a visit line over several dates: itemize first (a 99602 copy would be one line over the dates with one date\'s units)',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,duration_min\nC1,M1,PA1,2026-04-10,2026-04-12,99601,3,150\n',
      errors: [{ message: '99601 visit of 150 minutes on 2026-04-10 runs 30 minutes past the first 2 hours, but the visit line covers 2026-04-10 to 2026-04-12: itemize its dates of service (date-span), each date with its visit\'s length, then add a 99602 line for each visit over 2 hours', text: '150' }],
      output: null,
    },
    {
      name: 'two long visits on one day: each finding\'s fix adds one 99602 line with the day\'s hours (either settles the day)',
      csv: csv('C1,M1,PA1,2026-04-10,99601,1,180.00,130', 'C1,M1,PA1,2026-04-10,99601,1,180.00,300'),
      errors: [
        { message: '99601 visit of 130 minutes on 2026-04-10 runs 10 minutes past the first 2 hours: it needs 99602 with 1 unit, and the day\'s visits 4 units in all: add a 99602 line with 4 units (each additional hour)', text: '130' },
        { message: '99601 visit of 300 minutes on 2026-04-10 runs 180 minutes past the first 2 hours: it needs 99602 with 3 units, and the day\'s visits 4 units in all: add a 99602 line with 4 units (each additional hour)', text: '300' },
      ],
      fix: 'Add 99602 line with 4 units',
      output: csv('C1,M1,PA1,2026-04-10,99601,1,180.00,130', 'C1,M1,PA1,2026-04-10,99602,4,,', 'C1,M1,PA1,2026-04-10,99601,1,180.00,300'),
    },
    {
      name: 'a 99602 over two dates reaching the visit\'s day from the day before: itemize it, not a second 99602 (no Add fix: the hour would be billed twice)',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,duration_min\nC2,M2,PA2,2026-03-03,,99601,1,150\nC2,M2,PA2,2026-03-02,2026-03-03,99602,1,\n',
      errors: [{ message: '99601 visit of 150 minutes on 2026-03-03 runs 30 minutes past the first 2 hours, and needs 99602 with 1 unit that day; the 99602 line from 2026-03-02 to 2026-03-03 counts on its first date only: itemize its dates of service (date-span), so that this day has a 99602 line of its own', text: '150' }],
      output: null,
    },
    {
      name: '180 minutes and no 99602',
      csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,180'),
      errors: [{ message: '99601 visit of 180 minutes on 2026-03-02 runs 60 minutes past the first 2 hours: add a 99602 line with 1 unit (each additional hour)', text: '180' }],
      output: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,180', 'C1,M1,PA1,2026-03-02,99602,1,,'),
    },
    {
      name: '250 minutes needs 3 units; CRLF and a row after it',
      csv: `${HEAD}\r\nC1,M1,PA1,2026-03-02,99601,1,150.00,250\r\nC1,M1,PA1,2026-03-02,J2185,30,96.00,\r\n`,
      errors: [{ message: '99601 visit of 250 minutes on 2026-03-02 runs 130 minutes past the first 2 hours: add a 99602 line with 3 units (each additional hour)', text: '250' }],
      fix: 'Add 99602 line',
      output: `${HEAD}\r\nC1,M1,PA1,2026-03-02,99601,1,150.00,250\r\nC1,M1,PA1,2026-03-02,99602,3,,\r\nC1,M1,PA1,2026-03-02,J2185,30,96.00,\r\n`,
    },
    {
      name: 'quoted cells keep their quotes in the copy',
      csv: csv('"C1","M1","PA1","2026-03-02","99601","1","150.00","121"'),
      errors: [{ message: /^99601 visit of 121 minutes on 2026-03-02 runs 1 minute past the first 2 hours: add a 99602 line with 1 unit/, text: '121' }],
      output: csv('"C1","M1","PA1","2026-03-02","99601","1","150.00","121"', '"C1","M1","PA1","2026-03-02","99602","1","",""'),
    },
    {
      name: '99602 with too few units: set its units',
      csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,250', 'C1,M1,PA1,2026-03-02,99602,1,60.00,'),
      errors: [{ message: '99602 on 2026-03-02 has 1 unit but the 99601 visit of 250 minutes runs 130 minutes past the first 2 hours: set units to 3', text: '1' }],
      output: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,250', 'C1,M1,PA1,2026-03-02,99602,3,60.00,'),
    },
    {
      name: 'two visits in one day, add-on units short of their sum',
      csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,150', 'C1,M1,PA1,2026-03-02,99601,1,150.00,200', 'C1,M1,PA1,2026-03-02,99602,1,60.00,'),
      errors: [{ message: '99602 on 2026-03-02 has 1 unit but the 99601 visits of 150 + 200 minutes need 3 units: set units to 3', text: '1' }],
      output: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,150', 'C1,M1,PA1,2026-03-02,99601,1,150.00,200', 'C1,M1,PA1,2026-03-02,99602,3,60.00,'),
    },
    {
      name: 'several 99602 lines adding up wrong: no single line to fix',
      csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,250', 'C1,M1,PA1,2026-03-02,99602,1,60.00,', 'C2,M1,PA2,2026-03-02,99602,1,60.00,'),
      errors: [{ message: '99602 lines on 2026-03-02 add up to 2 units but the 99601 visit of 250 minutes runs 130 minutes past the first 2 hours: 99602 units should total 3', text: '1' }],
      output: null,
    },
    {
      name: '99602 after a visit of 2 hours or less',
      csv: csv('C1,M1,PA1,2026-03-02,99601,1,150.00,90', 'C1,M1,PA1,2026-03-02,99602,1,60.00,'),
      errors: [{ message: "99602 on 2026-03-02 has 1 unit but the 99601 visit of 90 minutes lasted 2 hours or less: no additional hour is due; remove the 99602 line or correct the visit's duration", text: '99602' }],
      output: null,
    },
    {
      name: 'JSON: multi-line line objects, the copy follows the visit',
      json: '{\n  "claim_id": "C1",\n  "member_id": "M1",\n  "lines": [\n    {\n      "dos_from": "2026-03-02",\n      "hcpcs": "99601",\n      "units": 1,\n      "charge": 150.0,\n      "duration_min": 200\n    }\n  ]\n}\n',
      errors: [{ message: /^99601 visit of 200 minutes on 2026-03-02 runs 80 minutes past the first 2 hours: add a 99602 line with 2 units/, text: '200' }],
      output: '{\n  "claim_id": "C1",\n  "member_id": "M1",\n  "lines": [\n    {\n      "dos_from": "2026-03-02",\n      "hcpcs": "99601",\n      "units": 1,\n      "charge": 150.0,\n      "duration_min": 200\n    },\n    {\n      "dos_from": "2026-03-02",\n      "hcpcs": "99602",\n      "units": 2\n    }\n  ]\n}\n',
    },
    {
      name: 'JSON: 99602 units set on the add-on',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "99601", "units": 1, "duration_min": 300 },\n  { "dos_from": "2026-03-02", "hcpcs": "99602", "units": "2" }\n] }\n',
      errors: [{ message: /^99602 on 2026-03-02 has 2 units but the 99601 visit of 300 minutes runs 180 minutes past the first 2 hours: set units to 3$/, text: '"2"' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "99601", "units": 1, "duration_min": 300 },\n  { "dos_from": "2026-03-02", "hcpcs": "99602", "units": "3" }\n] }\n',
    },
  ],
});
