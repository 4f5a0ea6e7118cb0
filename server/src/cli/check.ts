// Checking one file, and `--fix`: apply safe fixes until nothing changes, write only what is safe.
import * as fs from 'fs';
import { lintText, type LintResult } from '../engine';
import { nonOverlappingEdits, applyEdits } from '../fixes/apply';
import type { ClaimDocument } from '../model';
import type { ClaimFormat } from '../parse';
import type { Finding, Fix, LintOptions, Severity } from '../rules/types';
import type { ClaimFile } from './files';
import { checkCsvInParts } from './csv-parts';
import { LineIndex } from './line-index';
import { writeFileAtomic } from './write';
import { describeError } from './errors';
import { locateRelated, withRelated, type LocatedRelated } from './related';

/** Safe fixes can enable others (e.g. after padding, a crosswalk lookup); never loop forever. */
const MAX_FIX_PASSES = 10;

/** A finding with its 1-based line:column (start and end) in the file as it is now. */
export interface LocatedFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Offsets into the text. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fixes: ReadonlyArray<{ readonly title: string; readonly safe: boolean }>;
  /** Places the finding points at too (present only when there are some). */
  readonly related?: readonly LocatedRelated[];
}

/** What the reports need of one file. The text itself is not kept: files are checked one at a
 *  time and only their findings stay in memory. */
export interface FileResult {
  readonly path: string;
  readonly format: ClaimFormat;
  /** Of the text as it is now (after fixing, when --fix wrote it), in offset order. */
  readonly findings: readonly LocatedFinding[];
  /** Safe fixes applied and written. */
  readonly fixed: number;
  /** Why --fix left the file alone, worded for the user. */
  readonly notFixed?: string;
}

export function locate(text: string, findings: readonly Finding[]): LocatedFinding[] {
  const index = new LineIndex(text);
  return findings.map((f) => {
    const s = index.at(f.span.start);
    const e = index.at(f.span.end);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      start: f.span.start,
      end: f.span.end,
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
      fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe })),
      ...withRelated(locateRelated(f.related, (span) => index.range(span))),
    };
  });
}

function hasParseErrors(doc: ClaimDocument): boolean {
  return doc.problems.some((p) => p.ruleId === 'parse-error');
}

/** Why --fix leaves a file with parse errors alone, naming the first one's line (it may be one a
 *  disable comment hides from the report, so the user needs to be told where it is). */
function parseErrorRefusal(doc: ClaimDocument): string {
  const first = doc.problems.find((p) => p.ruleId === 'parse-error')!;
  return `not fixed: the file has parse errors (the first on line ${new LineIndex(doc.text).at(first.span.start).line}); correct them first`;
}

/**
 * Apply safe fixes pass after pass until none is left (or nothing changes). Pure. The first
 * result is taken out of `start`: each pass lets the previous document go before the fixed text
 * is read, so a big file's memory holds one document at a time, not two.
 */
export function fixText(
  start: { result?: LintResult }, format: ClaimFormat, options: LintOptions,
): { text: string; fixed: number; findings: readonly Finding[] } {
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
    if (hasParseErrors(relinted.doc)) {
      current = lintText(before, format, options);
      break;
    }
    fixed += applied;
    current = relinted;
  }
  return { text: current!.doc.text, fixed, findings: current!.findings };
}

/** CSV files this big are checked in parts (csv-parts.ts), so memory stays flat however big they get. */
export const IN_PARTS_MIN_BYTES = 4 << 20;

/** Whether a file is big enough to be checked in parts (csv-parts.ts) when it is not fixed. */
export function checkedInParts(file: ClaimFile): boolean {
  return file.format === 'csv' && fs.statSync(file.path).size >= IN_PARTS_MIN_BYTES;
}

/** A file's text, and (when asked) whether its bytes are UTF-8; the bytes themselves are not kept. */
function readText(path: string, checkUtf8: boolean): { text: string; utf8: boolean } {
  const bytes = fs.readFileSync(path);
  const text = bytes.toString('utf8');
  return { text, utf8: !checkUtf8 || Buffer.from(text, 'utf8').equals(bytes) };
}

/** Read, lint and (with fix) repair one file. Throws only when the file cannot be read or written. */
export function checkFile(file: ClaimFile, options: LintOptions, fix: boolean): FileResult {
  if (!fix && checkedInParts(file)) {
    const inParts = checkCsvInParts(file, options);
    if (inParts) return inParts;
  }
  const base = { path: file.path, format: file.format };
  const unfixed = (text: string, findings: readonly Finding[], notFixed?: string): FileResult => ({ ...base, findings: locate(text, findings), fixed: 0, notFixed });
  const { text, utf8 } = readText(file.path, fix);
  // In a box: fixText takes it out, so the first document is not kept while the fixed one is read.
  const start: { result?: LintResult } = { result: lintText(text, file.format, options) };
  if (!fix) return unfixed(text, start.result!.findings);
  // Rewriting would replace undecodable bytes with U+FFFD: leave such a file as it is. (Said
  // before parse errors: those bytes are a parse-error too, and this names the cause.)
  if (!utf8) {
    const at = text.indexOf('\ufffd');
    const where = at < 0 ? '' : ` (line ${new LineIndex(text).at(at).line}: save it as UTF-8)`;
    return unfixed(text, start.result!.findings, `not fixed: the file is not valid UTF-8${where}`);
  }
  if (hasParseErrors(start.result!.doc)) return unfixed(text, start.result!.findings, parseErrorRefusal(start.result!.doc));
  const result = fixText(start, file.format, options);
  if (result.fixed > 0 && result.text !== text) {
    try {
      writeFileAtomic(file.path, result.text);
    } catch (err) {
      // The file is as it was: its findings are still the report (linted again: the first
      // result was let go while fixing).
      return unfixed(text, lintText(text, file.format, options).findings,
        `not fixed: the fixes could not be saved (${describeError(err)}); the file is unchanged`);
    }
  }
  return { ...base, findings: locate(result.text, result.findings), fixed: result.fixed };
}
