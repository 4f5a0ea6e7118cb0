// `check` and `--fix` on a big JSON file: batch by batch (json-batches.ts), never its whole parse
// tree, which took thirty times the file's size (a 24 MB export: 770 MB). The located findings
// are those of checking the file whole, in the same order (test/cli/json-parts.test.ts). A file
// that is not a well-formed list of claims (a syntax error, "claims" given twice, one claim
// object) is read whole, which says what is wrong where.
import { jsonBatch, planJsonBatches, toFileSpan } from '../json-batches';
import type { LintOptions } from '../rules/types';
import { lintBatchText } from './batch-external';
import { locateAll, type LocatedFinding } from './check';
import { LineIndex } from './line-index';
import { fixText, hasParseErrors } from './fix-text';
import { scanClaimItems } from '../parse/json-items';

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

/**
 * `--fix`'s safe fixes on a JSON text in batches of whole claims and members: each batch fixed
 * as a small document, pass after pass (fix-text.ts), and its changed claim objects put back in
 * place; every other byte stays. The text and count of fixing it whole
 * (test/cli/json-parts.test.ts). Undefined when it must be fixed whole: not a well-formed list of
 * claims, a parse error in a claim object (the whole fix then says where), or a fix that made or
 * removed a list item.
 */
export function fixJsonInParts(text: string, options: LintOptions, batchLines = BATCH_LINES): { text: string; fixed: number } | undefined {
  const plan = planJsonBatches(text, batchLines);
  if (!plan) return undefined;
  const { starts, ends } = plan.items;
  const replaced = new Map<number, string>();
  let fixed = 0;
  for (let b = 0; b < plan.batches.length; b++) {
    const batch = jsonBatch(text, plan, b);
    const { result, options: own } = lintBatchText(batch.text, options, 'json');
    if (hasParseErrors(result.doc)) return undefined;
    const done = fixText({ result }, 'json', own);
    if (done.fixed === 0) continue;
    const items = scanClaimItems(done.text);
    if (!items || items.starts.length !== batch.items.length) return undefined;
    batch.items.forEach((item, k) => {
      const after = done.text.slice(items.starts[k], items.ends[k]);
      if (after !== text.slice(starts[item], ends[item])) replaced.set(item, after);
    });
    fixed += done.fixed;
  }
  if (replaced.size === 0) return { text, fixed };
  // The file's text with the changed items in place: what lies between items is as it was.
  const pieces: string[] = [];
  let at = 0;
  for (const item of [...replaced.keys()].sort((x, y) => x - y)) {
    pieces.push(text.slice(at, starts[item]), replaced.get(item)!);
    at = ends[item];
  }
  pieces.push(text.slice(at));
  return { text: pieces.join(''), fixed };
}
