// `--fix`'s fixing, on text: safe fixes pass after pass (check.ts fixes a file whole with it,
// csv-parts-fix.ts a big CSV file batch by batch), and what --fix says when it leaves a file alone.
import { lintText, type LintResult } from '../engine';
import { applyEdits, nonOverlappingEdits } from '../fixes/apply';
import type { ClaimDocument, ParseProblem } from '../model';
import { problemStands } from '../rules/util/parse-problems';
import type { ClaimFormat } from '../parse';
import type { Finding, Fix, LintOptions, TextEdit } from '../rules/types';
import { describeError } from './errors';
import { LineIndex } from './line-index';

/** Safe fixes can enable others (e.g. after padding, a crosswalk lookup); never loop forever. */
const MAX_FIX_PASSES = 10;

/** The document's parse errors that stand (not a U+FFFD of a valid UTF-8 file: parse-problems.ts). */
export function isParseError(p: ParseProblem, options?: LintOptions): boolean {
  return p.ruleId === 'parse-error' && problemStands(p, options);
}

export function hasParseErrors(doc: ClaimDocument, options?: LintOptions): boolean {
  return doc.problems.some((p) => isParseError(p, options));
}

/** The 1-based line of the document's first parse error (it may be one a disable comment hides
 *  from the report, so the user needs to be told where it is). */
export function firstParseErrorLine(doc: ClaimDocument, options?: LintOptions): number {
  const first = doc.problems.find((p) => isParseError(p, options))!;
  return new LineIndex(doc.text).at(first.span.start).line;
}

/** Why --fix leaves a file with parse errors alone; `hidden` when the report shows none of them
 *  (parse-error turned off, or disabled on their rows): a refusal over nothing in sight. */
export function parseErrorRefusal(line: number, hidden = false): string {
  const where = hidden ? `the first on line ${line}, not in the report: parse-error is off or disabled there` : `the first on line ${line}`;
  return `not fixed: the file has parse errors (${where}); correct them first`;
}

/** Why a fixed file was not written (the error's code only: a message could carry file content). */
export function notSavedRefusal(err: unknown): string {
  return `not fixed: the fixes could not be saved (${describeError(err)}); the file is unchanged`;
}

/**
 * Apply safe fixes pass after pass until none is left (or nothing changes). Pure. The first
 * result is taken out of `start`: each pass lets the previous document go before the fixed text
 * is read, so a big file's memory holds one document at a time, not two. `onPass` is told each
 * pass's edits that were kept (csv-parts-fix.ts follows its rows through them).
 */
export function fixText(
  start: { result?: LintResult }, format: ClaimFormat, options: LintOptions,
  onPass?: (edits: readonly TextEdit[]) => void,
): { text: string; fixed: number; findings: readonly Finding[]; doc: ClaimDocument } {
  let current: LintResult | undefined = start.result!;
  start.result = undefined;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const safe: Fix[] = current.findings.flatMap((f) => f.fixes.filter((x) => x.safe));
    const edits = nonOverlappingEdits(safe);
    if (edits.length === 0) break;
    const picked = new Set(edits);
    const before: string = current.doc.text;
    const next = applyEdits(before, edits);
    if (next === before) break;
    const applied = safe.filter((f) => f.edits.every((e) => picked.has(e))).length;
    current = undefined;
    const relinted = lintText(next, format, options);
    // A fix must never make the file unreadable; if one did, keep the text from before it.
    if (hasParseErrors(relinted.doc, options)) {
      current = lintText(before, format, options);
      break;
    }
    fixed += applied;
    onPass?.(edits);
    current = relinted;
  }
  // The document too (its findings hold it already): where a CSV header ends, for SARIF's edits.
  return { text: current!.doc.text, fixed, findings: current!.findings, doc: current!.doc };
}

