import { parseDocument } from '../../server/src/parse';
import { rule } from '../../server/src/rules/multi-ndc-kp-kq';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,modifiers,units,ndc';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));
const json = (...lines: string[]): string =>
  `{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [\n${lines.map((l) => `  ${l}`).join(',\n')}\n] }\n`;

ruleTester(rule, {
  valid: [
    { name: 'KP on the first NDC, KQ on the second', csv: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,KQ,1,00338-0049-04') },
    { name: 'KP may sit on a later line', csv: csv('C1,M1,PA1,2026-03-02,J3490,KQ,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,KP,1,00338-0049-04') },
    { name: 'same code, same NDC twice', csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,63323-0508-20', 'C1,M1,PA1,2026-03-02,J2185,,10,63323-0508-20') },
    { name: 'same NDC written two ways', csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,63323-0508-20', 'C1,M1,PA1,2026-03-02,J2185,,10,63323050820') },
    { name: 'same NDC in 4-4-2 display form and 11-digit billing form', csv: csv('C1,M1,PA1,2026-03-02,J3370,,4,0409-4332-01', 'C1,M1,PA1,2026-03-02,J3370,,2,00409-4332-01') },
    {
      name: 'same NDC as 4-4-2 and as 10 digits the NDC directory resolves to it',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,0143-9431-10', 'C1,M1,PA1,2026-03-02,J2185,,10,0143943110'),
    },
    { name: 'different codes with different NDCs', csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,63323-0508-20', 'C1,M1,PA1,2026-03-02,J3370,,4,00409-4332-01') },
    { name: 'same code and different NDCs on different days', csv: csv('C1,M1,PA1,2026-03-02,J3490,,1,00409-4888-20', 'C1,M1,PA1,2026-03-03,J3490,,1,00338-0049-04') },
    { name: 'different members', csv: csv('C1,M1,PA1,2026-03-02,J3490,,1,00409-4888-20', 'C2,M2,PA2,2026-03-02,J3490,,1,00338-0049-04') },
    { name: 'a JW wastage line is not another ingredient', csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,63323-0508-20', 'C1,M1,PA1,2026-03-02,J2185,JW,5,63323-0508-21') },
    {
      // ndc-format's finding; while an NDC is typed the day's other lines must not be told to add KP/KQ.
      name: 'an NDC that names no package (half-typed, too short) is no second drug',
      csv: csv('C1,M1,PA1,2026-03-02,J3373,,200,00409-6535-01', 'C1,M1,PA1,2026-03-02,J3373,,100,0', 'C1,M1,PA1,2026-03-02,J3373,,100,00409-65'),
    },
  ],
  invalid: [
    {
      name: 'the first drug with its four modifier slots taken: no fix, and the message says to make room',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,GY GA KX 59,30,00143-9431-10', 'C1,M1,PA1,2026-03-02,J2185,KQ,10,63323-0508-20'),
      errors: [{ message: 'J2185 is billed on 2026-03-02 with 2 different NDCs (a multiple-drug formulation): the first drug, NDC 00143-9431-10, takes KP; add modifier KP (its 4 modifier slots are taken: GY GA KX 59; free one for KP: pricing modifiers such as SH, SJ and JW come first)', text: 'J2185' }],
      output: null,
    },
    {
      name: 'a later drug carrying KQ and KP keeps one KQ, not two',
      csv: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,KQ KP,1,00338-0049-04'),
      errors: [{ message: /^J3490 NDC 00338-0049-04 is a second or later drug .*: replace KP with KQ$/, text: 'KP' }],
      fix: 'Add modifier KQ in place of KP',
      output: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,KQ,1,00338-0049-04'),
    },
    {
      name: 'two NDCs, no modifiers: KP first',
      csv: csv('C1,M1,PA1,2026-03-02,J3490,,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,,1,00338-0049-04'),
      errors: [
        { message: 'J3490 is billed on 2026-03-02 with 2 different NDCs (a multiple-drug formulation): the first drug, NDC 00409-4888-20, takes KP; add modifier KP', text: 'J3490' },
        { message: 'J3490 NDC 00338-0049-04 is a second or later drug of a multiple-drug formulation on 2026-03-02 (the first is NDC 00409-4888-20): add modifier KQ', text: 'J3490' },
      ],
      fix: 'Add modifier KP',
      output: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,,1,00338-0049-04'),
    },
    {
      name: 'KP present, the others need KQ',
      csv: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,,1,00338-0049-04', 'C1,M1,PA1,2026-03-02,J3490,KQ,1,00264-7800-00'),
      errors: [{ message: 'J3490 NDC 00338-0049-04 is a second or later drug of a multiple-drug formulation on 2026-03-02 (the first is NDC 00409-4888-20): add modifier KQ', text: 'J3490' }],
      fix: 'Add modifier KQ',
      output: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,KQ,1,00338-0049-04', 'C1,M1,PA1,2026-03-02,J3490,KQ,1,00264-7800-00'),
    },
    {
      name: 'KP on two lines',
      csv: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,KP,1,00338-0049-04'),
      errors: [{ message: /^J3490 NDC 00338-0049-04 is a second or later drug .*: replace KP with KQ$/, text: 'KP' }],
      output: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,KQ,1,00338-0049-04'),
    },
    {
      name: 'KQ on every line: the first takes KP',
      csv: csv('C1,M1,PA1,2026-03-02,J3490,KQ,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,KQ,1,00338-0049-04'),
      errors: [{ message: /^J3490 is billed on 2026-03-02 with 2 different NDCs .*; replace KQ with KP$/, text: 'KQ' }],
      output: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C1,M1,PA1,2026-03-02,J3490,KQ,1,00338-0049-04'),
    },
    {
      name: 'the first line is in another claim of the member',
      csv: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C2,M1,PA2,2026-03-02,J3490,,1,00338-0049-04'),
      errors: [{ message: /add modifier KQ$/, text: 'J3490' }],
      output: csv('C1,M1,PA1,2026-03-02,J3490,KP,1,00409-4888-20', 'C2,M1,PA2,2026-03-02,J3490,KQ,1,00338-0049-04'),
    },
    {
      // Neither has KP yet: the first by file (a before b) takes it, seen from either file, so
      // b.claims.csv is told KQ (and a.claims.csv KP), not both KP.
      name: 'two files, neither line modified: the second file by uri takes KQ',
      csv: csv('C2,M1,PA2,2026-03-02,J3490,,1,00338-0049-04'),
      options: { uri: 'file:///w/b.claims.csv', external: external('file:///w/a.claims.csv', csv('C1,M1,PA1,2026-03-02,J3490,,1,00409-4888-20')) },
      errors: [{ message: /add modifier KQ$/, text: 'J3490' }],
      output: csv('C2,M1,PA2,2026-03-02,J3490,KQ,1,00338-0049-04'),
    },
    {
      name: 'the first line is in another workspace file',
      csv: csv('C1,M1,PA1,2026-03-02,J3490,,1,00338-0049-04'),
      options: { external: external('file:///w/other.claims.csv', csv('C9,M1,PA9,2026-03-02,J3490,KP,1,00409-4888-20')) },
      errors: [{ message: /^J3490 NDC 00338-0049-04 is a second or later drug .*add modifier KQ$/, text: 'J3490' }],
      output: csv('C1,M1,PA1,2026-03-02,J3490,KQ,1,00338-0049-04'),
    },
    {
      name: 'JSON: modifiers key added',
      json: json('{ "dos_from": "2026-03-02", "hcpcs": "J3490", "units": 1, "ndc": "00409-4888-20" }', '{ "dos_from": "2026-03-02", "hcpcs": "J3490", "modifiers": ["KQ"], "units": 1, "ndc": "00338-0049-04" }'),
      errors: [{ message: /add modifier KP$/, text: '"J3490"' }],
      output: json('{ "dos_from": "2026-03-02", "hcpcs": "J3490", "units": 1, "ndc": "00409-4888-20", "modifiers": ["KP"] }', '{ "dos_from": "2026-03-02", "hcpcs": "J3490", "modifiers": ["KQ"], "units": 1, "ndc": "00338-0049-04" }'),
    },
  ],
});
