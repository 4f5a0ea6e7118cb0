import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCodeSet } from '../../server/src/codes/codeset';
import { CPT_CODES } from '../../server/src/codes/cpt';
import { POLICIES } from '../../server/src/codes/policies';
import { ROOT } from './source-data';

const seed = (file: string): string => fs.readFileSync(path.join(ROOT, 'seeds', file), 'utf8').replace(/\s+/g, ' ');

describe('CPT 99601/99602 (described from the policies)', () => {
  it('are not in the CMS files but are in the code set, naming their policy', () => {
    for (const code of ['99601', '99602']) {
      const c = loadCodeSet().code(code);
      assert.ok(c, code);
      assert.strictEqual(c.policy, '000');
      assert.strictEqual(c.cov, '');
    }
    assert.match(loadCodeSet().code('99601')!.long, /per visit \(up to 2 hours\)/);
    assert.match(loadCodeSet().code('99602')!.long, /each additional hour/);
  });

  it('every description and note is verbatim in its seed', () => {
    for (const c of Object.values(CPT_CODES)) {
      for (const q of [c.long]) {
        assert.ok(seed(POLICIES[q.policy].file).includes(q.quote.replace(/\s+/g, ' ')), `${c.code}: "${q.quote}" not in seed ${q.policy}`);
      }
      assert.ok(seed(POLICIES[c.shortPolicy].file).includes(`${c.code} (${c.short})`), `${c.code} short label from ${c.shortPolicy}`);
      assert.strictEqual(loadCodeSet().code(c.code)?.labelPolicy, c.shortPolicy, 'the hover names where the label comes from');
    }
  });
});
