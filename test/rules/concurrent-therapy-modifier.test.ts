import { parseDocument } from '../../server/src/parse';
import { rule } from '../../server/src/rules/concurrent-therapy-modifier';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,modifiers,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const SPAN_HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,modifiers,units';
const spanCsv = (...rows: string[]): string => [SPAN_HEAD, ...rows].join('\n') + '\n';
const FREQ_HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,modifiers,units,frequency';
const freqCsv = (...rows: string[]): string => [FREQ_HEAD, ...rows].join('\n') + '\n';
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));
const json = (...lines: string[]): string =>
  `{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [\n${lines.map((l) => `  ${l}`).join(',\n')}\n] }\n`;

ruleTester(rule, {
  valid: [
    {
      name: "002's example: S9502 primary, S9501-SH second",
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,J2185,,30', 'C1,M1,PA1,2026-03-02,S9501,SH,1', 'C1,M1,PA1,2026-03-02,J3370,,4'),
    },
    { name: 'three therapies: primary, SH, SJ', csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1', 'C1,M1,PA1,2026-03-02,S9500,SJ,1') },
    { name: 'four therapies: SJ on the third and fourth', csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1', 'C1,M1,PA1,2026-03-02,S9500,SJ,1', 'C1,M1,PA1,2026-03-02,S9338,SJ,1') },
    { name: 'one per diem with no modifier', csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,J2185,,30') },
    { name: 'per diems on different days are not concurrent', csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-03,S9501,,1') },
    { name: 'per diems of different members are not concurrent', csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C2,M2,PA2,2026-03-02,S9501,,1') },
    { name: 'a catheter-care per diem is not a concurrent therapy', csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S5498,,1') },
    {
      name: 'per diems as frequent as each other: SH stays on the one that has it',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9338,SJ,1', 'C1,M1,PA1,2026-03-02,S9330,SH,1'),
    },
    {
      name: 'SH on the less frequent per diem is per-diem-order’s finding, not this one',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,SH,1', 'C1,M1,PA1,2026-03-02,S9501,,1'),
    },
    {
      // per-diem-order's finding (on S9500) makes S9502 the primary and S9500 SJ in one fix;
      // planned from S9500 as the primary, this rule would move S9501 from SH to SJ.
      name: 'a day billed out of order (q8h S9502 carries SJ, q24h S9500 none): left to per-diem-order, S9501 keeps SH',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,30', 'C1,M1,PA1,2026-03-02,S9500,,1', 'C1,M1,PA1,2026-03-02,S9502,SJ,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1'),
    },
    {
      name: 'a span that is concurrent on some of its days in the same slot each day',
      csv: spanCsv('C1,M1,PA1,2026-03-01,2026-03-03,S9501,SH,3', 'C1,M1,PA1,2026-03-01,2026-03-03,S9502,,3', 'C1,M1,PA1,2026-03-02,,S9500,SJ,1'),
    },
    {
      name: 'a dos_to before dos_from: the line is on its dos_from day, and SH is right there',
      csv: spanCsv('C1,M1,PA1,2026-03-02,,S9502,,1', 'C1,M1,PA1,2026-03-02,2026-03-01,S9501,SH,1'),
    },
    {
      // Two per diems as frequent as each other in two files: a.claims.csv's is the primary from
      // either file (files in uri order), so only b.claims.csv is told to add SH (below).
      name: 'a tie across files: the first file by uri keeps the primary',
      csv: freqCsv('C1,M1,PA1,2026-03-02,S9500,,1,q24h'),
      options: { uri: 'file:///w/a.claims.csv', external: external('file:///w/b.claims.csv', freqCsv('C2,M1,PA2,2026-03-02,S9338,,1,q24h')) },
    },
    {
      name: 'the primary is in another workspace file',
      csv: csv('C1,M1,PA1,2026-03-02,S9501,SH,1'),
      options: { external: external('file:///w/other.claims.csv', csv('C9,M1,PA9,2026-03-02,S9502,,1')) },
    },
    {
      name: 'a known and accepted finding turned off with a disable comment',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', '# infusion-claims-disable-next-line concurrent-therapy-modifier', 'C1,M1,PA1,2026-03-02,S9501,,1'),
    },
    {
      name: 'JSON: modifiers as an array',
      json: json('{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }', '{ "dos_from": "2026-03-02", "hcpcs": "S9501", "modifiers": ["SH"], "units": 1 }'),
    },
    {
      name: 'S9494 with S9500: the generic is dropped (mutually-exclusive-per-diem), not ranked as a second therapy',
      csv: csv('C1,M1,PA1,2026-03-02,S9494,,1', 'C1,M1,PA1,2026-03-02,S9500,,1'),
    },
    {
      name: 'a generic with its specific code takes no slot among three per diems',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9365,SH,1', 'C1,M1,PA1,2026-03-02,S9364,,1'),
    },
    {
      name: 'SH on a generic billed with its specific code is left to mutually-exclusive-per-diem',
      csv: csv('C1,M1,PA1,2026-03-02,S9500,,1', 'C1,M1,PA1,2026-03-02,S9494,SH,1'),
    },
  ],
  invalid: [
    {
      name: 'four slots filled with a code twice (GY GY KX 59): no fifth slot, so no Add fix (it wrote a fifth modifier)',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,GY GY KX 59,1'),
      errors: [{ message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH (its 4 modifier slots are taken: GY GY KX 59; free one for SH: pricing modifiers such as SH, SJ and JW come first)', text: 'S9501' }],
      output: null,
    },
    {
      name: 'the same per diem billed twice with SH: the replace fix would hide the duplicate, so the message names the removal too',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1'),
      errors: [{ message: 'S9501 is the third concurrent therapy on 2026-03-02 and S9501 already has SH: replace SH with SJ; if it bills the same therapy as the other S9501 again, remove this line instead', text: 'SH' }],
      fix: 'Replace SH with SJ',
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1', 'C1,M1,PA1,2026-03-02,S9501,SJ,1'),
    },
    {
      name: 'the same per diem code twice on a day: SH for a second therapy, or remove a line billed twice (a modifier would hide the duplicate)',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,J2185,,30', 'C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9500,,1', 'C1,M1,PA1,2026-03-02,S9500,,1'),
      errors: [
        { message: 'S9502 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH; if it bills the same therapy as the other S9502 again, remove this line instead', text: 'S9502' },
        { message: 'S9500 is the third concurrent therapy on 2026-03-02 (after S9502, S9502): add modifier SJ; if it bills the same therapy as the other S9500 again, remove this line instead', text: 'S9500' },
        { message: 'S9500 is the fourth concurrent therapy on 2026-03-02 (after S9502, S9502, S9500): add modifier SJ; if it bills the same therapy as the other S9500 again, remove this line instead', text: 'S9500' },
      ],
      fix: 'Add modifier SH',
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,J2185,,30', 'C1,M1,PA1,2026-03-02,S9502,SH,1', 'C1,M1,PA1,2026-03-02,S9500,,1', 'C1,M1,PA1,2026-03-02,S9500,,1'),
    },
    {
      name: 'the second per diem with its four modifier slots taken: no fix, and the message says to make room',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,GY GA KX 59,1'),
      errors: [{ message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH (its 4 modifier slots are taken: GY GA KX 59; free one for SH: pricing modifiers such as SH, SJ and JW come first)', text: 'S9501' }],
      output: null,
    },
    {
      name: 'a day billed out of order with a second unmodified per diem: slots as per-diem-order plans them (S9502 first), S9500 takes SJ',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,30', 'C1,M1,PA1,2026-03-02,S9502,SH,1', 'C1,M1,PA1,2026-03-02,S9501,,1', 'C1,M1,PA1,2026-03-02,S9500,,1'),
      errors: [{ message: 'S9500 is the third concurrent therapy on 2026-03-02 (after S9502, S9501): add modifier SJ', text: 'S9500' }],
      fix: 'Add modifier SJ',
      output: csv('C1,M1,PA1,2026-03-02,J2185,,30', 'C1,M1,PA1,2026-03-02,S9502,SH,1', 'C1,M1,PA1,2026-03-02,S9501,,1', 'C1,M1,PA1,2026-03-02,S9500,SJ,1'),
    },
    {
      name: 'a sixth concurrent therapy: its message names the first four ahead of it and how many more',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1', 'C1,M1,PA1,2026-03-02,S9500,SJ,1',
        'C1,M1,PA1,2026-03-02,S9338,SJ,1', 'C1,M1,PA1,2026-03-02,S9347,SJ,1', 'C1,M1,PA1,2026-03-02,S9490,,1'),
      errors: [{ message: 'S9490 is the sixth concurrent therapy on 2026-03-02 (after S9502, S9501, S9500, S9338 and 1 more): add modifier SJ', text: 'S9490' }],
      fix: 'Add modifier SJ',
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1', 'C1,M1,PA1,2026-03-02,S9500,SJ,1',
        'C1,M1,PA1,2026-03-02,S9338,SJ,1', 'C1,M1,PA1,2026-03-02,S9347,SJ,1', 'C1,M1,PA1,2026-03-02,S9490,SJ,1'),
    },
    {
      name: 'the only per diem carrying SH and SJ loses both',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,30', 'C1,M1,PA1,2026-03-02,S9502,SH SJ,1'),
      errors: [{ message: 'S9502 is the only therapy per diem on 2026-03-02: it is the primary, remove modifier SJ and SH', text: 'SJ' }],
      fix: 'Remove modifier SJ and SH',
      output: csv('C1,M1,PA1,2026-03-02,J2185,,30', 'C1,M1,PA1,2026-03-02,S9502,,1'),
    },
    {
      name: 'the second per diem carrying SH and SJ keeps SH (it was told no line had SH)',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SJ SH,1'),
      errors: [{ message: 'S9501 has both SH and SJ: as the second concurrent therapy on 2026-03-02 (after S9502) it takes SH only; remove SJ', text: 'SJ' }],
      fix: 'Remove modifier SJ',
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1'),
    },
    {
      name: 'the third per diem carrying SH and SJ keeps SJ (it went unreported)',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1', 'C1,M1,PA1,2026-03-02,S9500,SH SJ,1'),
      errors: [{ message: 'S9500 has both SH and SJ: as the third concurrent therapy on 2026-03-02 (after S9502, S9501) it takes SJ only; remove SH', text: 'SH' }],
      fix: 'Remove modifier SH',
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1', 'C1,M1,PA1,2026-03-02,S9500,SJ,1'),
    },
    {
      name: "002's example without SH",
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,J2185,,30', 'C1,M1,PA1,2026-03-02,S9501,,1', 'C1,M1,PA1,2026-03-02,J3370,,4'),
      errors: [{ message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH', text: 'S9501' }],
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,J2185,,30', 'C1,M1,PA1,2026-03-02,S9501,SH,1', 'C1,M1,PA1,2026-03-02,J3370,,4'),
    },
    {
      name: 'three unmodified per diems in any order: ranked by frequency',
      csv: csv('C1,M1,PA1,2026-03-02,S9500,,1', 'C1,M1,PA1,2026-03-02,S9501,,1', 'C1,M1,PA1,2026-03-02,S9502,,1'),
      errors: [
        { message: 'S9500 is the third concurrent therapy on 2026-03-02 (after S9502, S9501): add modifier SJ', text: 'S9500' },
        { message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH', text: 'S9501' },
      ],
      fix: 'Add modifier SJ',
      output: csv('C1,M1,PA1,2026-03-02,S9500,SJ,1', 'C1,M1,PA1,2026-03-02,S9501,,1', 'C1,M1,PA1,2026-03-02,S9502,,1'),
    },
    {
      name: 'a second SH where SJ is due',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9500,SH,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1'),
      errors: [{ message: 'S9500 is the third concurrent therapy on 2026-03-02 and S9501 already has SH: replace SH with SJ', text: 'SH' }],
      fix: 'Replace SH with SJ',
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9500,SJ,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1'),
    },
    {
      name: 'SH on a less frequent per diem than an unmodified second: SH goes by frequency',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9500,SH,1', 'C1,M1,PA1,2026-03-02,S9501,,1'),
      errors: [
        { message: 'S9500 is the third concurrent therapy on 2026-03-02 (after S9502, S9501): SH goes to S9501, the second by dosing frequency; replace SH with SJ', text: 'SH' },
        { message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH', text: 'S9501' },
      ],
      fix: 'Replace SH with SJ',
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9500,SJ,1', 'C1,M1,PA1,2026-03-02,S9501,,1'),
    },
    {
      name: 'SH and SJ swapped between the second and third by frequency',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9500,SH,1', 'C1,M1,PA1,2026-03-02,S9501,SJ,1'),
      errors: [
        { message: 'S9500 is the third concurrent therapy on 2026-03-02 (after S9502, S9501): SH goes to S9501, the second by dosing frequency; replace SH with SJ', text: 'SH' },
        { message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502), ahead of S9500-SH by dosing frequency: replace SJ with SH', text: 'SJ' },
      ],
      fix: 'Replace SH with SJ',
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9500,SJ,1', 'C1,M1,PA1,2026-03-02,S9501,SJ,1'),
    },
    {
      name: 'an SJ with no SH that day',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SJ,1'),
      errors: [{ message: 'S9501 has SJ but no therapy on 2026-03-02 has SH (after S9502): the second concurrent therapy takes SH, replace SJ with SH', text: 'SJ' }],
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1'),
    },
    {
      name: 'SH on the only per diem of the day',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,SH,1', 'C1,M1,PA1,2026-03-02,J2185,,30'),
      errors: [{ message: 'S9502 is the only therapy per diem on 2026-03-02: it is the primary, remove modifier SH', text: 'SH' }],
      fix: 'Remove modifier SH',
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,J2185,,30'),
    },
    {
      name: 'a dos_to before dos_from: the line still counts on its dos_from day',
      csv: spanCsv('C1,M1,PA1,2026-03-02,,S9502,,1', 'C1,M1,PA1,2026-03-02,2026-03-01,S9501,,1'),
      errors: [{ message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH', text: 'S9501' }],
      output: spanCsv('C1,M1,PA1,2026-03-02,,S9502,,1', 'C1,M1,PA1,2026-03-02,2026-03-01,S9501,SH,1'),
    },
    {
      name: 'frequencies in words rank too: twice daily before once daily',
      csv: freqCsv('C1,M1,PA1,2026-03-02,S9338,,1,Once Daily', 'C1,M1,PA1,2026-03-02,S9330,,1,twice daily'),
      errors: [{ message: 'S9338 is the second concurrent therapy on 2026-03-02 (after S9330): add modifier SH', text: 'S9338' }],
      output: freqCsv('C1,M1,PA1,2026-03-02,S9338,SH,1,Once Daily', 'C1,M1,PA1,2026-03-02,S9330,,1,twice daily'),
    },
    {
      name: 'SJ alone on a date span',
      csv: spanCsv('C1,M1,PA1,2026-03-01,2026-03-02,S9500,SJ,2'),
      errors: [{ message: 'S9500 is the only therapy per diem from 2026-03-01 to 2026-03-02: it is the primary, remove modifier SJ', text: 'SJ' }],
      output: spanCsv('C1,M1,PA1,2026-03-01,2026-03-02,S9500,,2'),
    },
    {
      name: 'every per diem carries a modifier: the most frequent is the primary',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,SH,1', 'C1,M1,PA1,2026-03-02,S9501,SJ,1'),
      errors: [
        { message: 'No therapy per diem on 2026-03-02 is billed as the primary: S9502 is the most frequent, remove modifier SH', text: 'SH' },
        // Not "no therapy has SH": S9502 has it, and is told to drop it.
        { message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502-SH): SH goes to it, not to S9502, the primary by dosing frequency; replace SJ with SH', text: 'SJ' },
      ],
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,SJ,1'),
    },
    {
      name: 'lines on different claims of the member on one day are concurrent',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C2,M1,PA2,2026-03-02,S9501,,1'),
      errors: [{ message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH', text: 'S9501' }],
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C2,M1,PA2,2026-03-02,S9501,SH,1'),
    },
    {
      // Its SH halves the per diem on 03-01 and 03-03 too, where it is the only therapy; no
      // modifier fix can be right for every date of the line.
      name: 'SH on a span that is concurrent on only one of its days: itemize, no fix',
      csv: spanCsv('C1,M1,PA1,2026-03-01,2026-03-03,S9501,SH,3', 'C1,M1,PA1,2026-03-02,,S9502,,1'),
      errors: [{
        message: 'S9501-SH covers 2026-03-01 to 2026-03-03 on one line, but its concurrent-therapy slot differs by day: ' +
          'no modifier (the primary) on 2026-03-01, SH on 2026-03-02; itemize its dates of service, then give each date\'s line its modifier',
        text: 'S9501',
      }],
      output: null,
    },
    {
      name: 'a span without SH that is second on one of its days: itemize, not SH on every date',
      csv: spanCsv('C1,M1,PA1,2026-03-01,2026-03-03,S9500,,3', 'C1,M1,PA1,2026-03-02,,S9502,,1'),
      errors: [{ message: /^S9500 covers 2026-03-01 to 2026-03-03 on one line, but its concurrent-therapy slot differs by day: no modifier \(the primary\) on 2026-03-01, SH on 2026-03-02;/, text: 'S9500' }],
      output: null,
    },
    {
      name: 'a span that is second on one day and third on another',
      csv: spanCsv('C1,M1,PA1,2026-03-01,2026-03-02,S9500,SH,2', 'C1,M1,PA1,2026-03-01,2026-03-02,S9502,,2', 'C1,M1,PA1,2026-03-02,,S9501,SH,1'),
      errors: [{ message: /slot differs by day: SH on 2026-03-01, SJ on 2026-03-02;/, text: 'S9500' }],
      output: null,
    },
    {
      // The primary billed as it is when per-diem-order, which would reorder the day, is off.
      name: 'a day out of order with per-diem-order off: a second SH where SJ is due',
      csv: csv('C1,M1,PA1,2026-03-02,S9500,,1', 'C1,M1,PA1,2026-03-02,S9502,SH,1', 'C1,M1,PA1,2026-03-02,S9501,SH,1'),
      options: { rules: { 'per-diem-order': 'off' } },
      errors: [{ message: 'S9501 is the third concurrent therapy on 2026-03-02 and S9502 already has SH: replace SH with SJ', text: 'SH' }],
      fix: 'Replace SH with SJ',
      output: csv('C1,M1,PA1,2026-03-02,S9500,,1', 'C1,M1,PA1,2026-03-02,S9502,SH,1', 'C1,M1,PA1,2026-03-02,S9501,SJ,1'),
    },
    {
      name: 'a day out of order with per-diem-order disabled on its primary line: SJ with no SH',
      csv: csv('# infusion-claims-disable-next-line per-diem-order', 'C1,M1,PA1,2026-03-02,S9500,,1', 'C1,M1,PA1,2026-03-02,S9502,SJ,1'),
      errors: [{ message: 'S9502 has SJ but no therapy on 2026-03-02 has SH (after S9500): the second concurrent therapy takes SH, replace SJ with SH', text: 'SJ' }],
      fix: 'Replace SJ with SH',
      output: csv('# infusion-claims-disable-next-line per-diem-order', 'C1,M1,PA1,2026-03-02,S9500,,1', 'C1,M1,PA1,2026-03-02,S9502,SH,1'),
    },
    {
      name: 'a per diem inside another line’s date span',
      csv: spanCsv('C1,M1,PA1,2026-03-01,2026-03-05,S9502,,5', 'C1,M1,PA1,2026-03-04,,S9338,,1'),
      errors: [{ message: 'S9338 is the second concurrent therapy on 2026-03-04 (after S9502): add modifier SH', text: 'S9338' }],
      output: spanCsv('C1,M1,PA1,2026-03-01,2026-03-05,S9502,,5', 'C1,M1,PA1,2026-03-04,,S9338,SH,1'),
    },
    {
      name: 'a tie across files, seen from the second file by uri: it takes SH',
      csv: freqCsv('C2,M1,PA2,2026-03-02,S9338,,1,q24h'),
      options: { uri: 'file:///w/b.claims.csv', external: external('file:///w/a.claims.csv', freqCsv('C1,M1,PA1,2026-03-02,S9500,,1,q24h')) },
      errors: [{ message: 'S9338 is the second concurrent therapy on 2026-03-02 (after S9500): add modifier SH', text: 'S9338' }],
      output: freqCsv('C2,M1,PA2,2026-03-02,S9338,SH,1,q24h'),
    },
    {
      name: 'the primary is in another workspace file',
      csv: csv('C1,M1,PA1,2026-03-02,S9501,,1'),
      options: { external: external('file:///w/other.claims.csv', csv('C9,M1,PA9,2026-03-02,S9502,,1')) },
      errors: [{ message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH', text: 'S9501' }],
      output: csv('C1,M1,PA1,2026-03-02,S9501,SH,1'),
    },
    {
      name: 'CSV: modifier added next to one already in the cell',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,GY,1'),
      errors: [{ message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH', text: 'S9501' }],
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1', 'C1,M1,PA1,2026-03-02,S9501,GY SH,1'),
    },
    {
      name: 'CSV modifier1..modifier4 columns: SH goes into the first free column',
      csv: 'claim_id,member_id,auth_number,dos_from,hcpcs,modifier1,modifier2,units\nC1,M1,PA1,2026-03-02,S9502,,,1\nC1,M1,PA1,2026-03-02,S9501,GY,,1\n',
      errors: [{ message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH', text: 'S9501' }],
      output: 'claim_id,member_id,auth_number,dos_from,hcpcs,modifier1,modifier2,units\nC1,M1,PA1,2026-03-02,S9502,,,1\nC1,M1,PA1,2026-03-02,S9501,GY,SH,1\n',
    },
    {
      name: 'CSV mod1..mod2 columns: removing SH moves GY into mod1',
      csv: 'claim_id,member_id,auth_number,dos_from,hcpcs,mod1,mod2,units\r\nC1,M1,PA1,2026-03-02,S9502,SH,GY,1\r\nC1,M1,PA1,2026-03-02,J2185,,,30\r\n',
      errors: [{ message: 'S9502 is the only therapy per diem on 2026-03-02: it is the primary, remove modifier SH', text: 'SH' }],
      fix: 'Remove modifier SH',
      output: 'claim_id,member_id,auth_number,dos_from,hcpcs,mod1,mod2,units\r\nC1,M1,PA1,2026-03-02,S9502,GY,,1\r\nC1,M1,PA1,2026-03-02,J2185,,,30\r\n',
    },
    {
      name: 'JSON: SH added to a line without modifiers',
      json: json('{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }', '{ "dos_from": "2026-03-02", "hcpcs": "S9501", "units": 1 }'),
      errors: [{ message: 'S9501 is the second concurrent therapy on 2026-03-02 (after S9502): add modifier SH', text: '"S9501"' }],
      output: json('{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }', '{ "dos_from": "2026-03-02", "hcpcs": "S9501", "units": 1, "modifiers": ["SH"] }'),
    },
    {
      name: 'JSON: SH replaced with SJ in an array',
      json: json('{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }', '{ "dos_from": "2026-03-02", "hcpcs": "S9501", "modifiers": ["SH"], "units": 1 }', '{ "dos_from": "2026-03-02", "hcpcs": "S9500", "modifiers": ["SH"], "units": 1 }'),
      errors: [{ message: 'S9500 is the third concurrent therapy on 2026-03-02 and S9501 already has SH: replace SH with SJ', text: '"SH"' }],
      output: json('{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }', '{ "dos_from": "2026-03-02", "hcpcs": "S9501", "modifiers": ["SH"], "units": 1 }', '{ "dos_from": "2026-03-02", "hcpcs": "S9500", "modifiers": ["SJ"], "units": 1 }'),
    },
    {
      name: 'JSON: SH removed from the only per diem',
      json: json('{ "dos_from": "2026-03-02", "hcpcs": "S9502", "modifiers": ["SH"], "units": 1 }'),
      errors: [{ message: 'S9502 is the only therapy per diem on 2026-03-02: it is the primary, remove modifier SH', text: '"SH"' }],
      output: json('{ "dos_from": "2026-03-02", "hcpcs": "S9502", "modifiers": [], "units": 1 }'),
    },
    {
      name: 'SH on S9500 beside S9494: with the generic dropped S9500 is the only per diem',
      csv: csv('C1,M1,PA1,2026-03-02,S9494,,1', 'C1,M1,PA1,2026-03-02,S9500,SH,1'),
      errors: [{ message: 'S9500 is the only therapy per diem on 2026-03-02: it is the primary, remove modifier SH', text: 'SH' }],
      output: csv('C1,M1,PA1,2026-03-02,S9494,,1', 'C1,M1,PA1,2026-03-02,S9500,,1'),
    },
  ],
});
