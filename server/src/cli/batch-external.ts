// Linting a batch of a big file (csv-parts.ts checks it, csv-parts-fix.ts fixes it) with workspace
// lines (--workspace): a batch takes the lines of its own members only (LintOptions.externalOf,
// cross-file.ts). Handed the whole file's list, every batch's same-day index took it all in: two
// 250k-line files took 100 s to check together (2.5 times the lines, 11 times the time).
import { lintDocument, withExternal, type LintResult } from '../engine';
import { parseDocument, type ClaimFormat } from '../parse';
import type { LintOptions } from '../rules/types';

/** Whether the options carry lines of other files: such a lint stays on the main thread (the
 *  index they come from is there). */
export function hasWorkspaceLines(options: LintOptions): boolean {
  return options.external !== undefined || options.externalOf !== undefined;
}

/** Lint a batch's text, and the options it was linted with (its members' workspace lines): a
 *  fix's relint must see the same workspace lines. */
export function lintBatchText(text: string, options: LintOptions, format: ClaimFormat = 'csv'): { result: LintResult; options: LintOptions } {
  const doc = parseDocument(text, format);
  const own = withExternal(doc, options);
  return { result: { doc, findings: lintDocument(doc, own) }, options: own };
}
