// Code classes read with charCodeAt (codes/classes.ts) must say what the rules.md patterns say:
// CPT is /^\d{4}[0-9FTU]$/, HCPCS Level II is /^[A-Z]\d{4}$/ (ASCII only, case-sensitive: rules
// upper-case the code first).
import * as assert from 'assert';
import { isCptCode, isLevel2Code } from '../../server/src/codes/classes';
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
