// `check` on a big JSON file: batch by batch (json-batches.ts), never its whole parse tree, which
// took thirty times the file's size (a 24 MB export: 770 MB). The located findings are those of
// checking the file whole, in the same order (test/cli/json-parts.test.ts). A file that is not a
// well-formed list of claims (a syntax error, "claims" given twice, one claim object) is read
// whole, which says what is wrong where.
import { jsonBatch, planJsonBatches, toFileSpan } from '../json-batches';
import type { LintOptions } from '../rules/types';
import { lintBatchText } from './batch-external';
import { locateAll, type LocatedFinding } from './check';
import { LineIndex } from './line-index';

/** Lines per batch, as for CSV (csv-parts.ts). */
const BATCH_LINES = 1_000;

/**
 * Check a JSON text in batches of whole claims and members: the located findings of checking it
 * whole, in the same order. Undefined when it is not a well-formed list of claims.
 */
export function checkJsonInParts(text: string, options: LintOptions, batchLines = BATCH_LINES): LocatedFinding[] | undefined {
  const plan = planJsonBatches(text, batchLines);
  if (!plan) return undefined;
  const index = new LineIndex(text);
  const located: LocatedFinding[] = [];
  for (let b = 0; b < plan.batches.length; b++) {
    const batch = jsonBatch(text, plan, b);
    const { findings } = lintBatchText(batch.text, options, 'json').result;
    for (const f of locateAll(index, findings, (span) => toFileSpan(batch, span))) located.push(f);
  }
  // Document order, as the whole file's lint sorts (stable: a batch's ties keep rule order).
  return located.sort((a, b) => a.start - b.start || a.end - b.end);
}
