import * as assert from 'assert';
import { hyphenateNdc11, parseNdc, toNdc11, writeNdc11 } from '../../server/src/codes/ndc';
import { ndcKey } from '../../server/src/codes/ndc-key';

describe('NDC normalisation (codes/ndc)', () => {
  it('pads each display form of 000\'s table in its short segment', () => {
    assert.strictEqual(toNdc11('0409-4332-01'), '00409433201'); // 4-4-2 → 0XXXX-XXXX-XX
    assert.strictEqual(toNdc11('12345-678-90'), '12345067890'); // 5-3-2 → XXXXX-0XXX-XX
    assert.strictEqual(toNdc11('12345-6789-0'), '12345678900'); // 5-4-1 → XXXXX-XXXX-0X
  });

  it('reads the billing form with or without hyphens, ignoring surrounding spaces', () => {
    assert.strictEqual(toNdc11('00143-9431-10'), '00143943110');
    assert.strictEqual(toNdc11(' 00143943110 '), '00143943110');
  });

  it('gives no 11-digit NDC when the text does not determine one', () => {
    assert.strictEqual(toNdc11('0143943110'), undefined); // 10 digits: which segment lacks its zero?
    assert.strictEqual(toNdc11('001439-431-10'), undefined);
    assert.strictEqual(toNdc11('ABCDE-1234-12'), undefined);
    assert.strictEqual(toNdc11(''), undefined);
  });

  it('names the form', () => {
    assert.deepStrictEqual(['00143-9431-10', '0409-4332-01', '12345-678-90', '12345-6789-0', '00143943110', '0143943110', '1-2-3'].map((t) => parseNdc(t).form),
      ['5-4-2', '4-4-2', '5-3-2', '5-4-1', '11-digit', '10-digit', 'invalid']);
    assert.strictEqual(parseNdc('0409-4332-01').hyphenated, true);
    assert.strictEqual(parseNdc('0143943110').digits, '0143943110');
  });

  it('writes an NDC as the ndcFormat setting asks', () => {
    assert.strictEqual(hyphenateNdc11('00409433201'), '00409-4332-01');
    assert.strictEqual(writeNdc11('00409433201', 'keep', true), '00409-4332-01');
    assert.strictEqual(writeNdc11('00409433201', 'keep', false), '00409433201');
    assert.strictEqual(writeNdc11('00409433201', 'hyphenated', false), '00409-4332-01');
    assert.strictEqual(writeNdc11('00409433201', 'digits', true), '00409433201');
  });

  it('compares NDCs written in different forms by their 11 digits', () => {
    assert.strictEqual(ndcKey('0409-4332-01'), ndcKey('00409433201'));
    assert.notStrictEqual(ndcKey('0409-4332-01'), ndcKey('0409-4332-02'));
    assert.strictEqual(ndcKey(' abc '), 'ABC');
  });

  it('10 digits without hyphens are the package the NDC directory knows for them, else the text', () => {
    // 0143943110: only 00143-9431-10 (meropenem) of its three paddings is in the crosswalk.
    assert.strictEqual(ndcKey('0143943110'), ndcKey('0143-9431-10'));
    assert.strictEqual(ndcKey('0143943110'), '00143943110');
    assert.strictEqual(ndcKey('9999999999'), '9999999999', 'unknown to the directory: compared as written');
  });
});
