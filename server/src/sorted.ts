// Binary searches over nondecreasing numbers (offsets, rows, items), shared by the incremental
// readers (parse/csv-incremental.ts, parse/json-incremental.ts) and the CLI's batches.

/** The first index in [0, n) whose value is >= x; n when none. */
export function lowerBound(values: ArrayLike<number>, x: number, n = values.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in [0, n) whose value is > x; n when none. (Minus one: the last whose value is
 *  <= x, the line or block an offset is in.) */
export function upperBound(values: ArrayLike<number>, x: number, n = values.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last index in [0, n) whose value, `valueAt(i)`, is <= x; -1 when none. */
export function lastAtOrBefore(n: number, valueAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (valueAt(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
