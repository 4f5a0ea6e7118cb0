import { parseDocument } from '../../server/src/parse';
import { rule } from '../../server/src/rules/per-diem-order';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,modifiers,units,frequency';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));
const json = (...lines: string[]): string =>
  `{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [\n${lines.map((l) => `  ${l}`).join(',\n')}\n] }\n`;

ruleTester(rule, {
  valid: [
    { name: 'the more frequent per diem is the primary', csv: csv('C1,M1,PA1,2026-03-02,S9502,,1,', 'C1,M1,PA1,2026-03-02,S9501,SH,1,') },
    { name: 'the primary may come later in the file', csv: csv('C1,M1,PA1,2026-03-02,S9501,SH,1,', 'C1,M1,PA1,2026-03-02,S9502,,1,') },
    { name: 'SJ on a more frequent line than SH is not an order problem', csv: csv('C1,M1,PA1,2026-03-02,S9503,,1,', 'C1,M1,PA1,2026-03-02,S9502,SJ,1,', 'C1,M1,PA1,2026-03-02,S9501,SH,1,') },
    { name: 'same frequency: either may be the primary', csv: csv('C1,M1,PA1,2026-03-02,S9338,,1,q12h', 'C1,M1,PA1,2026-03-02,S9501,SH,1,') },
    { name: 'unknown frequency is not compared', csv: csv('C1,M1,PA1,2026-03-02,S9338,,1,', 'C1,M1,PA1,2026-03-02,S9502,SH,1,') },
    { name: 'different days are not concurrent', csv: csv('C1,M1,PA1,2026-03-02,S9501,,1,', 'C1,M1,PA1,2026-03-03,S9502,SH,1,') },
    { name: 'different members are not concurrent', csv: csv('C1,M1,PA1,2026-03-02,S9501,,1,', 'C2,M2,PA2,2026-03-02,S9502,SH,1,') },
    { name: 'a single per diem', csv: csv('C1,M1,PA1,2026-03-02,S9500,,1,') },
    {
      name: 'the less frequent primary is in another workspace file (that file reports it)',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,SH,1,'),
      options: { external: external('file:///w/other.claims.csv', csv('C9,M1,PA9,2026-03-02,S9501,,1,')) },
    },
    {
      name: 'a generic billed with its specific code is not ranked (mutually-exclusive-per-diem drops it)',
      csv: csv('C1,M1,PA1,2026-03-02,S9494,,1,q24h', 'C1,M1,PA1,2026-03-02,S9502,SH,1,'),
    },
  ],
  invalid: [
    {
      name: 'the more frequent per diem carries both SJ and SH: the message names both, as the fix removes both',
      csv: csv('C1,M1,PA1,2026-03-02,S9500,,1,', 'C1,M1,PA1,2026-03-02,S9502,SJ SH,1,', 'C1,M1,PA1,2026-03-02,J2185,,30,'),
      errors: [{ message: 'S9500 (every 24 hours) is billed as the primary per diem on 2026-03-02, but S9502-SJ (every 8 hours) is more frequent: bill S9502 first without SJ or SH, then by frequency S9500-SH', text: 'S9500' }],
      output: csv('C1,M1,PA1,2026-03-02,S9500,SH,1,', 'C1,M1,PA1,2026-03-02,S9502,,1,', 'C1,M1,PA1,2026-03-02,J2185,,30,'),
    },
    {
      name: 'mod1/mod2 columns: GY moves left when S9502 loses SH, and SH joins GY on S9501',
      csv: 'claim_id,member_id,auth_number,dos_from,hcpcs,mod1,mod2,units\nC1,M1,PA1,2026-03-02,S9502,SH,GY,1\nC1,M1,PA1,2026-03-02,S9501,GY,,1\n',
      errors: [{ message: /^S9501 \(every 12 hours\) is billed as the primary per diem on 2026-03-02/, text: 'S9501' }],
      output: 'claim_id,member_id,auth_number,dos_from,hcpcs,mod1,mod2,units\nC1,M1,PA1,2026-03-02,S9502,GY,,1\nC1,M1,PA1,2026-03-02,S9501,GY,SH,1\n',
    },
    {
      name: 'the more frequent per diem carrying SH and SJ becomes the primary without either',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,', 'C1,M1,PA1,2026-03-02,S9501,,1,', 'C1,M1,PA1,2026-03-02,S9502,SH SJ,1,'),
      errors: [{ message: /^S9501 \(every 12 hours\) is billed as the primary per diem on 2026-03-02, but S9502-SJ \(every 8 hours\) is more frequent/, text: 'S9501' }],
      output: csv('C1,M1,PA1,2026-03-02,J2185,,30,', 'C1,M1,PA1,2026-03-02,S9501,SH,1,', 'C1,M1,PA1,2026-03-02,S9502,,1,'),
    },
    {
      name: 'S9501 billed as primary with S9502-SH',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,SH,1,', 'C1,M1,PA1,2026-03-02,J2185,,30,', 'C1,M1,PA1,2026-03-02,S9501,,1,'),
      errors: [{
        message: 'S9501 (every 12 hours) is billed as the primary per diem on 2026-03-02, but S9502-SH (every 8 hours) is more frequent: bill S9502 first without SH and put SH on S9501',
        text: 'S9501',
      }],
      fix: 'Make S9502 the primary',
      output: csv('C1,M1,PA1,2026-03-02,S9502,,1,', 'C1,M1,PA1,2026-03-02,J2185,,30,', 'C1,M1,PA1,2026-03-02,S9501,SH,1,'),
    },
    {
      name: 'three per diems: SJ moves from S9502 to S9500',
      csv: csv('C1,M1,PA1,2026-03-02,S9500,,1,', 'C1,M1,PA1,2026-03-02,S9501,SH,1,', 'C1,M1,PA1,2026-03-02,S9502,SJ,1,'),
      errors: [{ message: /^S9500 \(every 24 hours\) is billed as the primary per diem on 2026-03-02, but S9502-SJ \(every 8 hours\) is more frequent/, text: 'S9500' }],
      output: csv('C1,M1,PA1,2026-03-02,S9500,SJ,1,', 'C1,M1,PA1,2026-03-02,S9501,SH,1,', 'C1,M1,PA1,2026-03-02,S9502,,1,'),
    },
    {
      name: 'three per diems: the fix gives every line its slot by frequency',
      csv: csv('C1,M1,PA1,2026-03-02,S9500,,1,', 'C1,M1,PA1,2026-03-02,S9501,SJ,1,', 'C1,M1,PA1,2026-03-02,S9502,"SH,KX",1,'),
      errors: [{
        message: 'S9500 (every 24 hours) is billed as the primary per diem on 2026-03-02, but S9502-SH (every 8 hours) is more frequent: bill S9502 first without SH, then by frequency S9501-SH, S9500-SJ',
        text: 'S9500',
      }],
      output: csv('C1,M1,PA1,2026-03-02,S9500,SJ,1,', 'C1,M1,PA1,2026-03-02,S9501,SH,1,', 'C1,M1,PA1,2026-03-02,S9502,"KX",1,'),
    },
    {
      name: 'frequency field of a non-antibiotic per diem',
      csv: csv('C1,M1,PA1,2026-03-02,S9338,,1,q24h', 'C1,M1,PA1,2026-03-02,S9503,SH,1,'),
      errors: [{ message: /^S9338 \(every 24 hours\) is billed as the primary per diem on 2026-03-02, but S9503-SH \(every 6 hours\)/, text: 'S9338' }],
      output: csv('C1,M1,PA1,2026-03-02,S9338,SH,1,q24h', 'C1,M1,PA1,2026-03-02,S9503,,1,'),
    },
    {
      name: 'the more frequent line is in another file: reported, no fix across files',
      csv: csv('C1,M1,PA1,2026-03-02,S9501,,1,'),
      options: { external: external('file:///w/other.claims.csv', csv('C9,M1,PA9,2026-03-02,S9502,SH,1,')) },
      errors: [{ message: /^S9501 \(every 12 hours\) is billed as the primary per diem on 2026-03-02, but S9502-SH/, text: 'S9501' }],
      output: null,
    },
    {
      // SH on the three-day S9500 line would halve it on the two days it runs alone.
      name: 'the primary over several dates: no fix, itemize its dates first',
      csv: 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,modifiers,units\nC1,M1,PA1,2026-03-01,2026-03-03,S9500,,3\nC1,M1,PA1,2026-03-02,,S9502,SH,1\n',
      errors: [{ message: /bill S9502 first without SH and put SH on S9500; itemize S9500's dates of service first, as one line it takes one set of modifiers for all of them$/, text: 'S9500' }],
      output: null,
    },
    {
      name: 'JSON: modifier moved between line objects',
      json: json('{ "dos_from": "2026-03-02", "hcpcs": "S9502", "modifiers": ["SH"], "units": 1 }', '{ "dos_from": "2026-03-02", "hcpcs": "S9501", "modifiers": [], "units": 1 }'),
      errors: [{ message: /^S9501 \(every 12 hours\) is billed as the primary per diem/, text: '"S9501"' }],
      output: json('{ "dos_from": "2026-03-02", "hcpcs": "S9502", "modifiers": [], "units": 1 }', '{ "dos_from": "2026-03-02", "hcpcs": "S9501", "modifiers": ["SH"], "units": 1 }'),
    },
  ],
});
