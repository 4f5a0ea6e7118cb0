// The JSON report writes findings by hand (a big file has tens of thousands): byte for byte what
// JSON.stringify at the report's indentation gives, for every shape a finding takes.
import * as assert from 'assert';
import type { LocatedFinding } from '../../server/src/cli/check';
import { findingJson } from '../../server/src/cli/report-json';

const generic = (f: unknown): string => JSON.stringify(f, null, 2).replace(/\n/g, '\n      ');

const base = {
  ruleId: 'bundled-supply', severity: 'warning', message: 'A4221 on 2026-07-24 is "included"\nin S9502 \u2028 é',
  start: 10, end: 15, line: 2, column: 3, endLine: 2, endColumn: 8,
} as const;

describe('JSON report: findings written by hand', () => {
  const cases: Array<[string, LocatedFinding]> = [
    ['no fixes', { ...base, fixes: [] }],
    ['fixes', { ...base, fixes: [{ title: 'Remove bundled line', safe: false }, { title: 'Pad NDC "x"', safe: true }] }],
    ['a related place in the file', { ...base, fixes: [], related: [{ message: 'S9502 per diem', line: 1, column: 5, endLine: 1, endColumn: 10 }] }],
    ['related places, one in another file', {
      ...base,
      fixes: [{ title: 'Add modifier SH', safe: false }],
      related: [
        { message: 'first', line: 1, column: 5, endLine: 1, endColumn: 10 },
        { message: 'other', file: 'dir/b "x".claims.csv', line: 9, column: 1, endLine: 9, endColumn: 6 },
      ],
    }],
    ['an empty related list', { ...base, fixes: [], related: [] }],
    ['another key (the generic way)', { ...base, fixes: [], extra: 1 } as unknown as LocatedFinding],
  ];
  for (const [name, f] of cases) {
    it(name, () => {
      assert.strictEqual(findingJson(f), generic(f));
      assert.deepStrictEqual(JSON.parse(findingJson(f)), JSON.parse(JSON.stringify(f)));
    });
  }
});
