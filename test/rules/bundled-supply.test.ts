import { parseDocument } from '../../server/src/parse';
import { rule } from '../../server/src/rules/bundled-supply';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const SPAN_HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units';
const spanCsv = (...rows: string[]): string => [SPAN_HEAD, ...rows].join('\n') + '\n';
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));

ruleTester(rule, {
  valid: [
    { name: 'PICC insertion kit S5520 is separately billable', csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,S5520,1') },
    { name: 'midline kit S5521 is separately billable', csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,S5521,1') },
    { name: 'IV solution on a hydration per diem day', csv: csv('C1,M1,PA1,2026-03-02,S9374,1', 'C1,M1,PA1,2026-03-02,J7050,2') },
    { name: 'supply on a day with no per diem', csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-03,A4221,1') },
    { name: 'supply of another member', csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C2,M2,PA2,2026-03-02,E0781,1') },
    { name: 'catheter-care per diem is not a therapy per diem', csv: csv('C1,M1,PA1,2026-03-02,S5498,1', 'C1,M1,PA1,2026-03-02,A4221,1') },
    { name: 'drugs and nursing are billed beside the per diem', csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,J2185,30', 'C1,M1,PA1,2026-03-02,99601,1') },
  ],
  invalid: [
    {
      name: 'a pump on a per diem day',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,E0781,1', 'C1,M1,PA1,2026-03-02,J2185,30'),
      errors: [{ message: 'E0781 on 2026-03-02 is included in the S9502 per diem: supplies and equipment are not separately reimbursable on a per diem day; remove the line', text: 'E0781' }],
      fix: 'Remove bundled line',
      output: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,J2185,30'),
    },
    {
      name: 'heparin lock flush J1642',
      csv: csv('C1,M1,PA1,2026-03-02,J1642,5', 'C1,M1,PA1,2026-03-02,S9500,1', 'C1,M1,PA1,2026-03-02,J0696,4'),
      errors: [{ message: /^J1642 on 2026-03-02 is included in the S9500 per diem/, text: 'J1642' }],
      output: csv('C1,M1,PA1,2026-03-02,S9500,1', 'C1,M1,PA1,2026-03-02,J0696,4'),
    },
    {
      name: 'IV solution on a non-hydration per diem day',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,J7050,2', 'C1,M1,PA1,2026-03-02,J2185,30'),
      errors: [{ message: /^J7050 on 2026-03-02 is included in the S9502 per diem/, text: 'J7050' }],
      output: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,J2185,30'),
    },
    {
      name: 'supply on a hydration day is still bundled (only IV solutions are not)',
      csv: csv('C1,M1,PA1,2026-03-02,S9374,1', 'C1,M1,PA1,2026-03-02,A4305,1'),
      errors: [{ message: /^A4305 on 2026-03-02 is included in the S9374 per diem/, text: 'A4305' }],
      output: csv('C1,M1,PA1,2026-03-02,S9374,1'),
    },
    {
      name: 'a supply spanning dates with no per diem: those stay billable, so no removal',
      csv: spanCsv('C1,M1,PA1,2026-03-01,2026-03-03,A4222,3', 'C1,M1,PA1,2026-03-02,,S9502,1', 'C1,M1,PA1,2026-03-02,,J2185,30'),
      errors: [{ message: 'A4222 on 2026-03-02 is included in the S9502 per diem: supplies and equipment are not separately reimbursable on a per diem day; bill the line only for its dates with no per diem', text: 'A4222' }],
      output: null,
    },
    {
      name: 'a supply spanning only per diem dates is removed',
      csv: spanCsv('C1,M1,PA1,2026-03-01,2026-03-02,A4222,2', 'C1,M1,PA1,2026-03-01,2026-03-02,S9502,2', 'C1,M1,PA1,2026-03-01,2026-03-02,J2185,60'),
      errors: [{ message: /^A4222 on 2026-03-01 is included in the S9502 per diem: .*; remove the line$/, text: 'A4222' }],
      output: spanCsv('C1,M1,PA1,2026-03-01,2026-03-02,S9502,2', 'C1,M1,PA1,2026-03-01,2026-03-02,J2185,60'),
    },
    {
      name: 'an IV solution spanning a hydration day is billable that day: no removal',
      csv: spanCsv('C1,M1,PA1,2026-03-01,2026-03-02,J7050,4', 'C1,M1,PA1,2026-03-01,,S9502,1', 'C1,M1,PA1,2026-03-02,,S9374,1'),
      errors: [{ message: /^J7050 on 2026-03-01 is included in the S9502 per diem: .*; bill the line only for its dates with no per diem$/, text: 'J7050' }],
      output: null,
    },
    {
      name: 'the per diem is on another claim of the member',
      csv: csv('C1,M1,PA1,2026-03-02,A9270,1', 'C2,M1,PA2,2026-03-02,S9502,1'),
      errors: [{ message: /^A9270 on 2026-03-02 is included in the S9502 per diem/, text: 'A9270' }],
      output: csv('C2,M1,PA2,2026-03-02,S9502,1'),
    },
    {
      name: 'the per diem is in another workspace file',
      csv: csv('C1,M1,PA1,2026-03-02,A4221,1'),
      options: { external: external('file:///w/other.claims.csv', csv('C9,M1,PA9,2026-03-02,S9502,1')) },
      errors: [{ message: /^A4221 on 2026-03-02 is included in the S9502 per diem/, text: 'A4221' }],
      output: csv(),
    },
    {
      name: 'CRLF: the row goes with its line end',
      csv: `${HEAD}\r\nC1,M1,PA1,2026-03-02,S9502,1\r\nC1,M1,PA1,2026-03-02,A4221,1\r\nC1,M1,PA1,2026-03-02,J2185,30\r\n`,
      errors: [{ message: /^A4221 on 2026-03-02/, text: 'A4221' }],
      output: `${HEAD}\r\nC1,M1,PA1,2026-03-02,S9502,1\r\nC1,M1,PA1,2026-03-02,J2185,30\r\n`,
    },
    {
      name: 'JSON: the line object goes with one comma',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 },\n  { "dos_from": "2026-03-02", "hcpcs": "E0781", "units": 1 }\n] }\n',
      errors: [{ message: /^E0781 on 2026-03-02 is included in the S9502 per diem/, text: '"E0781"' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }\n] }\n',
    },
    {
      name: 'JSON: the only line of its claim: the claim object goes too (a claim needs a line)',
      json: '{ "claims": [\n  { "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] },\n  { "claim_id": "C2", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 2 } ] }\n] }\n',
      errors: [{ message: /^A4216 on 2026-03-02 is included in the S9502 per diem/, text: '"A4216"' }],
      output: '{ "claims": [\n  { "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] }\n] }\n',
    },
    {
      // Its end is where the parser gave up, not the object's: removing that much would leave the
      // rest of the object (or take part of the next line's text) behind.
      name: 'JSON: a line object not closed yet (still being typed): no removal',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 },\n  { "dos_from": "2026-03-02", "hcpcs": "E0781", "units": 1\n] }\n',
      errors: [{ message: /^E0781 on 2026-03-02 is included in the S9502 per diem/, text: '"E0781"' }],
      output: null,
    },
  ],
});
