import { rule } from '../../server/src/rules/per-diem-units';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,frequency';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const json = (line: string): string =>
  `{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [\n  ${line}\n] }\n`;

ruleTester(rule, {
  valid: [
    { name: 'one day, one unit', csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,') },
    { name: "001's table: every 8 hours for 7 days is 7", csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9502,7,q8h') },
    { name: 'every 24 hours for 7 days is 7', csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9338,7,q24h') },
    { name: "001's table: every 10 days for 30 days is 3", csv: csv('C1,M1,PA1,2026-03-01,2026-03-30,S9338,3,q240h') },
    { name: 'weekly over a week is 1', csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,1,weekly') },
    { name: 'every other day (48 hours): any whole number up to the days', csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,2,every other day') },
    { name: 'a frequency not read as hours: any whole number up to the days', csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,2,as needed') },
    { name: 'twice daily (BID) for 7 days is 7', csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9338,7,BID') },
    { name: 'once a week in words, over a week, is 1', csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,1,once a week') },
    { name: 'drug units are not per diem units', csv: csv('C1,M1,PA1,2026-03-02,,J2185,30,q8h') },
    { name: 'catheter-care per diem is not checked', csv: csv('C1,M1,PA1,2026-03-02,,S5498,2,') },
    { name: 'JSON: numbers as strings', json: json('{ "dos_from": "2026-03-02", "dos_to": "2026-03-03", "hcpcs": "S9500", "units": "2" }') },
    { name: 'a span of two years billed for its 730 days', csv: csv('C1,M1,PA1,2026-01-01,2027-12-31,S9500,730,') },
  ],
  invalid: [
    {
      name: 'doses counted as units',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,3,'),
      errors: [{ message: 'S9502 (every 8 hours) is billed for 3 units on 2026-03-02 (1 day): per diem units are days of therapy, set units to 1', text: '3' }],
      output: csv('C1,M1,PA1,2026-03-02,,S9502,1,'),
    },
    {
      name: 'a span of more than a year: its days counted as written',
      csv: csv('C1,M1,PA1,2026-01-01,2027-12-31,S9500,700,'),
      errors: [{ message: 'S9500 (every 24 hours) is billed for 700 units from 2026-01-01 to 2027-12-31 (730 days): per diem units are days of therapy, set units to 730', text: '700' }],
      output: csv('C1,M1,PA1,2026-01-01,2027-12-31,S9500,730,'),
    },
    {
      name: 'fewer units than days with hourly dosing',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9338,5,q12h'),
      errors: [{ message: 'S9338 (every 12 hours) is billed for 5 units from 2026-03-01 to 2026-03-07 (7 days): per diem units are days of therapy, set units to 7', text: '5' }],
      fix: 'Set units to 7',
      output: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9338,7,q12h'),
    },
    {
      name: 'hourly dosing in words: every 12 hours for 7 days is 7',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9338,5,Every 12 Hours'),
      errors: [{ message: 'S9338 (every 12 hours) is billed for 5 units from 2026-03-01 to 2026-03-07 (7 days): per diem units are days of therapy, set units to 7', text: '5' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9338,7,Every 12 Hours'),
    },
    {
      name: 'a continuous infusion is daily',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-03,S9338,1,continuous'),
      errors: [{ message: 'S9338 (every 24 hours) is billed for 1 unit from 2026-03-01 to 2026-03-03 (3 days): per diem units are days of therapy, set units to 3', text: '1' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-03,S9338,3,continuous'),
    },
    {
      name: 'no frequency given: units equal the days',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-02,S9338,1,'),
      errors: [{ message: 'S9338 is billed for 1 unit from 2026-03-01 to 2026-03-02 (2 days): per diem units are days of therapy, set units to 2', text: '1' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-02,S9338,2,'),
    },
    {
      name: 'not a whole number',
      csv: csv('C1,M1,PA1,2026-03-02,,S9500,1.5,'),
      errors: [{ message: 'S9500 units 1.5 is not a whole number of days on 2026-03-02 (1 day): per diem units are days of therapy, set units to 1', text: '1.5' }],
      output: csv('C1,M1,PA1,2026-03-02,,S9500,1,'),
    },
    {
      name: 'every 10 days: more units than days',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-02,S9338,3,q240h'),
      errors: [{ message: 'S9338 (every 240 hours) is billed for 3 units but the line covers only 2 days from 2026-03-01 to 2026-03-02: per diem units are days of therapy, set units to 1', text: '3' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-02,S9338,1,q240h'),
    },
    {
      name: 'unreadable frequency and more units than days: no fix',
      csv: csv('C1,M1,PA1,2026-03-02,,S9559,2,as needed'),
      errors: [{ message: 'S9559 is billed for 2 units but the line covers only 1 day on 2026-03-02: per diem units are days of therapy, bill one unit per day of therapy', text: '2' }],
      output: null,
    },
    {
      name: 'JSON: number units',
      json: json('{ "dos_from": "2026-03-02", "hcpcs": "S9501", "units": 2 }'),
      errors: [{ message: /^S9501 \(every 12 hours\) is billed for 2 units on 2026-03-02 \(1 day\)/, text: '2' }],
      output: json('{ "dos_from": "2026-03-02", "hcpcs": "S9501", "units": 1 }'),
    },
    {
      name: 'JSON: string units keep their quotes',
      json: json('{ "dos_from": "2026-03-02", "dos_to": "2026-03-04", "hcpcs": "S9500", "units": "1" }'),
      errors: [{ message: /set units to 3$/, text: '"1"' }],
      output: json('{ "dos_from": "2026-03-02", "dos_to": "2026-03-04", "hcpcs": "S9500", "units": "3" }'),
    },
  ],
});
