// Reading field text as values. Shared by the parsers and the invalid-value rule, so
// "readable" means the same thing everywhere.
import type { FieldName, Modifier } from '../model';
import { asciiUpper, isBlank, isTrimSpace } from './ascii';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `MM/DD/YYYY`, 1-digit month or day too; month, day and year captured. */
export const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether the text is written in a date form parseDate reads (it may still be no calendar date). */
export function hasDateForm(text: string): boolean {
  const s = text.trim();
  return ISO_DATE.test(s) || US_DATE.test(s);
}

/**
 * A date of service, `YYYY-MM-DD` or `MM/DD/YYYY` (1-digit month/day accepted, as spreadsheets
 * write them), surrounding spaces ignored. Only real calendar dates: 2026-02-30 is undefined.
 * Returns days since 1970-01-01 (UTC).
 */
export function parseDate(text: string): number | undefined {
  const s = text.trim();
  let y: number, m: number, d: number;
  let match = ISO_DATE.exec(s);
  if (match) {
    y = +match[1]; m = +match[2]; d = +match[3];
  } else if ((match = US_DATE.exec(s))) {
    m = +match[1]; d = +match[2]; y = +match[3];
  } else {
    return undefined;
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function formatDate(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * A plain decimal (`1`, `1.5`, `.5`, `2.`, `-1`), surrounding spaces ignored. No thousands
 * separators, exponents, currency signs, `NaN` or `Infinity`: those are undefined.
 * Checked with charCodeAt (it runs for several cells of every row).
 */
export function parseDecimal(text: string): number | undefined {
  let s = 0;
  let e = text.length;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (e === s || e - s > MAX_DECIMAL_CHARS) return undefined;
  let i = s;
  const sign = text.charCodeAt(i);
  if (sign === 0x2b || sign === 0x2d) i++; // + -
  let digits = 0;
  let dot = false;
  for (; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2e && !dot) dot = true;
    else return undefined;
  }
  if (digits === 0) return undefined;
  return Number(s === 0 && e === text.length ? text : text.slice(s, e));
}

/** The longest text parseDecimal reads. */
const MAX_DECIMAL_CHARS = 64;

/**
 * A number as plain decimal text (`1e2` → `100`, `1.5e-7` → `0.00000015`): a JSON number may
 * be written with an exponent, which a claim form and parseDecimal do not take. Shifts the
 * decimal point of JavaScript's shortest text for the number, so parseDecimal reads back the same
 * number. Undefined when it is not finite or longer than parseDecimal reads.
 */
export function plainDecimal(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const sign = s.charCodeAt(0) === 0x2d ? '-' : '';
  const mantissa = s.slice(sign.length, e);
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  // How many of the digits come before the decimal point once the exponent is applied.
  const point = (dot < 0 ? mantissa.length : dot) + Number(s.slice(e + 1));
  const text = sign + (point <= 0 ? '0.' + '0'.repeat(-point) + digits
    : point >= digits.length ? digits + '0'.repeat(point - digits.length)
      : digits.slice(0, point) + '.' + digits.slice(point));
  return text.length > MAX_DECIMAL_CHARS ? undefined : text;
}

function isModifierSeparator(c: number): boolean {
  // space, tab, `:`, `,`, `-`, a Unicode space (a no-break space)
  return c === 0x20 || c === 0x09 || c === 0x3a || c === 0x2c || c === 0x2d || (c >= 0xa0 && isTrimSpace(c));
}

/**
 * Split a modifiers cell (`JW SH`, `JW:SH`, `JW,SH`, `JW-SH`) into codes. `offset` is the
 * document offset of text[0]; each modifier's span is its own code's range. Codes are
 * upper-cased; their validity (2 letters/digits) is the invalid-value rule's business.
 */
export function splitModifiers(text: string, offset: number, field: FieldName = 'modifiers'): Modifier[] {
  return splitModifiersIn(text, 0, text.length, offset, field, []);
}

/** splitModifiers of text[from, to), whose document offset is `from + shift`, appended to `out`
 *  (a CSV cell is split in place, without cutting it out first). */
export function splitModifiersIn(text: string, from: number, to: number, shift: number, field: FieldName, out: Modifier[]): Modifier[] {
  let i = from;
  while (i < to) {
    while (i < to && isModifierSeparator(text.charCodeAt(i))) i++;
    const start = i;
    while (i < to && !isModifierSeparator(text.charCodeAt(i))) i++;
    if (i > start) {
      out.push({ code: asciiUpper(text.slice(start, i)), span: { start: shift + start, end: shift + i }, field });
    }
  }
  return out;
}
