// A re-read CSV line (parse/csv-incremental.ts) makes its `fields` with the document's one fields
// class while the header is unchanged: a class made per edit (a getter and a key-span map per
// column) was kept by every re-read line, and editing a 5,000-line file tripled the live heap.
import * as assert from 'assert';
import { lintText } from '../../server/src/engine';
import { lintEditIncrementally } from '../../server/src/engine-incremental';

const HEADER = 'claim_id,member_id,payer,dos_from,hcpcs,units,charge';
const rows = (n: number): string[] => Array.from({ length: n }, (_, i) => `C${i},M${i % 7},commercial,2024-03-0${1 + (i % 9)},J7050,${i + 1},10.00`);

describe('re-read CSV lines share the header\'s fields class (csv-incremental)', () => {
  it('edited lines keep the prototype of the unchanged lines, and read the new text', () => {
    const lines = rows(40);
    let result = lintText([HEADER, ...lines].join('\n'), 'csv');
    const proto = Object.getPrototypeOf(result.doc.lines[0].fields);
    for (let k = 0; k < 25; k++) {
      const at = 1 + ((k * 7) % 39);
      lines[at] = lines[at].replace(/,\d+,10\.00$/, `,${100 + k},10.00`);
      const edited = lintEditIncrementally(result, [HEADER, ...lines].join('\n'));
      assert.ok(edited?.change, 'linted incrementally');
      result = edited!;
      const line = result.doc.lines[at];
      assert.strictEqual(line.fields.units?.text, String(100 + k));
      assert.strictEqual(Object.getPrototypeOf(line.fields), proto, `edit ${k}: a fields class of its own`);
    }
    const protos = new Set(result.doc.lines.map((l) => Object.getPrototypeOf(l.fields)));
    assert.strictEqual(protos.size, 1);
  });

  it('an edited header gives the lines fields of the new header', () => {
    const lines = rows(5);
    const result = lintText([HEADER, ...lines].join('\n'), 'csv');
    const text = [HEADER.replace(',charge', ''), ...lines.map((l) => l.replace(/,10\.00$/, ''))].join('\n');
    const edited = lintEditIncrementally(result, text) ?? lintText(text, 'csv');
    assert.strictEqual(edited.doc.lines[2].fields.units?.text, '3');
    assert.strictEqual(edited.doc.lines[2].fields.charge, undefined);
  });
});
