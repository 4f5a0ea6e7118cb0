import * as assert from 'assert';
import { exactShare, moneyShares, wholeShare } from '../../../server/src/rules/util/even-split';

describe('even split for the itemize fix', () => {
  it('shares units that divide exactly, with the decimals they need', () => {
    assert.strictEqual(exactShare('30', 3), '10');
    assert.strictEqual(exactShare('1.5', 3), '0.5');
    assert.strictEqual(exactShare('3', 4), '0.75');
    assert.strictEqual(exactShare('2.0', 2), '1.0');
  });
  it('refuses units that do not divide evenly, and what is not a plain decimal', () => {
    assert.strictEqual(exactShare('40', 3), undefined);
    assert.strictEqual(exactShare('1e3', 2), undefined);
    assert.strictEqual(exactShare('-6', 2), undefined);
  });
  it('shares whole numbers only into whole numbers (minutes)', () => {
    assert.strictEqual(wholeShare('180', 3), '60');
    assert.strictEqual(wholeShare('100', 8), undefined);
    assert.strictEqual(wholeShare('100', 3), undefined);
  });
  it('splits money into cents that add up, leftover cents first', () => {
    assert.deepStrictEqual(moneyShares('100.00', 3), ['33.34', '33.33', '33.33']);
    assert.deepStrictEqual(moneyShares('0.05', 2), ['0.03', '0.02']);
  });
  it('keeps whole dollars whole when they divide, adds cents when they do not', () => {
    assert.deepStrictEqual(moneyShares('300', 2), ['150', '150']);
    assert.deepStrictEqual(moneyShares('100', 3), ['33.34', '33.33', '33.33']);
  });
  it('refuses amounts with more than cents', () => {
    assert.strictEqual(moneyShares('1.005', 2), undefined);
  });
});
