import { rule } from '../../server/src/rules/ndc-unit';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,units,ndc,ndc_unit,ndc_qty';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const row = (unit: string, qty: string): string => `C1,M1,PA1,2026-03-02,J2185,30,00143-9431-10,${unit},${qty}`;
const json = (unitQty: string): string =>
  `{\n  "claim_id": "C1",\n  "member_id": "M1",\n  "lines": [\n    { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "ndc": "00143-9431-10"${unitQty} }\n  ]\n}\n`;
const QUALIFIERS = 'F2 (international units), GR (grams), ML (milliliters) or UN (units)';

ruleTester(rule, {
  valid: [
    { name: 'UN with a whole quantity', csv: csv(row('UN', '3')) },
    { name: 'ML with a decimal quantity', csv: csv(row('ML', '1.5')) },
    { name: 'GR and F2', csv: csv(row('GR', '0.05'), row('F2', '50000')) },
    { name: 'lower-case qualifier is read as upper case', csv: csv(row('un', '3')) },
    { name: 'no NDC: no qualifier needed', csv: csv('C1,M1,PA1,2026-03-02,S9502,1,,,') },
    { name: 'JSON: qualifier and quantity', json: json(', "ndc_unit": "ML", "ndc_qty": 2.5') },
    { name: 'JSON: quantity as a string', json: json(', "ndc_unit": "UN", "ndc_qty": "3"') },
    { name: 'JSON: a quantity written with an exponent is a JSON number', json: json(', "ndc_unit": "ML", "ndc_qty": 2.5e-1') },
  ],
  invalid: [
    {
      name: 'MG converts to grams',
      csv: csv(row('MG', '500')),
      errors: [{ message: 'ndc_unit MG is not an NDC unit qualifier: report milligrams as GR (grams), 500 MG is 0.5 GR', text: 'MG' }],
      output: csv(row('GR', '0.5')),
    },
    {
      name: 'MG with a decimal quantity, quoted cells',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,30,00143-9431-10,"mg","1250.5"'),
      errors: [{ message: /report milligrams as GR \(grams\), 1250\.5 MG is 1\.2505 GR$/, text: 'mg' }],
      output: csv('C1,M1,PA1,2026-03-02,J2185,30,00143-9431-10,"GR","1.2505"'),
    },
    {
      name: 'MG below a microgram: converted exactly, not rounded to 0',
      csv: csv(row('MG', '0.0004')),
      errors: [{ message: /, 0\.0004 MG is 0\.0000004 GR$/, text: 'MG' }],
      output: csv(row('GR', '0.0000004')),
    },
    {
      name: 'MG in exponent notation: no conversion offered (it would not be the written amount)',
      csv: csv(row('MG', '5e2')),
      errors: [
        { message: 'ndc_unit MG is not an NDC unit qualifier: report milligrams as GR (grams)', text: 'MG' },
        { message: /^ndc_qty 5e2 is not a positive decimal/, text: '5e2' },
      ],
      output: null,
    },
    {
      name: 'MG without a quantity: no conversion possible (findings in text order)',
      csv: csv(row('MG', '')),
      errors: [
        { message: 'NDC 00143-9431-10 has no quantity (ndc_qty): enter the decimal quantity administered (e.g. 1.5 for three 0.5 ml vials)', text: '00143-9431-10' },
        { message: 'ndc_unit MG is not an NDC unit qualifier: report milligrams as GR (grams)', text: 'MG' },
      ],
      output: null,
    },
    {
      name: 'unknown qualifier',
      csv: csv(row('EA', '3')),
      errors: [{ message: `ndc_unit EA is not an NDC unit qualifier: use ${QUALIFIERS}`, text: 'EA' }],
      output: null,
    },
    {
      name: 'no qualifier and no quantity: one finding on the NDC',
      csv: csv(row('', '')),
      errors: [{ message: `NDC 00143-9431-10 has no unit qualifier (ndc_unit) and no quantity (ndc_qty): enter ${QUALIFIERS} and the quantity administered`, text: '00143-9431-10' }],
      output: null,
    },
    {
      name: 'no qualifier',
      csv: csv(row('', '3')),
      errors: [{ message: `NDC 00143-9431-10 has no unit qualifier (ndc_unit): enter ${QUALIFIERS}`, text: '00143-9431-10' }],
      output: null,
    },
    {
      name: 'quantity zero',
      csv: csv(row('UN', '0')),
      errors: [{ message: 'ndc_qty 0 is not a positive decimal: enter the quantity administered as a plain decimal (e.g. 1.5)', text: '0' }],
      output: null,
    },
    {
      name: 'quantity with a comma decimal',
      csv: csv(row('ML', '"1,5"')),
      errors: [{ message: /^ndc_qty 1,5 is not a positive decimal/, text: '1,5' }],
      output: null,
    },
    {
      name: 'no qualifier columns at all',
      csv: 'claim_id,member_id,dos_from,hcpcs,units,ndc\nC1,M1,2026-03-02,J2185,30,00143-9431-10\n',
      errors: [{ message: /^NDC 00143-9431-10 has no unit qualifier \(ndc_unit\) and no quantity \(ndc_qty\)/, text: '00143-9431-10' }],
      output: null,
    },
    {
      name: 'JSON: MG converts to grams',
      json: json(', "ndc_unit": "MG", "ndc_qty": 500'),
      errors: [{ message: /report milligrams as GR \(grams\), 500 MG is 0\.5 GR$/, text: '"MG"' }],
      output: json(', "ndc_unit": "GR", "ndc_qty": 0.5'),
    },
    {
      name: 'JSON: MG with an exponent quantity converts its value',
      json: json(', "ndc_unit": "MG", "ndc_qty": 5e2'),
      errors: [{ message: 'ndc_unit MG is not an NDC unit qualifier: report milligrams as GR (grams), 500 MG is 0.5 GR', text: '"MG"' }],
      output: json(', "ndc_unit": "GR", "ndc_qty": 0.5'),
    },
    {
      name: 'JSON: MG and quantity every line inherits from the claim: converted on the claim',
      json: '{ "claim_id": "C1", "member_id": "M1", "ndc": "00143-9431-10", "ndc_unit": "MG", "ndc_qty": 500, "lines": [\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 },\n  { "dos_from": "2026-03-03", "hcpcs": "J2185", "units": 30 }\n] }\n',
      errors: [{ message: /500 MG is 0\.5 GR$/, text: '"MG"' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "ndc": "00143-9431-10", "ndc_unit": "GR", "ndc_qty": 0.5, "lines": [\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 },\n  { "dos_from": "2026-03-03", "hcpcs": "J2185", "units": 30 }\n] }\n',
    },
    {
      // Made grams on the claim, MG would go with the second line's own 1000: it stays MG there.
      name: 'JSON: a line with its own quantity beside the claim\'s MG: the first line gets its own keys',
      json: '{ "claim_id": "C1", "member_id": "M1", "ndc": "00143-9431-10", "ndc_unit": "MG", "ndc_qty": 500, "lines": [\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 },\n  { "dos_from": "2026-03-03", "hcpcs": "J2185", "units": 30, "ndc_qty": 1000 }\n] }\n',
      errors: [{ message: /500 MG is 0\.5 GR$/, text: '"MG"' }, { message: /1000 MG is 1 GR$/, text: '"MG"' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "ndc": "00143-9431-10", "ndc_unit": "MG", "ndc_qty": 500, "lines": [\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "ndc_unit": "GR", "ndc_qty": 0.5 },\n  { "dos_from": "2026-03-03", "hcpcs": "J2185", "units": 30, "ndc_qty": 1000 }\n] }\n',
    },
    {
      name: 'JSON: keys missing, reported on the NDC value',
      json: json(''),
      errors: [{ message: /has no unit qualifier \(ndc_unit\) and no quantity/, text: '"00143-9431-10"' }],
      output: null,
    },
    {
      name: 'JSON: negative quantity',
      json: json(', "ndc_unit": "ML", "ndc_qty": -2'),
      errors: [{ message: /^ndc_qty -2 is not a positive decimal/, text: '-2' }],
      output: null,
    },
  ],
});
