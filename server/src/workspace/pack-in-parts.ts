// A big CSV claim file's lines for the workspace index, read part by part as the CLI checks it
// (cli/csv-parts.ts): one batch of rows is parsed at a time and packed (compact-line.ts), so the
// file is never a parsed document at once (two 250k-line files: 505–595 MB to index whole). The
// CLI packs a file in one go; the server packs it between other work (workspace-index.ts), a batch
// at a time, so that it keeps answering while a big export is indexed.
import { blockOf, eachBatch, planPartsSteps } from '../cli/csv-parts';
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
  const planned = yield* planPartsSteps(path, {}, 'data', batchLines);
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
