import { rule } from '../../server/src/rules/parse-error';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,dos_from,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'well-formed rows', csv: csv('C1,M1,2026-03-02,S9502,1', 'C1,M1,2026-03-02,J2185,30') },
    { name: 'quoted comma, quoted newline and "" escape', csv: 'claim_id,member_id,dos_from,hcpcs,units,notes\nC1,M1,2026-03-02,J3490,1,"vanco, ""2 g""\nin NS"\n' },
    { name: 'comment and blank lines are not rows', csv: `${HEAD}\n# a note\n\nC1,M1,2026-03-02,S9502,1\n` },
    { name: 'CRLF and a BOM', csv: `\uFEFF${HEAD}\r\nC1,M1,2026-03-02,S9502,1\r\n` },
    { name: 'a quote inside an unquoted cell is text', csv: 'claim_id,member_id,dos_from,hcpcs,units,notes\nC1,M1,2026-03-02,A4221,1,12" tubing\n' },
    { name: 'empty file', csv: '' },
    { name: 'JSON with comments and trailing commas', json: '{\n  // test\n  "claim_id": "C1", "member_id": "M1",\n  "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1, }, ],\n}\n' },
    { name: 'JSON: empty file', json: '' },
    { name: 'JSON: a value of the wrong type, also in a modifiers list, is invalid-value\'s', json: '[ { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "charge": [96], "modifiers": ["JW", {}, ["SH"], null, true] } ]' },
  ],
  invalid: [
    {
      name: 'unclosed quote: reported at the quote, the next row is still read',
      csv: csv('C1,"M1,2026-03-02,S9502,1', 'C1,M1,2026-03-02,J2185,x,y'),
      errors: [
        { message: 'Unclosed quote in column member_id: close it with " or remove it', text: '"' },
        { message: 'Expected 5 cells (one per header column), found 6: remove the extra cells or quote a value that contains a comma', text: 'C1,M1,2026-03-02,J2185,x,y' },
      ],
      output: null,
    },
    {
      name: 'a row with too few cells',
      csv: csv('C1,M1,2026-03-02,S9502'),
      errors: [{ message: 'Expected 5 cells (one per header column), found 4: add the missing cells', text: 'C1,M1,2026-03-02,S9502' }],
      output: null,
    },
    {
      name: 'text after a closing quote',
      csv: csv('C1,"M1"x,2026-03-02,S9502,1'),
      errors: [{ message: 'Text after the closing quote in column member_id: put the whole value inside the quotes', text: 'x' }],
      output: null,
    },
    {
      name: 'JSON: missing comma between values',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02" "hcpcs": "S9502", "units": 1 } ] }',
      errors: [{ message: 'Expected a comma between values', text: '"hcpcs"' }],
      output: null,
    },
    {
      name: 'JSON: truncated file',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }',
      errors: [{ message: 'Unexpected end of file: close the open objects and lists with ]}', text: '' }],
      output: null,
    },
    {
      name: 'JSON: "lines" is not a list',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": "S9502" }',
      errors: [{ message: '"lines" must be a list of line objects: [ { ... }, ... ]', text: '"S9502"' }],
      output: null,
    },
    {
      name: 'JSON: "lines" is one line object, not a list of them: the error on the key, the line read',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": { "hcpcs": "S9502" } }',
      errors: [{ message: '"lines" must be a list: put the line object in [ ], "lines": [ { ... } ] (it is read as one line)', text: '"lines"' }],
      output: null,
    },
    {
      name: 'JSON: a line that is not an object',
      json: '[ { "claim_id": "C1", "member_id": "M1", "lines": [ "S9502" ] } ]',
      errors: [{ message: 'Expected a line object { ... } here', text: '"S9502"' }],
      output: null,
    },
  ],
});
