// `check` and `--fix` on a big JSON file: batch by batch (batches/json-batches.ts), never its whole parse
// tree, which took thirty times the file's size (a 24 MB export: 770 MB). The located findings
// are those of checking the file whole, in the same order (test/cli/json-parts.test.ts). A file
// that is not a well-formed list of claims (a syntax error, "claims" given twice, one claim
// object) is read whole, which says what is wrong where.
import { jsonBatch, planJsonBatches, toFileSpan, type JsonBatch } from '../batches/json-batches';
import type { Finding, LintOptions, TextEdit } from '../rules/types';
import { lintBatchText } from '../batches/lint-batch';
import { insideItem, locateAll, type LocatedFinding } from './check';
import { LineIndex } from './line-index';
import { fixText, hasParseErrors } from './fix-text';
import { scanClaimItems } from '../parse/json-items';
import { BATCH_LINES } from '../engine-parts';
import { lowerBound } from '../sorted';
import { readsOtherLines } from '../fixes/doc-facts';


/**
 * Check a JSON text in batches of whole claims and members: the located findings of checking it
 * whole, in the same order. Undefined when it is not a well-formed list of claims.
 */
export function checkJsonInParts(text: string, options: LintOptions, batchLines = BATCH_LINES, edits = false): LocatedFinding[] | undefined {
  const plan = planJsonBatches(text, batchLines);
  if (!plan) return undefined;
  const index = new LineIndex(text);
  const located: LocatedFinding[] = [];
  for (let b = 0; b < plan.batches.length; b++) {
    const batch = jsonBatch(text, plan, b);
    const { findings } = lintBatchText(batch.text, options, 'json').result;
    // `edits` (SARIF): those inside one claim object (check.ts editableIn).
    const editable = edits ? insideOneItem(batch.at, Int32Array.from(batch.items, (item, k) => batch.at[k] + plan.items.ends[item] - plan.items.starts[item])) : undefined;
    for (const f of locateAll(index, findings, (span) => toFileSpan(batch, span), editable)) located.push(f);
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
export function fixJsonInParts(text: string, options: LintOptions, batchLines = BATCH_LINES, edits = false): { text: string; fixed: number; findings: LocatedFinding[] } | undefined {
  const plan = planJsonBatches(text, batchLines);
  if (!plan) return undefined;
  const { starts, ends } = plan.items;
  const replaced = new Map<number, string>();
  // Per batch: where its items are in its fixed text, and the findings of that text as plain data
  // (a finding holds its batch's document, which must not outlive the batch).
  const finals: Array<{ items: readonly number[]; at: Int32Array; ends: Int32Array; findings: Finding[] }> = [];
  let fixed = 0;
  for (let b = 0; b < plan.batches.length; b++) {
    const batch = jsonBatch(text, plan, b);
    const { result, options: own } = lintBatchText(batch.text, options, 'json');
    if (hasParseErrors(result.doc, options)) return undefined;
    const done = fixText({ result }, 'json', own);
    let at = batch.at;
    let itemEnds: Int32Array = Int32Array.from(batch.items, (item, k) => batch.at[k] + ends[item] - starts[item]);
    if (done.fixed > 0) {
      const items = scanClaimItems(done.text);
      if (!items || items.starts.length !== batch.items.length) return undefined;
      batch.items.forEach((item, k) => {
        const after = done.text.slice(items.starts[k], items.ends[k]);
        if (after !== text.slice(starts[item], ends[item])) replaced.set(item, after);
      });
      fixed += done.fixed;
      at = items.starts;
      itemEnds = items.ends;
    }
    finals.push({ items: batch.items, at, ends: itemEnds, findings: done.findings.map((f) => plainFinding(f, edits)) });
  }
  // The file's text with the changed items in place: what lies between items is as it was.
  const pieces: string[] = [];
  let last = 0;
  const changed = [...replaced.keys()].sort((x, y) => x - y);
  for (const item of changed) {
    pieces.push(text.slice(last, starts[item]), replaced.get(item)!);
    last = ends[item];
  }
  pieces.push(text.slice(last));
  const fixedText = replaced.size === 0 ? text : pieces.join('');
  return { text: fixedText, fixed, findings: locateFixed(fixedText, finals, starts, changed.map((item) => replaced.get(item)!.length - (ends[item] - starts[item])), changed, edits) };
}

const NO_EDITS: Finding['fixes'][number]['edits'] = [];

/** Whether an edit of a batch's text is inside one of its items (`at`, `ends`: where each starts
 *  and ends in that text), as check.ts editableIn asks of the whole file's. */
function insideOneItem(at: Int32Array, ends: Int32Array): (e: TextEdit) => boolean {
  return (e) => insideItem(at, ends, e);
}

/** A finding as data: what locating it reads (its fixes' titles; their edits only when `edits`, for SARIF). */
function plainFinding(f: Finding, edits: boolean): Finding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    span: f.span,
    message: f.message,
    // (A fix that read other lines keeps none: check.ts locatedEdits leaves it out.)
    fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe, edits: edits && !readsOtherLines(x) ? x.edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })) : NO_EDITS })),
    related: f.related,
    lineIndex: f.lineIndex,
  };
}

/** The findings of the fixed batches, located in the fixed file: each item moved by the changed
 *  items before it (`changed`, ascending, each `grew` by so many characters). In document order,
 *  as checking the fixed file gives them (test/cli/json-parts.test.ts). */
function locateFixed(
  fixedText: string, finals: ReadonlyArray<{ items: readonly number[]; at: Int32Array; ends: Int32Array; findings: Finding[] }>,
  starts: Int32Array, grew: readonly number[], changed: readonly number[], edits: boolean,
): LocatedFinding[] {
  const sums = [0];
  for (const g of grew) sums.push(sums[sums.length - 1] + g);
  const before = (item: number): number => sums[lowerBound(changed, item)];
  const index = new LineIndex(fixedText);
  const located: LocatedFinding[] = [];
  for (const { items, at, ends, findings } of finals) {
    const shift = Int32Array.from(items, (item, k) => starts[item] + before(item) - at[k]);
    const batch: JsonBatch = { text: '', items, at, shift };
    for (const f of locateAll(index, findings, (span) => toFileSpan(batch, span), edits ? insideOneItem(at, ends) : undefined)) located.push(f);
  }
  return located.sort((a, b) => a.start - b.start || a.end - b.end);
}
