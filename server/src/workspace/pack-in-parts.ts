// A big CSV claim file's lines for the workspace index, read part by part as the CLI checks it
// (batches/plan.ts): one batch of rows is parsed at a time and packed (compact-line.ts), so the
// file is never a parsed document at once (two 250k-line files: 505–595 MB to index whole). The
// CLI packs a file in one go; the server packs it between other work (workspace-index.ts), a batch
// at a time, so that it keeps answering while a big export is indexed.
import { blockOf, eachBatch } from '../batches/batch-text';
import { planPartsSteps } from '../batches/plan';
import { itemAt, jsonBatch, planJsonBatchesSteps } from '../batches/json-batches';
import { parseDocument } from '../parse';
import { PackedLinesBuilder, type PackedLines } from './compact-line';
import { isKept } from './member-lines';

/** Rows parsed at a time: a batch's document is let go before the next. */
export const PACK_BATCH_LINES = 5_000;

/**
 * Pack a CSV file's kept lines (member-lines.ts, isKept) batch by batch, yielding after each
 * batch; returns the lines (the same values and file offsets as packing the whole file's parse, in
 * file order: test/cli/cross-file.test.ts), or undefined when the file cannot be read in parts (an
 * unclosed quote, no header). Throws when the file cannot be read.
 */
export function* packInParts(path: string, batchLines = PACK_BATCH_LINES): Generator<void, PackedLines | undefined> {
  const planned = yield* planPartsSteps(path, {}, batchLines);
  if (!planned) return undefined;
  const { plan } = planned;
  const builder = new PackedLinesBuilder(plan.charStart.length - 1);
  // A batch holds whole claims: its claims numbered after the batches before it are distinct.
  let claims = 0;
  for (const batch of eachBatch(plan)) {
    const doc = parseDocument(batch.text, 'csv');
    for (const line of doc.lines) {
      if (!isKept(line)) continue;
      // Each data row is a block of its own: the block gives the row's file offset and number.
      const block = blockOf(batch, line.span.start);
      const row = batch.rows[block];
      builder.add(line, { shift: batch.fileStart[block] - batch.synStart[block], index: row, claimIndex: claims + line.claimIndex, slot: row });
    }
    claims += doc.claims.length;
    yield;
  }
  return builder.build();
}

/**
 * Pack a JSON text's kept lines batch by batch (batches/json-batches.ts), yielding after each batch; the
 * lines in file order with their file offsets and values, or undefined when the text is not a
 * well-formed list of claims (pack its whole parse). Lines are numbered in file order, but not
 * as the whole parse numbers them (that needs every item's line count first): only a document's
 * own line numbers are compared by the rules, never a workspace line's.
 */
export function* packJsonInParts(text: string, batchLines = PACK_BATCH_LINES): Generator<void, PackedLines | undefined> {
  const plan = yield* planJsonBatchesSteps(text, batchLines);
  if (!plan) return undefined;
  yield;
  // A slot per object of the file (a line is an object): item i's lines go to the slots from
  // the objects before it on, in order.
  const { objects } = plan.items;
  const firstSlot = new Int32Array(objects.length + 1);
  for (let i = 0; i < objects.length; i++) firstSlot[i + 1] = firstSlot[i] + objects[i];
  const builder = new PackedLinesBuilder(firstSlot[objects.length]);
  let claims = 0;
  for (let b = 0; b < plan.batches.length; b++) {
    const batch = jsonBatch(text, plan, b);
    const doc = parseDocument(batch.text, 'json');
    // Lines come in the batch's order, an item's together: each one's rank within its item.
    let item = -1;
    let rank = 0;
    for (const line of doc.lines) {
      const k = itemAt(batch, line.span.start);
      rank = k === item ? rank + 1 : 0;
      item = k;
      if (k < 0 || !isKept(line)) continue;
      const slot = firstSlot[batch.items[k]] + rank;
      builder.add(line, { shift: batch.shift[k], index: slot, claimIndex: claims + line.claimIndex, slot });
    }
    claims += doc.claims.length;
    yield;
  }
  return builder.build();
}
