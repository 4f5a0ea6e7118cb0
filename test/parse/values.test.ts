import * as assert from 'assert';
import { formatDate, parseDate, parseDecimal, plainDecimal, splitModifiers } from '../../server/src/parse/values';

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

  it('plainDecimal writes a number without an exponent, as parseDecimal reads it back', () => {
    const cases: Array<[number, string]> = [
      [1e2, '100'], [1e-7, '0.0000001'], [1.5e-7, '0.00000015'], [-2.5e-8, '-0.000000025'], [1.2345e22, '12345000000000000000000'], [96.5, '96.5'], [0, '0'],
    ];
    for (const [n, text] of cases) {
      assert.strictEqual(plainDecimal(n), text, String(n));
      assert.strictEqual(parseDecimal(text), n, text);
    }
    for (const n of [1e300, 5e-324, Infinity, NaN]) assert.strictEqual(plainDecimal(n), undefined, String(n));
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
