import * as assert from 'assert';
import { formatDate, parseDate, parseDecimal, splitModifiers } from '../../server/src/parse/values';

describe('value readers', () => {
  it('parseDate reads YYYY-MM-DD and MM/DD/YYYY as days since 1970-01-01', () => {
    assert.strictEqual(parseDate('1970-01-01'), 0);
    assert.strictEqual(parseDate('2026-03-02'), 20514);
    assert.strictEqual(parseDate('03/02/2026'), 20514);
    assert.strictEqual(parseDate('3/2/2026'), 20514);
    assert.strictEqual(parseDate(' 2026-03-02 '), 20514);
    assert.strictEqual(formatDate(20514), '2026-03-02');
    assert.strictEqual(parseDate('2024-02-29'), parseDate('2024-03-01')! - 1);
  });

  it('parseDate rejects dates that are not on the calendar or not in a known form', () => {
    for (const s of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '13/01/2026', '2026-3-2', '20260302', '02-03-2026', 'today', '']) {
      assert.strictEqual(parseDate(s), undefined, s);
    }
  });

  it('parseDecimal reads plain decimals only', () => {
    assert.strictEqual(parseDecimal('1'), 1);
    assert.strictEqual(parseDecimal('1.5'), 1.5);
    assert.strictEqual(parseDecimal('.5'), 0.5);
    assert.strictEqual(parseDecimal('2.'), 2);
    assert.strictEqual(parseDecimal(' 30 '), 30);
    assert.strictEqual(parseDecimal('-1'), -1);
    for (const s of ['', ' ', '1,000', '1e3', '$5', 'NaN', 'Infinity', '1.2.3', '.', '-', 'abc', '0x10']) {
      assert.strictEqual(parseDecimal(s), undefined, s);
    }
  });

  it('splitModifiers splits on space, :, , and - with each code\'s own span', () => {
    const text = 'jw SH:59,kx-GA';
    const mods = splitModifiers(text, 100);
    assert.deepStrictEqual(mods.map((m) => m.code), ['JW', 'SH', '59', 'KX', 'GA']);
    assert.deepStrictEqual(mods.map((m) => text.slice(m.span.start - 100, m.span.end - 100)), ['jw', 'SH', '59', 'kx', 'GA']);
    assert.deepStrictEqual(splitModifiers('  ', 0), []);
    assert.strictEqual(splitModifiers('JW', 0, 'modifier1')[0].field, 'modifier1');
  });
});
