import * as assert from 'assert';
import { loadCodeSet } from '../../server/src/codes/codeset';
import { lookupEntries } from '../../server/src/features/lookup';

describe('look up code', () => {
  it('lists every code and modifier with its short descriptor and full entry', () => {
    const codes = loadCodeSet();
    const entries = lookupEntries();
    assert.strictEqual(entries.length, codes.allCodes().length + codes.allModifiers().length);
    const s9501 = entries.find((e) => e.label === 'S9501' && e.kind === 'code')!;
    assert.strictEqual(s9501.description, 'Hit antibiotic q12h diem');
    assert.match(s9501.detail, /once every 12 hours/);
    assert.match(s9501.detail, /Policy notes/);
    const nursing = entries.find((e) => e.label === '99602')!;
    assert.strictEqual(nursing.description, 'HOME INFUSION EACH ADDTL HR');
    const jw = entries.find((e) => e.label === 'JW' && e.kind === 'modifier')!;
    assert.strictEqual(jw.description, 'Discarded drug not administe');
    assert.match(jw.detail, /single use vial/);
  });
});
