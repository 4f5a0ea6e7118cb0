import { rule } from '../../server/src/rules/date-span';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,charge';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const VISIT_HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty,frequency,duration_min';
const json = (...lines: string[]): string =>
  `{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [\n${lines.map((l) => `  ${l}`).join(',\n')}\n] }\n`;

ruleTester(rule, {
  valid: [
    { name: 'no dos_to', csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,250.00') },
    { name: 'dos_to equal to dos_from', csv: csv('C1,M1,PA1,2026-03-02,2026-03-02,S9502,1,250.00') },
    { name: 'dos_to before dos_from is invalid-value’s finding', csv: csv('C1,M1,PA1,2026-03-05,2026-03-02,S9502,1,250.00') },
    { name: 'no dos_to column', csv: 'claim_id,member_id,auth_number,dos_from,hcpcs,units\nC1,M1,PA1,2026-03-02,S9502,1\n' },
    { name: 'JSON: same dates', json: json('{ "dos_from": "2026-03-02", "dos_to": "2026-03-02", "hcpcs": "J2185", "units": 30 }') },
  ],
  invalid: [
    {
      name: 'a per diem in a file with no units column: the column is added once',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs\nC1,M1,PA1,2026-03-02,2026-03-03,S9500\n',
      errors: [{ message: /^S9500 covers 2026-03-02 to 2026-03-03/ }],
      output: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units\nC1,M1,PA1,2026-03-02,2026-03-02,S9500,1\nC1,M1,PA1,2026-03-03,2026-03-03,S9500,1\n',
    },
    {
      name: 'per diem over three days: one line a day, 1 unit each, charge divided',
      csv: csv('C1,M1,PA1,2026-03-02,2026-03-04,S9502,3,750.00', 'C1,M1,PA1,2026-03-02,,J2185,30,96.00'),
      errors: [{ message: 'S9502 covers 2026-03-02 to 2026-03-04 (3 dates of service) on one line: itemize each date of service on its own line', text: '2026-03-04' }],
      fix: 'Itemize dates of service',
      output: csv(
        'C1,M1,PA1,2026-03-02,2026-03-02,S9502,1,250.00',
        'C1,M1,PA1,2026-03-03,2026-03-03,S9502,1,250.00',
        'C1,M1,PA1,2026-03-04,2026-03-04,S9502,1,250.00',
        'C1,M1,PA1,2026-03-02,,J2185,30,96.00',
      ),
    },
    {
      name: 'drug units divided evenly, leftover cents on the first lines',
      csv: csv('C1,M1,PA1,2026-03-02,2026-03-04,J2185,90,100.00'),
      errors: [{ message: /^J2185 covers 2026-03-02 to 2026-03-04 \(3 dates of service\)/, text: '2026-03-04' }],
      output: csv(
        'C1,M1,PA1,2026-03-02,2026-03-02,J2185,30,33.34',
        'C1,M1,PA1,2026-03-03,2026-03-03,J2185,30,33.33',
        'C1,M1,PA1,2026-03-04,2026-03-04,J2185,30,33.33',
      ),
    },
    {
      name: 'per diem units that are not its days: no fix (1 a day would bill another number of per diems)',
      csv: csv('C1,M1,PA1,2026-03-02,2026-03-03,S9500,6,300'),
      errors: [{ message: 'S9500 covers 2026-03-02 to 2026-03-03 (2 dates of service) on one line: itemize each date of service on its own line (per diem units 6 are not 1 a date over 2 dates: itemize the days of therapy by hand)', text: '2026-03-03' }],
      output: null,
    },
    {
      name: "a weekly per diem of 1 unit over a week is one per diem (001: once per week is 1 unit): no fix",
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty,frequency,duration_min\n' +
        'C1,M1,PA,2026-03-01,2026-03-07,S9338,,1,300.00,,,,weekly,\nC1,M1,PA,2026-03-01,,J1459,,10,,44206-0436-90,UN,1,,\n',
      errors: [{ message: 'S9338 covers 2026-03-01 to 2026-03-07 (7 dates of service) on one line: itemize each date of service on its own line (per diem units 1 are not 1 a date over 7 dates: itemize the days of therapy by hand)', text: '2026-03-07' }],
      output: null,
    },
    {
      name: 'a weekly per diem with no units: no fix',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,frequency\nC1,M1,PA1,2026-03-01,2026-03-07,S9338,weekly\n',
      errors: [{ message: /\(a per diem with no units is not 1 a date over 7 dates: itemize the days of therapy by hand\)$/, text: '2026-03-07' }],
      output: null,
    },
    {
      name: 'units that do not divide evenly: no fix',
      csv: csv('C1,M1,PA1,2026-03-02,2026-03-04,J2185,40,96.00'),
      errors: [{ message: 'J2185 covers 2026-03-02 to 2026-03-04 (3 dates of service) on one line: itemize each date of service on its own line (units 40 do not divide evenly over 3 dates: split them by hand)', text: '2026-03-04' }],
      output: null,
    },
    {
      name: 'visit minutes divided like the units: each date is a visit of its own',
      csv: VISIT_HEAD + '\nC1,M1,PA,2026-03-02,2026-03-04,G0068,,12,300.00,,,,,180\n',
      errors: [{ message: /^G0068 covers 2026-03-02 to 2026-03-04 \(3 dates of service\) on one line: itemize each date of service on its own line$/, text: '2026-03-04' }],
      output: VISIT_HEAD + '\nC1,M1,PA,2026-03-02,2026-03-02,G0068,,4,100.00,,,,,60\nC1,M1,PA,2026-03-03,2026-03-03,G0068,,4,100.00,,,,,60' +
        '\nC1,M1,PA,2026-03-04,2026-03-04,G0068,,4,100.00,,,,,60\n',
    },
    {
      name: 'a 99601 visit of 240 minutes over 2 dates: 120 each, no 99602 hour on either',
      csv: VISIT_HEAD + '\nC1,M1,PA,2026-03-02,2026-03-03,99601,,2,300.00,,,,,240\n',
      errors: [{ message: /^99601 covers 2026-03-02 to 2026-03-03/, text: '2026-03-03' }],
      output: VISIT_HEAD + '\nC1,M1,PA,2026-03-02,2026-03-02,99601,,1,150.00,,,,,120\nC1,M1,PA,2026-03-03,2026-03-03,99601,,1,150.00,,,,,120\n',
    },
    {
      name: 'minutes that do not divide into whole minutes: no fix',
      csv: VISIT_HEAD + '\nC1,M1,PA,2026-03-02,2026-03-04,G0068,,12,300.00,,,,,100\n',
      errors: [{ message: 'G0068 covers 2026-03-02 to 2026-03-04 (3 dates of service) on one line: itemize each date of service on its own line (duration_min 100 does not divide evenly over 3 dates: split it by hand)', text: '2026-03-04' }],
      output: null,
    },
    {
      name: 'units and minutes that do not divide: both named',
      csv: VISIT_HEAD + '\nC1,M1,PA,2026-03-02,2026-03-04,G0068,,10,300.00,,,,,100\n',
      errors: [{ message: /\(units 10 and duration_min 100 do not divide evenly over 3 dates: split them by hand\)$/, text: '2026-03-04' }],
      output: null,
    },
    {
      name: 'an initial HIT visit over 3 dates: the first date keeps G0088, the later dates are subsequent visits (G0068)',
      csv: 'claim_id,member_id,payer,dos_from,dos_to,hcpcs,units,pos\nC1,M1,medicare,2026-03-02,2026-03-04,G0088,12,12\n',
      errors: [{
        message: 'G0088 covers 2026-03-02 to 2026-03-04 (3 dates of service) on one line: itemize each date of service on its own line, ' +
          'the initial visit G0088 on 2026-03-02 only and subsequent-visit code G0068 on 2026-03-03 to 2026-03-04',
        text: '2026-03-04',
      }],
      fix: 'Itemize dates of service',
      // G0088 on every date would be an initial visit 1 and 2 days after one: hit-initial-visit (004 Q24).
      output: 'claim_id,member_id,payer,dos_from,dos_to,hcpcs,units,pos\nC1,M1,medicare,2026-03-02,2026-03-02,G0088,4,12\n' +
        'C1,M1,medicare,2026-03-03,2026-03-03,G0068,4,12\nC1,M1,medicare,2026-03-04,2026-03-04,G0068,4,12\n',
    },
    {
      name: 'an initial HIT visit (G0090) over 2 dates whose units do not divide: no fix, the message says which code goes on which date',
      csv: VISIT_HEAD + '\nC1,M1,PA,2026-03-02,2026-03-03,G0090,,5,200.00,,,,,\n',
      errors: [{
        message: 'G0090 covers 2026-03-02 to 2026-03-03 (2 dates of service) on one line: itemize each date of service on its own line, ' +
          'the initial visit G0090 on 2026-03-02 only and subsequent-visit code G0070 on 2026-03-03 (units 5 do not divide evenly over 2 dates: split them by hand)',
        text: '2026-03-03',
      }],
      output: null,
    },
    {
      name: 'JSON: an initial visit code inherited from the claim object: the copies get their own subsequent-visit code',
      json: '{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "payer": "medicare", "hcpcs": "G0089", "lines": [\n' +
        '  { "dos_from": "2026-03-02", "dos_to": "2026-03-03", "units": 8, "pos": "12" }\n] }\n',
      errors: [{ message: /^G0089 covers 2026-03-02 to 2026-03-03 .*subsequent-visit code G0069 on 2026-03-03$/, text: '"2026-03-03"' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "payer": "medicare", "hcpcs": "G0089", "lines": [\n' +
        '  { "dos_from": "2026-03-02", "dos_to": "2026-03-02", "units": 4, "pos": "12" },\n' +
        '  { "dos_from": "2026-03-03", "dos_to": "2026-03-03", "units": 4, "pos": "12", "hcpcs": "G0069" }\n] }\n',
    },
    {
      name: 'units that divide only into fractions (99602, 3 hours over 2 dates): no fix, units are whole',
      csv: VISIT_HEAD + '\nC1,M1,PA,2026-03-02,2026-03-03,99602,,3,150.00,,,,,\n',
      errors: [{ message: '99602 covers 2026-03-02 to 2026-03-03 (2 dates of service) on one line: itemize each date of service on its own line (units 3 do not divide evenly over 2 dates: split them by hand)', text: '2026-03-03' }],
      output: null,
    },
    {
      name: 'a vial of 3 units over 2 dates (1.5 units and 0.5 NDC units a date): no fix',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,ndc,ndc_unit,ndc_qty\nC1,M1,PA1,2026-03-02,2026-03-03,J2185,3,00143-9431-10,UN,1\n',
      errors: [{ message: 'J2185 covers 2026-03-02 to 2026-03-03 (2 dates of service) on one line: itemize each date of service on its own line (units 3 do not divide evenly over 2 dates: split them by hand)', text: '2026-03-03' }],
      output: null,
    },
    {
      name: 'decimal units are no exception: 1.5 over 3 dates would bill 0.5 a date, so no fix',
      csv: csv('C1,M1,PA1,2026-03-02,2026-03-04,J2185,1.5,96.00'),
      errors: [{ message: /\(units 1\.5 do not divide evenly over 3 dates: split them by hand\)$/, text: '2026-03-04' }],
      output: null,
    },
    {
      name: 'an NDC quantity that does not divide evenly: no fix, and the message says so',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,ndc,ndc_unit,ndc_qty\nC1,M1,PA1,2026-03-02,2026-03-04,J2185,30,00143-9431-10,UN,1\n',
      errors: [{ message: 'J2185 covers 2026-03-02 to 2026-03-04 (3 dates of service) on one line: itemize each date of service on its own line (ndc_qty 1 does not divide evenly over 3 dates: split it by hand)', text: '2026-03-04' }],
      output: null,
    },
    {
      name: 'units and NDC quantity that do not divide: both named',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,ndc,ndc_unit,ndc_qty\nC1,M1,PA1,2026-03-02,2026-03-04,J2185,10,00143-9431-10,UN,1\n',
      errors: [{ message: /\(units 10 and ndc_qty 1 do not divide evenly over 3 dates: split them by hand\)$/, text: '2026-03-04' }],
      output: null,
    },
    {
      name: 'wasted units are whole units too: no fix when they do not divide',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,wasted_units,vial\nC1,M1,PA1,2026-03-02,2026-03-03,J2185,20,3,single\n',
      errors: [{ message: /\(wasted_units 3 do not divide evenly over 2 dates: split them by hand\)$/, text: '2026-03-03' }],
      output: null,
    },
    {
      name: 'a charge with more than cents: no fix, and the message says so',
      csv: csv('C1,M1,PA1,2026-03-02,2026-03-03,J2185,60,96.125'),
      errors: [{ message: /\(charge 96\.125 is not in whole cents: split it by hand\)$/, text: '2026-03-03' }],
      output: null,
    },
    {
      name: 'three amounts that do not divide: all named',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,ndc,ndc_unit,ndc_qty,duration_min\nC1,M1,PA1,2026-03-02,2026-03-04,J2185,10,00143-9431-10,UN,1,100\n',
      errors: [{ message: /\(units 10, ndc_qty 1 and duration_min 100 do not divide evenly over 3 dates: split them by hand\)$/, text: '2026-03-04' }],
      output: null,
    },
    {
      name: 'US dates keep their style; NDC quantity divided too',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,ndc,ndc_unit,ndc_qty\nC1,M1,PA1,03/02/2026,03/03/2026,J2185,60,63323-0508-20,UN,6\n',
      errors: [{ message: /^J2185 covers 2026-03-02 to 2026-03-03/, text: '03/03/2026' }],
      output: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,ndc,ndc_unit,ndc_qty\nC1,M1,PA1,03/02/2026,03/02/2026,J2185,30,63323-0508-20,UN,3\nC1,M1,PA1,03/03/2026,03/03/2026,J2185,30,63323-0508-20,UN,3\n',
    },
    {
      // 27 and 12 say nothing of padding; the unpadded month does.
      name: 'US dates unpadded (2/27/2028): the copies are not padded either',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units\nC1,M1,PA1,2/27/2028,3/1/2028,S9500,4\n',
      errors: [{ message: /^S9500 covers 2028-02-27 to 2028-03-01/, text: '3/1/2028' }],
      output: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units\nC1,M1,PA1,2/27/2028,2/27/2028,S9500,1\n' +
        'C1,M1,PA1,2/28/2028,2/28/2028,S9500,1\nC1,M1,PA1,2/29/2028,2/29/2028,S9500,1\nC1,M1,PA1,3/1/2028,3/1/2028,S9500,1\n',
    },
    {
      name: 'US dates that say nothing of padding (12/30/2026) are padded',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units\nC1,M1,PA1,12/30/2026,12/31/2026,J2185,60\n',
      errors: [{ message: /^J2185 covers 2026-12-30 to 2026-12-31/, text: '12/31/2026' }],
      output: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units\nC1,M1,PA1,12/30/2026,12/30/2026,J2185,30\nC1,M1,PA1,12/31/2026,12/31/2026,J2185,30\n',
    },
    {
      name: 'CRLF and quoted cells',
      csv: `${HEAD}\r\n"C1","M1","PA1","2026-03-02","2026-03-03","S9502","2","500.00"\r\n`,
      errors: [{ message: /^S9502 covers 2026-03-02 to 2026-03-03/, text: '2026-03-03' }],
      output: `${HEAD}\r\n"C1","M1","PA1","2026-03-02","2026-03-02","S9502","1","250.00"\r\n"C1","M1","PA1","2026-03-03","2026-03-03","S9502","1","250.00"\r\n`,
    },
    {
      name: 'JSON: dates inherited from the claim object are shared with other lines: no fix',
      json: '{ "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "dos_to": "2026-03-03", "lines": [\n  { "hcpcs": "S9502", "units": 2 }\n] }\n',
      errors: [{ message: /^S9502 covers 2026-03-02 to 2026-03-03 \(2 dates of service\)/, text: '"2026-03-03"' }],
      output: null,
    },
    {
      name: 'a span too long to itemize automatically',
      csv: csv('C1,M1,PA1,2026-01-01,2026-03-31,S9500,90,9000.00'),
      errors: [{ message: 'S9500 covers 2026-01-01 to 2026-03-31 (90 dates of service) on one line: itemize each date of service on its own line', text: '2026-03-31' }],
      output: null,
    },
    {
      name: 'JSON: the first line edited in place, the copies inserted after it',
      json: json('{ "dos_from": "2026-03-02", "dos_to": "2026-03-03", "hcpcs": "S9502", "units": 2, "charge": 500.0 }', '{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 }'),
      errors: [{ message: /^S9502 covers 2026-03-02 to 2026-03-03/, text: '"2026-03-03"' }],
      output: json(
        '{ "dos_from": "2026-03-02", "dos_to": "2026-03-02", "hcpcs": "S9502", "units": 1, "charge": 250.00 }',
        '{ "dos_from": "2026-03-03", "dos_to": "2026-03-03", "hcpcs": "S9502", "units": 1, "charge": 250.00 }',
        '{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 }',
      ),
    },
  ],
});
