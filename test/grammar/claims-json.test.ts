import * as assert from 'assert';
import { scopeOf, scopesOf, tokenize } from './tokenize';

const JSONC = 'source.claims.json';

describe('grammar: claims JSON (source.claims.json)', () => {
  it('colors keys as JSON property names and classifies string values like the CSV cells', async () => {
    const [line] = await tokenize(JSONC,
      '{ "hcpcs": "J2185", "modifiers": ["SH", "JW"], "ndc": "0143-9431-10", "ndc_unit": "UN", "dos_from": "2026-03-02", "units": 30 }');
    assert.strictEqual(scopeOf(line, 'hcpcs'), 'support.type.property-name.json.claims');
    assert.strictEqual(scopeOf(line, 'J2185'), 'support.function.code.drug.claims');
    assert.ok(scopesOf(line, 'J2185').includes('string.quoted.double.claims'));
    assert.strictEqual(scopeOf(line, 'SH'), 'variable.parameter.modifier.claims');
    assert.strictEqual(scopeOf(line, 'JW'), 'variable.parameter.modifier.claims');
    assert.strictEqual(scopeOf(line, '0143-9431-10'), 'variable.other.constant.ndc.unpadded.claims');
    assert.strictEqual(scopeOf(line, 'UN'), 'keyword.other.unit.ndc.claims');
    assert.strictEqual(scopeOf(line, '2026-03-02'), 'constant.numeric.date.claims');
    assert.strictEqual(scopeOf(line, '30'), 'constant.numeric.claims');
  });

  it('colors per diem, professional and supply codes in string values', async () => {
    const [line] = await tokenize(JSONC, '["S9501", "G0088", "99602", "A4222"]');
    assert.strictEqual(scopeOf(line, 'S9501'), 'keyword.control.code.per-diem.claims');
    assert.strictEqual(scopeOf(line, 'G0088'), 'keyword.other.code.professional.hit.claims');
    assert.strictEqual(scopeOf(line, '99602'), 'keyword.other.code.professional.nursing.claims');
    assert.strictEqual(scopeOf(line, 'A4222'), 'support.type.code.supply.claims');
  });

  it('colors NDCs in billing form, catheter-care per diems, payers, modifier strings and US dates in string values', async () => {
    const [line] = await tokenize(JSONC,
      '{ "payer": "medicare", "hcpcs": "S5498", "ndc": "00143-9431-10", "modifiers": "SH JW", "dos_from": "03/02/2026", "units": "30" }');
    assert.strictEqual(scopeOf(line, 'medicare'), 'constant.language.payer.claims');
    assert.strictEqual(scopeOf(line, 'S5498'), 'keyword.control.code.per-diem.catheter-care.claims');
    assert.strictEqual(scopeOf(line, '00143-9431-10'), 'variable.other.constant.ndc.claims');
    assert.strictEqual(scopeOf(line, 'SH'), 'variable.parameter.modifier.claims');
    assert.ok(line.some((t) => t.text === ' ' && t.scopes.at(-1) === 'punctuation.separator.modifier.claims'), 'the space between modifiers');
    assert.strictEqual(scopeOf(line, 'JW'), 'variable.parameter.modifier.claims');
    assert.strictEqual(scopeOf(line, '03/02/2026'), 'constant.numeric.date.claims');
    assert.strictEqual(scopeOf(line, '30'), 'constant.numeric.claims', 'a number written as a string');
  });

  it('accepts comments and trailing commas (JSONC) and leaves free text plain', async () => {
    const lines = await tokenize(JSONC, [
      '// exported 2026-03-05',
      '{ /* claim */ "claim_id": "C1001",',
      '  "notes": "Meropenem 1 g", }',
    ].join('\n'));
    assert.strictEqual(scopeOf(lines[0], ' exported 2026-03-05'), 'comment.line.double-slash.claims');
    assert.strictEqual(scopeOf(lines[1], ' claim '), 'comment.block.claims');
    assert.strictEqual(scopeOf(lines[1], 'C1001'), 'string.quoted.double.claims');
    assert.strictEqual(scopeOf(lines[2], 'Meropenem 1 g'), 'string.quoted.double.claims');
    // The trailing comma does not break the object: its closing brace is still recognized.
    assert.strictEqual(scopeOf(lines[2], '}'), 'punctuation.definition.dictionary.end.claims');
  });
});
