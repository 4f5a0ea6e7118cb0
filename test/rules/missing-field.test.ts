import { rule } from '../../server/src/rules/missing-field';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,dos_from,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const REQUIRED = 'required: claim_id, member_id, dos_from, hcpcs, units';

ruleTester(rule, {
  valid: [
    { name: 'every required column and cell', csv: csv('C1,M1,2026-03-02,S9502,1') },
    { name: 'aliases name the required columns', csv: 'Claim Number,patient_id,DOS,CPT,Qty\nC1,M1,2026-03-02,S9502,1\n' },
    { name: 'optional cells may be empty', csv: 'claim_id,member_id,dos_from,hcpcs,units,ndc,charge\nC1,M1,2026-03-02,S9502,1,,\n' },
    { name: 'header only', csv: `${HEAD}\n` },
    { name: 'empty file', csv: '' },
    { name: 'JSON: line inherits claim fields', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 } ] }' },
    { name: 'JSON: a flat line object', json: '[ { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "S9502", "units": "1" } ]' },
    { name: 'JSON: "lint_disable" on a claim without lines', json: '{ "claim_id": "C1", "lint_disable": ["missing-field"], "lines": [] }' },
    { name: 'JSON: a claim being written ("lines": [ unclosed) gets only the parse error', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [' },
    { name: 'JSON: a required key whose value is an object or a list is there (invalid-value\'s)', json: '[ { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": { "code": "J3490" }, "units": [1] } ]' },
    { name: 'JSON: a half-written line gets only the parse error', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": ' },
    { name: 'JSON: "lint_disable" on a claim whose lines all lack member_id', json: '{ "claim_id": "C1", "lint_disable": ["missing-field"], "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-03", "hcpcs": "S9502", "units": 1 } ] }' },
  ],
  invalid: [
    {
      name: 'one required column missing from the header',
      csv: 'claim_id,member_id,dos_from,hcpcs\nC1,M1,2026-03-02,S9502\n',
      errors: [{ message: `Required column missing from the header: units. Add it (${REQUIRED})`, text: 'claim_id,member_id,dos_from,hcpcs' }],
      output: null,
    },
    {
      name: 'several missing: one diagnostic naming them all',
      csv: 'claim_id,hcpcs,units\nC1,S9502,1\n',
      errors: [{ message: `Required columns missing from the header: member_id, dos_from. Add them (${REQUIRED})`, text: 'claim_id,hcpcs,units' }],
      output: null,
    },
    {
      name: 'a file without a header row',
      csv: 'C1,M1,2026-03-02,S9502,1\n',
      errors: [{ message: 'The first row is not a claims header (no known column names): add a header row naming the columns, at least claim_id, member_id, dos_from, hcpcs, units', text: 'C1,M1,2026-03-02,S9502,1' }],
      output: null,
    },
    {
      name: 'a semicolon-separated export: the separator is named',
      csv: 'claim_id;member_id;dos_from;hcpcs;units\nC1;M1;2026-03-02;J2185;30\n',
      errors: [{ message: 'The columns of this file are separated by semicolons (;), not commas: save it as comma-separated CSV (claim files are RFC 4180 CSV)', text: 'claim_id;member_id;dos_from;hcpcs;units' }],
      output: null,
    },
    {
      name: 'a tab-separated export',
      csv: 'Claim ID\tMember ID\tDOS\tHCPCS\tUnits\nC1\tM1\t2026-03-02\tJ2185\t30\n',
      errors: [{ message: /^The columns of this file are separated by tabs, not commas/, text: 'Claim ID\tMember ID\tDOS\tHCPCS\tUnits' }],
      output: null,
    },
    {
      name: 'empty required cells are reported on the cell',
      csv: csv('C1,M1,2026-03-02,,1', 'C1,  ,2026-03-02,J2185,""'),
      errors: [
        { message: 'hcpcs is empty: enter the HCPCS or CPT code billed', text: '' },
        { message: "member_id is empty: enter the patient's member id", text: '  ' },
        { message: 'units is empty: enter the service units billed', text: '' },
      ],
      output: null,
    },
    {
      name: 'JSON: a line missing fields on the line and its claim',
      json: '{ "claim_id": "C1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502" } ] }',
      errors: [{ message: 'Line is missing member_id, units: add them to the line or to its claim', text: '{ "dos_from": "2026-03-02", "hcpcs": "S9502" }' }],
      output: null,
    },
    {
      name: 'JSON: one missing field',
      json: '[ { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "S9502" } ]',
      errors: [{ message: 'Line is missing units: add it to the line or to its claim', text: '{ "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "S9502" }' }],
      output: null,
    },
    {
      name: 'JSON: a claim with "lines": [] has no service line to bill',
      json: '{ "claims": [ { "claim_id": "C1", "member_id": "M1", "lines": [] }, { "lines": [ ] } ] }',
      errors: [
        { message: 'Claim C1 has no service lines: add a line object to "lines" (claim_id, member_id, dos_from, hcpcs, units), or remove the claim', text: '[]' },
        { message: /^This claim has no service lines/, text: '[ ]' },
      ],
      output: null,
    },
    {
      name: 'JSON: an empty value is reported on the value, a claim-level one once',
      json: '{ "claim_id": "C1", "member_id": "", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": null } ] }',
      errors: [
        { message: "member_id is empty: enter the patient's member id", text: '""' },
        { message: 'units is empty: enter the service units billed', text: 'null' },
      ],
      output: null,
    },
    {
      // As a missing CSV column is one diagnostic on the header: one a claim, not one a line.
      name: 'JSON: a field none of a claim\'s lines has is one problem on the claim object',
      json: '{ "claims": [ { "claim_id": "C7", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-03", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-04", "hcpcs": "S9502", "units": 1 } ] } ] }',
      errors: [{
        message: 'Claim C7 is missing member_id on all 3 of its lines: add it to the claim or to each line',
        text: '{ "claim_id": "C7", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-03", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-04", "hcpcs": "S9502", "units": 1 } ] }',
      }],
      output: null,
    },
    {
      name: 'JSON: a "lint_disable" on one line does not hide what the other lines lack',
      json: '{ "claim_id": "C8", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1, "lint_disable": ["missing-field"] }, { "dos_from": "2026-03-03", "hcpcs": "S9502", "units": 1 } ] }',
      errors: [{ message: 'Claim C8 is missing member_id on all 2 of its lines: add it to the claim or to each line', text: '{ "claim_id": "C8", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1, "lint_disable": ["missing-field"] }, { "dos_from": "2026-03-03", "hcpcs": "S9502", "units": 1 } ] }' }],
      output: null,
    },
    {
      name: 'JSON: fields every line lacks on the claim, one only some lines lack on those lines',
      json: '{ "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502" }, { "dos_from": "2026-03-02" } ] }',
      errors: [
        { message: 'This claim is missing claim_id, member_id, units on all 2 of its lines: add them to the claim or to each line', text: '{ "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502" }, { "dos_from": "2026-03-02" } ] }' },
        { message: 'Line is missing hcpcs: add it to the line or to its claim', text: '{ "dos_from": "2026-03-02" }' },
      ],
      output: null,
    },
  ],
});
