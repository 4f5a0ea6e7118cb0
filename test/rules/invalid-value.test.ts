import { rule } from '../../server/src/rules/invalid-value';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,dos_to,hcpcs,modifiers,units,charge,wasted_units,vial,duration_min';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
/** A good row; `over` replaces cells by column name. */
function row(over: Partial<Record<string, string>> = {}): string {
  const base: Record<string, string> = {
    claim_id: 'C1', member_id: 'M1', payer: 'commercial', auth_number: 'PA1', dos_from: '2026-03-02', dos_to: '',
    hcpcs: 'J2185', modifiers: '', units: '30', charge: '96.00', wasted_units: '', vial: 'single', duration_min: '',
  };
  return HEAD.split(',').map((k) => over[k] ?? base[k]).join(',');
}
const jsonLine = (fields: string): string =>
  `{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30${fields} } ] }`;

ruleTester(rule, {
  valid: [
    { name: 'every field readable', csv: csv(row(), row({ dos_to: '2026-03-04', hcpcs: 'S9502', units: '3', vial: '', modifiers: 'SH', duration_min: '90' })) },
    { name: 'empty optional cells', csv: csv(row({ payer: '', dos_to: '', charge: '', vial: '', wasted_units: '' })) },
    { name: 'US dates, one-digit month and day', csv: csv(row({ dos_from: '3/2/2026', dos_to: '03/05/2026' })) },
    { name: 'decimal units, whole-dollar charge, wasted units under units', csv: csv(row({ units: '1.5', charge: '96', wasted_units: '0.5' })) },
    { name: 'payer and vial in other letter cases', csv: csv(row({ payer: 'Medicare_Advantage', vial: 'Multi' })) },
    { name: 'modifiers separated every allowed way', csv: csv(row({ modifiers: '"JW:59,KX-SH"' })) },
    { name: 'dos_to equal to dos_from', csv: csv(row({ dos_to: '2026-03-02' })) },
    { name: 'four modifiers fill the four slots', csv: csv(row({ modifiers: 'JW KX 59 GA' })) },
    { name: 'an empty required cell is missing-field\'s', csv: csv(row({ units: '' })) },
    { name: 'JSON: numbers as numbers and strings, modifiers as an array', json: jsonLine(', "charge": "96.00", "modifiers": ["JW", "59"], "wasted_units": 5, "payer": "medicaid"') },
    { name: 'JSON: numbers written with an exponent', json: jsonLine(', "units": 1e2, "charge": 9.6E+1, "ndc_qty": 1e-7, "wasted_units": 5e0') },
    { name: 'JSON: null is no value', json: jsonLine(', "charge": null, "dos_to": null') },
    { name: 'JSON: CPT modifiers written as numbers, and empty slots (null, "") in a modifiers list', json: jsonLine(', "modifiers": [25, "JW", null, "", 59]') },
    { name: 'a disable comment naming rules, with a reason after --', csv: csv('# infusion-claims-disable-next-line ndc-missing, auth-missing -- approved by the payer 2026-03-04', row()) },
    { name: 'JSON: lint_disable as a list and as one string of ids, on the line and the claim', json: '{ "claim_id": "C1", "member_id": "M1", "lint_disable": "auth-missing, ndc-missing", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "lint_disable": ["drug-units", " ndc-unit "] } ] }' },
  ],
  invalid: [
    {
      name: 'February 30th',
      csv: csv(row({ dos_from: '2026-02-30' })),
      errors: [{ message: 'dos_from 2026-02-30 is not a real date: enter the first date of service as YYYY-MM-DD or MM/DD/YYYY', text: '2026-02-30' }],
      output: null,
    },
    {
      name: 'a date in words, and an unreadable dos_to',
      csv: csv(row({ dos_from: '"March 2, 2026"', dos_to: '2026-13-01' })),
      errors: [
        { message: 'dos_from March 2, 2026 is not in a date form: enter the first date of service as YYYY-MM-DD or MM/DD/YYYY', text: 'March 2, 2026' },
        { message: 'dos_to 2026-13-01 is not a real date: enter the last date of service as YYYY-MM-DD or MM/DD/YYYY, or leave it empty for a one-day line', text: '2026-13-01' },
      ],
      output: null,
    },
    {
      name: 'ISO dates want two digits for month and day',
      csv: csv(row({ dos_from: '2026-3-2' })),
      errors: [{ message: 'dos_from 2026-3-2 is not in a date form: enter the first date of service as YYYY-MM-DD or MM/DD/YYYY', text: '2026-3-2' }],
      output: null,
    },
    {
      name: 'dos_to before dos_from',
      csv: csv(row({ dos_from: '03/04/2026', dos_to: '2026-03-02' })),
      errors: [{ message: 'dos_to 2026-03-02 is before dos_from 2026-03-04: correct the dates of service', text: '2026-03-02' }],
      output: null,
    },
    {
      name: 'units zero',
      csv: csv(row({ units: '0' })),
      errors: [{ message: 'units 0 is not a positive number: enter the service units billed, more than 0', text: '0' }],
      output: null,
    },
    {
      name: 'units negative, units in words',
      csv: csv(row({ units: '-2' }), row({ units: 'three' })),
      errors: [
        { message: 'units -2 is not a positive number: enter the service units billed, more than 0', text: '-2' },
        { message: 'units three is not a number: enter the service units billed as a plain decimal (e.g. 1.5), no thousands separators or symbols', text: 'three' },
      ],
      output: null,
    },
    {
      name: 'charge with a dollar sign and a thousands separator',
      csv: csv(row({ charge: '$96.00' }), row({ charge: '"1,250.00"' })),
      errors: [
        { message: 'charge $96.00 is not a number: enter the line charge in dollars as a plain decimal (e.g. 96.00), no thousands separators or symbols', text: '$96.00' },
        { message: /^charge 1,250\.00 is not a number/, text: '1,250.00' },
      ],
      output: null,
    },
    {
      name: 'modifiers of the wrong length, reported on each modifier',
      csv: csv(row({ modifiers: 'SH S JWX' })),
      errors: [
        { message: 'Modifier S is not a modifier: a modifier is 2 letters or digits (e.g. SH, JW); separate several with a space', text: 'S' },
        { message: /^Modifier JWX is not a modifier/, text: 'JWX' },
      ],
      output: null,
    },
    {
      name: 'JSON: two modifiers in one element of a modifiers list are told to take an element each',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9500", "units": 1, "modifiers": ["GY SJ"] } ] }',
      errors: [{ message: 'Modifiers GY and SJ are in one element of the list: put each in its own element, ["GY", "SJ"]', text: '"GY SJ"' }],
      output: null,
    },
    {
      name: 'two modifiers in a modifier1 column',
      csv: 'claim_id,member_id,dos_from,hcpcs,units,modifier1,modifier2\nC1,M1,2026-03-02,S9500,1,GY SJ,\n',
      errors: [{ message: 'modifier1 holds GY and SJ: one modifier per modifier1 column or key; put the others in the next modifier columns', text: 'GY SJ' }],
      output: null,
    },
    {
      name: 'modifier with a symbol',
      csv: csv(row({ modifiers: 'S#' })),
      errors: [{ message: /^Modifier S# is not a modifier/, text: 'S#' }],
      output: null,
    },
    {
      name: 'a fifth modifier (a line has four slots), and a sixth',
      csv: csv(row({ modifiers: '"SH,JW KX:59 GA-GY"' })),
      errors: [
        { message: 'Modifier GA is the fifth on this line, but a claim line has only 4 modifier slots: keep the 4 that affect payment (pricing modifiers such as SH, SJ, JW first)', text: 'GA' },
        { message: 'Modifier GY is the sixth on this line: a claim line has only 4 modifier slots', text: 'GY' },
      ],
      output: null,
    },
    {
      name: 'JSON: five modifiers in an array',
      json: jsonLine(', "modifiers": ["JW", "KX", "59", "GA", "GY"]'),
      errors: [{ message: /^Modifier GY is the fifth on this line/, text: '"GY"' }],
      output: null,
    },
    {
      name: 'unknown payer',
      csv: csv(row({ payer: 'bluecross' })),
      errors: [{ message: 'payer bluecross is not a known line of business: use commercial, medicare, medicare_advantage or medicaid', text: 'bluecross' }],
      output: null,
    },
    {
      name: 'vial neither single nor multi',
      csv: csv(row({ vial: 'ampule' })),
      errors: [{ message: 'vial ampule is not single or multi: enter single (single-use package) or multi (multi-use vial)', text: 'ampule' }],
      output: null,
    },
    {
      name: 'wasted units larger than the units',
      csv: csv(row({ units: '30', wasted_units: '40' })),
      errors: [{ message: 'wasted_units 40 is more than the line\'s units 30: the discarded amount is part of the units billed; correct one of them', text: '40' }],
      output: null,
    },
    {
      name: 'wasted units negative or unreadable',
      csv: csv(row({ wasted_units: '-5' }), row({ wasted_units: 'some' })),
      errors: [
        { message: 'wasted_units -5 is negative: enter the service units discarded, 0 or more', text: '-5' },
        { message: /^wasted_units some is not a number/, text: 'some' },
      ],
      output: null,
    },
    {
      name: 'duration not a number of minutes',
      csv: csv(row({ hcpcs: '99601', units: '1', duration_min: '2h' })),
      errors: [{ message: /^duration_min 2h is not a number: enter the visit or infusion length in minutes/, text: '2h' }],
      output: null,
    },
    {
      name: 'NDC quantity on a line without an NDC (with an NDC it is ndc-unit\'s)',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "ndc_qty": "three" },' +
        ' { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "ndc": "00143-9431-10", "ndc_qty": "three" } ] }',
      errors: [{ message: 'ndc_qty three is not a number: enter the NDC quantity as a plain decimal (e.g. 1.5), no thousands separators or symbols', text: '"three"' }],
      output: null,
    },
    {
      name: 'JSON: a number too large for a plain decimal',
      json: jsonLine(', "charge": 1e400'),
      errors: [{ message: /^charge 1e400 is not a number/, text: '1e400' }],
      output: null,
    },
    {
      name: 'JSON: units as a boolean',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": true } ] }',
      errors: [{ message: /^units true is not a number/, text: 'true' }],
      output: null,
    },
    {
      name: 'JSON: an object or a list where a field takes text or a number (the value, not a parse error)',
      json: jsonLine(', "hcpcs": { "code": "J3490" }, "charge": [96], "modifiers": { "1": "JW" }, "modifier2": ["SH"]'),
      errors: [
        { message: 'hcpcs must be text or a number, not an object', text: '{ "code": "J3490" }' },
        { message: 'charge must be text or a number, not a list', text: '[96]' },
        { message: 'modifiers must be text or a list of codes, not an object', text: '{ "1": "JW" }' },
        { message: 'modifier2 must be text or a number, not a list', text: '["SH"]' },
      ],
      output: null,
    },
    {
      name: 'JSON: an object or a list in a modifiers list is reported on the element (not a parse error); the other elements are still read',
      json: jsonLine(', "modifiers": ["JW", { "code": "SH" }, ["KX"], "J"]'),
      errors: [
        { message: 'A modifier in modifiers must be text or a number (e.g. "JW"), not an object', text: '{ "code": "SH" }' },
        { message: 'A modifier in modifiers must be text or a number (e.g. "JW"), not a list: put each modifier in the modifiers list itself, e.g. ["JW", "SH"]', text: '["KX"]' },
        { message: /^Modifier J is not a modifier/, text: '"J"' },
      ],
      output: null,
    },
    {
      name: 'JSON: a wrong-type element of a claim-level modifiers list is reported once, not once per line',
      json: '{ "claim_id": "C1", "member_id": "M1", "modifiers": ["GY", {}], "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] }',
      errors: [{ message: 'A modifier in modifiers must be text or a number (e.g. "JW"), not an object', text: '{}' }],
      output: null,
    },
    {
      name: 'JSON: a number or a boolean where a modifier goes is read as written (a modifier only when it is 2 characters)',
      json: jsonLine(', "modifiers": ["JW", 5, 25.0, true], "modifier1": false'),
      errors: [
        { message: /^Modifier 5 is not a modifier/, text: '5' },
        { message: /^Modifier 25\.0 is not a modifier/, text: '25.0' },
        { message: /^Modifier TRUE is not a modifier/, text: 'true' },
        { message: /^Modifier FALSE is not a modifier/, text: 'false' },
      ],
      output: null,
    },
    {
      name: 'JSON: modifierN keys of the wrong type beside a modifiers string',
      json: jsonLine(', "modifiers": "JW", "modifier1": 5, "modifier2": {}, "modifier3": null'),
      errors: [
        { message: /^Modifier 5 is not a modifier/, text: '5' },
        { message: 'modifier2 must be text or a number, not an object', text: '{}' },
      ],
      output: null,
    },
    {
      name: 'JSON: a claim-level list is reported once, not once per line',
      json: '{ "claim_id": "C1", "member_id": ["M1"], "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] }',
      errors: [{ message: 'member_id must be text or a number, not a list', text: '["M1"]' }],
      output: null,
    },
    {
      name: 'JSON: a claim-level bad payer is reported once, not once per line',
      json: '{ "claim_id": "C1", "member_id": "M1", "payer": "blue", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] }',
      errors: [{ message: /^payer blue is not a known line of business/, text: '"blue"' }],
      output: null,
    },
    {
      name: 'a misspelt id in a disable comment, and one in the wrong letter case: the nearest id is suggested',
      csv: csv('# infusion-claims-disable-next-line ndc-mising, Auth-Missing -- approved', row()),
      errors: [
        { message: 'ndc-mising is not a rule id, so it turns nothing off: did you mean ndc-missing?', text: 'ndc-mising' },
        { message: 'Auth-Missing is not a rule id, so it turns nothing off: did you mean auth-missing?', text: 'Auth-Missing' },
      ],
      output: null,
    },
    {
      name: 'disable comments stacked above one row: a misspelt id in any of them',
      csv: csv('# infusion-claims-disable-next-line auth-mising', '# a note between them', '# infusion-claims-disable-next-line ndc-missing', row()),
      errors: [{ message: 'auth-mising is not a rule id, so it turns nothing off: did you mean auth-missing?', text: 'auth-mising' }],
      output: null,
    },
    {
      name: 'an id near no rule, and a disable comment naming none (its reason is no id)',
      csv: csv('# infusion-claims-disable-next-line hcpcs', row(), '# infusion-claims-disable-next-line   -- the payer allows it', row({ claim_id: 'C2' })),
      errors: [
        { message: 'hcpcs is not a rule id, so it turns nothing off: write the id a finding shows with its message, e.g. auth-missing', text: 'hcpcs' },
        { message: 'This disable comment names no rule, so it turns nothing off: write the rule ids after it, e.g. # infusion-claims-disable-next-line auth-missing', text: '# infusion-claims-disable-next-line   -- the payer allows it' },
      ],
      output: null,
    },
    {
      name: 'JSON: a misspelt id in a line\'s list, in a claim\'s string of ids (reported once for its two lines), and in an escaped string',
      json: '{ "claim_id": "C1", "member_id": "M1", "lint_disable": "auth-missing ndc-formt", "lines": [ '
        + '{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "lint_disable": ["drug-units", "ndc_unit", "ndc\\u002dmissin"] }, '
        + '{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 } ] }',
      errors: [
        { message: 'ndc-formt is not a rule id, so it turns nothing off: did you mean ndc-format?', text: 'ndc-formt' },
        { message: 'ndc_unit is not a rule id, so it turns nothing off: did you mean ndc-unit?', text: 'ndc_unit' },
        { message: 'ndc-missin is not a rule id, so it turns nothing off: did you mean ndc-missing?', text: '"ndc\\u002dmissin"' },
      ],
      output: null,
    },
    {
      name: 'JSON: a modifier in an array',
      json: jsonLine(', "modifiers": ["JW", "J"]'),
      errors: [{ message: /^Modifier J is not a modifier/, text: '"J"' }],
      output: null,
    },
  ],
});
