// Module-level caches keyed by values read from a document must not keep the document's text
// alive: V8 keeps a substring of 13+ characters as a view into its whole parent string. Each case
// runs in a child node with --expose-gc: values cut from 20 texts of 2 MB are handed to the cached
// function, the texts are dropped, and the heap still used after a full GC is measured.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';

const SRC = path.resolve(__dirname, '../../server/src');

function retainedMb(modulePath: string, call: string): number {
  const script = `
    const m = require(${JSON.stringify(path.join(SRC, modulePath))});
    const cut = (i, value) => {
      // A 2 MB text with the value at its middle, read back as a slice (slicing flattens the
      // concatenation into one string on the heap, the slice's parent).
      const half = 1024 * 1024;
      const text = 'a'.repeat(half) + value + 'b'.repeat(half);
      return text.slice(half, half + value.length);
    };
    const call = (i) => { ${call} };
    call(-1); // warm up: the module's own allocations are not the leak
    global.gc(); global.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20; i++) call(i);
    global.gc(); global.gc();
    process.stdout.write(String((process.memoryUsage().heapUsed - before) / 1048576));
  `;
  return Number(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' }));
}

describe('caches keyed by document values hold no document text', () => {
  const cases: Array<[string, string, string]> = [
    ['codes/ndc parseNdc', 'codes/ndc.js', "m.parseNdc(cut(i, '12345-6789-' + String(i + 10)));"],
    ['codes/classes frequencyHours', 'codes/classes.js', "m.frequencyHours(cut(i, 'every ' + (i + 10) + ' hours'));"],
    ['rules/util/nearest-id nearestId', 'rules/util/nearest-id.js', "m.nearestId(cut(i, 'some-misspelt-rule-' + (i + 10)), ['ndc-format', 'drug-units']);"],
  ];
  for (const [name, modulePath, call] of cases) {
    it(`${name}: 20 texts of 2 MB are not retained`, () => {
      const mb = retainedMb(modulePath, call);
      // Without the fix each entry keeps its whole text: 40 MB.
      assert.ok(mb < 8, `${mb.toFixed(1)} MB retained`);
    });
  }
});
