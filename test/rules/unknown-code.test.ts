import { rule } from '../../server/src/rules/unknown-code';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const row = (code: string): string => `C1,M1,PA1,2026-03-02,${code},1`;
const MESSAGE = (code: string): RegExp =>
  new RegExp(`^${code} is not in the CMS HCPCS Level II code set \\(\\d{4}Q\\d\\): check the code; a drug with no code of its own is billed with a NOC code \\(e\\.g\\. J3490\\) and its name in notes$`);

ruleTester(rule, {
  valid: [
    { name: 'codes in the CMS file', csv: csv(row('J2185'), row('S9502'), row('G0068'), row('A4221')) },
    { name: 'a terminated code is known (code-inactive judges its dates)', csv: csv(row('J3370')) },
    { name: 'CPT codes are not in the CMS file and not looked up', csv: csv(row('99601'), row('99999'), row('0001U')) },
    { name: 'malformed codes are code-format\'s', csv: csv(row('J218'), row('XYZ')) },
    { name: 'lower-case known code', csv: csv(row('j2185')) },
    { name: 'JSON: known code', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J3373", "units": 100 } ] }' },
  ],
  invalid: [
    { name: 'J-code not in the file', csv: csv(row('J2185'), row('J9998')), errors: [{ message: MESSAGE('J9998'), text: 'J9998' }], output: null },
    { name: 'letter not used by HCPCS', csv: csv(row('Z1234')), errors: [{ message: MESSAGE('Z1234'), text: 'Z1234' }], output: null },
    { name: 'lower-case unknown code is named upper-case', csv: csv(row('j1234')), errors: [{ message: MESSAGE('J1234'), text: 'j1234' }], output: null },
    {
      name: 'JSON: unknown S-code',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9591", "units": 1 } ] }',
      errors: [{ message: MESSAGE('S9591'), text: '"S9591"' }],
      output: null,
    },
  ],
});
