import { parseDocument } from '../../server/src/parse';
import { rule } from '../../server/src/rules/auth-missing';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
/** Another workspace file's lines (workspace analysis). */
const external = (text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri: 'file:///w/a.claims.csv', line }));
/** A claim split across files: its drug lines here, with no auth number. */
const DRUGS = csv('C5,M5,,2026-03-02,J2185,30', 'C5,M5,,2026-03-02,J7050,1');
const MESSAGE = (claim: string): string =>
  `Claim ${claim} has no prior authorization number (auth_number, box 23): enter the authorization number for these services`;

ruleTester(rule, {
  valid: [
    { name: 'every line has the auth number', csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,J2185,30') },
    { name: 'one line of the claim carries it', csv: csv('C1,M1,,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,J2185,30') },
    { name: 'a short row that ends before the auth column (parse-error\'s) does not say it has none', csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C2,M1') },
    { name: 'JSON: auth number on the claim object', json: '{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 } ] }' },
    {
      name: 'a claim split across workspace files: the auth number on its part in another file counts',
      csv: DRUGS,
      options: { external: external(csv('C5,M5,PA9,2026-03-02,S9502,1')) },
    },
    {
      name: 'split across files: the other part\'s auth number counts on whatever day it is billed',
      csv: DRUGS,
      options: { external: external(csv('C5,M5,,2026-03-02,S9502,1', 'C5,M5,PA9,2026-05-20,S9502,1')) },
    },
    { name: 'JSON: auth number on a line', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1, "auth_number": "PA1" } ] }' },
  ],
  invalid: [
    {
      name: 'claim with empty auth cells: reported once, on its first claim id',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C2,M1,,2026-03-03,S9502,1', 'C2,M1,,2026-03-03,J2185,30'),
      errors: [{ message: MESSAGE('C2'), text: 'C2' }],
      output: null,
    },
    {
      name: 'no auth_number column: each claim reported',
      csv: 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-03-02,S9502,1\nC2,M2,2026-03-02,S9500,1\n',
      errors: [{ message: MESSAGE('C1'), text: 'C1' }, { message: MESSAGE('C2'), text: 'C2' }],
      output: null,
    },
    {
      name: 'an auth cell of spaces is no auth number',
      csv: csv('C1,M1,"  ",2026-03-02,S9502,1'),
      errors: [{ message: MESSAGE('C1'), text: 'C1' }],
      output: null,
    },
    {
      name: 'split across files: another member\'s lines of the claim number, another claim of the member, a part with none: no auth number',
      csv: DRUGS,
      options: { external: external(csv('C5,M6,PA9,2026-03-02,S9502,1', 'C6,M5,PA9,2026-03-02,S9502,1', 'C5,M5,,2026-03-02,S9502,1')) },
      errors: [{ message: MESSAGE('C5'), text: 'C5' }],
      output: null,
    },
    {
      name: 'JSON: reported on the claim id value',
      json: '{ "claim_id": "C7", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 } ] }',
      errors: [{ message: MESSAGE('C7'), text: '"C7"' }],
      output: null,
    },
  ],
});
