// Checking one file, and `--fix`: apply safe fixes until nothing changes, write only what is safe.
import * as fs from 'fs';
import { isUtf8 } from 'buffer';
import { lintText, type LintResult } from '../engine';
import { IN_PARTS_MIN_BYTES } from '../batches/plan';
import type { ClaimFormat } from '../parse';
import type { Finding, LintOptions, Severity } from '../rules/types';
import type { ClaimFile } from './files';
import { checkCsvInParts } from './csv-parts';
import { fixCsvInParts } from './csv-parts-fix';
import { LineIndex } from './line-index';
import { writeFileAtomic } from './write';
import { firstParseErrorLine, fixText, hasParseErrors, notSavedRefusal, parseErrorRefusal } from './fix-text';
import { locateRelated, withRelated, type LocatedRelated } from './related';
import { checkJsonInParts, fixJsonInParts } from './json-parts';
import type { Span } from '../model';
import { decodeFileText, encodingOf, isUtf16File, type FileEncoding } from '../workspace/file-text';

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
  return locateAll(new LineIndex(text), findings);
}

const asIs = (span: Span): Span => span;

/** Findings located in the file `index` is of; `toFile` moves a span of the linted text there
 *  (a batch's text: json-parts.ts). Related places in the same text are moved too. */
export function locateAll(index: LineIndex, findings: readonly Finding[], toFile: (span: Span) => Span = asIs): LocatedFinding[] {
  return findings.map((f) => {
    const span = toFile(f.span);
    const s = index.at(span.start);
    const e = index.at(span.end);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      start: span.start,
      end: span.end,
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
      fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe })),
      ...withRelated(locateRelated(f.related, (r) => index.range(toFile(r)))),
    };
  });
}

/** Whether a file is big enough to be checked (and fixed) in parts (csv-parts.ts, csv-parts-fix.ts).
 *  Those read UTF-8 bytes in batches: a UTF-16 file is read whole. */
export function checkedInParts(file: ClaimFile): boolean {
  return file.format === 'csv' && fs.statSync(file.path).size >= IN_PARTS_MIN_BYTES && !isUtf16File(file.path);
}

/** A file's text (UTF-16 decoded by its byte order mark), its encoding, and (when asked) whether
 *  its bytes are UTF-8; the bytes themselves are not kept. */
function readText(path: string, checkUtf8: boolean): { text: string; encoding: FileEncoding; utf8: boolean; validUtf8: boolean } {
  const bytes = fs.readFileSync(path);
  const encoding = encodingOf(bytes);
  const text = decodeFileText(bytes);
  // Bytes that are all UTF-8: a U+FFFD in the text is one the file holds (LintOptions.validUtf8).
  const validUtf8 = encoding === 'utf8' && isUtf8(bytes);
  return { text, encoding, utf8: encoding === 'utf8' && (!checkUtf8 || Buffer.from(text, 'utf8').equals(bytes)), validUtf8 };
}

/** The options of a file whose bytes are all UTF-8 (its U+FFFD are characters it holds). */
export function withValidUtf8(options: LintOptions, valid: boolean): LintOptions {
  return valid && !options.validUtf8 ? { ...options, validUtf8: true } : options;
}

/** Read, lint and (with fix) repair one file. Throws only when the file cannot be read or written. */
export function checkFile(file: ClaimFile, options: LintOptions, fix: boolean): FileResult {
  if (checkedInParts(file)) {
    if (!fix) {
      const inParts = checkCsvInParts(file, options);
      if (inParts) return inParts;
    } else {
      // Fixed in parts too (memory stays flat), then checked as it is now.
      const done = fixCsvInParts(file, options);
      if (done) return { ...checkFile(file, options, false), ...done };
    }
  }
  return checkWhole(file, options, fix);
}

/** A JSON text fixed in parts (json-parts.ts), written when a fix applied; the findings of the
 *  file as it is then. Undefined when it must be fixed whole. */
function fixJsonInPartsAndWrite(path: string, text: string, options: LintOptions): Omit<FileResult, 'path' | 'format'> | undefined {
  const done = fixJsonInParts(text, options);
  if (!done) return undefined;
  if (done.fixed > 0 && done.text !== text) {
    try {
      writeFileAtomic(path, done.text);
    } catch (err) {
      // Not written: the findings of the file as it still is.
      return { findings: checkJsonInParts(text, options) ?? locate(text, lintText(text, 'json', options).findings), fixed: 0, notFixed: notSavedRefusal(err) };
    }
  }
  // The findings of the file as written come from the fixing (no second check).
  return { findings: done.findings, fixed: done.fixed };
}

/** Read, lint and (with fix) repair one file, read whole. */
export function checkWhole(file: ClaimFile, options: LintOptions, fix: boolean): FileResult {
  const base = { path: file.path, format: file.format };
  const unfixed = (text: string, findings: readonly Finding[], notFixed?: string): FileResult => ({ ...base, findings: locate(text, findings), fixed: 0, notFixed });
  const read = readText(file.path, fix);
  const { text, encoding, utf8 } = read;
  options = withValidUtf8(options, read.validUtf8);
  // A big JSON file is checked, and fixed, in parts (its parse tree would take thirty times its
  // size); whole when it cannot be.
  if (file.format === 'json' && text.length >= IN_PARTS_MIN_BYTES) {
    if (!fix) {
      const findings = checkJsonInParts(text, options);
      if (findings) return { ...base, findings, fixed: 0 };
    } else if (utf8) {
      const done = fixJsonInPartsAndWrite(file.path, text, options);
      if (done) return { ...base, ...done };
    }
  }
  // In a box: fixText takes it out, so the first document is not kept while the fixed one is read.
  const start: { result?: LintResult } = { result: lintText(text, file.format, options) };
  if (!fix) return unfixed(text, start.result!.findings);
  // Rewriting would replace undecodable bytes with U+FFFD: leave such a file as it is. (Said
  // before parse errors: those bytes are a parse-error too, and this names the cause.)
  if (encoding !== 'utf8') return unfixed(text, start.result!.findings, 'not fixed: the file is UTF-16 (save it as UTF-8 to fix it)');
  if (!utf8) {
    const at = text.indexOf('\ufffd');
    const where = at < 0 ? '' : ` (line ${new LineIndex(text).at(at).line}: save it as UTF-8)`;
    return unfixed(text, start.result!.findings, `not fixed: the file is not valid UTF-8${where}`);
  }
  if (hasParseErrors(start.result!.doc, options)) {
    const hidden = !start.result!.findings.some((f) => f.ruleId === 'parse-error');
    return unfixed(text, start.result!.findings, parseErrorRefusal(firstParseErrorLine(start.result!.doc, options), hidden));
  }
  const result = fixText(start, file.format, options);
  if (result.fixed > 0 && result.text !== text) {
    try {
      writeFileAtomic(file.path, result.text);
    } catch (err) {
      // The file is as it was: its findings are still the report (linted again: the first
      // result was let go while fixing).
      return unfixed(text, lintText(text, file.format, options).findings, notSavedRefusal(err));
    }
  }
  return { ...base, findings: locate(result.text, result.findings), fixed: result.fixed };
}
