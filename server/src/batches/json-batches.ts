// A big JSON claims file read a batch at a time: its list's items (parse/json-items.ts) grouped
// into parts that no rule looks across (items sharing a claim or a member: engine-parts.ts), the
// parts into batches of about `batchLines` lines, and each batch's text made of its items as they
// are, in file order, in a list of its own. Spans in a batch's text move back to the file's item
// by item. Linted (or packed) batch by batch, the file gives what it gives whole
// (test/cli/json-parts.test.ts); the CLI checks a big JSON file so (cli/json-parts.ts), the
// server lints and indexes one on disk so (workspace/lint-in-parts.ts, pack-in-parts.ts).
import { batchParts } from '../engine-parts';
import type { Span } from '../model';
import { scanClaimItemsSteps, type ClaimItems } from '../parse/json-items';
import { runToEnd } from '../steps';
import { upperBound } from '../sorted';

export interface JsonPlan {
  readonly items: ClaimItems;
  /** Each batch's items, in file order. */
  readonly batches: readonly (readonly number[])[];
}

/** The file's batches, or undefined when it is not a well-formed list of claims (read it whole). */
export function planJsonBatches(text: string, batchLines: number): JsonPlan | undefined {
  return runToEnd(planJsonBatchesSteps(text, batchLines));
}

/** planJsonBatches a step at a time (the scan of a big text yields as it goes). */
export function* planJsonBatchesSteps(text: string, batchLines: number): Generator<void, JsonPlan | undefined> {
  const items = yield* scanClaimItemsSteps(text);
  if (!items) return undefined;
  // An item weighs about its lines: its objects but the claim's own.
  const weights = items.objects.map((n) => Math.max(1, n - 1));
  const { batchOf, sizes } = batchParts(items.partOf, items.parts, batchLines, weights);
  const batches: number[][] = sizes.map(() => []);
  for (let i = 0; i < batchOf.length; i++) batches[batchOf[i]].push(i);
  return { items, batches };
}

export interface JsonBatch {
  readonly text: string;
  /** The batch's items, and where each starts in its text. */
  readonly items: readonly number[];
  readonly at: Int32Array;
  /** Per item: its offset in the file minus its offset in the batch's text. */
  readonly shift: Int32Array;
}

/** Batch `b`'s text: `[` its items joined by commas `]`. */
export function jsonBatch(text: string, plan: JsonPlan, b: number): JsonBatch {
  const items = plan.batches[b];
  const pieces: string[] = ['['];
  const at = new Int32Array(items.length);
  const shift = new Int32Array(items.length);
  let length = 1;
  items.forEach((item, k) => {
    if (k > 0) {
      pieces.push(',');
      length++;
    }
    const start = plan.items.starts[item];
    const piece = text.slice(start, plan.items.ends[item]);
    at[k] = length;
    shift[k] = start - length;
    pieces.push(piece);
    length += piece.length;
  });
  pieces.push(']');
  return { text: pieces.join(''), items, at, shift };
}

/** Which of the batch's items (its place in `batch.items`) an offset of its text is in; -1
 *  before the first (the list's bracket). */
export function itemAt(batch: JsonBatch, offset: number): number {
  return upperBound(batch.at, offset) - 1;
}

/** A span of the batch's text in the file: moved with the item it starts in. Before the first
 *  item (where a rule that failed reports), the file's start. */
export function toFileSpan(batch: JsonBatch, span: Span): Span {
  const k = itemAt(batch, span.start);
  if (k < 0) return { start: 0, end: 0 };
  return { start: span.start + batch.shift[k], end: span.end + batch.shift[k] };
}
