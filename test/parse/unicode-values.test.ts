// Values as every reader takes them: surrounding white space is what trim() removes, a no-break
// or other Unicode space included (an analyst cannot see it); letter case is folded for ASCII
// letters only ('ſ'.toUpperCase() is 'S': ſ9502 is not S9502, nor ſh SH).
import * as assert from 'assert';
import { asciiUpper, trimmed } from '../../server/src/parse/ascii';
import { parseDocument } from '../../server/src/parse';
import { lintText } from '../../server/src/engine';

const NBSP = '\u00a0';
const HEAD = 'claim_id,member_id,auth_number,dos_from,hcpcs,modifiers,modifier1,units,ndc,ndc_unit,ndc_qty';

describe('values: Unicode spaces and letters', () => {
  it('trimmed removes what trim() removes, and only then makes a new string', () => {
    for (const s of ['J2185', ' J2185', `J2185${NBSP}`, `\u2007J2185\u3000`, '\uFEFFJ2185', 'J2185\u200b', '\u0001J2185']) {
      assert.strictEqual(trimmed(s), s.trim(), JSON.stringify(s));
    }
    const plain = 'J2185';
    assert.strictEqual(trimmed(plain), plain);
    assert.strictEqual(trimmed(undefined), '');
  });

  it('asciiUpper folds a-z only', () => {
    assert.strictEqual(asciiUpper('j2185'), 'J2185');
    assert.strictEqual(asciiUpper('\u017f9502'), '\u017f9502');
    assert.strictEqual(asciiUpper('\u017fh'), '\u017fH');
    assert.strictEqual(asciiUpper('\u0131w'), '\u0131W');
    assert.strictEqual(asciiUpper('\u00e9a'), '\u00e9A');
  });

  for (const format of ['csv', 'json'] as const) {
    const text = format === 'csv'
      ? [HEAD, `C1${NBSP},${NBSP}M1,P,2026-03-02,J2185${NBSP},KX${NBSP}GA${NBSP},${NBSP}GY,30,00143-9431-10${NBSP},UN${NBSP},3${NBSP}`,
        'C1,M1,P,2026-03-02,\u017f9502,\u017fh \u0131w,,1,,,'].join('\n') + '\n'
      : JSON.stringify({ claims: [{ claim_id: `C1${NBSP}`, member_id: `${NBSP}M1`, auth_number: 'P', lines: [
        { dos_from: '2026-03-02', hcpcs: `J2185${NBSP}`, modifiers: `KX${NBSP}GA${NBSP}`, modifier1: `${NBSP}GY`, units: 30, ndc: `00143-9431-10${NBSP}`, ndc_unit: `UN${NBSP}`, ndc_qty: 3 },
        { dos_from: '2026-03-02', hcpcs: '\u017f9502', modifiers: ['\u017fh', '\u0131w'], units: 1 },
      ] }] });

    it(`${format}: a no-break space around a code, modifier, id or NDC is trimmed, as a space is`, () => {
      const [line] = parseDocument(text, format).lines;
      assert.strictEqual(line.claimId, 'C1');
      assert.strictEqual(line.memberId, 'M1');
      assert.strictEqual(line.hcpcs, 'J2185');
      assert.strictEqual(line.ndc, '00143-9431-10');
      assert.strictEqual(line.ndcUnit, 'UN');
      assert.strictEqual(line.ndcQty, 3);
      assert.deepStrictEqual(line.modifiers.map((m) => m.code).sort(), ['GA', 'GY', 'KX']);
      const reading = new Set(['code-format', 'invalid-value', 'ndc-code-mismatch', 'ndc-format', 'ndc-unit', 'unknown-code', 'missing-field']);
      const findings = lintText(text, format, {}).findings.filter((f) => f.lineIndex === 0 && reading.has(f.ruleId));
      assert.deepStrictEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), [], 'the line reads as J2185 with its NDC');
    });

    it(`${format}: a letter that upper-cases to ASCII is read as written, and reported`, () => {
      const line = parseDocument(text, format).lines[1];
      assert.strictEqual(line.hcpcs, '\u017f9502');
      assert.deepStrictEqual(line.modifiers.map((m) => m.code), ['\u017fH', '\u0131W']);
      const findings = lintText(text, format, {}).findings.filter((f) => f.lineIndex === 1);
      const of = (id: string): string[] => findings.filter((f) => f.ruleId === id).map((f) => f.message);
      assert.deepStrictEqual(of('code-format'), ['Code \u017f9502 is not a procedure code: \u017f (U+017F) is not an ASCII letter or digit; bill a HCPCS Level II code (a letter A-Z and 4 digits, e.g. J2185) or a CPT code (5 characters, e.g. 99601)']);
      assert.deepStrictEqual(of('invalid-value'), [
        'Modifier \u017fH is not a modifier: \u017f (U+017F) is not an ASCII letter or digit; a modifier is 2 letters A-Z or digits (e.g. SH, JW)',
        'Modifier \u0131W is not a modifier: \u0131 (U+0131) is not an ASCII letter or digit; a modifier is 2 letters A-Z or digits (e.g. SH, JW)',
      ]);
      // Not read as the per diem S9502, nor as SH.
      assert.ok(!findings.some((f) => /S9502|\bSH\b/.test(f.message) && f.ruleId !== 'invalid-value'), JSON.stringify(findings.map((f) => f.message)));
    });
  }
});
