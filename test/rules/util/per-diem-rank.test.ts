import * as assert from 'assert';
import { parseDocument } from '../../../server/src/parse';
import { rankPerDiems } from '../../../server/src/rules/util/per-diem';
import { rng } from '../../helpers/seeded';

const HEAD = 'claim_id,member_id,dos_from,hcpcs,modifiers,units';
/** Dosing interval in hours (rules.md); S9338 and S9490 have none (ranked last). */
const INTERVAL: Record<string, number> = { S9497: 3, S9504: 4, S9502: 8, S9501: 12, S9500: 24 };

describe('ranking a day of per diems (concurrent-therapy-modifier, per-diem-order)', () => {
  // A handful of per diems are inserted in rank; a day of more (generated or pasted files) is sorted.
  for (const count of [3, 16, 17, 300]) {
    it(`ranks ${count} per diems most frequent first, unknown frequency last, file order on ties`, () => {
      const random = rng(count);
      const codes = Object.keys(INTERVAL).concat('S9338', 'S9490');
      const rows = Array.from({ length: count }, (_, i) => `C${i},M1,2026-03-02,${codes[Math.floor(random() * codes.length)]},,1`);
      const lines = parseDocument([HEAD, ...rows].join('\n') + '\n', 'csv').lines.map((line) => ({ line }));
      const key = (code: string): number => INTERVAL[code] ?? Infinity;
      const expected = lines.map((d) => d.line).sort((a, b) => key(a.hcpcs) - key(b.hcpcs) || a.index - b.index);
      assert.deepStrictEqual(rankPerDiems(lines).map((r) => r.line.index), expected.map((l) => l.index));
    });
  }
});
