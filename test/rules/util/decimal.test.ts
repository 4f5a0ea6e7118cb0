import * as assert from 'assert';
import { splitDecimal, subtractDecimal, thousandthOf } from '../../../server/src/rules/util/decimal';

describe('decimal split for the JW fix', () => {
  it('splits a charge in proportion, keeping the original decimals', () => {
    assert.deepStrictEqual(splitDecimal('96.00', 5, 30, true), { kept: '80.00', moved: '16.00' });
  });
  it('rounds the moved part to cents and keeps the rest, so the parts add up exactly', () => {
    assert.deepStrictEqual(splitDecimal('100.00', 1, 3, true), { kept: '66.67', moved: '33.33' });
    assert.deepStrictEqual(splitDecimal('0.10', 1, 3, true), { kept: '0.07', moved: '0.03' });
  });
  it('writes whole dollars without decimals when the original had none', () => {
    assert.deepStrictEqual(splitDecimal('96', 5, 30, true), { kept: '80', moved: '16' });
  });
  it('adds cents to a whole-dollar charge when a part needs them', () => {
    assert.deepStrictEqual(splitDecimal('96', 6, 30, true), { kept: '76.80', moved: '19.20' });
  });
  it('writes quantities with the decimals they need', () => {
    assert.deepStrictEqual(splitDecimal('3', 5, 30, false), { kept: '2.5', moved: '0.5' });
    assert.deepStrictEqual(splitDecimal('3', 10, 30, false), { kept: '2', moved: '1' });
    assert.deepStrictEqual(splitDecimal('1', 1, 3, false), { kept: '0.67', moved: '0.33' });
  });
  it('keeps more decimals than cents when the original had them', () => {
    assert.deepStrictEqual(splitDecimal('10.125', 1, 2, true), { kept: '5.065', moved: '5.060' });
  });
  it('refuses what is not a plain decimal', () => {
    assert.strictEqual(splitDecimal('1e2', 1, 2, true), undefined);
    assert.strictEqual(splitDecimal('$96', 1, 2, true), undefined);
    assert.strictEqual(splitDecimal('', 1, 2, true), undefined);
  });
  it('subtracts without float noise', () => {
    assert.strictEqual(subtractDecimal('30', '5'), '25');
    assert.strictEqual(subtractDecimal('2.5', '0.5'), '2');
    assert.strictEqual(subtractDecimal('0.3', '0.1'), '0.2');
    assert.strictEqual(subtractDecimal('1', '1.25'), undefined);
  });
  it('divides by 1000 on the written digits, rounding nothing away (MG → GR)', () => {
    assert.strictEqual(thousandthOf('500'), '0.5');
    assert.strictEqual(thousandthOf('1250.5'), '1.2505');
    assert.strictEqual(thousandthOf('2000'), '2');
    assert.strictEqual(thousandthOf('12345.60'), '12.3456');
    assert.strictEqual(thousandthOf('0.0004'), '0.0000004');
    assert.strictEqual(thousandthOf('.0015'), '0.0000015');
    assert.strictEqual(thousandthOf(' 7 '), '0.007');
    assert.strictEqual(thousandthOf('1e3'), undefined);
    assert.strictEqual(thousandthOf('1,000'), undefined);
  });
});
