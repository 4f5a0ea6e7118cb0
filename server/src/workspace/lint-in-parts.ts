// A big claim file on disk linted part by part, as the CLI checks it (batches/plan.ts,
// batches/json-batches.ts), for the server's "Lint Workspace Claim Files" on a file that is not open: one
// batch of rows (or claim objects) is parsed and linted at a time, so the server answers between
// batches and never holds the file as a parsed document. The findings are those of linting the whole file, in the file's offsets
// (test/workspace/lint-in-parts.test.ts), without fixes: a closed file's problems are fixed once
// it is opened, from the open document's own lint.
import { byPosition, lintText } from '../engine';
import { jsonBatch, planJsonBatchesSteps, toFileSpan } from '../batches/json-batches';
import type { Span } from '../model';
import { lintBatchText } from '../batches/lint-batch';
import { blockOf, eachBatch, type BatchText } from '../batches/batch-text';
import { planPartsSteps } from '../batches/plan';
import type { Finding, LintOptions, Related } from '../rules/types';

/** Rows linted at a time: a few milliseconds of work between two chances for other requests. */
export const LINT_BATCH_LINES = 1_000;

/**
 * Lint a CSV file batch by batch, yielding after each; the findings in document order, or
 * undefined when the file cannot be read in parts (an unclosed quote, no header: lint it whole).
 * Throws when the file cannot be read.
 */
export function* lintInParts(path: string, options: LintOptions, batchLines = LINT_BATCH_LINES): Generator<void, Finding[] | undefined> {
  const planned = yield* planPartsSteps(path, options, batchLines);
  if (!planned) return undefined;
  const { index, plan } = planned;
  // The header's own findings (missing columns, quotes in it), from the text before the data: its
  // offsets are the file's.
  const findings: Finding[] = lintText(index.prefix, 'csv', options).findings.map(withoutFixes);
  for (const batch of eachBatch(plan)) {
    for (const f of lintBatchText(batch.text, options).result.findings) {
      if (f.lineIndex === undefined) continue; // the header's: reported from the header alone
      findings.push(inFile(batch, f));
    }
    yield;
  }
  // Stable: at one place, the header's first, then batch by batch (as a whole-file lint has them).
  return findings.sort(byPosition);
}

/**
 * Lint a JSON text batch by batch (batches/json-batches.ts), yielding after each; the findings in
 * document order, or undefined when it is not a well-formed list of claims (lint it whole).
 */
export function* lintJsonInParts(text: string, options: LintOptions, batchLines = LINT_BATCH_LINES): Generator<void, Finding[] | undefined> {
  const plan = yield* planJsonBatchesSteps(text, batchLines);
  if (!plan) return undefined;
  yield;
  const findings: Finding[] = [];
  for (let b = 0; b < plan.batches.length; b++) {
    const batch = jsonBatch(text, plan, b);
    for (const f of lintBatchText(batch.text, options, 'json').result.findings) findings.push(moved(f, (s) => toFileSpan(batch, s)));
    yield;
  }
  return findings.sort(byPosition);
}

const NO_FIXES: Finding['fixes'] = [];

function withoutFixes(f: Finding): Finding {
  return { ruleId: f.ruleId, severity: f.severity, span: f.span, message: f.message, fixes: NO_FIXES, related: f.related, lineIndex: f.lineIndex };
}

/** A batch's finding in the file's offsets: its span, and the spans of related places in this
 *  file (a rule relates lines of one part, so those are lines of the batch too). */
function inFile(batch: BatchText, f: Finding): Finding {
  return moved(f, (s: Span): Span => {
    const block = blockOf(batch, s.start);
    const shift = batch.fileStart[block] - batch.synStart[block];
    return { start: s.start + shift, end: s.end + shift };
  });
}

/** A finding, without fixes, with its spans (and its related places' in this file) moved. */
function moved(f: Finding, toFile: (s: Span) => Span): Finding {
  const related = f.related?.map((r): Related => (r.uri === undefined ? { ...r, span: toFile(r.span) } : r));
  return { ...withoutFixes(f), span: toFile(f.span), related, lineIndex: undefined };
}
