// Checking a big CSV file without holding it: the file is read twice, in chunks. The first pass
// keeps only an index of its rows, from which the lines are grouped into parts that no rule
// looks across and the parts into batches (batches/plan.ts). The second pass reads one batch at a
// time (header + its rows, with the comment rows above each: batches/batch-text.ts), lints it as a
// small document and maps the findings back to the file's offsets, lines and columns; on a
// machine with more than one core a worker thread lints batches too (batch-threads.ts). Each
// finding is formatted where it was found and waits for its turn in a temporary file
// (ordered-spool.ts). The findings are those of linting the whole file
// (test/cli/csv-parts.test.ts), at the memory of the row index (a few dozen bytes a row), a few
// numbers a finding, and one batch per thread. `--fix` fixes a big file in the same batches
// (csv-parts-fix.ts).
import { lintText } from '../engine';
import { blockOf, lineColInFile, readBatch, type LineCol } from '../batches/batch-text';
import { lintBatchText } from '../batches/lint-batch';
import { planParts, type BatchPlan } from '../batches/plan';
import { BATCH_LINES } from '../engine-parts';
import type { Finding, LintOptions, Severity } from '../rules/types';
import type { Span } from '../model';
import { defineBatchJob, earlyHelper, runBatches } from './batch-threads';
import { headerEndOf, locatedEdits, type EditPlacer, type FileResult, type LocatedFinding } from './check';
import type { ClaimFile } from './files';
import { LineIndex } from './line-index';
import { OrderedSpool } from './ordered-spool';
import { fileIsUtf8 } from './utf8-file';
import { locateRelated, withRelated } from './related';
import { findingJson, jsonOfFinding } from './report-json';
import { artifactLocation, baseDir, lineTextAt, sarifOfFinding, type ArtifactLocation } from './report-sarif';
import { countInto, newTally, textOfFinding, type FileTally } from './report-text';

/** A finding in file terms: its offsets, and its line and column (1-based) at each end. */
export function locatedFrom(
  f: Finding, start: number, end: number, s: { line: number; column: number }, e: { line: number; column: number },
  fixes = true, here: (span: Span) => { start: LineCol; end: LineCol } | undefined = () => undefined, edits?: EditPlacer,
): LocatedFinding {
  const located: LocatedFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    start,
    end,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    // Fixes are made on demand (engine.ts): an output that shows none need not make them.
    fixes: fixes ? f.fixes.map((x) => ({ title: x.title, safe: x.safe })) : [],
    ...withRelated(locateRelated(f.related, here)),
  };
  // SARIF's (and, asked for, data's): each fix's edits, located (check.ts locatedEdits). The
  // other reports' findings are made as before.
  return edits ? { ...located, edits: locatedEdits(f.fixes, edits) } : located;
}

/**
 * What a batch makes of each finding, in the thread that linted it: the text report's line; the
 * JSON report's entry after a comma (jsonOfFinding: the first entry of a list drops the comma);
 * the SARIF result after a comma (sarifOfFinding, the same way); or the LocatedFinding as one
 * line of JSON (checkCsvInParts parses it back).
 */
export type FindingForm = 'text' | 'json' | 'sarif' | 'data';

/** Whether a form shows fixes (the others need not make them: engine.ts makes them on demand). */
export const showsFixes = (form: FindingForm): boolean => form !== 'text';
/** Whether a form shows places in the same file besides the finding's own (text shows only other files'). */
export const showsPlaces = (form: FindingForm): boolean => form !== 'text';

/** The SARIF artifact location of the file being formatted (one per thread, worked out once). */
let sarifAt: { path: string; base: string; location: ArtifactLocation } | undefined;
function sarifLocationOf(path: string, base: string): ArtifactLocation {
  if (sarifAt?.path !== path || sarifAt.base !== base) sarifAt = { path, base, location: artifactLocation(path, base) };
  return sarifAt.location;
}

/** A finding as a batch hands it on: its text, and what ordering and counting need. */
export interface FormattedFinding {
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
  readonly text: string;
}

/** A plan of batches whose findings are made into text of `form` where they are found. */
export interface ReportPlan extends BatchPlan {
  readonly form: FindingForm;
  /** --fix (csv-parts-fix.ts): each batch also places the findings of its fixed text, in `form`'s
   *  terms, for the report of the file as written. */
  readonly reportFixed?: boolean;
  /** The SARIF report's base folder (report-sarif.ts baseDir), for a helper thread. */
  readonly sarifBase?: string;
  /** Findings carry their fixes' edits (LocatedFinding.edits): SARIF's, or data's when asked. */
  readonly edits?: boolean;
}

/** `sarifBase`: the SARIF report's base folder (in a helper thread, the plan's); `lineText`: for
 *  SARIF, the finding's line (lineTextAt) for its fingerprint. */
export function formatted(form: FindingForm, path: string, f: LocatedFinding, sarifBase?: string, lineText?: string): FormattedFinding {
  const text = form === 'text' ? textOfFinding(path, f)
    : form === 'json' ? jsonOfFinding(findingJson(f), false)
      : form === 'sarif' ? sarifOfFinding(f, sarifLocationOf(path, sarifBase ?? baseDir()), sarifBase ?? baseDir(), lineText)
        : `${JSON.stringify(f)}\n`;
  return { start: f.start, end: f.end, severity: f.severity, text };
}


/** Lint one batch: its rows' blocks read from the file after the header, findings in file terms. */
function lintBatch(plan: ReportPlan, fd: number, b: number): FormattedFinding[] {
  // With edits, the file's last row stays without the line end checking gives it when it has none:
  // a fix's edits there are then those of the whole file (a disable comment's line end, a copy).
  const batch = readBatch(plan, fd, b, !plan.edits);
  const { text, synStart, fileStart } = batch;
  const out: FormattedFinding[] = [];
  const fixes = showsFixes(plan.form);
  const lineCol = (block: number, offset: number): LineCol => lineColInFile(batch, block, offset);
  // A related place in this file is a line of the batch (a rule relates lines of one part).
  // The text report names only other files' places (report-text.ts): it need not locate this one's.
  const noPlace = (): undefined => undefined;
  const places = showsPlaces(plan.form);
  const sarif = plan.form === 'sarif';
  const here = (span: Span): { start: LineCol; end: LineCol } | undefined => {
    if (synStart.length === 0 || span.start < synStart[0]) return undefined;
    const b = blockOf(batch, span.start);
    return { start: lineCol(b, span.start), end: lineCol(b, span.end) };
  };
  const blockEnd = (k: number): number => (k + 1 < synStart.length ? synStart[k + 1] : text.length);
  // A fix's edits, for a finding in block `lo`: an edit at the end of that block is its own (a
  // copy of its row goes right below it), not the start of the batch's next block, which may be
  // far from it in the file. An edit of the header (a fix adding a column) is not given.
  const editsIn = (lo: number): EditPlacer | undefined => (!plan.edits ? undefined : (e) => {
    if (synStart.length === 0 || e.start < synStart[0]) return undefined;
    const bs = synStart[lo] <= e.start && e.start <= blockEnd(lo) ? lo : blockOf(batch, e.start);
    const be = e.end <= blockEnd(bs) ? bs : blockOf(batch, e.end);
    const s = lineCol(bs, e.start);
    const en = lineCol(be, e.end);
    return { startLine: s.line, startColumn: s.column, endLine: en.line, endColumn: en.column, newText: e.newText };
  });
  for (const f of lintBatchText(text, plan.options).result.findings) {
    if (f.lineIndex === undefined) continue; // the header's: reported from the header alone
    // The block holding the finding (the finding's line's block).
    const lo = blockOf(batch, f.span.start);
    const shift = fileStart[lo] - synStart[lo];
    out.push(formatted(plan.form, plan.path, locatedFrom(f, f.span.start + shift, f.span.end + shift,
      lineCol(lo, f.span.start), lineCol(lo, f.span.end), fixes, places ? here : noPlace, editsIn(lo)), plan.sarifBase, sarif ? lineTextAt(text, f.span.start) : undefined));
  }
  return out;
}
defineBatchJob('lint', lintBatch, __filename);

/** What a check in parts gives once every batch is done. */
export interface InParts {
  readonly tally: FileTally;
  /** Findings, those handed to `early` included. */
  readonly count: number;
  /** Hand on, in document order, the findings not handed to `early`, as one text in pieces (cut
   *  anywhere between two characters). Only during `done`. */
  rest(out: (text: string) => void): void;
  /** The same as rest, as UTF-8 bytes (pieces cut anywhere, even inside a character); `out`
   *  answers whether it is done with the piece (ordered-spool.ts, takeAllBytes). */
  restBytes(out: (bytes: Uint8Array) => boolean): void;
}

/**
 * Check a CSV claim file in parts (see the top of this file), each finding made into text of
 * `form`. `early` (when given) is handed findings in document order as soon as they are known: a
 * finding is known once every batch that could hold one before it is done (batches are numbered
 * in the order of their first rows, so that is every batch whose first row comes before it).
 * `done` is called once all are, with the counts and the rest. Memory stays that of the row index,
 * a few batches and a few numbers a finding (ordered-spool.ts). False (and nothing handed on) when
 * the file must be checked the plain way (an unclosed quote, no header).
 */
export function streamCsvInParts(
  file: ClaimFile, options: LintOptions, form: FindingForm,
  handlers: { early?: (text: string) => void; done: (result: InParts) => void }, batchLines = BATCH_LINES,
  edits = form === 'sarif',
): boolean {
  // A big file's helper thread loads the engine while this thread reads the file (runBatches
  // stops it once handed over; until then, the finally below does).
  let helper = earlyHelper(file.path, options);
  try {
    const planned = planParts(file.path, options, batchLines);
    if (!planned) return false;
    const { index } = planned;
    // Bytes that are all UTF-8: a U+FFFD in the text is a character the file holds (LintOptions.validUtf8).
    const validUtf8 = !index.ascii && !planned.plan.options.validUtf8 && fileIsUtf8(file.path);
    const plan: ReportPlan = {
      ...planned.plan,
      options: validUtf8 ? { ...planned.plan.options, validUtf8 } : planned.plan.options,
      form,
      ...(form === 'sarif' ? { sarifBase: baseDir() } : {}),
      ...(edits ? { edits } : {}),
    };
    const { order, batchStart } = plan;
    const count = batchStart.length - 1;

    const early = handlers.early;
    const started = helper;
    helper = undefined;
    const ok = spooled(file, plan.options, form, index.prefix, handlers.done, (add, spool) => {
      // Batches finish out of order (two threads); at one place, findings keep the order of their
      // batches, as in a lint of the whole file.
      const finished = new Uint8Array(count);
      let next = 0; // the first batch not yet done
      runBatches<ReportPlan, FormattedFinding[]>(plan, 'lint', (batch, findings) => {
        for (const f of findings) add(batch, f);
        finished[batch] = 1;
        while (next < count && finished[next]) next++;
        // Every finding of the batches still to come starts at or after their first block.
        if (early) spool.takeBefore(next < count ? plan.charStart[order[batchStart[next]]] : Infinity, early);
      }, started);
    }, edits);
    if (!ok) started?.stop(); // no spool: runBatches never took the helper
    return ok;
  } finally {
    helper?.stop();
  }
}

/**
 * The findings of a file checked in parts, waiting in a temporary file (ordered-spool.ts): the
 * header's first (from `prefix`, the text before the data: first among findings at one place, as
 * in a lint of the whole file), then those `fill` adds, each with its batch (at one place,
 * findings keep the order of their batches). `done` gets the counts and the rest. False when
 * there is nowhere to keep them (no temporary directory): the plain check reads the file whole.
 */
export function spooled(
  file: ClaimFile, options: LintOptions, form: FindingForm, prefix: string, done: (result: InParts) => void,
  fill: (add: (batch: number, f: FormattedFinding) => void, spool: OrderedSpool) => void, edits = form === 'sarif',
): boolean {
  let spool: OrderedSpool;
  try {
    spool = new OrderedSpool();
  } catch {
    return false;
  }
  try {
    const tally = newTally();
    const add = (batch: number, f: FormattedFinding): void => {
      countInto(tally, f);
      spool.add(f.start, f.end, batch, f.text);
    };
    const prefixLines = new LineIndex(prefix);
    const header = lintText(prefix, 'csv', options);
    // The header's edits are not given (check.ts locatedEdits); the rest are where they are in the file.
    const headerEnd = headerEndOf(header.doc);
    const place: EditPlacer | undefined = !edits ? undefined : (e) => {
      if (e.start <= headerEnd) return undefined;
      const { start, end } = prefixLines.range(e);
      return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, newText: e.newText };
    };
    for (const f of header.findings) {
      add(-1, formatted(form, file.path, locatedFrom(f, f.span.start, f.span.end, prefixLines.at(f.span.start), prefixLines.at(f.span.end), showsFixes(form),
        (span) => prefixLines.range(span), place), undefined, form === 'sarif' ? lineTextAt(prefix, f.span.start) : undefined));
    }
    fill(add, spool);
    done({ tally, count: spool.size, rest: (out) => spool.takeAllJoined(out), restBytes: (out) => spool.takeAllBytes(out) });
  } finally {
    spool.close();
  }
  return true;
}

/**
 * The findings of a CSV claim file, read in parts (see the top of this file); undefined when
 * the file must be checked the plain way (an unclosed quote, no header). Same result as
 * checkFile without --fix.
 */
export function checkCsvInParts(file: ClaimFile, options: LintOptions, batchLines = BATCH_LINES, edits = false): FileResult | undefined {
  const pieces: string[] = [];
  if (!streamCsvInParts(file, options, 'data', { done: (result) => result.rest((text) => pieces.push(text)) }, batchLines, edits)) return undefined;
  const findings = pieces.join('').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as LocatedFinding);
  return { path: file.path, format: file.format, findings, fixed: 0 };
}
