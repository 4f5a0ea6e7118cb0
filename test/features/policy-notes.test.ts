import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { POLICIES } from '../../server/src/codes/policies';
import { NDC_UNITS } from '../../server/src/features/ndc-units';
import { CODE_NOTES, MODIFIER_NOTES, notesForCode, type PolicyNote } from '../../server/src/features/policy-notes';
import { ROOT } from '../codes/source-data';

/** Seeds wrap lines and use tabs: compare with runs of whitespace collapsed. */
const squash = (s: string): string => s.replace(/\s+/g, ' ');
const seeds = new Map(Object.entries(POLICIES).map(([id, p]) => [id, squash(fs.readFileSync(path.join(ROOT, 'seeds', p.file), 'utf8'))]));

describe('policy notes', () => {
  const all: PolicyNote[] = [...CODE_NOTES, ...Object.values(MODIFIER_NOTES).flat(), ...NDC_UNITS.flatMap((u) => u.notes)];

  it('every quote is verbatim in the seed it names', () => {
    for (const n of all) assert.ok(seeds.get(n.policy)!.includes(squash(n.quote)), `not in seed ${n.policy}: "${n.quote}"`);
  });

  it('NDC unit descriptors are 000\'s', () => {
    for (const u of NDC_UNITS) assert.ok(seeds.get('000')!.includes(`<b>${u.code}</b> ${u.descriptor}`), u.code);
  });

  it('the notes that apply follow the code classes', () => {
    const policiesOf = (code: string): string[] => notesForCode(code).map((n) => n.policy);
    assert.ok(notesForCode('S9501').some((n) => /SH/.test(n.note)));
    assert.ok(notesForCode('S9501').some((n) => /more frequent per diem first/.test(n.note)));
    assert.ok(notesForCode('S9501').some((n) => /drug is actually administered/.test(n.note)));
    assert.deepStrictEqual(notesForCode('G0068').map((n) => n.note.slice(0, 18)), ['Payment category 1', 'Units are 15-minut', 'Medicare Advantage']);
    assert.ok(policiesOf('G0088').includes('004'));
    assert.ok(notesForCode('A4221').some((n) => /Included in the per diem/.test(n.note)));
    assert.ok(notesForCode('J7050').some((n) => /hydration/.test(n.note)));
    assert.ok(!notesForCode('J7050').some((n) => /Included in the per diem when/.test(n.note)));
    assert.deepStrictEqual(notesForCode('A0021'), []);
  });

  it('TPN per diems S9364–S9368 (formula included) get no drug-day notes, as per-diem-without-drug spares them', () => {
    for (const code of ['S9364', 'S9365', 'S9366', 'S9367', 'S9368']) {
      const notes = notesForCode(code).map((n) => n.note);
      assert.ok(!notes.some((n) => /drug is actually administered|same claim as its drug/.test(n)), `${code}: ${notes.join(' | ')}`);
      assert.ok(notes.some((n) => /standard TPN formula is inside this per diem/.test(n)), code);
      assert.ok(notes.some((n) => /second per diem takes SH/.test(n)), `${code}: the other per diem notes still apply`);
    }
    assert.ok(notesForCode('S9364').some((n) => /not billed with the daily-volume TPN codes/.test(n.note)));
    // A therapy per diem without the formula keeps both.
    assert.strictEqual(notesForCode('S9501').filter((n) => /drug is actually administered|same claim as its drug/.test(n.note)).length, 2);
  });
});
