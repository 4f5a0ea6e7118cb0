// Suppression per line (CSV comment, JSON lint_disable), the "Disable <id> for this line" fix,
// and the settings the engine honours (per-rule severity / off, default payer).
import * as assert from 'assert';
import { lintText } from '../../server/src/engine';
import { applyEdits } from '../../server/src/fixes/apply';
import type { Finding } from '../../server/src/rules/types';

const HEADER = 'claim_id,member_id,auth_number,dos_from,hcpcs,units,ndc,ndc_unit,ndc_qty';
const BAD_NDC = 'C1,M1,PA1,2026-03-02,J2185,30,0143-9431-10,UN,3';
const csv = (...rows: string[]): string => [HEADER, ...rows].join('\n') + '\n';
const ids = (findings: readonly Finding[]): string[] => findings.map((f) => f.ruleId);

describe('suppression and settings', () => {
  it('reports a 4-4-2 NDC without suppression', () => {
    assert.ok(ids(lintText(csv(BAD_NDC), 'csv').findings).includes('ndc-format'));
  });

  it('a CSV disable comment silences only the listed rules on the next row', () => {
    const text = csv('# infusion-claims-disable-next-line ndc-format, auth-missing', BAD_NDC, BAD_NDC.replace('C1', 'C2'));
    const { findings } = lintText(text, 'csv');
    const ndc = findings.filter((f) => f.ruleId === 'ndc-format');
    assert.strictEqual(ndc.length, 1, 'the second row is still reported');
    assert.ok(ndc[0].span.start > text.indexOf('C2,'), 'the reported NDC is the one of the unsuppressed row');
    // A rule the comment does not list is still reported on the row under it.
    const other = csv('# infusion-claims-disable-next-line auth-missing', BAD_NDC.replace(',PA1,', ',,'));
    assert.deepStrictEqual(ids(lintText(other, 'csv').findings), ['ndc-format'], 'auth-missing silenced, ndc-format not');
  });

  it('JSON lint_disable on a line and on a claim', () => {
    const line = '{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "ndc": "0143-9431-10", "ndc_unit": "UN", "ndc_qty": 3 }';
    const onLine = `{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [ ${line.replace('{ ', '{ "lint_disable": ["ndc-format"], ')} ] }`;
    const onClaim = `{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lint_disable": ["ndc-format"], "lines": [ ${line} ] }`;
    const plain = `{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [ ${line} ] }`;
    assert.ok(ids(lintText(plain, 'json').findings).includes('ndc-format'));
    assert.ok(!ids(lintText(onLine, 'json').findings).includes('ndc-format'));
    assert.ok(!ids(lintText(onClaim, 'json').findings).includes('ndc-format'));
  });

  it('a JSON claim value its lines share is one finding, not one per line; a line that disables the rule leaves it to the others', () => {
    const lines = '{ "hcpcs": "99601", "units": 1 }, { "hcpcs": "99601", "units": 1, "charge": 90 }, { "hcpcs": "J2185", "units": 30 }';
    const claim = (own: string): string => `{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "dos_from": "2026-03-02", "dos_to": "2026-03-04", "pos": "11", "lines": [ ${own} ] }`;
    const text = claim(lines);
    const { findings } = lintText(text, 'json');
    const at = (id: string): string[] => findings.filter((f) => f.ruleId === id).map((f) => text.slice(f.span.start, f.span.end));
    assert.deepStrictEqual(at('place-of-service'), ['"11"'], 'the claim\'s pos, reported once for its two 99601 lines');
    assert.deepStrictEqual(findings.filter((f) => f.ruleId === 'date-span').map((f) => f.message.slice(0, 5)), ['99601', 'J2185'],
      'date-span names the line\'s code: one finding per message');
    const disabledFirst = claim(lines.replace('{ "hcpcs": "99601"', '{ "lint_disable": ["place-of-service"], "hcpcs": "99601"'));
    assert.deepStrictEqual(lintText(disabledFirst, 'json').findings.filter((f) => f.ruleId === 'place-of-service').map((f) => f.lineIndex), [1],
      'the second line still reports the shared value');
    const badPayer = claim(lines).replace('"pos": "11"', '"pos": "12", "payer": "blue"');
    const payerFindings = (t: string): Array<number | undefined> => lintText(t, 'json').findings.filter((f) => f.ruleId === 'invalid-value').map((f) => f.lineIndex);
    assert.deepStrictEqual(payerFindings(badPayer), [0], 'the claim\'s unknown payer, once');
    assert.deepStrictEqual(payerFindings(badPayer.replace('{ "hcpcs": "99601"', '{ "lint_disable": ["invalid-value"], "hcpcs": "99601"')), [1],
      'the second line reports the payer the first line disables the rule for');
  });

  for (const [format, text] of [
    ['csv', csv(BAD_NDC)],
    ['json', '{\n  "claim_id": "C1",\n  "member_id": "M1",\n  "auth_number": "PA1",\n  "lines": [\n    { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "ndc": "0143-9431-10", "ndc_unit": "UN", "ndc_qty": 3 }\n  ]\n}\n'],
  ] as const) {
    it(`${format}: "Disable ndc-format for this line" removes the finding and changes nothing else`, () => {
      const finding = lintText(text, format).findings.find((f) => f.ruleId === 'ndc-format');
      assert.ok(finding);
      const disable = finding.fixes.find((f) => f.title === 'Disable ndc-format for this line');
      assert.ok(disable, `offered: ${finding.fixes.map((f) => f.title).join(', ')}`);
      assert.strictEqual(disable.safe, false);
      const after = applyEdits(text, disable.edits);
      assert.ok(!ids(lintText(after, format).findings).includes('ndc-format'));
      // Only insertions: every original character is still there, in order.
      let i = 0;
      for (const ch of after) if (ch === text[i]) i++;
      assert.strictEqual(i, text.length, 'the fix dropped or reordered existing text');
    });
  }

  it('json: a finding at a value the lines inherit from the claim is disabled "for this claim", on the claim object', () => {
    // Shown once for both lines: a lint_disable on the first line left it for the second.
    const text = '{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "ndc": "0143-9431-10", "ndc_unit": "UN", "ndc_qty": 3, "lines": [\n' +
      '  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 },\n  { "dos_from": "2026-03-03", "hcpcs": "J2185", "units": 30 }\n] }\n';
    const finding = lintText(text, 'json').findings.find((f) => f.ruleId === 'ndc-format');
    assert.ok(finding);
    assert.deepStrictEqual(finding.fixes.map((f) => f.title).filter((t) => t.startsWith('Disable ')), ['Disable ndc-format for this claim']);
    const after = applyEdits(text, finding.fixes.find((f) => f.title.startsWith('Disable '))!.edits);
    assert.strictEqual(after, text.replace('\n] }\n', '\n], "lint_disable": ["ndc-format"] }\n'));
    assert.deepStrictEqual(ids(lintText(after, 'json').findings), []);
  });

  it('settings turn a rule off and change a severity', () => {
    const text = csv(BAD_NDC.replace(',PA1,', ',,'));
    const plain = lintText(text, 'csv').findings;
    assert.ok(ids(plain).includes('auth-missing'));
    assert.strictEqual(plain.find((f) => f.ruleId === 'ndc-format')?.severity, 'error');
    const tuned = lintText(text, 'csv', { rules: { 'auth-missing': 'off', 'ndc-format': 'info' } }).findings;
    assert.ok(!ids(tuned).includes('auth-missing'));
    assert.strictEqual(tuned.find((f) => f.ruleId === 'ndc-format')?.severity, 'info');
  });

  it('the default payer applies to lines without one', () => {
    const text = 'claim_id,member_id,auth_number,dos_from,hcpcs,units\nC1,M1,PA1,2026-03-02,S9502,1\nC1,M1,PA1,2026-03-02,J2185,30\n';
    assert.ok(!ids(lintText(text, 'csv').findings).includes('medicare-per-diem'));
    assert.ok(ids(lintText(text, 'csv', { payer: 'medicare' }).findings).includes('medicare-per-diem'));
  });
});
