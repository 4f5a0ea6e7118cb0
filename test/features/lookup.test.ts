import * as assert from 'assert';
import { loadCodeSet } from '../../server/src/codes/codeset';
import { lookupEntries, lookupMarkdown } from '../../server/src/features/lookup';

describe('look up code', () => {
  it('lists every code and modifier with its descriptors; the full entry is built on demand', () => {
    const codes = loadCodeSet();
    const entries = lookupEntries();
    assert.strictEqual(entries.length, codes.allCodes().length + codes.allModifiers().length);
    const s9501 = entries.find((e) => e.label === 'S9501' && e.kind === 'code')!;
    assert.strictEqual(s9501.description, 'Hit antibiotic q12h diem');
    assert.match(s9501.detail, /once every 12 hours/);
    assert.match(lookupMarkdown('code', 'S9501')!, /\*\*S9501\*\*[\s\S]*Policy notes/);
    const nursing = entries.find((e) => e.label === '99602')!;
    assert.strictEqual(nursing.description, 'HOME INFUSION EACH ADDTL HR');
    const jw = entries.find((e) => e.label === 'JW' && e.kind === 'modifier')!;
    assert.strictEqual(jw.description, 'Discarded drug not administe');
    assert.strictEqual(jw.detail, 'Drug amount discarded/not administered to any patient');
    assert.match(lookupMarkdown('modifier', 'JW')!, /single use vial/);
    assert.strictEqual(lookupMarkdown('code', 'JW'), undefined, 'JW is not a code');
  });
});
