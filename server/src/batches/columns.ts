// Growable columns of numbers in typed arrays (shared memory): a big file's row index
// (row-index.ts) and the CLI's places of findings waiting for their turn (cli/ordered-spool.ts) hold a few numbers per row
// or finding this way, not an object each.

/** A typed array like `a` (of `n` elements) in shared memory: the helper thread of a check is
 *  handed the row index (BatchPlan) without a copy of it. */
export function sharedLike<T extends Int32Array | Float64Array>(a: T, n: number): T {
  const C = a.constructor as { new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };
  return new C(new SharedArrayBuffer(n * C.BYTES_PER_ELEMENT));
}

/** Growable Int32 / Float64 columns (in shared memory, see sharedLike). */
export class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public values: T) {}
  push(v: number): void {
    if (this.length === this.values.length) {
      const next = sharedLike(this.values, this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[this.length++] = v;
  }
}
