import { rule } from '../../server/src/rules/auth-missing';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const MESSAGE = (claim: string): string =>
  `Claim ${claim} has no prior authorization number (auth_number, box 23): enter the authorization number for these services`;

ruleTester(rule, {
  valid: [
    { name: 'every line has the auth number', csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,J2185,30') },
    { name: 'one line of the claim carries it', csv: csv('C1,M1,,2026-03-02,S9502,1', 'C1,M1,PA1,2026-03-02,J2185,30') },
    { name: 'a short row that ends before the auth column (parse-error\'s) does not say it has none', csv: csv('C1,M1,PA1,2026-03-02,S9502,1', 'C2,M1') },
    { name: 'JSON: auth number on the claim object', json: '{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 } ] }' },
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
      name: 'JSON: reported on the claim id value',
      json: '{ "claim_id": "C7", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 } ] }',
      errors: [{ message: MESSAGE('C7'), text: '"C7"' }],
      output: null,
    },
  ],
});
