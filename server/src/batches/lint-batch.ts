// Linting a batch of a big file (the CLI checks and fixes it: cli/csv-parts.ts, cli/csv-parts-fix.ts;
// the server lints a closed one: workspace/lint-in-parts.ts), with workspace lines (the CLI's
// --workspace, workspace analysis): a batch takes the lines of its own members only
// (LintOptions.externalOf, cli/cross-file.ts). Handed the whole file's list, every batch's
// same-day index took it all in: two 250k-line files took 100 s to check together (2.5 times the
// lines, 11 times the time).
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
