import { rule } from '../../server/src/rules/code-format';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const row = (code: string): string => `C1,M1,PA1,2026-03-02,${code},1`;
const MESSAGE = (code: string): string =>
  `Code ${code} is not a procedure code: bill a HCPCS Level II code (a letter and 4 digits, e.g. J2185) or a CPT code (5 characters, e.g. 99601)`;

ruleTester(rule, {
  valid: [
    { name: 'HCPCS Level II codes', csv: csv(row('J2185'), row('S9502'), row('G0068')) },
    { name: 'CPT codes, including category II/III and PLA', csv: csv(row('99601'), row('0001U'), row('1234F'), row('0075T')) },
    { name: 'lower case is the same code (case-insensitive)', csv: csv(row('j2185'), row('s9502')) },
    { name: 'spaces around the code', csv: csv(row('" J2185 "')) },
    { name: 'empty code is missing-field\'s, not a format problem', csv: csv(row('')) },
    { name: 'JSON: Level II code', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9500", "units": 1 } ] }' },
  ],
  invalid: [
    { name: 'four characters', csv: csv(row('J218')), errors: [{ message: MESSAGE('J218'), text: 'J218' }], output: null },
    { name: 'six characters', csv: csv(row('J21855')), errors: [{ message: MESSAGE('J21855'), text: 'J21855' }], output: null },
    { name: 'two letters', csv: csv(row('JJ185')), errors: [{ message: MESSAGE('JJ185'), text: 'JJ185' }], output: null },
    { name: 'CPT with a wrong fifth character', csv: csv(row('9960X')), errors: [{ message: MESSAGE('9960X'), text: '9960X' }], output: null },
    {
      name: 'code with a modifier written into it, as the policies write it (S9501-SH)',
      csv: csv(row('S9501-SH')),
      errors: [{ message: "Code S9501-SH has modifier SH written into it: bill S9501 as the code and put SH in the line's modifiers", text: 'S9501-SH' }],
      output: null,
    },
    { name: 'CPT code and modifier with a space', csv: csv(row('99601 59')), errors: [{ message: /^Code 99601 59 has modifier 59 written into it: bill 99601 as the code/, text: '99601 59' }], output: null },
    { name: 'a code with too many characters after a hyphen is not read as code and modifier', csv: csv(row('S9501-SHX')), errors: [{ message: MESSAGE('S9501-SHX'), text: 'S9501-SHX' }], output: null },
    {
      name: 'JSON: a number that is not a CPT code',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": 9960, "units": 1 } ] }',
      errors: [{ message: MESSAGE('9960'), text: '9960' }],
      output: null,
    },
  ],
});
