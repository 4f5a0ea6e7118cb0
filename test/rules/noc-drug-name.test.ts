import { rule } from '../../server/src/rules/noc-drug-name';
import { ruleTester } from '../helpers/rule-tester';

const csv = (...rows: string[]): string => ['claim_id,member_id,auth_number,dos_from,hcpcs,units,notes', ...rows].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'J3490 with the drug name', csv: csv('C1,M1,PA1,2026-03-02,J3490,1,ertapenem 1 g') },
    { name: 'a named J-code needs no notes', csv: csv('C1,M1,PA1,2026-03-02,J2185,30,') },
    { name: 'J7999 named in a quoted cell', csv: csv('C1,M1,PA1,2026-03-02,J7999,1,"compounded, morphine 10 mg/mL"') },
    { name: 'JSON: J7799 with notes', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J7799", "units": 1, "notes": "treprostinil" } ] }' },
  ],
  invalid: [
    {
      name: 'J3490 with an empty notes cell',
      csv: csv('C1,M1,PA1,2026-03-02,J3490,1,'),
      errors: [{ message: "J3490 is a not-otherwise-classified drug code: write the drug's name in notes (box 19 / SV101-7), or the claim will deny", text: 'J3490' }],
      output: null,
    },
    {
      name: 'notes holding only spaces',
      csv: csv('C1,M1,PA1,2026-03-02,J9999,1,"   "'),
      errors: [{ message: /^J9999 is a not-otherwise-classified drug code/, text: 'J9999' }],
      output: null,
    },
    {
      name: 'no notes column at all',
      csv: 'claim_id,member_id,auth_number,dos_from,hcpcs,units\nC1,M1,PA1,2026-03-02,J3590,1\n',
      errors: [{ message: /^J3590 is a not-otherwise-classified drug code/, text: 'J3590' }],
      output: null,
    },
    {
      name: 'lower-case code is still a NOC code',
      csv: csv('C1,M1,PA1,2026-03-02,j7799,1,'),
      errors: [{ message: /^J7799 is a not-otherwise-classified drug code/, text: 'j7799' }],
      output: null,
    },
    {
      name: 'JSON: J7999 without a notes key',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J7999", "units": 1 } ] }',
      errors: [{ message: /^J7999 is a not-otherwise-classified drug code/, text: '"J7999"' }],
      output: null,
    },
  ],
});
