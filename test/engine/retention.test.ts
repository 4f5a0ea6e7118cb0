// Findings outlive the lint that made them: the server keeps the last analysis, and a finding's
// fixes are made only when asked for, by a closure the rule gave. Such a closure must not keep the
// rule's working data alive: on a 100k-line file the same-day index is megabytes of small objects,
// and every full garbage collection (the server forces one every few edits of a big file) marks
// them all again. concurrent-therapy-modifier's fix closures once held it (18 MB on the bench file).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintDocument, lintText } from '../../server/src/engine';
import { lintEdit, type EditResult } from '../../server/src/engine-incremental';
import { collect } from '../../server/src/lsp/memory';
import { parseDocument } from '../../server/src/parse';
import { RULES } from '../../server/src/rules';
import { sameDayIndex } from '../../server/src/rules/util/same-day';
import { FIRING_ROWS, FULL_HEADER } from '../helpers/seeded';

/** Two more members whose lines make the other index readers fire: a less frequent per diem
 *  billed as the primary, a long visit with no 99602, a 99602 with no visit, JW with no
 *  administered line, per diems with no drug. */
const MORE_ROWS: readonly string[] = [
  'C30,M3,commercial,PA1,{day},,12,S9500,,1,100.00,,,,,,q24h,,',
  'C30,M3,commercial,PA1,{day},,12,S9502,SH,1,250.00,,,,,,q8h,,',
  'C30,M3,commercial,PA1,{day},,12,99601,,1,180.00,,,,,,,200,',
  'C40,M4,commercial,PA1,{day},,12,99602,,1,60.00,,,,,,,,',
  'C40,M4,commercial,PA1,{day},,12,J2185,JW,10,32.00,00143-9431-10,UN,1,,single,,,',
];

/** Two members, each with every firing row on two days (concurrent per diems, bundling, JW …). */
function csv(): string {
  const rows = [FULL_HEADER];
  for (const member of ['M1', 'M2']) {
    for (const date of ['2026-03-02', '2026-03-03']) {
      FIRING_ROWS.forEach((row, i) => rows.push(`C${member}${i % 3},${member},commercial,PA1,${date},${row}`));
    }
  }
  for (const date of ['2026-03-02', '2026-03-03']) for (const row of MORE_ROWS) rows.push(row.replace('{day}', date));
  return rows.join('\n') + '\n';
}

/** Rules that read the same-day index and fire on the text above: the test must be able to fail. */
const MUST_FIRE = [
  'bundled-supply', 'concurrent-therapy-modifier', 'duplicate-line', 'hit-initial-visit', 'jw-without-administered', 'multi-ndc-kp-kq',
  'mutually-exclusive-per-diem', 'nursing-addon-without-primary', 'nursing-duration', 'per-diem-order', 'per-diem-without-drug',
];

/** The rules whose source builds the same-day index: each must be in MUST_FIRE. */
function indexReaders(): string[] {
  const dir = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'rules');
  return RULES.map((r) => r.meta.id).filter((id) => /\bsameDayIndex\(/.test(fs.readFileSync(path.join(dir, `${id}.ts`), 'utf8')));
}

describe('findings do not keep a rule\'s working data alive', () => {
  const gc = collect();
  if (!gc) throw new Error('V8\'s collector is not available: these tests cannot run');
  const fired = new Set<string>();

  for (const rule of RULES) {
    it(`${rule.meta.id}: the same-day index is collected while the findings are kept`, async () => {
      const doc = parseDocument(csv(), 'csv');
      // Made here, so the rule uses this index (it is cached per document) and the test can watch it.
      const index = new WeakRef(sameDayIndex(doc));
      // Whole, not in parts: each part would get an index of its own.
      const findings = lintDocument(doc, {}, [rule], { inParts: false });
      if (findings.length > 0) fired.add(rule.meta.id);
      // A WeakRef's target stays alive until the current job ends. A few rounds: late in the whole
      // suite, a collection may keep what was made while it was already marking (seen once in
      // CI); what the findings hold is kept by every round.
      for (let round = 0; round < 5 && index.deref() !== undefined; round++) {
        await new Promise((resolve) => setImmediate(resolve));
        gc();
      }
      assert.strictEqual(index.deref(), undefined, `${rule.meta.id}'s ${findings.length} findings keep the same-day index alive`);
      // The findings (and their lazily made fixes) still work afterwards.
      for (const f of findings) assert.ok(Array.isArray(f.fixes));
    });
  }

  it('the rules that read the index fire on the test text', () => {
    const readers = indexReaders();
    assert.ok(readers.length >= MUST_FIRE.length, `index readers found in the rule sources: ${readers.join(', ')}`);
    assert.deepStrictEqual(readers.filter((id) => !MUST_FIRE.includes(id)), [], 'rules that read the index but are not made to fire');
    for (const id of MUST_FIRE) assert.ok(fired.has(id), `${id} reported nothing: the test above cannot fail for it`);
  });
});

/**
 * Four edits of the test text, each linted from the last (every finding's fixes made first, as a
 * code action would), a digit typed near the end each time. In a function of its own: a local of
 * the async test (a loop's last finding) would stay in its suspended frame and keep a version alive.
 */
function editFourTimes(): { result: EditResult; text: string; earlier: Array<WeakRef<object>>; reused: number } {
  let text = csv();
  let result: EditResult = lintText(text, 'csv');
  const earlier: Array<WeakRef<object>> = [];
  let reused = 0;
  for (let k = 0; k < 4; k++) {
    for (const f of result.findings) assert.ok(Array.isArray(f.fixes));
    const at = text.lastIndexOf('\n', text.length - 2) + 1 + 'CM2'.length;
    text = text.slice(0, at) + String(k) + text.slice(at);
    earlier.push(new WeakRef(result.doc));
    const next = lintEdit(result, text);
    const before = new Set(result.findings);
    reused += next.findings.filter((f) => before.has(f)).length;
    result = next;
  }
  return { result, text, earlier, reused };
}

describe('an edited document\'s earlier versions are not kept alive', () => {
  it('by the findings an edit kept (those before the edit are the same objects, bound to the new version)', async () => {
    const gc = collect();
    if (!gc) throw new Error('V8\'s collector is not available: this test cannot run');
    const { result, text, earlier, reused } = editFourTimes();
    assert.ok(reused > 0, 'findings before the edits are kept as the same objects (else this test cannot fail)');
    for (let round = 0; round < 5 && earlier.some((r) => r.deref() !== undefined); round++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    const kept = earlier.filter((r) => r.deref() !== undefined).length;
    assert.strictEqual(kept, 0, `${kept} of ${earlier.length} earlier versions are still alive`);
    // And the kept findings' fixes are those of the last version.
    const fresh = lintText(text, 'csv');
    assert.deepStrictEqual(result.findings.map((f) => f.fixes), fresh.findings.map((f) => f.fixes));
  });
});
