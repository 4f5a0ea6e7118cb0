// Dividing a field's amount evenly over n lines (date-span's itemize fix). Exact decimal
// arithmetic on scaled integers keeps float noise out of the edited file.

interface Scaled {
  /** The value times 10^digits. */
  readonly value: number;
  /** Digits after the decimal point as written. */
  readonly digits: number;
}

function parsePlain(text: string): Scaled | undefined {
  const m = /^\s*(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || (m[1] === '' && !m[2]) || text.trim().length > 15) return undefined;
  const frac = m[2] ?? '';
  return { value: Number((m[1] || '0') + frac), digits: frac.length };
}

function print(value: number, digits: number): string {
  if (digits === 0) return String(value);
  const s = String(value).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Extra decimal digits an exact share may need beyond the original's (1.5 / 3 = 0.5). */
const EXTRA_DIGITS = 3;

/**
 * The equal share of `text` over n lines when it divides exactly (within a few more decimals
 * than the original has); undefined otherwise. "30" / 3 → "10", "1.5" / 3 → "0.5".
 */
export function exactShare(text: string, n: number): string | undefined {
  const t = parsePlain(text);
  if (!t || !(n >= 1)) return undefined;
  for (let extra = 0; extra <= EXTRA_DIGITS; extra++) {
    const scaled = t.value * 10 ** extra;
    if (scaled % n === 0) return trimZeros(print(scaled / n, t.digits + extra), t.digits);
  }
  return undefined;
}

/**
 * The equal share of `text` over n lines when it is a whole number ("180" / 3 → "60"); undefined
 * otherwise ("100" / 8 = 12.5): for a count of whole units such as minutes.
 */
export function wholeShare(text: string, n: number): string | undefined {
  const share = exactShare(text, n);
  return share !== undefined && Number.isInteger(Number(share)) ? share : undefined;
}

/** Drop trailing fraction zeros beyond the original's digits ("0.500" → "0.5" when it had 1). */
function trimZeros(s: string, keepDigits: number): string {
  if (!s.includes('.')) return s;
  const [whole, frac] = s.split('.');
  let f = frac;
  while (f.length > keepDigits && f.endsWith('0')) f = f.slice(0, -1);
  return f.length > 0 ? `${whole}.${f}` : whole;
}

/**
 * A money amount in n shares of whole cents that add up to the original: the leftover cents go
 * one each to the first shares ("100.00" / 3 → 33.34, 33.33, 33.33). Printed with the
 * original's decimals, or 2 when the shares need cents.
 */
export function moneyShares(text: string, n: number): string[] | undefined {
  const t = parsePlain(text);
  if (!t || !(n >= 1) || t.digits > 2) return undefined;
  const cents = t.value * 10 ** (2 - t.digits);
  const base = Math.floor(cents / n);
  const left = cents - base * n;
  const shares = Array.from({ length: n }, (_, i) => base + (i < left ? 1 : 0));
  const digits = t.digits === 0 && shares.every((c) => c % 100 === 0) ? 0 : 2;
  return shares.map((c) => (digits === 0 ? String(c / 100) : print(c, 2)));
}
