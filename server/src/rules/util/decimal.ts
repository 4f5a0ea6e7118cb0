// Exact decimal arithmetic on field text, for fixes that split or subtract amounts.
// Working on scaled integers keeps float noise (80.00000000001) out of the edited file.

interface Scaled {
  /** The value times 10^digits. */
  readonly value: number;
  /** Digits after the decimal point as written. */
  readonly digits: number;
}

/** The digits before and after the point of a plain non-negative decimal ("96", "96.00", ".5");
 *  undefined for anything else. */
function decimalDigits(text: string): { readonly int: string; readonly frac: string } | undefined {
  const m = /^\s*(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || (m[1] === '' && !m[2])) return undefined;
  return { int: m[1], frac: m[2] ?? '' };
}

function parseDecimal(text: string): Scaled | undefined {
  const d = decimalDigits(text);
  return d && { value: Number((d.int || '0') + d.frac), digits: d.frac.length };
}

function format(value: number, scaleDigits: number, digits: number): string {
  const v = Math.round(value / 10 ** (scaleDigits - digits));
  if (digits === 0) return String(v);
  const s = String(v).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Fewest decimal digits (≤ scaleDigits) that print every value exactly. */
function neededDigits(values: readonly number[], scaleDigits: number): number {
  for (let d = 0; d < scaleDigits; d++) {
    const unit = 10 ** (scaleDigits - d);
    if (values.every((v) => v % unit === 0)) return d;
  }
  return scaleDigits;
}

export interface SplitParts {
  /** What the original line keeps. */
  readonly kept: string;
  /** What moves to the new line. */
  readonly moved: string;
}

/**
 * Split `total` (field text) in the proportion part / whole, rounded to cents (2 decimals).
 * The moved part is rounded; the kept part is total − moved, so the two add up exactly.
 * Both are printed with the original's decimal places, or more when they need them
 * (`money`: 0 or at least 2 decimals, as dollars are written).
 */
export function splitDecimal(total: string, part: number, whole: number, money: boolean): SplitParts | undefined {
  const t = parseDecimal(total);
  if (!t || !(whole > 0) || !(part >= 0) || part > whole) return undefined;
  const scaleDigits = Math.max(t.digits, 2);
  const value = t.value * 10 ** (scaleDigits - t.digits);
  const cent = 10 ** (scaleDigits - 2);
  const moved = Math.round((value * part) / whole / cent) * cent;
  const kept = value - moved;
  let digits = neededDigits([moved, kept], scaleDigits);
  if (money && digits > 0) digits = Math.max(digits, 2);
  digits = Math.max(digits, t.digits);
  return { kept: format(kept, scaleDigits, digits), moved: format(moved, scaleDigits, digits) };
}

/** a − b of two decimal texts, printed with the fewest digits needed; undefined when not plain decimals. */
export function subtractDecimal(a: string, b: string): string | undefined {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) return undefined;
  const digits = Math.max(x.digits, y.digits);
  const diff = x.value * 10 ** (digits - x.digits) - y.value * 10 ** (digits - y.digits);
  if (diff < 0) return undefined;
  return format(diff, digits, neededDigits([diff], digits));
}

/**
 * A decimal text divided by 1000 (milligrams → grams), exactly: the decimal point moves three
 * places on the written digits, so no amount is rounded away ("0.0004" → "0.0000004"); trailing
 * zeros after the point are dropped. Undefined when the text is not a plain decimal.
 */
export function thousandthOf(text: string): string | undefined {
  const d = decimalDigits(text);
  if (!d) return undefined;
  const whole = d.int.padStart(3, '0');
  const int = whole.slice(0, -3).replace(/^0+(?=\d)/, '') || '0';
  const frac = (whole.slice(-3) + d.frac).replace(/0+$/, '');
  return frac === '' ? int : `${int}.${frac}`;
}
