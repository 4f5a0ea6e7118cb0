import { rule } from '../../server/src/rules/ndc-format';
import * as assert from 'assert';
import { lintText } from '../../server/src/engine';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units,ndc,ndc_unit,ndc_qty';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const row = (ndc: string): string => `C1,M1,PA1,2026-03-02,J2185,30,${ndc},UN,3`;
const json = (ndc: string): string =>
  `{\n  "claim_id": "C1",\n  "member_id": "M1",\n  "lines": [\n    { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "ndc": ${ndc}, "ndc_unit": "UN", "ndc_qty": 3 }\n  ]\n}\n`;

ruleTester(rule, {
  valid: [
    { name: '5-4-2 with hyphens', csv: csv(row('00143-9431-10')) },
    { name: '11 digits without hyphens (keep)', csv: csv(row('00143943110')) },
    { name: '11 digits without hyphens (ndcFormat digits)', csv: csv(row('00143943110')), options: { ndcFormat: 'digits' } },
    { name: '5-4-2 with hyphens is fine under ndcFormat digits', csv: csv(row('00143-9431-10')), options: { ndcFormat: 'digits' } },
    { name: 'no NDC on a non-drug line', csv: csv('C1,M1,PA1,2026-03-02,S9502,1,,,') },
    { name: 'surrounding spaces in a quoted cell', csv: csv(row('" 00143-9431-10 "')) },
    { name: 'JSON: 5-4-2', json: json('"00143-9431-10"') },
  ],
  invalid: [
    {
      name: '4-4-2: leading zero on the labeler',
      csv: csv(row('0409-4332-01')),
      errors: [{ message: 'NDC 0409-4332-01 is in 4-4-2 form: bill it as 11 digits 5-4-2, 00409-4332-01', text: '0409-4332-01' }],
      output: csv(row('00409-4332-01')),
    },
    {
      name: '5-3-2: zero before the product',
      csv: csv(row('12345-678-90')),
      errors: [{ message: 'NDC 12345-678-90 is in 5-3-2 form: bill it as 11 digits 5-4-2, 12345-0678-90', text: '12345-678-90' }],
      output: csv(row('12345-0678-90')),
    },
    {
      name: '5-4-1: zero before the package',
      csv: csv(row('12345-6789-0')),
      errors: [{ message: 'NDC 12345-6789-0 is in 5-4-1 form: bill it as 11 digits 5-4-2, 12345-6789-00', text: '12345-6789-0' }],
      output: csv(row('12345-6789-00')),
    },
    {
      name: 'quoted cell keeps its quotes',
      csv: csv('"C1","M1","PA1","2026-03-02","J3373","100","0409-4332-01","UN","2"'),
      errors: [{ message: /^NDC 0409-4332-01 is in 4-4-2 form/, text: '0409-4332-01' }],
      output: csv('"C1","M1","PA1","2026-03-02","J3373","100","00409-4332-01","UN","2"'),
    },
    {
      name: 'ndcFormat digits writes 11 digits',
      csv: csv(row('0409-4332-01')),
      options: { ndcFormat: 'digits' },
      errors: [{ message: 'NDC 0409-4332-01 is in 4-4-2 form: bill it as 11 digits, 00409433201 (setting ndcFormat is digits)' }],
      output: csv(row('00409433201')),
    },
    {
      name: 'ndcFormat hyphenated: bare 11 digits get their hyphens',
      csv: csv(row('00143943110')),
      options: { ndcFormat: 'hyphenated' },
      errors: [{ message: 'NDC 00143943110 has no hyphens: write it in 5-4-2 form, 00143-9431-10 (setting ndcFormat is hyphenated)', text: '00143943110' }],
      output: csv(row('00143-9431-10')),
    },
    {
      // ndcFormat keep: no hyphens written, as the NDC had none; the message names that form.
      name: '10 digits the NDC directory resolves to one package',
      csv: csv(row('0143943110')),
      errors: [{ message: 'NDC 0143943110 has 10 digits: the NDC directory knows one package for it, bill it as 11 digits, 00143943110 (no hyphens, as it was written; setting ndcFormat is keep)', text: '0143943110' }],
      fix: 'Pad NDC to 11 digits: 0143943110 → 00143943110',
      output: csv(row('00143943110')),
    },
    {
      name: '10 digits resolved, written hyphenated under ndcFormat hyphenated',
      csv: csv(row('0143943110')),
      options: { ndcFormat: 'hyphenated' },
      errors: [{ message: 'NDC 0143943110 has 10 digits: the NDC directory knows one package for it, bill it as 11 digits 5-4-2, 00143-9431-10' }],
      fix: 'Pad NDC to 11 digits: 0143943110 → 00143-9431-10',
      output: csv(row('00143-9431-10')),
    },
    {
      name: '10 digits resolved, written as digits under ndcFormat digits',
      csv: csv(row('0143943110')),
      options: { ndcFormat: 'digits' },
      errors: [{ message: 'NDC 0143943110 has 10 digits: the NDC directory knows one package for it, bill it as 11 digits, 00143943110 (setting ndcFormat is digits)' }],
      fix: 'Pad NDC to 11 digits: 0143943110 → 00143943110',
      output: csv(row('00143943110')),
    },
    {
      name: '10 digits matching two packages: ambiguous, no fix',
      csv: csv(row('6175500501')),
      errors: [{ message: 'NDC 6175500501 has 10 digits and no hyphens, so it is ambiguous which segment lacks its leading zero (it could be 61755-0005-01, 61755-0050-01): enter the 11-digit NDC from the package', text: '6175500501' }],
      output: null,
    },
    {
      name: '10 digits the directory does not know: ambiguous, no fix',
      csv: csv(row('1234567890')),
      errors: [{ message: 'NDC 1234567890 has 10 digits and no hyphens, so it is ambiguous which segment lacks its leading zero: enter the 11-digit NDC in 5-4-2 form from the package' }],
      output: null,
    },
    {
      name: 'letters: no fix',
      csv: csv(row('ABCDE-1234-12')),
      errors: [{ message: 'NDC ABCDE-1234-12 is not a valid NDC: bill the 11-digit NDC in 5-4-2 form (e.g. 00143-9431-10), digits and hyphens only', text: 'ABCDE-1234-12' }],
      output: null,
    },
    {
      name: '11 digits split 6-3-2: not a display form, no fix',
      csv: csv(row('001439-431-10')),
      errors: [{ message: /^NDC 001439-431-10 is not a valid NDC/ }],
      output: null,
    },
    {
      name: 'too short',
      csv: csv(row('409-4332')),
      errors: [{ message: /^NDC 409-4332 is not a valid NDC/ }],
      output: null,
    },
    {
      name: 'JSON: 4-4-2 padded inside the string',
      json: json('"0409-4332-01"'),
      errors: [{ message: 'NDC 0409-4332-01 is in 4-4-2 form: bill it as 11 digits 5-4-2, 00409-4332-01', text: '"0409-4332-01"' }],
      output: json('"00409-4332-01"'),
    },
    {
      name: 'JSON: 10 digits resolved',
      json: json('"0143943110"'),
      errors: [{ message: /^NDC 0143943110 has 10 digits: the NDC directory knows one package/, text: '"0143943110"' }],
      output: json('"00143943110"'),
    },
    {
      name: 'JSON: an NDC written as a JSON number lost its leading zeros: it goes in quotes, no fix',
      json: json('143943110'),
      errors: [{ message: 'NDC 143943110 is a JSON number, which drops leading zeros (9 digits are left): write the NDC in quotes, as text, with its 11 digits in 5-4-2 form from the package (e.g. "00143-9431-10")', text: '143943110' }],
      output: null,
    },
    {
      name: 'JSON: a 10-digit JSON number the NDC directory resolves: padded, written in quotes',
      json: '[{ "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "Q4102", "units": 10.5, "ndc": 8213100033, "ndc_unit": "UN", "ndc_qty": 1 }]',
      errors: [{ message: 'NDC 8213100033 is a JSON number, which drops leading zeros: write the NDC in quotes; the NDC directory knows one package for these 10 digits, 08213100033', text: '8213100033' }],
      fix: 'Pad NDC to 11 digits: 8213100033 → 08213100033',
      output: '[{ "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "Q4102", "units": 10.5, "ndc": "08213100033", "ndc_unit": "UN", "ndc_qty": 1 }]',
    },
    {
      // The claim's value, shown once for its two lines: padded where it is written, not copied
      // padded onto the first line with the claim's value left for the second.
      name: 'JSON: an NDC every line inherits from the claim is padded on the claim',
      json: '{ "claim_id": "C1", "member_id": "M1", "ndc": "0143-9431-10", "lines": [\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 },\n  { "dos_from": "2026-03-03", "hcpcs": "J2185", "units": 30 }\n] }\n',
      errors: [{ message: /^NDC 0143-9431-10 is in 4-4-2 form/, text: '"0143-9431-10"' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "ndc": "00143-9431-10", "lines": [\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 },\n  { "dos_from": "2026-03-03", "hcpcs": "J2185", "units": 30 }\n] }\n',
    },
    {
      name: 'two lines, each reported',
      csv: csv(row('0409-4332-01'), row('12345-6789-0')),
      errors: [{ message: /^NDC 0409-4332-01 is in 4-4-2 form/ }, { message: /^NDC 12345-6789-0 is in 5-4-1 form/ }],
      output: csv(row('00409-4332-01'), row('12345-6789-0')),
    },
  ],
});

describe('rule ndc-format: the message names the NDC as its fix writes it', () => {
  it('for every form the fix pads, under every ndcFormat', () => {
    for (const written of ['0409-4332-01', '12345-678-90', '12345-6789-0', '0143943110', '00143943110']) {
      for (const ndcFormat of ['keep', 'hyphenated', 'digits'] as const) {
        for (const f of lintText(csv(row(written)), 'csv', { ndcFormat }).findings.filter((x) => x.ruleId === 'ndc-format')) {
          const pad = f.fixes.find((x) => x.title.startsWith('Pad NDC'));
          if (!pad) continue;
          const value = pad.title.slice(pad.title.indexOf('→ ') + 2);
          assert.ok(f.message.includes(`, ${value}`), `${written} (${ndcFormat}): "${f.message}" does not name ${value}`);
        }
      }
    }
  });
});
