import { rule } from '../../server/src/rules/jw-non-drug';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,modifiers,units,ndc';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'JW on a J-code', csv: csv('C1,M1,PA1,2026-03-02,J2185,JW,5,') },
    { name: 'JW on a line with an NDC', csv: csv('C1,M1,PA1,2026-03-02,A9270,JW,1,63323-0508-20') },
    { name: 'JW on a formula B-code', csv: csv('C1,M1,PA1,2026-03-02,B4185,JW,2,') },
    { name: 'a per diem without JW', csv: csv('C1,M1,PA1,2026-03-02,S9502,SH,1,') },
  ],
  invalid: [
    {
      name: 'JW on a per diem',
      csv: csv('C1,M1,PA1,2026-03-02,S9502,JW,1,'),
      errors: [{ message: 'JW (discarded drug) is on S9502, which is not a drug line: JW is only for drug wasted from a single-use package (a J-code or a line with an NDC); remove the modifier', text: 'JW' }],
      output: null,
    },
    {
      name: 'JW on a nursing visit, among other modifiers',
      csv: csv('C1,M1,PA1,2026-03-02,99601,"GY:JW",1,'),
      errors: [{ message: /^JW \(discarded drug\) is on 99601, which is not a drug line/, text: 'JW' }],
      output: null,
    },
    {
      name: 'JW in a modifier column',
      csv: 'claim_id,member_id,auth_number,dos_from,hcpcs,modifier1,modifier2,units\nC1,M1,PA1,2026-03-02,A4222,,JW,1\n',
      errors: [{ message: /^JW \(discarded drug\) is on A4222/, text: 'JW' }],
      output: null,
    },
    {
      name: 'JSON: JW in a modifiers array on a supply',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "E0781", "modifiers": ["RR", "JW"], "units": 1 }\n] }\n',
      errors: [{ message: /^JW \(discarded drug\) is on E0781, which is not a drug line/, text: '"JW"' }],
      output: null,
    },
  ],
});
