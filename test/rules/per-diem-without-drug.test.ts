import * as assert from 'assert';
import { parseDocument } from '../../server/src/parse';
import { lintDocument } from '../../server/src/engine';
import { MAX_RELATED } from '../../server/src/rules/util/field-span';
import { rule } from '../../server/src/rules/per-diem-without-drug';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units,ndc';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const FREQ_HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty,frequency,duration_min';
const freqCsv = (...rows: string[]): string => [FREQ_HEAD, ...rows].join('\n') + '\n';
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));

ruleTester(rule, {
  valid: [
    { name: 'per diem with its J-code drug on the same claim', csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,', 'C1,M1,PA1,2026-03-02,,J2185,30,63323-0508-20') },
    { name: 'a line with an NDC is a drug line', csv: csv('C1,M1,PA1,2026-03-02,,S9338,1,', 'C1,M1,PA1,2026-03-02,,Q0138,1,12345-6789-01') },
    {
      // bundled-supply leaves J7030–J7060 alone on a hydration per diem day: the solution is the hydration.
      name: 'an IV solution is the drug of a hydration per diem',
      csv: csv('C1,M1,PA1,2026-03-02,,S9374,1,', 'C1,M1,PA1,2026-03-02,,J7050,2,'),
    },
    {
      name: 'a JW line beside the administered line of its drug',
      csv: freqCsv('C1,M1,PA,2026-03-02,,S9500,,1,,,,,,', 'C1,M1,PA,2026-03-02,,J0696,,4,,,,,,', 'C1,M1,PA,2026-03-02,,J0696,JW,1,,,,,,'),
    },
    {
      name: 'a supply billed beside the drug',
      csv: csv('C1,M1,PA1,2026-03-02,,S9500,1,', 'C1,M1,PA1,2026-03-02,,J1642,1,', 'C1,M1,PA1,2026-03-02,,J0696,4,'),
    },
    { name: 'enteral formula B-code is the drug of an enteral per diem', csv: csv('C1,M1,PA1,2026-03-02,,S9341,1,', 'C1,M1,PA1,2026-03-02,,B4150,10,') },
    { name: 'TPN per diem includes its formula', csv: csv('C1,M1,PA1,2026-03-02,,S9365,1,') },
    { name: 'catheter-care per diem is not a therapy per diem', csv: csv('C1,M1,PA1,2026-03-02,,S5498,1,') },
    { name: 'S9529 (in the S9490–S9590 range) is a venipuncture visit, not a per diem (CMS descriptor)', csv: csv('C1,M1,PA1,2026-03-02,,S9529,1,') },
    { name: 'a drug line spanning the per diem’s days', csv: csv('C1,M1,PA1,2026-03-02,2026-03-03,S9500,2,', 'C1,M1,PA1,2026-03-01,2026-03-04,J0878,8,') },
    {
      name: 'JSON: flat line objects of one claim_id are one claim (grouped by claim_id, as CSV rows are)',
      json: '[\n  { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 },\n  { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 }\n]\n',
    },
    {
      name: "a weekly per diem of 1 unit over a week needs its drug on 1 day (001: once per week is 1 unit)",
      csv: freqCsv('C1,M1,PA,2026-03-01,2026-03-07,S9338,,1,300.00,,,,weekly,', 'C1,M1,PA,2026-03-01,,J1459,,10,,44206-0436-90,UN,1,,'),
    },
    {
      name: "every 10 days over 30 days is 3 units: 3 drug days",
      csv: freqCsv('C1,M1,PA,2026-03-01,2026-03-30,S9338,,3,,,,,q240h,', 'C1,M1,PA,2026-03-01,,J1459,,10,,,,,,', 'C1,M1,PA,2026-03-11,,J1459,,10,,,,,,', 'C1,M1,PA,2026-03-21,,J1459,,10,,,,,,'),
    },
    { name: 'drug and per diem on other lines in between', csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,', 'C1,M1,PA1,2026-03-02,,99601,1,', 'C1,M1,PA1,2026-03-02,,J2185,30,') },
    {
      // Whose per diem it is cannot be known (missing-field reports the empty cell), as for the
      // other member rules: not "no drug billed on claim C1" beside the claim's drug line.
      name: 'a per diem whose member id is empty',
      csv: csv('C1,,PA1,2026-03-02,,S9502,1,', 'C1,M1,PA1,2026-03-02,,J2185,30,63323-0508-20', 'C2,,PA1,2026-03-03,,S9500,1,'),
    },
    {
      // An export that splits one claim across files: the same claim number, the same member.
      name: 'the drug is in another workspace file under the same claim number',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,'),
      options: { external: external('file:///w/drugs.claims.csv', csv('C1,M1,PA1,2026-03-02,,J2185,30,')) },
    },
    {
      // Which claim it is on is unknown: each line with no claim id is a claim of its own in the model.
      name: 'a per diem and its drug, both with an empty claim id',
      csv: csv(',M1,PA1,2026-03-02,,S9502,1,', ',M1,PA1,2026-03-02,,J2185,30,63323-0508-20'),
    },
  ],
  invalid: [
    {
      // A JSON claim object holds its lines together without a claim id: its per diem is checked.
      name: 'JSON: a claim object without a claim id, a per diem and no drug',
      json: '{ "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-02", "hcpcs": "99601", "units": 1 } ] }\n',
      errors: [{ message: /^S9502 per diem on 2026-03-02 has no drug billed on this claim for that date/, text: '"S9502"' }],
      output: null,
    },
    {
      name: 'per diem with no drug at all',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,', 'C1,M1,PA1,2026-03-02,,99601,1,'),
      errors: [{
        message: 'S9502 per diem on 2026-03-02 has no drug billed on claim C1 for that date: a per diem is paid only on days a drug is infused; add the drug line to this claim or remove the per diem',
        text: 'S9502',
      }],
      output: null,
    },
    {
      // 001 lists J1642 among the supplies "subject to inclusion" in the per diem: bundled-supply
      // offers to remove it, which would leave the per diem without its drug.
      name: 'a heparin lock flush (J1642, a supply the per diem includes) is not the drug',
      csv: csv('C3,M3,PA1,2026-03-02,,S9500,1,', 'C3,M3,PA1,2026-03-02,,J1642,1,'),
      errors: [{
        message: 'S9500 per diem on 2026-03-02 has no drug billed on claim C3 for that date (only J1642, a supply included in the per diem, is billed that day): a per diem is paid only on days a drug is infused; add the drug line to this claim or remove the per diem',
        text: 'S9500',
      }],
      output: null,
    },
    {
      name: 'a bundled supply with an NDC is not the drug',
      csv: csv('C1,M1,PA1,2026-03-02,,S9338,1,', 'C1,M1,PA1,2026-03-02,,A9270,1,12345-6789-01'),
      errors: [{ message: /^S9338 per diem on 2026-03-02 has no drug billed on claim C1 for that date \(only A9270, a supply included in the per diem, is billed that day\)/, text: 'S9338' }],
      output: null,
    },
    {
      name: 'an IV solution on a day with no hydration per diem is a supply, not the drug',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,', 'C1,M1,PA1,2026-03-02,,J7050,2,', 'C1,M1,PA1,2026-03-02,,J1642,1,'),
      errors: [{ message: /^S9502 per diem on 2026-03-02 has no drug billed on claim C1 for that date \(only J7050 and J1642, supplies included in the per diem, are billed that day\)/, text: 'S9502' }],
      output: null,
    },
    {
      // 000: the per diem is paid "only when drug infusion is administered on the same date"; JW
      // is "drug amount discarded/not administered to any patient".
      name: 'discarded drug (JW) alone is no drug administered',
      csv: freqCsv('C1,M1,PA,2026-03-02,,S9500,,1,,,,,,', 'C1,M1,PA,2026-03-02,,J0696,JW,1,,,,,,'),
      errors: [{
        message: 'S9500 per diem on 2026-03-02 has no drug billed on claim C1 for that date (only J0696-JW, discarded drug not administered, is billed that day): a per diem is paid only on days a drug is infused; add the drug line to this claim or remove the per diem',
        text: 'S9500',
      }],
      output: null,
    },
    {
      name: 'a supply and discarded drug, and no drug administered',
      csv: freqCsv('C1,M1,PA,2026-03-02,,S9500,,1,,,,,,', 'C1,M1,PA,2026-03-02,,J1642,,1,,,,,,', 'C1,M1,PA,2026-03-02,,J0696,JW,1,,,,,,'),
      errors: [{ message: /^S9500 per diem on 2026-03-02 has no drug billed on claim C1 for that date \(only J1642, a supply included in the per diem, and J0696-JW, discarded drug not administered, are billed that day\): /, text: 'S9500' }],
      output: null,
    },
    {
      name: 'supplies over a span of days: the dates are listed',
      csv: csv('C1,M1,PA1,2026-03-02,2026-03-03,S9500,2,', 'C1,M1,PA1,2026-03-02,2026-03-03,J1642,2,'),
      errors: [{ message: /^S9500 per diem on 2026-03-02, 2026-03-03 has no drug billed on claim C1 for those dates \(only J1642, a supply included in the per diem, is billed on those dates\): /, text: 'S9500' }],
      output: null,
    },
    {
      name: 'weekly per diem with only a supply on the claim',
      csv: freqCsv('C1,M1,PA,2026-03-01,2026-03-07,S9338,,1,,,,,weekly,', 'C1,M1,PA,2026-03-03,,J1642,,1,,,,,,'),
      errors: [{
        message: 'S9338 per diem for 1 unit from 2026-03-01 to 2026-03-07 has no drug on claim C1 on any of those dates (only J1642, a supply included in the per diem, is billed on those dates): a per diem is paid only on days a drug is infused, one unit per day of therapy; add the drug lines to this claim or lower the units',
        text: 'S9338',
      }],
      output: null,
    },
    {
      name: 'a supply on another claim is not the drug billed elsewhere',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,', 'C2,M1,PA2,2026-03-02,,J1642,1,'),
      errors: [{ message: 'S9502 per diem on 2026-03-02 has no drug billed on claim C1 for that date: a per diem is paid only on days a drug is infused; add the drug line to this claim or remove the per diem', text: 'S9502' }],
      output: null,
    },
    {
      name: 'a supply under the same claim number in another workspace file is not the drug',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,'),
      options: { external: external('file:///w/supplies.claims.csv', csv('C1,M1,PA1,2026-03-02,,J1642,1,')) },
      errors: [{ message: /^S9502 per diem on 2026-03-02 has no drug billed on claim C1 for that date: /, text: 'S9502' }],
      output: null,
    },
    {
      name: 'drug on another claim of the member',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,', 'C2,M1,PA2,2026-03-02,,J2185,30,'),
      errors: [{ message: 'S9502 per diem on 2026-03-02 has no drug on claim C1 for that date; the drug is billed on another claim: bill the per diem on the same claim as its drug', text: 'S9502' }],
      output: null,
    },
    {
      name: 'the drug on the same claim number is another member\'s (an export reusing claim numbers per patient)',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,', 'C1,M2,PA1,2026-03-02,,J2185,30,'),
      errors: [{ message: /^S9502 per diem on 2026-03-02 has no drug billed on claim C1 for that date/, text: 'S9502' }],
      output: null,
    },
    {
      name: 'drug on another date',
      csv: csv('C1,M1,PA1,2026-03-02,,S9501,1,', 'C1,M1,PA1,2026-03-03,,J3370,4,'),
      errors: [{ message: /^S9501 per diem on 2026-03-02 has no drug billed on claim C1 for that date/, text: 'S9501' }],
      output: null,
    },
    {
      name: 'per diem span with a drug on only some of its days',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-06,S9500,6,', 'C1,M1,PA1,2026-03-03,,J0878,2,'),
      errors: [{ message: /^S9500 per diem on 2026-03-01, 2026-03-02, 2026-03-04 and 2 more dates has no drug billed on claim C1 for those dates/, text: 'S9500' }],
      output: null,
    },
    {
      name: 'weekly per diem of 2 units with its drug on 1 day',
      csv: freqCsv('C1,M1,PA,2026-03-01,2026-03-14,S9338,,2,,,,,weekly,', 'C1,M1,PA,2026-03-01,,J1459,,10,,,,,,'),
      errors: [{
        message: 'S9338 per diem for 2 units from 2026-03-01 to 2026-03-14 has a drug on claim C1 on only 1 of those dates: a per diem is paid only on days a drug is infused, one unit per day of therapy; add the drug lines to this claim or lower the units',
        text: 'S9338',
      }],
      output: null,
    },
    {
      name: 'weekly per diem with its drug on another claim',
      csv: freqCsv('C1,M1,PA,2026-03-01,2026-03-07,S9338,,1,,,,,weekly,', 'C2,M1,PA,2026-03-03,,J1459,,10,,,,,,'),
      errors: [{
        message: 'S9338 per diem for 1 unit from 2026-03-01 to 2026-03-07 has no drug on claim C1 on any of those dates; the drug is billed on another claim: bill the per diem on the same claim as its drug',
        text: 'S9338',
      }],
      output: null,
    },
    {
      name: 'hourly dosing (q12h) bills every day of the span: a drug is due every day, whatever the units',
      csv: freqCsv('C1,M1,PA,2026-03-01,2026-03-03,S9338,,1,,,,,q12h,', 'C1,M1,PA,2026-03-01,,J1459,,10,,,,,,'),
      errors: [{ message: /^S9338 per diem on 2026-03-02, 2026-03-03 has no drug billed on claim C1 for those dates/, text: 'S9338' }],
      output: null,
    },
    {
      name: 'no frequency given: dosed daily, as per-diem-units reads it',
      csv: freqCsv('C1,M1,PA,2026-03-01,2026-03-02,S9338,,1,,,,,,', 'C1,M1,PA,2026-03-01,,J1459,,10,,,,,,'),
      errors: [{ message: /^S9338 per diem on 2026-03-02 has no drug billed on claim C1 for that date/, text: 'S9338' }],
      output: null,
    },
    {
      name: 'the drug is in another workspace file, on another claim',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,1,'),
      options: { external: external('file:///w/drugs.claims.csv', csv('C9,M1,PA9,2026-03-02,,J2185,30,')) },
      errors: [{ message: /^S9502 per diem on 2026-03-02 has no drug on claim C1 for that date; the drug is billed on another claim/, text: 'S9502' }],
      output: null,
    },
    {
      name: 'JSON: drug line in another claim object',
      json: '{ "claims": [\n  { "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 } ] },\n  { "claim_id": "C2", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] }\n] }\n',
      errors: [{ message: /^S9502 per diem on 2026-03-02 has no drug on claim C1/, text: '"S9502"' }],
      output: null,
    },
  ],
});

describe('rule per-diem-without-drug: related locations', () => {
  it('points at the first five drug lines of other claims, however many the day has', () => {
    // A member billed hundreds of lines a day: each per diem pointed at every drug line of every
    // other claim that day (220,000 related entries on a 26,000-line file).
    const drugs = Array.from({ length: 40 }, (_, i) => `C${i + 2},M1,PA1,2026-03-02,,J2185,30,`);
    const text = csv('C1,M1,PA1,2026-03-02,,S9502,1,', ...drugs);
    const [finding] = lintDocument(parseDocument(text, 'csv'), {}, [rule]);
    assert.strictEqual(MAX_RELATED, 5);
    assert.strictEqual(finding.related?.length, MAX_RELATED);
    assert.deepStrictEqual(finding.related.map((r) => r.message), [2, 3, 4, 5, 6].map((c) => `J2185 for 2026-03-02 is billed on claim C${c}`));
    assert.match(finding.message, /the drug is billed on another claim/);
  });
});
