// Minimal reproductions of what the fuzz suite found in the engine, reduced by hand from the
// failing fuzz cases. Each fails until its bug is fixed, then stays as a regression test.
// (The fuzz cases that found them still run with a relaxed time limit: see `exempt` in
// support/bad-inputs.ts; they still catch a crash or a real hang.)
import * as assert from 'assert';
import { lintText } from '../../server/src/engine';
import { BUDGET_MS } from './support/lsp';

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: Math.round(performance.now() - t0) };
}

describe('fuzz: minimal reproductions of bugs found', () => {
  // Found by bad-bytes ("JSON 3000 line objects on one line"). A minified JSON export keeps every
  // line object on one line; the "Disable <rule> for this line" fix of each finding scans that
  // whole line (json-list.ts layoutAfter → indentOfLine/lineStartOf of the line object), so
  // building all fixes is quadratic in the line's length. The LSP builds every finding's fixes
  // for a code action request without `only` (fixAllAction), i.e. on each cursor move in VS Code.
  it('JSON on one line: the quick fixes of 4000 line objects are built within a second', () => {
    const objects = Array.from({ length: 4000 }, () => '{ "hcpcs": "J2185", "units": 1 }');
    const oneLine = `[{ "claim_id": "C1", "member_id": "M1", "lines": [${objects.join(',')}] }]`;
    const multiLine = `[{ "claim_id": "C1", "member_id": "M1", "lines": [\n${objects.join(',\n')}\n] }]`;
    const build = (text: string) => {
      const { findings } = lintText(text, 'json');
      return timed(() => findings.reduce((n, f) => n + f.fixes.length, 0));
    };
    const multi = build(multiLine);
    const one = build(oneLine);
    assert.strictEqual(one.value, multi.value, 'the same fixes either way');
    assert.ok(one.ms < BUDGET_MS, `${one.value} fixes took ${one.ms} ms on one line (${multi.ms} ms with one object per line)`);
  });
});
