import * as assert from 'assert';
import { parseDocument } from '../../server/src/parse';
import { lintDocument } from '../../server/src/engine';
import { rule } from '../../server/src/rules/mutually-exclusive-per-diem';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,units';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));

ruleTester(rule, {
  valid: [
    { name: 'generic antibiotic per diem alone', csv: csv('C1,M1,PA1,2026-03-02,,S9494,1', 'C1,M1,PA1,2026-03-02,,J0878,2') },
    { name: 'hourly antibiotic codes together are concurrent therapies, not exclusive', csv: csv('C1,M1,PA1,2026-03-02,,S9502,1', 'C1,M1,PA1,2026-03-02,,S9501,1') },
    { name: 'S9494 and S9502 on different days', csv: csv('C1,M1,PA1,2026-03-02,,S9494,1', 'C1,M1,PA1,2026-03-03,,S9502,1') },
    { name: 'S9494 and S9502 for different members', csv: csv('C1,M1,PA1,2026-03-02,,S9494,1', 'C2,M2,PA2,2026-03-02,,S9502,1') },
    { name: 'S9364 with a hydration code is not excluded', csv: csv('C1,M1,PA1,2026-03-02,,S9364,1', 'C1,M1,PA1,2026-03-02,,S9374,1') },
    { name: 'S9329 with S9328 (outside S9330–S9331)', csv: csv('C1,M1,PA1,2026-03-02,,S9329,1', 'C1,M1,PA1,2026-03-02,,S9328,1') },
  ],
  invalid: [
    {
      name: 'S9494 with S9500 (the concurrency rules leave this day to this rule)',
      csv: csv('C1,M1,PA1,2026-03-02,,S9494,1', 'C1,M1,PA1,2026-03-02,,S9500,1'),
      errors: [{ message: 'S9494 is billed on 2026-03-02 together with S9500: S9494 must not be used with the hourly antibiotic codes S9497–S9504; bill only the specific code', text: 'S9494' }],
      output: null,
    },
    {
      name: 'S9494 with an hourly antibiotic code',
      csv: csv('C1,M1,PA1,2026-03-02,,S9494,1', 'C1,M1,PA1,2026-03-02,,S9502,1'),
      errors: [{ message: 'S9494 is billed on 2026-03-02 together with S9502: S9494 must not be used with the hourly antibiotic codes S9497–S9504; bill only the specific code', text: 'S9494' }],
      output: null,
    },
    {
      name: 'S9364 with a TPN volume code on another claim',
      csv: csv('C1,M1,PA1,2026-03-02,,S9365,1', 'C2,M1,PA2,2026-03-02,,S9364,1'),
      errors: [{ message: 'S9364 is billed on 2026-03-02 together with S9365: S9364 must not be used with the TPN daily-volume codes S9365–S9368; bill only the specific code', text: 'S9364' }],
      output: null,
    },
    {
      name: 'S9373 with a hydration volume code inside its span (one finding per line)',
      csv: csv('C1,M1,PA1,2026-03-01,2026-03-05,S9373,5', 'C1,M1,PA1,2026-03-03,,S9376,1', 'C1,M1,PA1,2026-03-04,,S9377,1'),
      errors: [{ message: /^S9373 is billed on 2026-03-03 together with S9376: S9373 must not be used with the hydration daily-volume codes S9374–S9377/, text: 'S9373' }],
      output: null,
    },
    {
      name: 'S9329 with both chemotherapy codes',
      csv: csv('C1,M1,PA1,2026-03-02,,S9329,1', 'C1,M1,PA1,2026-03-02,,S9330,1', 'C1,M1,PA1,2026-03-02,,S9331,1'),
      errors: [{ message: /^S9329 is billed on 2026-03-02 together with S9330, S9331: /, text: 'S9329' }],
      output: null,
    },
    {
      name: 'the specific code is in another workspace file',
      csv: csv('C1,M1,PA1,2026-03-02,,S9494,1'),
      options: { external: external('file:///w/other.claims.csv', csv('C9,M1,PA9,2026-03-02,,S9504,1')) },
      errors: [{ message: /^S9494 is billed on 2026-03-02 together with S9504/, text: 'S9494' }],
      output: null,
    },
    {
      name: 'JSON',
      json: '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "S9497", "units": 1 },\n  { "dos_from": "2026-03-02", "hcpcs": "S9494", "units": 1 }\n] }\n',
      errors: [{ message: /^S9494 is billed on 2026-03-02 together with S9497/, text: '"S9494"' }],
      output: null,
    },
  ],
});

describe('rule mutually-exclusive-per-diem: related locations', () => {
  it('points at the first five specific per diems of the day, the message naming every code', () => {
    const specific = Array.from({ length: 12 }, (_, i) => `C1,M1,PA1,2026-03-02,,${i % 2 === 0 ? 'S9500' : 'S9502'},1`);
    const text = csv('C1,M1,PA1,2026-03-02,,S9494,1', ...specific);
    const [finding] = lintDocument(parseDocument(text, 'csv'), {}, [rule]);
    assert.strictEqual(finding.related?.length, 5);
    assert.deepStrictEqual(finding.related.map((r) => r.message), ['S9500', 'S9502', 'S9500', 'S9502', 'S9500'].map((c) => `${c} is billed on 2026-03-02`));
    assert.match(finding.message, /together with S9500, S9502:/);
  });

  it('tells every generic per diem of a long day, each with the specific ones of that day', () => {
    // More than a short day's lines: the day's specific per diems are looked up once per exclusion.
    const rows = Array.from({ length: 30 }, (_, i) => `C1,M1,PA1,2026-03-02,,${['S9494', 'S9502', 'S9364', 'S9490'][i % 4]},1`);
    const findings = lintDocument(parseDocument(csv(...rows), 'csv'), {}, [rule]);
    assert.strictEqual(findings.length, 8); // the S9494 lines; S9364 has no TPN volume code that day
    for (const f of findings) {
      assert.match(f.message, /^S9494 is billed on 2026-03-02 together with S9502: /);
      assert.strictEqual(f.related?.length, 5);
    }
  });
});
