// Code classes read with charCodeAt (codes/classes.ts) must say what the rules.md patterns say:
// CPT is /^\d{4}[0-9FTU]$/, HCPCS Level II is /^[A-Z]\d{4}$/ (ASCII only, case-sensitive: rules
// upper-case the code first).
import * as assert from 'assert';
import { frequencyHours, isCptCode, isLevel2Code, isTherapyPerDiem } from '../../server/src/codes/classes';
import { findDataDir } from '../../server/src/codes/codeset';
import { manifestSources, readSource } from './source-data';
import { rng } from '../helpers/seeded';

const CPT = /^\d{4}[0-9FTU]$/;
const LEVEL2 = /^[A-Z]\d{4}$/;

describe('code classes: CPT and HCPCS Level II', () => {
  const table: Array<[string, boolean, boolean]> = [
    ['99601', true, false], ['0001F', true, false], ['0042T', true, false], ['0001U', true, false],
    ['J2185', false, true], ['A4221', false, true], ['S9500', false, true],
    ['j2185', false, false], ['0001f', false, false], ['J218', false, false], ['J21850', false, false],
    ['9960', false, false], ['996011', false, false], ['', false, false], [' J2185', false, false],
    ['JJ185', false, false], ['9960A', false, false], ['Ä2185', false, false], ['J２185', false, false],
    ['٩٩٦٠١', false, false], ['@2185', false, false], ['[2185', false, false], ['/9601', false, false], [':9601', false, false],
  ];
  for (const [code, cpt, level2] of table) {
    it(`${JSON.stringify(code)}: CPT ${cpt}, Level II ${level2}`, () => {
      assert.strictEqual(isCptCode(code), cpt);
      assert.strictEqual(isLevel2Code(code), level2);
    });
  }

  it('agree with the patterns on 20,000 random 4–6 character strings', () => {
    const r = rng(11);
    const alphabet = '0123456789ABFJSTUZafu@[/:- é٩２';
    let cpt = 0;
    let level2 = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 4 + Math.floor(r() * 3);
      let code = '';
      for (let k = 0; k < length; k++) code += alphabet[Math.floor(r() * (k === 0 || r() < 0.3 ? alphabet.length : 10))];
      assert.strictEqual(isCptCode(code), CPT.test(code), code);
      assert.strictEqual(isLevel2Code(code), LEVEL2.test(code), code);
      if (CPT.test(code)) cpt++;
      if (LEVEL2.test(code)) level2++;
    }
    assert.ok(cpt > 100 && level2 > 100, `both classes were hit (${cpt} CPT, ${level2} Level II)`);
  });
});

describe('code classes: the frequency field as a dosing interval in hours', () => {
  const table: Array<[string, number | undefined]> = [
    ['q8h', 8], ['Q 8 H', 8], ['q8hrs', 8], ['q1.5h', 1.5], ['every 8 hours', 8], ['Every  24  Hours', 24], ['8h', 8], ['8 hr', 8],
    ['daily', 24], ['once daily', 24], ['Once-Daily', 24], ['every day', 24], ['qd', 24], ['continuous', 24],
    ['twice daily', 12], ['BID', 12], ['b.i.d.', 12], ['twice a day', 12], ['2x/day', 12],
    ['three times daily', 8], ['3 times a day', 8], ['tid', 8], ['4x daily', 6], ['qid', 6],
    ['every other day', 48], ['qod', 48], ['every 10 days', 240], ['q240h', 240],
    ['weekly', 168], ['once a week', 168], ['once per week', 168], ['every week', 168], ['qw', 168], ['every 2 weeks', 336], ['q2w', 336],
    ['once a month', 720],
    // Not read: a count with no "times" is a length, and no interval is 0.
    ['2 weeks', undefined], ['3d', undefined], ['as needed', undefined], ['prn', undefined], ['q0h', undefined],
    ['0 times daily', undefined], ['constructor', undefined], ['', undefined],
  ];
  for (const [text, hours] of table) {
    it(`${JSON.stringify(text)} → ${hours}`, () => assert.strictEqual(frequencyHours(text), hours));
  }
});

describe('code classes: therapy per diems against the CMS descriptors', () => {
  it('every code of the per diem ranges is a therapy per diem exactly when CMS calls it a per diem', () => {
    const rows = readSource(manifestSources(findDataDir()).codes);
    // rules.md's table: S9061, S9325–S9379, S9490–S9590.
    const n = (code: string) => (/^S\d{4}$/.test(code) ? Number(code.slice(1)) : -1);
    const inRanges = rows.filter((r) => { const k = n(r.code); return k === 9061 || (k >= 9325 && k <= 9379) || (k >= 9490 && k <= 9590); });
    assert.ok(inRanges.length > 40, `${inRanges.length} codes in the ranges`);
    const wrong = inRanges.filter((r) => isTherapyPerDiem(r.code) !== /per diem/i.test(r.long_description)).map((r) => r.code);
    assert.deepStrictEqual(wrong, []);
    assert.strictEqual(isTherapyPerDiem('S9529'), false, 'routine venipuncture');
    assert.strictEqual(isTherapyPerDiem('S9500'), true);
  });
});
