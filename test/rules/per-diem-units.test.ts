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
    { name: "001's table in words: every 10 days for 30 days is 3", csv: csv('C1,M1,PA1,2026-03-01,2026-03-30,S9338,3,every 10 days') },
    { name: 'every 10 days over 31 days is 4 (days 1, 11, 21, 31)', csv: csv('C1,M1,PA1,2026-03-01,2026-03-31,S9338,4,every 10 days') },
    { name: 'weekly over two weeks is 2', csv: csv('C1,M1,PA1,2026-03-01,2026-03-14,S9559,2,weekly') },
    { name: 'every 2 weeks over a week is 1', csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,1,q2w') },
    { name: 'every other day over 7 days is 4 (days 1, 3, 5, 7)', csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,4,every other day') },
    { name: 'twice a week is no interval of whole days: any whole number up to the days', csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,3,twice a week') },
    { name: 'monthly (a calendar month is no fixed count of days): any whole number up to the days', csv: csv('C1,M1,PA1,2026-03-01,2026-03-31,S9559,1,monthly') },
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
      errors: [{ message: 'S9338 (every 10 days) is billed for 3 units from 2026-03-01 to 2026-03-02 (2 days), which has 1 infusion day at that interval: per diem units are days of therapy, set units to 1', text: '3' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-02,S9338,1,q240h'),
    },
    {
      // 001's table: "Infusion every 10 days for 30 days – 3". Billing the 30 days is ten times that.
      name: 'every 10 days for 30 days billed as 30 units',
      csv: 'claim_id,member_id,dos_from,dos_to,hcpcs,units,frequency\nC1,M1,2026-03-01,2026-03-30,S9338,30,every 10 days\n',
      errors: [{ message: 'S9338 (every 10 days) is billed for 30 units from 2026-03-01 to 2026-03-30 (30 days), which has 3 infusion days at that interval: per diem units are days of therapy, set units to 3', text: '30' }],
      fix: 'Set units to 3',
      output: 'claim_id,member_id,dos_from,dos_to,hcpcs,units,frequency\nC1,M1,2026-03-01,2026-03-30,S9338,3,every 10 days\n',
    },
    {
      name: 'every 10 days in hours, fewer units than infusion days',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-30,S9338,1,q240h'),
      errors: [{ message: /^S9338 \(every 10 days\) is billed for 1 unit from 2026-03-01 to 2026-03-30 \(30 days\), which has 3 infusion days at that interval: .*set units to 3$/, text: '1' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-30,S9338,3,q240h'),
    },
    {
      // 001's table: "Infusion once per week – 1 (per week)".
      name: 'weekly over two weeks billed as 1 unit',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-14,S9559,1,once per week'),
      errors: [{ message: 'S9559 (weekly) is billed for 1 unit from 2026-03-01 to 2026-03-14 (14 days), which has 2 infusion days at that interval: per diem units are days of therapy, set units to 2', text: '1' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-14,S9559,2,once per week'),
    },
    {
      name: 'weekly over a week billed for each day',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,7,weekly'),
      errors: [{ message: /^S9559 \(weekly\) is billed for 7 units .*set units to 1$/, text: '7' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,1,weekly'),
    },
    {
      name: 'every other day: 2 units over 7 days',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,2,every other day'),
      errors: [{ message: /^S9559 \(every other day\) is billed for 2 units from 2026-03-01 to 2026-03-07 \(7 days\), which has 4 infusion days at that interval: .*set units to 4$/, text: '2' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-07,S9559,4,every other day'),
    },
    {
      name: 'every 2 weeks: the interval in weeks',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-28,S9559,4,q2w'),
      errors: [{ message: /^S9559 \(every 2 weeks\) is billed for 4 units .*which has 2 infusion days at that interval: .*set units to 2$/, text: '4' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-28,S9559,2,q2w'),
    },
    {
      name: 'every 10 days: not a whole number',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-30,S9338,2.5,every 10 days'),
      errors: [{ message: 'S9338 units 2.5 is not a whole number of days from 2026-03-01 to 2026-03-30 (30 days): per diem units are days of therapy, set units to 3', text: '2.5' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-30,S9338,3,every 10 days'),
    },
    {
      name: 'twice a week, more units than days: the bound only, and the frequency as written',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-02,S9559,3,twice a week'),
      errors: [{ message: 'S9559 (twice a week) is billed for 3 units but the line covers only 2 days from 2026-03-01 to 2026-03-02: per diem units are days of therapy, set units to 1', text: '3' }],
      output: csv('C1,M1,PA1,2026-03-01,2026-03-02,S9559,1,twice a week'),
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
