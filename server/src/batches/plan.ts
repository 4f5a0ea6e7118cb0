// Reading a big CSV file on disk in batches, without holding it: the first pass (row-index.ts)
// indexes its rows and their parts, and the parts are packed into batches of about a thousand
// lines. Each batch is then read as a small document (batch-text.ts) and linted alone: no rule
// looks across parts, so the findings are those of a lint of the whole file. The CLI checks and
// fixes a big file this way (cli/csv-parts.ts, cli/csv-parts-fix.ts), and the server indexes and
// lints a closed one (workspace/pack-in-parts.ts, workspace/lint-in-parts.ts).
import { BATCH_LINES, batchParts, findRoot } from '../engine-parts';
import type { LintOptions } from '../rules/types';
import { runToEnd } from '../steps';
import { sharedLike } from './columns';
import { indexRows, type RowIndex } from './row-index';

/** Claim files this big are read in batches, by the CLI and by the server's workspace analysis, so
 *  memory stays flat however big they get (a JSON file's batches: json-batches.ts). */
export const IN_PARTS_MIN_BYTES = 4 << 20;

/** What linting the batches needs: everything is plain data, so a worker thread can take it. */
export interface BatchPlan {
  readonly path: string;
  readonly options: LintOptions;
  /** The file is ASCII. */
  readonly ascii: boolean;
  /** The header row with a line end. */
  readonly header: string;
  readonly charStart: Float64Array;
  readonly byteStart: Float64Array;
  readonly line: Int32Array;
  readonly ends: Int32Array;
  /** Rows batch by batch (batch b: order[batchStart[b]] .. order[batchStart[b + 1] - 1]), in file order. */
  readonly order: Int32Array;
  readonly batchStart: Int32Array;
}

/**
 * The first pass (the row index) and the batches of whole parts, in the order of their first rows,
 * each batch's rows in file order; undefined when the file must be checked the plain way (an
 * unclosed quote, no header).
 */
export function planParts(path: string, options: LintOptions, batchLines = BATCH_LINES): { index: RowIndex; plan: BatchPlan } | undefined {
  return runToEnd(planPartsSteps(path, options, batchLines));
}

/** planParts, yielding after each chunk of the first pass. */
export function* planPartsSteps(path: string, options: LintOptions, batchLines = BATCH_LINES): Generator<void, { index: RowIndex; plan: BatchPlan } | undefined> {
  const index = yield* indexRows(path);
  if (!index) return undefined;
  const rows = index.node.length;
  const parent = index.parent.values;
  const part = new Int32Array(rows);
  for (let i = 0; i < rows; i++) part[i] = findRoot(parent, index.node.values[i]);

  // Batches of whole parts, in the order of their first rows; then each batch's rows in file
  // order (a counting sort by batch).
  const { batchOf, sizes } = batchParts(part, parent.length, batchLines);
  const batchStart = new Int32Array(sizes.length + 1);
  for (let b = 0; b < sizes.length; b++) batchStart[b + 1] = batchStart[b] + sizes[b];
  const order = sharedLike(new Int32Array(0), rows);
  const fill = batchStart.slice(0, sizes.length);
  for (let i = 0; i < rows; i++) order[fill[batchOf[i]]++] = i;

  const plan: BatchPlan = {
    path,
    options,
    ascii: index.ascii,
    header: index.header.endsWith('\n') || index.header.endsWith('\r') ? index.header : `${index.header}\n`,
    charStart: index.charStart.values.subarray(0, rows + 1),
    byteStart: index.byteStart.values.subarray(0, rows + 1),
    line: index.line.values.subarray(0, rows),
    ends: index.ends.values.subarray(0, rows),
    order,
    batchStart,
  };
  return { index, plan };
}
