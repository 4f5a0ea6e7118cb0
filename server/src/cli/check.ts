// Checking one file, and `--fix`: apply safe fixes until nothing changes, write only what is safe.
import * as fs from 'fs';
import { isUtf8 } from 'buffer';
import { lintText, type LintResult } from '../engine';
import { IN_PARTS_MIN_BYTES } from '../batches/plan';
import type { ClaimFormat } from '../parse';
import type { Finding, Fix, LintOptions, Severity, TextEdit } from '../rules/types';
import type { ClaimFile } from './files';
import { checkCsvInParts } from './csv-parts';
import { fixCsvInParts } from './csv-parts-fix';
import { LineIndex } from './line-index';
import { readsOtherLines } from '../fixes/doc-facts';
import { scanClaimItems } from '../parse/json-items';
import { upperBound } from '../sorted';
import { writeFileAtomic } from './write';
import { firstParseErrorLine, fixText, hasParseErrors, notSavedRefusal, parseErrorRefusal } from './fix-text';
import { locateRelated, withRelated, type LocatedRelated } from './related';
import { checkJsonInParts, fixJsonInParts } from './json-parts';
import type { ClaimDocument, Span } from '../model';
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
  /** For SARIF only (asked for: no other report makes them): each fix's edits, in `fixes`'
   *  order, located in the file; empty for a fix that cannot be given (locatedEdits). */
  readonly edits?: ReadonlyArray<readonly LocatedEdit[]>;
}

/** One edit of a fix in the file: replace from start to end (1-based lines, columns in UTF-16
 *  code units, as a finding's) with `newText`. */
export interface LocatedEdit {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly newText: string;
}

/** Where one edit is in the file, or undefined when it cannot be given. */
export type EditPlacer = (edit: TextEdit) => LocatedEdit | undefined;

/**
 * Each fix's edits located by `place`, in the order of the text (edits at one place keep their
 * order: applied to the original text, as applyEdits does). Some fixes get none, as a big file
 * checked in batches could not give them as they are for the whole file: one with an edit
 * `place` cannot give (an edit of a CSV file's header, made only by a fix that adds a column,
 * which edits every row of the file), and one whose edits depend on how other lines write a field
 * (the separator of a modifier list, how a JSON field the line lacks is written: fixes/doc-facts.ts).
 */
export function locatedEdits(fixes: readonly Fix[], place: EditPlacer): LocatedEdit[][] {
  return fixes.map((x) => {
    if (readsOtherLines(x)) return [];
    const out: LocatedEdit[] = [];
    for (const e of [...x.edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
      const at = place(e);
      if (!at) return [];
      out.push(at);
    }
    return out;
  });
}

/** Where a CSV document's header row ends (an edit at or before it is the header's); -1 for JSON. */
export function headerEndOf(doc: ClaimDocument): number {
  return doc.csv?.header?.span.end ?? -1;
}

/** Whether an edit of this document can be given as a big file checked in batches gives it
 *  (locatedEdits): in a CSV file, not the header's; in a JSON list of claims, inside one claim
 *  object (one that removes a claim object takes the commas and spaces around it, and a batch's
 *  are its own). */
export function editableIn(doc: ClaimDocument): (e: TextEdit) => boolean {
  if (doc.format === 'csv') {
    const headerEnd = headerEndOf(doc);
    return (e) => e.start > headerEnd;
  }
  const items = scanClaimItems(doc.text);
  if (!items) return () => true; // not a list of claims: never checked in batches
  return (e) => insideItem(items.starts, items.ends, e);
}

/** Whether an edit is inside one of the items that start at `starts` and end at `ends` (a JSON
 *  list's claim objects): an insertion strictly inside, not before its `{` or after its `}` (a new
 *  list item, whose comma and line end follow the text between items). */
export function insideItem(starts: ArrayLike<number>, ends: ArrayLike<number>, e: TextEdit): boolean {
  const k = upperBound(starts, e.start) - 1;
  if (k < 0 || e.end > ends[k]) return false;
  return e.start < e.end || (e.start > starts[k] && e.start < ends[k]);
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

/** `editsOf`: the document the findings are of, when their fixes' edits are wanted (SARIF). */
export function locate(text: string, findings: readonly Finding[], editsOf?: ClaimDocument): LocatedFinding[] {
  return locateAll(new LineIndex(text), findings, asIs, editsOf ? editableIn(editsOf) : undefined);
}

const asIs = (span: Span): Span => span;

/** Findings located in the file `index` is of; `toFile` moves a span of the linted text there
 *  (a batch's text: json-parts.ts). Related places in the same text are moved too. With
 *  `editable` (editableIn the linted text's document), their fixes' edits too (SARIF). */
export function locateAll(
  index: LineIndex, findings: readonly Finding[], toFile: (span: Span) => Span = asIs, editable?: (e: TextEdit) => boolean,
): LocatedFinding[] {
  const place: EditPlacer | undefined = editable === undefined ? undefined : (e) => {
    if (!editable(e)) return undefined;
    const { start, end } = index.range(toFile(e));
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, newText: e.newText };
  };
  return findings.map((f): LocatedFinding => {
    const span = toFile(f.span);
    const s = index.at(span.start);
    const e = index.at(span.end);
    const located: LocatedFinding = {
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
    // SARIF's: the other reports' findings are made as before.
    return place ? { ...located, edits: locatedEdits(f.fixes, place) } : located;
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

/** Read, lint and (with fix) repair one file. Throws only when the file cannot be read or written.
 *  `edits`: the findings carry their fixes' edits (LocatedFinding.edits, for SARIF). */
export function checkFile(file: ClaimFile, options: LintOptions, fix: boolean, edits = false): FileResult {
  if (checkedInParts(file)) {
    if (!fix) {
      const inParts = checkCsvInParts(file, options, undefined, edits);
      if (inParts) return inParts;
    } else {
      // Fixed in parts too (memory stays flat), then checked as it is now.
      const done = fixCsvInParts(file, options);
      if (done) return { ...checkFile(file, options, false, edits), ...done };
    }
  }
  return checkWhole(file, options, fix, edits);
}

/** A JSON text fixed in parts (json-parts.ts), written when a fix applied; the findings of the
 *  file as it is then. Undefined when it must be fixed whole. */
function fixJsonInPartsAndWrite(path: string, text: string, options: LintOptions, edits: boolean): Omit<FileResult, 'path' | 'format'> | undefined {
  const done = fixJsonInParts(text, options, undefined, edits);
  if (!done) return undefined;
  if (done.fixed > 0 && done.text !== text) {
    try {
      writeFileAtomic(path, done.text);
    } catch (err) {
      // Not written: the findings of the file as it still is.
      const whole = (): LocatedFinding[] => {
        const r = lintText(text, 'json', options);
        return locate(text, r.findings, edits ? r.doc : undefined);
      };
      return { findings: checkJsonInParts(text, options, undefined, edits) ?? whole(), fixed: 0, notFixed: notSavedRefusal(err) };
    }
  }
  // The findings of the file as written come from the fixing (no second check).
  return { findings: done.findings, fixed: done.fixed };
}

/** Read, lint and (with fix) repair one file, read whole. `edits`: as checkFile's. */
export function checkWhole(file: ClaimFile, options: LintOptions, fix: boolean, edits = false): FileResult {
  const base = { path: file.path, format: file.format };
  const unfixed = (text: string, r: LintResult, notFixed?: string): FileResult => ({ ...base, findings: locate(text, r.findings, edits ? r.doc : undefined), fixed: 0, notFixed });
  const read = readText(file.path, fix);
  const { text, encoding, utf8 } = read;
  options = withValidUtf8(options, read.validUtf8);
  // A big JSON file is checked, and fixed, in parts (its parse tree would take thirty times its
  // size); whole when it cannot be.
  if (file.format === 'json' && text.length >= IN_PARTS_MIN_BYTES) {
    if (!fix) {
      const findings = checkJsonInParts(text, options, undefined, edits);
      if (findings) return { ...base, findings, fixed: 0 };
    } else if (utf8) {
      const done = fixJsonInPartsAndWrite(file.path, text, options, edits);
      if (done) return { ...base, ...done };
    }
  }
  // In a box: fixText takes it out, so the first document is not kept while the fixed one is read.
  const start: { result?: LintResult } = { result: lintText(text, file.format, options) };
  if (!fix) return unfixed(text, start.result!);
  // Rewriting would replace undecodable bytes with U+FFFD: leave such a file as it is. (Said
  // before parse errors: those bytes are a parse-error too, and this names the cause.)
  if (encoding !== 'utf8') return unfixed(text, start.result!, 'not fixed: the file is UTF-16 (save it as UTF-8 to fix it)');
  if (!utf8) {
    const at = text.indexOf('\ufffd');
    const where = at < 0 ? '' : ` (line ${new LineIndex(text).at(at).line}: save it as UTF-8)`;
    return unfixed(text, start.result!, `not fixed: the file is not valid UTF-8${where}`);
  }
  if (hasParseErrors(start.result!.doc, options)) {
    const hidden = !start.result!.findings.some((f) => f.ruleId === 'parse-error');
    return unfixed(text, start.result!, parseErrorRefusal(firstParseErrorLine(start.result!.doc, options), hidden));
  }
  const result = fixText(start, file.format, options);
  if (result.fixed > 0 && result.text !== text) {
    try {
      writeFileAtomic(file.path, result.text);
    } catch (err) {
      // The file is as it was: its findings are still the report (linted again: the first
      // result was let go while fixing).
      return unfixed(text, lintText(text, file.format, options), notSavedRefusal(err));
    }
  }
  return { ...base, findings: locate(result.text, result.findings, edits ? result.doc : undefined), fixed: result.fixed };
}
