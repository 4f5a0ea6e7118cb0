import * as assert from 'assert';
import { engineWork, tokenize } from './tokenize';

// Tokenizing must be linear in the line length. A capture with nested `patterns` is not: for each
// such capture vscode-textmate builds a new regex string holding the line up to that capture and
// tokenizes it again, so a long row of modifier cells cost O(cells × line) (a 24 KB row of `GY,`
// took seconds). These tests count the work handed to the regex engine (scans, and characters of
// the strings it is given) for a line of N and of 4N characters instead of timing anything: the
// counts are deterministic, and linear work grows 4×, quadratic 16×.

interface Work { scans: number; chars: number }

async function workOf(scope: string, text: string): Promise<Work> {
  await tokenize(scope, 'h\n'); // loads and compiles the grammar outside the count
  const before = { ...engineWork };
  await tokenize(scope, text);
  return { scans: engineWork.scans - before.scans, chars: engineWork.chars - before.chars };
}

/** A ~`bytes` long line of `unit` repeated. */
const line = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length));

async function assertLinear(scope: string, prefix: string, unit: string): Promise<void> {
  const small = prefix + line(unit, 12_500);
  const large = prefix + line(unit, 50_000);
  const [a, b] = [await workOf(scope, small), await workOf(scope, large)];
  const sizeRatio = large.length / small.length;
  // Each line is handed to the engine once (plus a directive or header capture at most).
  assert.ok(b.chars <= 2 * large.length, `${b.chars} characters handed to the regex engine for a ${large.length}-character line`);
  for (const key of ['scans', 'chars'] as const) {
    const ratio = b[key] / a[key];
    assert.ok(ratio <= sizeRatio * 1.25, `${key}: ${a[key]} for ${small.length} characters, ${b[key]} for ${large.length} (×${ratio.toFixed(1)} for ×${sizeRatio.toFixed(1)} the text)`);
  }
}

describe('grammar: tokenizing is linear in the line length', () => {
  it('a 50 KB CSV row of modifier cells (one to four modifiers, any separator, any case)', async () => {
    await assertLinear('text.claims.csv', 'claim_id,modifiers\n', 'GY,JW SH,kx:jw:gy:sh,JW-GY,');
  });

  it('a 50 KB CSV row of whole claims (codes, modifiers, NDC, dates, quoted cells, payers)', async () => {
    await assertLinear('text.claims.csv', 'claim_id,hcpcs\n', 'C1001,J2185,JW GY,00143-9431-10,2,2026-03-02,"SH,JW",medicare,');
  });

  it('a 50 KB line of minified JSON claims', async () => {
    const claim = '{"claim_id":"C1001","hcpcs":"J2185","modifiers":["JW","GY"],"mods":"SH:JW","ndc":"00143-9431-10","units":2,"dos_from":"2026-03-02"},';
    await assertLinear('source.claims.json', '[', claim);
  });
});
