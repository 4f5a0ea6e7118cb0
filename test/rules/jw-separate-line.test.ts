import { rule } from '../../server/src/rules/jw-separate-line';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty,wasted_units,vial';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'no wastage reported', csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,96.00,63323-0508-20,UN,3,,single') },
    { name: 'wasted units 0', csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,96.00,63323-0508-20,UN,3,0,single') },
    { name: 'wastage already on its JW line', csv: csv('C1,M1,PA1,2026-03-02,J2185,,25,80.00,63323-0508-20,UN,2.5,,single', 'C1,M1,PA1,2026-03-02,J2185,JW,5,16.00,63323-0508-20,UN,0.5,,single') },
    { name: 'a multi-use vial is jw-multi-use-vial\'s finding, not a split', csv: csv('C1,M1,PA1,2026-03-02,J1642,,10,20.00,,,,2,multi') },
    { name: 'no wasted_units column', csv: 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-03-02,J2185,30\n' },
    { name: 'JSON: wasted units 0', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "wasted_units": 0 } ] }' },
  ],
  invalid: [
    {
      name: 'the line\'s four modifier slots taken: the JW copy would need a fifth, so no split, and the message says why',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,GY GA KX 59,30,96.00,63323-0508-20,UN,3,10,single'),
      errors: [{ message: '10 wasted units of J2185 are reported on the administered line: bill the discarded drug on a separate J2185 line with modifier JW (its 4 modifier slots are taken: GY GA KX 59; free one for JW: pricing modifiers such as SH, SJ and JW come first)', text: '10' }],
      output: null,
    },
    {
      name: 'the JW copy keeps the disable comment of its line (CRLF)',
      csv: `${HEAD}\r\n# infusion-claims-disable-next-line ndc-missing\r\nC1,M1,PA1,2026-03-02,J2185,,30,96.00,,,,5,single\r\n`,
      errors: [{ message: /^5 wasted units of J2185/, text: '5' }],
      output: `${HEAD}\r\n# infusion-claims-disable-next-line ndc-missing\r\nC1,M1,PA1,2026-03-02,J2185,,25,80.00,,,,,single\r\n` +
        `# infusion-claims-disable-next-line ndc-missing\r\nC1,M1,PA1,2026-03-02,J2185,JW,5,16.00,,,,,single\r\n`,
    },
    {
      name: 'four modifiers already: a JW copy would need a fifth slot, so no fix',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,KP GY GA 59,30,96.00,63323-0508-20,UN,3,5,single'),
      errors: [{ message: /^5 wasted units of J2185 are reported on the administered line/, text: '5' }],
      output: null,
    },
    {
      name: 'JSON: four modifiers in an array: no fix',
      json: '[{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "dos_from": "2026-03-02", "hcpcs": "J2185", "modifiers": ["KP", "GY", "GA", "59"], "units": 30, "ndc": "63323-0508-20", "ndc_unit": "UN", "ndc_qty": 3, "wasted_units": 5, "vial": "single" }]',
      errors: [{ message: /^5 wasted units of J2185/, text: '5' }],
      output: null,
    },
    {
      name: 'split with charge and NDC quantity (unquoted cells)',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,96.00,63323-0508-20,UN,3,5,single'),
      errors: [{ message: '5 wasted units of J2185 are reported on the administered line: bill the discarded drug on a separate J2185 line with modifier JW', text: '5' }],
      output: csv('C1,M1,PA1,2026-03-02,J2185,,25,80.00,63323-0508-20,UN,2.5,,single', 'C1,M1,PA1,2026-03-02,J2185,JW,5,16.00,63323-0508-20,UN,0.5,,single'),
    },
    {
      // 2 and 1 of a 3-unit vial's units are 0.67 and 0.33 of it, written to 2 decimals:
      // drug-units takes them as the rounded quotients they are, so the split raises nothing new.
      name: 'a vial of 3 billable units (piperacillin-tazobactam): NDC quantities 0.67 and 0.33',
      csv: csv('C1,M1,PA1,2026-03-02,J2543,,3,30.00,60505-6157-04,UN,1,1,single'),
      errors: [{ message: /^1 wasted unit of J2543 is reported on the administered line/, text: '1' }],
      output: csv('C1,M1,PA1,2026-03-02,J2543,,2,20.00,60505-6157-04,UN,0.67,,single', 'C1,M1,PA1,2026-03-02,J2543,JW,1,10.00,60505-6157-04,UN,0.33,,single'),
    },
    {
      name: 'quoted cells and CRLF, a third of the charge in cents',
      csv: `${HEAD}\r\n"C1","M1","PA1","2026-03-02","J2185","","30","100.00","63323-0508-20","UN","3","10","single"\r\nC1,M1,PA1,2026-03-02,S9502,,1,250.00,,,,,\r\n`,
      errors: [{ message: /^10 wasted units of J2185 are reported on the administered line/, text: '10' }],
      output: `${HEAD}\r\n"C1","M1","PA1","2026-03-02","J2185","","20","66.67","63323-0508-20","UN","2","","single"\r\n` +
        `"C1","M1","PA1","2026-03-02","J2185","JW","10","33.33","63323-0508-20","UN","1","","single"\r\nC1,M1,PA1,2026-03-02,S9502,,1,250.00,,,,,\r\n`,
    },
    {
      name: 'whole-dollar charge gains cents only when a part needs them',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,96,,,,6,'),
      errors: [{ message: /^6 wasted units of J2185/, text: '6' }],
      output: csv('C1,M1,PA1,2026-03-02,J2185,,24,76.80,,,,,', 'C1,M1,PA1,2026-03-02,J2185,JW,6,19.20,,,,,'),
    },
    {
      name: 'one wasted unit, no charge column',
      csv: 'claim_id,member_id,dos_from,hcpcs,units,wasted_units\nC1,M1,2026-03-02,J3370,4,1\n',
      errors: [{ message: '1 wasted unit of J3370 is reported on the administered line: bill the discarded drug on a separate J3370 line with modifier JW', text: '1' }],
      // No modifiers column yet: the fix adds one, empty on the other rows.
      output: 'claim_id,member_id,dos_from,hcpcs,units,wasted_units,modifiers\nC1,M1,2026-03-02,J3370,3,,\nC1,M1,2026-03-02,J3370,1,,JW\n',
    },
    {
      name: 'an existing modifier stays on both lines; JW joins it on the copy',
      csv: 'claim_id,member_id,dos_from,hcpcs,modifiers,units,charge,wasted_units\nC1,M1,2026-03-02,J2185,KP,30,96.00,5\n',
      errors: [{ message: /^5 wasted units of J2185/, text: '5' }],
      output: 'claim_id,member_id,dos_from,hcpcs,modifiers,units,charge,wasted_units\nC1,M1,2026-03-02,J2185,KP,25,80.00,\nC1,M1,2026-03-02,J2185,KP JW,5,16.00,\n',
    },
    {
      name: 'mod1 and mod2 full: the JW copy gets a mod3 column, named like the file\'s own',
      csv: 'claim_id,member_id,dos_from,hcpcs,mod1,mod2,units,charge,wasted_units\nC1,M1,2026-03-02,J2185,KP,GY,30,96.00,5\nC1,M1,2026-03-02,S9502,,,1,250.00,\n',
      errors: [{ message: /^5 wasted units of J2185/, text: '5' }],
      output: 'claim_id,member_id,dos_from,hcpcs,mod1,mod2,units,charge,wasted_units,mod3\nC1,M1,2026-03-02,J2185,KP,GY,25,80.00,,\n' +
        'C1,M1,2026-03-02,J2185,KP,GY,5,16.00,,JW\nC1,M1,2026-03-02,S9502,,,1,250.00,,\n',
    },
    {
      name: 'JSON: inline line objects',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "charge": 96.00, "ndc": "63323-0508-20", "ndc_unit": "UN", "ndc_qty": 3, "wasted_units": 5 },\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }\n] }\n',
      errors: [{ message: /^5 wasted units of J2185 are reported on the administered line/, text: '5' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 25, "charge": 80.00, "ndc": "63323-0508-20", "ndc_unit": "UN", "ndc_qty": 2.5 },\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 5, "charge": 16.00, "ndc": "63323-0508-20", "ndc_unit": "UN", "ndc_qty": 0.5, "modifiers": ["JW"] },\n' +
        '  { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }\n] }\n',
    },
    {
      name: 'JSON: multi-line objects, string numbers and a modifiers array',
      json: [
        '{',
        '  "claims": [',
        '    {',
        '      "claim_id": "C1",',
        '      "member_id": "M1",',
        '      "lines": [',
        '        {',
        '          "dos_from": "2026-03-02",',
        '          "hcpcs": "J2185",',
        '          "modifiers": ["KP"],',
        '          "units": "30",',
        '          "charge": "100.00",',
        '          "ndc_qty": 3,',
        '          "wasted_units": 10,',
        '          "vial": "single"',
        '        }',
        '      ]',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
      errors: [{ message: /^10 wasted units of J2185/, text: '10' }],
      output: [
        '{',
        '  "claims": [',
        '    {',
        '      "claim_id": "C1",',
        '      "member_id": "M1",',
        '      "lines": [',
        '        {',
        '          "dos_from": "2026-03-02",',
        '          "hcpcs": "J2185",',
        '          "modifiers": ["KP"],',
        '          "units": "20",',
        '          "charge": "66.67",',
        '          "ndc_qty": 2,',
        '          "vial": "single"',
        '        },',
        '        {',
        '          "dos_from": "2026-03-02",',
        '          "hcpcs": "J2185",',
        '          "modifiers": ["KP", "JW"],',
        '          "units": "10",',
        '          "charge": "33.33",',
        '          "ndc_qty": 1,',
        '          "vial": "single"',
        '        }',
        '      ]',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'JSON: charge, units and NDC quantity on the claim object: both line objects get their own parts (the other line keeps inheriting)',
      json: '{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "charge": 100, "units": 30, "ndc": "00143-9431-10", "ndc_unit": "UN", "ndc_qty": 3, "hcpcs": "J2185", "lines": [\n' +
        '  { "dos_from": "2026-03-02", "wasted_units": 10 },\n' +
        '  { "dos_from": "2026-03-03" }\n] }\n',
      errors: [{ message: /^10 wasted units of J2185/, text: '10' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "charge": 100, "units": 30, "ndc": "00143-9431-10", "ndc_unit": "UN", "ndc_qty": 3, "hcpcs": "J2185", "lines": [\n' +
        '  { "dos_from": "2026-03-02", "units": 20, "charge": 66.67, "ndc_qty": 2 },\n' +
        '  { "dos_from": "2026-03-02", "units": 10, "charge": 33.33, "ndc_qty": 1, "modifiers": ["JW"] },\n' +
        '  { "dos_from": "2026-03-03" }\n] }\n',
    },
    {
      name: 'lone CR line ends (old Mac CSV): the JW row ends with CR too',
      csv: `${HEAD}\rC1,M1,PA1,2026-03-02,J2185,,30,96.00,,,,5,single\rC1,M1,PA1,2026-03-02,S9502,,1,250.00,,,,,\r`,
      errors: [{ message: /^5 wasted units of J2185/, text: '5' }],
      output: `${HEAD}\rC1,M1,PA1,2026-03-02,J2185,,25,80.00,,,,,single\rC1,M1,PA1,2026-03-02,J2185,JW,5,16.00,,,,,single\r` +
        'C1,M1,PA1,2026-03-02,S9502,,1,250.00,,,,,\r',
    },
    {
      name: 'lone CR line ends, the last row without one: the JW row goes after a CR',
      csv: `${HEAD}\rC1,M1,PA1,2026-03-02,J2185,,30,96.00,,,,5,single`,
      errors: [{ message: /^5 wasted units of J2185/, text: '5' }],
      output: `${HEAD}\rC1,M1,PA1,2026-03-02,J2185,,25,80.00,,,,,single\rC1,M1,PA1,2026-03-02,J2185,JW,5,16.00,,,,,single`,
    },
    {
      name: 'JSON: lone CR line ends: the new line object is on its own line, after a CR',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\r' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "charge": 96.00, "wasted_units": 5 },\r' +
        '  { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }\r] }\r',
      errors: [{ message: /^5 wasted units of J2185/, text: '5' }],
      output: '{ "claim_id": "C1", "member_id": "M1", "lines": [\r' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 25, "charge": 80.00 },\r' +
        '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 5, "charge": 16.00, "modifiers": ["JW"] },\r' +
        '  { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }\r] }\r',
    },
    {
      name: 'all of it wasted: nothing was administered, so the discarded drug is not billed (000): no JW line, no split',
      csv: 'claim_id,member_id,dos_from,hcpcs,modifiers,units,ndc,ndc_unit,ndc_qty,wasted_units,vial\nC5,M5,2026-03-02,J2185,,10,00143-9431-10,UN,1,10,single\n',
      errors: [{
        message: '10 wasted units of J2185 are all of the line\'s units: none of the drug was administered, and discarded drug is not billed ' +
          'when none of it was administered to the patient; do not bill this line (no JW line), or correct units or wasted_units ' +
          '(if J2185 was administered on another line that day, bill this line\'s units with modifier JW instead)',
        text: '10',
      }],
      output: null,
    },
    {
      name: 'all of it wasted, with a charge: no split offered',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,96.00,,,,30,single'),
      errors: [{ message: /^30 wasted units of J2185 are all of the line's units/, text: '30' }],
      output: null,
    },
    {
      name: 'one unit, all of it wasted',
      csv: 'claim_id,member_id,dos_from,hcpcs,units,wasted_units\nC1,M1,2026-03-02,J3370,1,1.0\n',
      errors: [{ message: /^1 wasted unit of J3370 is all of the line's units: none of the drug was administered/, text: '1.0' }],
      output: null,
    },
    {
      name: 'an NDC quantity whose JW part rounds to 0.000: no fix, split it by hand',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,3,30.00,63323-0508-20,ML,0.001,1,single'),
      errors: [{
        message: '1 wasted unit of J2185 is reported on the administered line: bill the discarded drug on a separate J2185 line with modifier JW ' +
          '(the JW line\'s part of ndc_qty 0.001, for 1 of 3 units, rounds to 0.000: split it by hand)',
        text: '1',
      }],
      output: null,
    },
    {
      name: 'a charge whose JW part rounds to $0.00: no fix, split it by hand',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,3,0.01,,,,1,single'),
      errors: [{ message: /with modifier JW \(the JW line's part of charge 0\.01, for 1 of 3 units, rounds to 0\.00: split it by hand\)$/, text: '1' }],
      output: null,
    },
    {
      name: 'a charge whose administered part rounds to $0.00: no fix, split it by hand',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,3,0.01,,,,2,single'),
      errors: [{ message: /with modifier JW \(this line's part of charge 0\.01, for 1 of 3 units, rounds to 0\.00: split it by hand\)$/, text: '2' }],
      output: null,
    },
    {
      name: 'both amounts too small to split: both named',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,3,0.01,63323-0508-20,ML,0.001,1,single'),
      errors: [{
        message: /\(the JW line's part of charge 0\.01, for 1 of 3 units, rounds to 0\.00; the JW line's part of ndc_qty 0\.001, for 1 of 3 units, rounds to 0\.000: split them by hand\)$/,
        text: '1',
      }],
      output: null,
    },
    {
      name: 'a zero charge stays zero on both lines (nothing rounded away)',
      csv: csv('C1,M1,PA1,2026-03-02,J2185,,30,0.00,,,,5,single'),
      errors: [{ message: /^5 wasted units of J2185 are reported on the administered line: bill the discarded drug on a separate J2185 line with modifier JW$/, text: '5' }],
      output: csv('C1,M1,PA1,2026-03-02,J2185,,25,0.00,,,,,single', 'C1,M1,PA1,2026-03-02,J2185,JW,5,0.00,,,,,single'),
    },
    {
      // The parser closes the object by recovery; the text has no `}` for a new line object to
      // follow, which would land inside the open one (a second parse error).
      name: 'JSON: a line object not closed yet (still being typed): no split',
      json: '{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "J0696", "units": 8, "ndc": "00409-7335-03", "ndc_unit": "UN", "ndc_qty": 1, "wasted_units": 2\n] }\n',
      errors: [{ message: /^2 wasted units of J0696/, text: '2' }],
      output: null,
    },
    {
      name: 'JSON: comments stay where they were; the new line object follows the line\'s trailing comment, and carries none',
      json: '{\n  "claim_id": "C1", "member_id": "M1", "auth_number": "PA1",\n  "lines": [\n    {\n      "dos_from": "2026-03-02",\n      "hcpcs": "J0696",\n      "units": 8,\n' +
        '      "ndc": "00409-7335-03", // from the vial label\n      "ndc_unit": "UN",\n      "ndc_qty": 1, // one vial\n      "wasted_units": 2 // discarded\n    } // first line\n  ]\n}\n',
      errors: [{ message: /^2 wasted units of J0696/, text: '2' }],
      output: '{\n  "claim_id": "C1", "member_id": "M1", "auth_number": "PA1",\n  "lines": [\n    {\n      "dos_from": "2026-03-02",\n      "hcpcs": "J0696",\n      "units": 6,\n' +
        '      "ndc": "00409-7335-03", // from the vial label\n      "ndc_unit": "UN",\n      "ndc_qty": 0.75 // one vial\n      // discarded\n    }, // first line\n' +
        '    {\n      "dos_from": "2026-03-02",\n      "hcpcs": "J0696",\n      "units": 2,\n      "ndc": "00409-7335-03",\n      "ndc_unit": "UN",\n      "ndc_qty": 0.25,\n      "modifiers": ["JW"]\n    }\n  ]\n}\n',
    },
  ],
});
