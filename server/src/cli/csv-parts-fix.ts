// `--fix` of a big CSV file in parts, so that fixing holds what checking holds (csv-parts.ts: the
// row index and one batch), not the file and its documents (read whole, a 1M-line file took
// 1.2 GB). Each batch of whole parts is fixed as a small document, pass after pass, as the whole
// file would be: no rule looks across parts, so a batch's fixes are those the whole file gets for
// its rows. Its rows are followed through the edits, and the rows a fix changed are kept as text;
// the fixed file is then written from the original's bytes and those rows, in file order, to a
// temporary file that replaces the original (write.ts). The report on the file as written comes
// from each batch's last pass (`report`): its findings are those of the fixed rows, whose places
// in the written file are known once every batch's changes are (WrittenPlaces). Checking the
// written file again took a third of the time.
//
// A fix that does not stay inside one row's block cannot be written back this way: a new column
// (the header and every row change) or an edit across two blocks. The file is then fixed the
// plain way (check.ts), as it is when it cannot be read in parts at all.
import * as fs from 'fs';
import { lintText } from '../engine';
import { lintBatchText } from '../batches/lint-batch';
import type { Finding, LintOptions, TextEdit } from '../rules/types';
import { fixText, isParseError, notSavedRefusal, parseErrorRefusal } from './fix-text';
import { blockOf, lineColIn, lineColInFile, readBatch } from '../batches/batch-text';
import { planParts, type BatchPlan } from '../batches/plan';
import { BATCH_LINES } from '../engine-parts';
import { lineBreaks } from '../batches/row-index';
import { defineBatchJob, earlyHelper, runBatches } from './batch-threads';
import { lineTextAt } from './report-sarif';
import { formatted, locatedFrom, showsFixes, showsPlaces, spooled, type FindingForm, type InParts, type ReportPlan } from './csv-parts';
import type { EditPlacer, LocatedFinding } from './check';
import type { Span } from '../model';
import type { ClaimFile } from './files';
import { LineIndex } from './line-index';
import { writeFileAtomicWith } from './write';
import { lowerBound, upperBound } from '../sorted';
import { fileIsUtf8 } from './utf8-file';

export { fileIsUtf8 };

const COPY_BYTES = 4 << 20;

/** What fixing in parts did: `fixed` safe fixes written, or why the file was left alone. */
export interface FixedInParts {
  readonly fixed: number;
  readonly notFixed?: string;
  /** The report of the file as written, from each batch's last fixing pass (its findings are
   *  those of the fixed rows: no second check of the file). Present when a report form was asked
   *  for and the file is as the fixes left it (written, or nothing to write). */
  readonly report?: (done: (result: InParts) => void) => boolean;
}

/** A finding of a fixed batch, placed in its row's block: offsets from the block's start, lines
 *  counted from its first line (1), and the blocks of its places in this file. Moved to the
 *  written file's places once every batch's changes are known. */
interface InBlock {
  readonly row: number;
  readonly finding: LocatedFinding;
  /** For SARIF: the finding's line (its fingerprint: report-sarif.ts). */
  readonly lineText?: string;
  readonly relatedRows: readonly number[];
  /** For SARIF: the rows of its fixes' edits' ends (start and end of each, in order), whose lines
   *  are counted from their blocks' first lines. */
  readonly editRows?: readonly number[];
}

/**
 * Move block boundaries (ascending offsets into a batch's text) through one pass of edits, in
 * place. An insertion at a boundary belongs to the block before it: a copied row goes right
 * below its row (csv-edits.ts). False when an edit crosses a boundary, or touches the text before
 * the first one (the header).
 */
export function moveBoundaries(bounds: number[], edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  if (sorted.length > 0 && sorted[0].end <= bounds[0]) return false;
  let shift = 0;
  let k = 0;
  for (let j = 0; j < bounds.length; j++) {
    const b = bounds[j];
    for (; k < sorted.length && sorted[k].end <= b; k++) shift += sorted[k].newText.length - (sorted[k].end - sorted[k].start);
    if (k < sorted.length && sorted[k].start < b) return false;
    bounds[j] = b + shift;
  }
  return true;
}


/** Copy bytes [from, to) of one file to another's current position. */
function copyBytes(src: number, dst: number, from: number, to: number, buf: Buffer): void {
  for (let at = from; at < to;) {
    const n = fs.readSync(src, buf, 0, Math.min(buf.length, to - at), at);
    if (n === 0) throw new Error('the file got shorter while it was fixed');
    fs.writeSync(dst, buf, 0, n);
    at += n;
  }
}

/** Fix one batch: the new text of the rows whose blocks changed, and the fixes applied; undefined
 *  when a fix does not stay inside one block. A batch with a parse error is not fixed: its first
 *  one's place is given instead. */
type BatchFixed = {
  /** Per changed row: its block's new text, and how many line breaks it gained. */
  changed: Array<[number, string, number]>;
  fixed: number;
  /** With plan.reportFixed: the findings of the fixed text. */
  final?: InBlock[];
} | { parseError: number; line: number; hidden: boolean } | undefined;

function fixBatch(plan: ReportPlan, fd: number, b: number): BatchFixed {
  const batch = readBatch(plan, fd, b, false);
  const { result, options: own } = lintBatchText(batch.text, plan.options);
  // Parse errors a disable comment hides too (as check.ts): --fix leaves such a file alone.
  const first = result.doc.problems.find((p) => isParseError(p, plan.options));
  if (first) {
    const block = blockOf(batch, first.span.start);
    // hidden: the report shows none of the batch's parse errors (fix-text.ts parseErrorRefusal).
    const hidden = !result.findings.some((f) => f.ruleId === 'parse-error');
    return { parseError: first.span.start - batch.synStart[block] + batch.fileStart[block], line: lineColInFile(batch, block, first.span.start).line, hidden };
  }
  const bounds = [...batch.synStart, batch.text.length];
  let inside = true;
  const fixedText = fixText({ result }, 'csv', own, (edits) => {
    if (inside) inside = moveBoundaries(bounds, edits);
  });
  if (!inside) return undefined;
  const changed: Array<[number, string, number]> = [];
  for (let k = 0; k < batch.rows.length; k++) {
    const before = batch.text.slice(batch.synStart[k], k + 1 < batch.rows.length ? batch.synStart[k + 1] : batch.text.length);
    const after = fixedText.text.slice(bounds[k], bounds[k + 1]);
    if (after !== before) changed.push([batch.rows[k], after, lineBreaks(after, 0, after.length) - lineBreaks(before, 0, before.length)]);
  }
  const final = plan.reportFixed ? placeInBlocks(plan.form, fixedText.text, bounds, batch.rows, fixedText.findings) : undefined;
  return { changed, fixed: fixedText.fixed, final };
}

/** The findings of a fixed batch text placed in their blocks (`bounds`: where each block starts,
 *  then the text's end). The header's are left out: the report takes them from the header alone. */
function placeInBlocks(form: FindingForm, text: string, bounds: readonly number[], rows: readonly number[], findings: readonly Finding[]): InBlock[] {
  const blocks = rows.length;
  // The block holding an offset (the first for one before it: the header's).
  const blockAt = (offset: number): number => Math.max(0, upperBound(bounds, offset, blocks) - 1);
  const out: InBlock[] = [];
  for (const f of findings) {
    if (f.lineIndex === undefined || blocks === 0) continue;
    const k = blockAt(f.span.start);
    const relatedRows: number[] = [];
    // A place in this file is a line of the batch (a rule relates lines of one part).
    const here = (span: Span) => {
      if (span.start < bounds[0]) return undefined;
      const j = blockAt(span.start);
      relatedRows.push(rows[j]);
      return { start: lineColIn(text, bounds[j], 0, span.start), end: lineColIn(text, bounds[j], 0, span.end) };
    };
    // SARIF: each edit in its block, as csv-parts.ts places them (an edit at the end of the
    // finding's block is that block's; the header's are not given).
    const editRows: number[] = [];
    const blockEnd = (j: number): number => bounds[j + 1];
    const place: EditPlacer | undefined = form !== 'sarif' ? undefined : (e) => {
      if (e.start < bounds[0]) return undefined;
      const bs = bounds[k] <= e.start && e.start <= blockEnd(k) ? k : blockAt(e.start);
      const be = e.end <= blockEnd(bs) ? bs : blockAt(e.end);
      const st = lineColIn(text, bounds[bs], 0, e.start);
      const en = lineColIn(text, bounds[be], 0, e.end);
      editRows.push(rows[bs], rows[be]);
      return { startLine: st.line, startColumn: st.column, endLine: en.line, endColumn: en.column, newText: e.newText };
    };
    const finding = locatedFrom(f, f.span.start - bounds[k], f.span.end - bounds[k], lineColIn(text, bounds[k], 0, f.span.start),
      lineColIn(text, bounds[k], 0, f.span.end), showsFixes(form), showsPlaces(form) ? here : () => undefined, place);
    out.push({ row: rows[k], finding, relatedRows, ...(form === 'sarif' ? { lineText: lineTextAt(text, f.span.start), editRows } : {}) });
  }
  return out;
}
defineBatchJob('fix', fixBatch, __filename);

/**
 * Fix a big CSV file in parts (see the top of this file) and write it when a fix applied.
 * Undefined (the file untouched) when it must be fixed the plain way: it cannot be read in parts,
 * is not UTF-8 (the plain way says where), or has a fix that is not inside one row.
 */
export function fixCsvInParts(file: ClaimFile, options: LintOptions, batchLines = BATCH_LINES, report?: FindingForm): FixedInParts | undefined {
  // As checking does: the helper thread loads the engine while this one reads the file.
  const helper = earlyHelper(file.path, options);
  let handedOver = false;
  try {
    const planned = planParts(file.path, options, batchLines);
    if (!planned) return undefined;
    const { index } = planned;
    if (!index.ascii && !fileIsUtf8(file.path)) return undefined;
    // Its bytes are UTF-8 (or ASCII): a U+FFFD in it is a character it holds (LintOptions.validUtf8).
    options = { ...options, validUtf8: true };
    const plan: ReportPlan = report
      ? { ...planned.plan, options, form: report, reportFixed: true } : { ...planned.plan, options, form: 'data' };
    // The text above the first data row is never edited here: a safe fix there is the plain way's.
    const prefix = lintText(index.prefix, 'csv', options);
    const prefixError = prefix.doc.problems.find((p) => isParseError(p, options));
    if (!prefixError && prefix.findings.some((f) => f.fixes.some((x) => x.safe))) return undefined;

    const changed = new Map<number, [string, number]>();
    const finals: Array<[number, InBlock[]]> = [];
    let fixed = 0;
    // The first parse error in the file (by offset): the file is then left alone.
    let parseError = prefixError
      ? { parseError: prefixError.span.start, line: new LineIndex(index.prefix).at(prefixError.span.start).line, hidden: !prefix.findings.some((f) => f.ruleId === 'parse-error') }
      : undefined;
    let plainWay = false;
    handedOver = true;
    // Batches finish in any order (two threads): every result here is the same whatever the order.
    runBatches<ReportPlan, BatchFixed>(plan, 'fix', (batch, r) => {
      if (!r) {
        plainWay = true;
        return false;
      }
      if ('parseError' in r) {
        if (!parseError || r.parseError < parseError.parseError) parseError = r;
      } else if (!parseError) { // else nothing will be written: only the first parse error is looked for
        for (const [row, text, lines] of r.changed) changed.set(row, [text, lines]);
        fixed += r.fixed;
        if (r.final) finals.push([batch, r.final]);
      }
      return true;
    }, helper);
    if (plainWay) return undefined;
    if (parseError) return { fixed: 0, notFixed: parseErrorRefusal(parseError.line, parseError.hidden) };
    const done = write(file, plan, changed, fixed);
    if (!report || done.notFixed) return done;
    return { ...done, report: (whenDone) => spooled(file, options, report, index.prefix, whenDone, (add) => {
      const at = new WrittenPlaces(plan, changed);
      for (const [batch, placed] of finals) for (const p of placed) add(batch, formatted(report, file.path, at.place(p), undefined, p.lineText));
    }) };
  } finally {
    if (!handedOver) helper?.stop();
  }
}

/** Where each row's block is in the written file: the original's place, moved by the changed
 *  blocks before it (their length and line breaks). */
class WrittenPlaces {
  private readonly rows: number[];
  /** Characters and lines gained by the changed blocks before rows[i] (i of them). */
  private readonly chars: number[] = [0];
  private readonly lines: number[] = [0];

  constructor(private readonly plan: BatchPlan, changed: ReadonlyMap<number, [string, number]>) {
    this.rows = [...changed.keys()].sort((a, b) => a - b);
    for (const row of this.rows) {
      const [text, lines] = changed.get(row)!;
      this.chars.push(this.chars[this.chars.length - 1] + text.length - (plan.charStart[row + 1] - plan.charStart[row]));
      this.lines.push(this.lines[this.lines.length - 1] + lines);
    }
  }

  /** How many changed rows come before `row`. */
  private before(row: number): number {
    return lowerBound(this.rows, row);
  }

  /** The 0-based line of the written file that row's block starts on. */
  private lineOf(row: number): number {
    return this.plan.line[row] + this.lines[this.before(row)];
  }

  /** A finding placed in its block, placed in the written file. */
  place(p: InBlock): LocatedFinding {
    const f = p.finding;
    const start = this.plan.charStart[p.row] + this.chars[this.before(p.row)];
    const line = this.lineOf(p.row);
    let k = 0;
    const related = f.related?.map((r) => {
      if (r.file !== undefined) return r;
      const at = this.lineOf(p.relatedRows[k++]);
      return { ...r, line: r.line + at, endLine: r.endLine + at };
    });
    const placed = { ...f, start: f.start + start, end: f.end + start, line: f.line + line, endLine: f.endLine + line, ...(related ? { related } : {}) };
    if (!f.edits) return placed;
    // SARIF's. A fix left without edits (its header edit comes first) took no rows: the rows of
    // the edits given, in order.
    let j = 0;
    const edits = f.edits.map((x) => x.map((e) => {
      const from = this.lineOf(p.editRows![j++]);
      const to = this.lineOf(p.editRows![j++]);
      return { ...e, startLine: e.startLine + from, endLine: e.endLine + to };
    }));
    return { ...placed, edits };
  }
}

/** Write the file: the original's bytes, with the changed rows' blocks replaced, in file order. */
function write(file: ClaimFile, plan: BatchPlan, changed: ReadonlyMap<number, [string, number]>, fixed: number): FixedInParts {
  if (changed.size === 0) return { fixed: 0 };
  const rows = [...changed.keys()].sort((a, b) => a - b);
  try {
    const src = fs.openSync(file.path, 'r');
    try {
      writeFileAtomicWith(file.path, (dst) => {
        const buf = Buffer.allocUnsafe(COPY_BYTES);
        let at = 0;
        for (const i of rows) {
          copyBytes(src, dst, at, plan.byteStart[i], buf);
          fs.writeSync(dst, changed.get(i)![0], null, 'utf8');
          at = plan.byteStart[i + 1];
        }
        copyBytes(src, dst, at, fs.fstatSync(src).size, buf);
      });
    } finally {
      fs.closeSync(src);
    }
  } catch (err) {
    return { fixed: 0, notFixed: notSavedRefusal(err) };
  }
  return { fixed };
}
