// Checking a big CSV file without holding it: the file is read twice, in chunks. The first pass
// keeps only an index of its rows (where each starts, its claim and member), from which the
// lines are grouped into parts that no rule looks across: a part is closed under "same claim"
// and "same member" (every rule's finding about a line depends only on the line, its claim's
// lines and its member's lines; rules.md, RuleMeta.scope). The second pass reads one batch of
// parts at a time (header + their rows, with the comment rows above each), lints it as a small
// document and maps the findings back to the file's offsets, lines and columns; on a machine with
// more than one core a worker thread lints batches too. Each finding is formatted where it was
// found and waits for its turn in a temporary file (ordered-spool.ts). The findings are those of
// linting the whole file (test/cli/csv-parts.test.ts), at the memory of the row index (a few dozen
// bytes a row), a few numbers a finding, and one batch per thread. `--fix` fixes a big file in the
// same batches (csv-parts-fix.ts).
import * as fs from 'fs';
import * as os from 'os';
import { StringDecoder } from 'string_decoder';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'worker_threads';
import { isAscii } from 'buffer';
import { lintText } from '../engine';
import { runToEnd } from '../steps';
import { upperBound } from '../sorted';
import { hasWorkspaceLines, lintBatchText } from './batch-external';
import { batchParts, findRoot } from '../engine-parts';
import { fieldOf } from '../parse/fields';
import { CsvScanner, CsvTable } from '../parse/csv-tokenizer';
import type { LintOptions, Severity } from '../rules/types';
import type { FileResult, LocatedFinding } from './check';
import type { ClaimFile } from './files';
import { Column, sharedLike } from './columns';
import { LineIndex, type LineCol } from './line-index';
import { locateRelated, withRelated } from './related';
import type { Span } from '../model';
import { OrderedSpool } from './ordered-spool';
import { findingJson, jsonOfFinding } from './report-json';
import { countInto, newTally, textOfFinding, type FileTally } from './report-text';
import { artifactUri, sarifOfFinding } from './report-sarif';

/** Lines linted together: small enough to keep memory flat and the rules' data in the CPU caches
 *  (a thousand lines lint about a fifth faster than five thousand), big enough to keep overhead low. */
const BATCH_LINES = 1_000;
const CHUNK_BYTES = 4 << 20;
/** A row still open after this much text (an unclosed quote): check the file the plain way. */
const MAX_CARRY = 32 << 20;

/** What the first pass keeps of each data row. */
export interface RowIndex {
  /** The header row's text, with its line end (the header row only, no rows before it). */
  header: string;
  /** File text up to the end of the header row (its offsets are the file's). */
  prefix: string;
  /** Per data row: where its block starts (the comment and blank rows above it, then the row
   *  with its line end) as char and byte offsets in the file; blocks follow each other, so a
   *  block ends where the next starts (one more entry: the end of the last). And the 0-based
   *  line each block starts on. */
  charStart: Column<Float64Array>;
  byteStart: Column<Float64Array>;
  line: Column<Int32Array>;
  /** Whether the row ends with a line end (only the file's last row may not). */
  ends: Column<Int32Array>;
  /** Per data row: its part (a union-find root, resolved after the pass). */
  node: Column<Int32Array>;
  parent: Column<Int32Array>;
  /** The whole file is ASCII. */
  ascii: boolean;
}

/** A cell's value as the parser reads claim and member ids: the text, trimmed when needed. */
function idText(table: CsvTable, c: number): string {
  const raw = table.cellText(c);
  return raw.length > 0 && (raw.charCodeAt(0) <= 0x20 || raw.charCodeAt(raw.length - 1) <= 0x20) ? raw.trim() : raw;
}

/**
 * The node of a claim or member id cell, remembering the last cell read: rows of one claim are
 * adjacent, so most cells repeat the previous row's and are compared in place, not cut out.
 */
class IdNodes {
  /** The last cell's raw text, when it was unquoted (comparable in place). */
  private lastRaw: string | undefined = undefined;
  private lastNode = -1;
  private readonly nodes = new Map<string, number>();
  constructor(private readonly newNode: () => number) {}

  /** The node of cell c, or -1 when the id is ''. */
  of(table: CsvTable, c: number): number {
    if (table.cellFlags[c] !== 0) {
      // Quoted: cut out, unescaped, and not compared in place next time.
      this.lastRaw = undefined;
      return (this.lastNode = this.nodeOfId(idText(table, c)));
    }
    return this.ofRange(table.text, table.cellStart[c], table.cellEnd[c]);
  }

  /** The node of an unquoted cell text[s, e). */
  ofRange(text: string, s: number, e: number): number {
    const raw = this.lastRaw;
    if (raw !== undefined && raw.length === e - s) {
      let same = true;
      for (let i = 0; i < raw.length && same; i++) same = raw.charCodeAt(i) === text.charCodeAt(s + i);
      if (same) return this.lastNode;
    }
    const cell = text.slice(s, e);
    const id = cell.length > 0 && (cell.charCodeAt(0) <= 0x20 || cell.charCodeAt(cell.length - 1) <= 0x20) ? cell.trim() : cell;
    this.lastRaw = cell;
    return (this.lastNode = this.nodeOfId(id));
  }

  private nodeOfId(id: string): number {
    if (id === '') return -1;
    let node = this.nodes.get(id);
    if (node === undefined) this.nodes.set(id, (node = this.newNode()));
    return node;
  }
}

/**
 * Rows of a text without quotes, read as CsvScanner reads them (line ends, blank rows, cells split
 * at commas) but without tokenising every cell: the first pass needs two cells of each row. The
 * next line end and quote are cached, so rare characters do not make the scan quadratic.
 */
class RowFinder {
  private lf = -1;
  private cr = -1;
  private quote = -1;
  constructor(private readonly text: string) {}

  private next(ch: string, cached: number, from: number): number {
    if (cached >= from) return cached;
    const i = this.text.indexOf(ch, from);
    return i < 0 ? this.text.length : i;
  }

  /** The next CR or LF at or after p (the text's end when none). */
  lineEnd(p: number): number {
    this.lf = this.next('\n', this.lf, p);
    this.cr = this.next('\r', this.cr, p);
    return Math.min(this.lf, this.cr);
  }

  nextQuote(p: number): number {
    return (this.quote = this.next('"', this.quote, p));
  }

  /** Where the next row starts after the line end at `end`. */
  after(end: number): number {
    const text = this.text;
    if (end >= text.length) return end;
    return text.charCodeAt(end) === 0x0d && end + 1 < text.length && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
  }

  /** Blank as the scanner says: only spaces and tabs, or only separators (`,,,,`). */
  blank(p: number, end: number): boolean {
    const text = this.text;
    let spaces = true;
    let commas = true;
    for (let i = p; i < end && (spaces || commas); i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09) spaces = false;
      if (c !== 0x2c) commas = false;
    }
    return spaces || commas;
  }

  /** The nodes of the claim and member cells of the last row given to `ids` (-1 for a column the
   *  row is too short for, or an id that is ''). */
  claimNode = -1;
  memberNode = -1;

  /** Find the claim and member cells of the row text[p, end) in one pass over its commas, up to
   *  the later of the two columns, and their nodes (claimNode, memberNode). */
  ids(p: number, end: number, claimCol: number, memberCol: number, claims: IdNodes, members: IdNodes): void {
    const text = this.text;
    const last = Math.max(claimCol, memberCol);
    let claimStart = -1;
    let claimEnd = -1;
    let memberStart = -1;
    let memberEnd = -1;
    let s = p;
    for (let col = 0; col <= last; col++) {
      const comma = text.indexOf(',', s);
      const e = comma < 0 || comma >= end ? end : comma;
      if (col === claimCol) {
        claimStart = s;
        claimEnd = e;
      }
      if (col === memberCol) {
        memberStart = s;
        memberEnd = e;
      }
      if (e === end) break; // the row's last cell: later columns are missing
      s = comma + 1;
    }
    // Claim first, then member, as nodes are numbered in the order they are first met.
    this.claimNode = claimStart >= 0 ? claims.ofRange(text, claimStart, claimEnd) : -1;
    this.memberNode = memberStart >= 0 ? members.ofRange(text, memberStart, memberEnd) : -1;
  }
}

function hasQuotedCell(table: CsvTable, r: number): boolean {
  const first = table.rowFirstCell[r];
  for (let c = first; c < first + table.rowCells[r]; c++) if (table.isQuoted(c)) return true;
  return false;
}

/** Line breaks (\n, \r\n, lone \r) in text[from, to). */
export function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && (i + 1 >= text.length || text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** First pass: the row index, or undefined when the file must be checked the plain way. Yields
 *  after each chunk read (the server lets other work in between: workspace-index.ts). */
function* indexRows(path: string): Generator<void, RowIndex | undefined> {
  const fd = fs.openSync(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    const f64 = (): Column<Float64Array> => new Column(sharedLike(new Float64Array(0), 1 << 16));
    const i32 = (): Column<Int32Array> => new Column(sharedLike(new Int32Array(0), 1 << 16));
    const index: RowIndex = {
      header: '', prefix: '', charStart: f64(), byteStart: f64(), line: i32(), ends: i32(),
      node: i32(), parent: i32(), ascii: true,
    };
    const parent = index.parent;
    const newNode = (): number => {
      parent.push(parent.length);
      return parent.length - 1;
    };
    const claims = new IdNodes(newNode);
    const members = new IdNodes(newNode);

    let pending = ''; // text not yet split into finished rows
    let pendingChar = 0; // file char offset of pending[0]
    let pendingByte = 0;
    let ascii = true;
    let lineNo = 0; // line of pending[0]
    let first = true;
    let claimCol = -1;
    let memberCol = -1;
    let headerSeen = false;
    let expectedCells = 0; // the header's cells: the scanner reads quotes by it (see CsvScanner)
    let blockChar = 0; // where the next data row's block starts (file char offset)
    let blockByte = 0;
    let blockLine = 0;
    let eof = false;
    while (!eof) {
      const n = fs.readSync(fd, buf, 0, CHUNK_BYTES, null);
      eof = n === 0;
      const bytes = buf.subarray(0, n);
      if (n > 0 && ascii && !isAscii(bytes)) ascii = false;
      // ASCII so far: latin1 gives the same characters without UTF-8 decoding (several times
      // faster), and the decoder holds no partial character.
      pending += eof ? decoder.end() : ascii ? bytes.toString('latin1') : decoder.write(bytes);
      if (pending.length > MAX_CARRY) return undefined;
      const start = first ? CsvScanner.start(pending) : 0;
      // The scanner reads the header and the rare rows the fast path below leaves to it: a small
      // table that grows when needed, not one sized for the whole chunk (megabytes a chunk).
      const scanner = new CsvScanner(pending, new CsvTable(pending, 64, 64 * 32));
      scanner.expectedCells = expectedCells;
      const table = scanner.table;
      // Byte offsets of pending positions, advanced as rows finish (exact for any UTF-8 text).
      let atChar = 0;
      let atByte = pendingByte;
      const byteAt = (p: number): number => {
        if (ascii) return pendingByte + p;
        atByte += Buffer.byteLength(pending.slice(atChar, p), 'utf8');
        atChar = p;
        return atByte;
      };
      let p = start;
      let line = lineNo;
      let done = 0; // pending[0, done) is finished
      const rows = new RowFinder(pending);
      /** A data row's entry in the index: its block, its part (claim and member nodes). */
      const dataRow = (cn: number, mn: number, next: number, ends: boolean, breaks: number): void => {
        let node = cn >= 0 ? cn : mn >= 0 ? mn : newNode();
        if (cn >= 0 && mn >= 0) {
          const a = findRoot(parent.values, cn);
          const b = findRoot(parent.values, mn);
          if (a !== b) parent.values[a] = b;
          node = b;
        }
        index.node.push(node);
        index.charStart.push(blockChar);
        index.byteStart.push(blockByte);
        index.line.push(blockLine);
        index.ends.push(ends ? 1 : 0);
        blockChar = pendingChar + next;
        blockByte = byteAt(next);
        blockLine = line + breaks;
      };
      while (p < pending.length) {
        if (headerSeen) {
          // The usual row: no quote, not a comment. Read only its claim and member cells.
          const lineEnd = rows.lineEnd(p);
          if (rows.nextQuote(p) > lineEnd && pending.charCodeAt(p) !== 0x23) {
            const next = rows.after(lineEnd);
            if (!eof && next >= pending.length) break;
            const breaks = next > lineEnd ? 1 : 0;
            if (!rows.blank(p, lineEnd)) {
              rows.ids(p, lineEnd, claimCol, memberCol, claims, members);
              dataRow(rows.claimNode, rows.memberNode, next, next > lineEnd, breaks);
            }
            line += breaks;
            p = next;
            done = next;
            continue;
          }
        }
        const r = scanner.scanRow(p);
        const next = table.rowNext[r];
        const issues = table.issues.get(r);
        // A row reaching the end of the text may continue in the next chunk (a CRLF or a quoted
        // cell split by it): read it again with more text. An unclosed quote: the same.
        if (!eof && (next >= pending.length || issues?.some((i) => i.kind === 'unclosed-quote'))) break;
        if (issues?.some((i) => i.kind === 'unclosed-quote')) return undefined;
        // A row without quoted cells is one physical line (plus its line end).
        const breaks = hasQuotedCell(table, r) ? lineBreaks(pending, p, next) : next > table.rowEnd[r] ? 1 : 0;
        const kind = table.kindOf(r);
        if (kind === 'data' && !headerSeen) {
          headerSeen = true;
          expectedCells = scanner.expectedCells = table.rowCells[r];
          const cells = table.row(r).cells;
          cells.forEach((cell, i) => {
            const name = fieldOf(cell.text.trim());
            if (name === 'claim_id' && claimCol < 0) claimCol = i;
            if (name === 'member_id' && memberCol < 0) memberCol = i;
          });
          index.header = pending.slice(p, next);
          index.prefix = pending.slice(0, next);
          if (pendingChar !== 0) return undefined; // the header is in the first chunk, always in practice
          blockChar = pendingChar + next;
          blockByte = byteAt(next);
          blockLine = line + breaks;
        } else if (kind === 'data') {
          const firstCell = table.rowFirstCell[r];
          const count = table.rowCells[r];
          const cn = claimCol >= 0 && claimCol < count ? claims.of(table, firstCell + claimCol) : -1;
          const mn = memberCol >= 0 && memberCol < count ? members.of(table, firstCell + memberCol) : -1;
          dataRow(cn, mn, next, next > table.rowEnd[r], breaks);
        } else if (!headerSeen) {
          // Rows before the header belong to no block.
          blockChar = pendingChar + next;
          blockByte = byteAt(next);
          blockLine = line + breaks;
        }
        line += breaks;
        p = next;
        done = next;
      }
      first = false;
      if (done > 0) {
        const doneByte = byteAt(done);
        pending = pending.slice(done);
        pendingChar += done;
        pendingByte = doneByte;
        lineNo = line;
      }
      if (eof && pending.length > 0) return undefined; // text the scanner did not finish: be safe
      yield;
    }
    if (!headerSeen) return undefined;
    index.ascii = ascii;
    // The end of the last block.
    index.charStart.push(blockChar);
    index.byteStart.push(blockByte);
    return index;
  } finally {
    fs.closeSync(fd);
  }
}

/** 1-based line:column of `offset`, counting from `from`, a line start that is the file's
 *  0-based line `line` (as LineIndex counts: \n, \r\n and a lone \r end a line). */
export function lineColIn(text: string, from: number, line: number, offset: number): { line: number; column: number } {
  let start = from;
  let n = line;
  for (let i = from; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      n++;
      start = i + 1;
    }
  }
  return { line: n + 1, column: offset - start + 1 };
}

/** Reads byte ranges of the file as text (`ascii`: the file is, so latin1 decodes it). */
function readRanges(fd: number, ranges: ReadonlyArray<readonly [number, number]>, ascii: boolean): string[] {
  const out: string[] = [];
  for (const [from, to] of ranges) {
    const b = Buffer.allocUnsafe(to - from);
    let got = 0;
    while (got < b.length) {
      const n = fs.readSync(fd, b, got, b.length - got, from + got);
      if (n === 0) break;
      got += n;
    }
    out.push(b.toString(ascii ? 'latin1' : 'utf8', 0, got));
  }
  return out;
}

export function locatedFrom(
  f: import('../rules/types').Finding, start: number, end: number, s: { line: number; column: number }, e: { line: number; column: number },
  fixes = true, here: (span: Span) => { start: LineCol; end: LineCol } | undefined = () => undefined,
): LocatedFinding {
  return {
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
}

/**
 * What a batch makes of each finding, in the thread that linted it: the text report's line; the
 * JSON report's entry after a comma (jsonOfFinding: the first entry of a list drops the comma);
 * the SARIF result after a comma (sarifOfFinding, the same way); or the LocatedFinding as one
 * line of JSON (checkCsvInParts parses it back).
 */
export type FindingForm = 'text' | 'json' | 'sarif' | 'data';

/** Whether a form shows fixes (the others need not make them: engine.ts makes them on demand). */
export const showsFixes = (form: FindingForm): boolean => form === 'json' || form === 'data';
/** Whether a form shows places in the same file besides the finding's own (text shows only other files'). */
export const showsPlaces = (form: FindingForm): boolean => form !== 'text';

/** The SARIF artifact URI of the file being formatted (one per thread, worked out once). */
let sarifUri: { path: string; uri: string } | undefined;
function sarifUriOf(path: string): string {
  if (sarifUri?.path !== path) sarifUri = { path, uri: artifactUri(path) };
  return sarifUri.uri;
}

/** A finding as a batch hands it on: its text, and what ordering and counting need. */
export interface FormattedFinding {
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
  readonly text: string;
}

/** What linting the batches needs: everything is plain data, so a worker thread can take it. */
export interface BatchPlan {
  readonly path: string;
  readonly options: LintOptions;
  readonly form: FindingForm;
  /** The file is ASCII. */
  readonly ascii: boolean;
  /** The header row with a line end. */
  readonly header: string;
  readonly charStart: Float64Array;
  readonly byteStart: Float64Array;
  readonly line: Int32Array;
  readonly ends: Int32Array;
  /** Rows batch by batch (batch b: order[batchStart[b]] .. order[batchStart[b + 1] - 1]), in file order. */
  readonly order: Int32Array;
  readonly batchStart: Int32Array;
  /** --fix (csv-parts-fix.ts): each batch also places the findings of its fixed text, in `form`'s
   *  terms, for the report of the file as written. */
  readonly reportFixed?: boolean;
}

export function formatted(form: FindingForm, path: string, f: LocatedFinding): FormattedFinding {
  const text = form === 'text' ? textOfFinding(path, f)
    : form === 'json' ? jsonOfFinding(findingJson(f), false)
      : form === 'sarif' ? sarifOfFinding(f, sarifUriOf(path))
        : `${JSON.stringify(f)}\n`;
  return { start: f.start, end: f.end, severity: f.severity, text };
}

/** One batch as a small document: the header, then its rows' blocks in file order. */
export interface BatchText {
  readonly text: string;
  /** Per block: its row (index into the plan's columns), where it starts in `text` and in the
   *  file (chars), and the file's 0-based line it starts on. */
  readonly rows: readonly number[];
  readonly synStart: readonly number[];
  readonly fileStart: readonly number[];
  readonly fileLine: readonly number[];
}

/**
 * Read batch b's blocks from the file after the header. `eolAfterLast`: give the file's last row
 * a line end when it has none (checking does, as it always has; fixing does not, so that the
 * block is the file's text: that row is always its batch's last block, rows being in file order).
 */
export function readBatch(plan: BatchPlan, fd: number, b: number, eolAfterLast = true): BatchText {
  const { charStart, byteStart, order, batchStart } = plan;
  // This batch's rows, in file order; adjacent blocks read as one range.
  const ranges: Array<{ from: number; to: number; rows: number[] }> = [];
  for (let j = batchStart[b]; j < batchStart[b + 1]; j++) {
    const i = order[j];
    const last = ranges[ranges.length - 1];
    if (last && last.to === byteStart[i]) {
      last.to = byteStart[i + 1];
      last.rows.push(i);
    } else {
      ranges.push({ from: byteStart[i], to: byteStart[i + 1], rows: [i] });
    }
  }
  const texts = readRanges(fd, ranges.map((r) => [r.from, r.to] as const), plan.ascii);
  // The batch's text: the header, then the blocks; where each block sits in it and in the file.
  const parts: string[] = [plan.header];
  let length = plan.header.length;
  const rows: number[] = [];
  const synStart: number[] = [];
  const fileStart: number[] = [];
  const fileLine: number[] = [];
  ranges.forEach((range, k) => {
    let at = 0;
    for (const i of range.rows) {
      const len = charStart[i + 1] - charStart[i];
      const block = texts[k].slice(at, at + len);
      at += len;
      rows.push(i);
      synStart.push(length);
      fileStart.push(charStart[i]);
      fileLine.push(plan.line[i]);
      const piece = plan.ends[i] || !eolAfterLast ? block : `${block}\n`;
      parts.push(piece);
      length += piece.length;
    }
  });
  return { text: parts.join(''), rows, synStart, fileStart, fileLine };
}

/** Each batch of a plan in turn, read from the file (kept open until the last, or until the
 *  caller stops early). */
export function* eachBatch(plan: BatchPlan): Generator<BatchText> {
  const fd = fs.openSync(plan.path, 'r');
  try {
    for (let b = 0; b + 1 < plan.batchStart.length; b++) yield readBatch(plan, fd, b);
  } finally {
    fs.closeSync(fd);
  }
}

/** The block of a batch holding a batch offset (at or after the first block). */
export function blockOf(batch: BatchText, offset: number): number {
  return Math.max(0, upperBound(batch.synStart, offset) - 1);
}

/** 1-based line:column in the file of a batch offset in block `block`. */
export function lineColInFile(batch: BatchText, block: number, offset: number): LineCol {
  return lineColIn(batch.text, batch.synStart[block], batch.fileLine[block], offset);
}

/** Lint one batch: its rows' blocks read from the file after the header, findings in file terms. */
function lintBatch(plan: BatchPlan, fd: number, b: number): FormattedFinding[] {
  const batch = readBatch(plan, fd, b);
  const { text, synStart, fileStart } = batch;
  const out: FormattedFinding[] = [];
  const fixes = showsFixes(plan.form);
  const lineCol = (block: number, offset: number): LineCol => lineColInFile(batch, block, offset);
  // A related place in this file is a line of the batch (a rule relates lines of one part).
  // The text report names only other files' places (report-text.ts): it need not locate this one's.
  const noPlace = (): undefined => undefined;
  const places = showsPlaces(plan.form);
  const here = (span: Span): { start: LineCol; end: LineCol } | undefined => {
    if (synStart.length === 0 || span.start < synStart[0]) return undefined;
    const b = blockOf(batch, span.start);
    return { start: lineCol(b, span.start), end: lineCol(b, span.end) };
  };
  for (const f of lintBatchText(text, plan.options).result.findings) {
    if (f.lineIndex === undefined) continue; // the header's: reported from the header alone
    // The block holding the finding (the finding's line's block).
    const lo = blockOf(batch, f.span.start);
    const shift = fileStart[lo] - synStart[lo];
    out.push(formatted(plan.form, plan.path, locatedFrom(f, f.span.start + shift, f.span.end + shift,
      lineCol(lo, f.span.start), lineCol(lo, f.span.end), fixes, places ? here : noPlace)));
  }
  return out;
}

/** Work on one batch of a plan, run on either thread. The helper thread is told its name and
 *  module (a function cannot be posted to a thread): jobs are defined when their module loads.
 *  The helper runs the CLI bundle, which holds them all; run from the compiled modules (tests),
 *  it loads the job's module first. */
export type BatchJob<R> = (plan: BatchPlan, fd: number, b: number) => R;
const JOBS = new Map<string, { run: BatchJob<unknown>; module: string }>([['lint', { run: lintBatch, module: __filename }]]);

/** Make a job known by `name`, from its module (`module`: that module's __filename). */
export function defineBatchJob<R>(name: string, run: BatchJob<R>, module: string): void {
  JOBS.set(name, { run, module });
}

/** The job called `name`, loading `module` first when it is not known yet (a helper thread). */
function jobNamed(name: string, module?: string): BatchJob<unknown> {
  if (!JOBS.has(name) && module) require(module);
  const job = JOBS.get(name);
  if (!job) throw new Error(`no batch job "${name}"`);
  return job.run;
}

// Shared counters of a run with a helper thread: [next batch to take, helper finished, batches the helper completed].
const NEXT = 0;
const HELPER_DONE = 1;
const HELPER_BATCHES = 2;
/** A helper that shows no progress for this long is given up on (its batches are done here). */
const HELPER_SILENCE_MS = 15_000;

const HELPER_YOUNG_MB = 48;

/** Batches worth a helper thread: below this the thread's start-up costs more than it saves. */
const MIN_BATCHES_FOR_HELPER = 40;

/** Files this big get their helper thread before the first pass, so that the thread loads the
 *  engine while this one reads the file (a smaller file starts one after, if it has enough batches). */
const EARLY_HELPER_BYTES = 4 << 20;

/** A worker thread that lints batches too, taking them from a shared counter. It waits on its
 *  port for the plan (serveBatches), so it can start before the plan is known. */
export class Helper {
  private constructor(readonly worker: Worker, readonly port: MessagePort, readonly shared: Int32Array) {}

  /** A helper, on a machine with more than one core (and when a thread can start). */
  static start(): Helper | undefined {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    if (cores <= 1) return undefined;
    try {
      const { port1, port2 } = new MessageChannel();
      const shared = new Int32Array(new SharedArrayBuffer(3 * 4));
      const worker = new Worker(__filename, {
        workerData: { csvParts: true, shared, port: port2 },
        transferList: [port2],
        // Each batch is garbage once linted: a young generation that holds a few batches means
        // far fewer scavenges copying the batch in progress.
        resourceLimits: { maxYoungGenerationSizeMb: HELPER_YOUNG_MB },
      });
      worker.unref();
      // A helper that fails leaves its batches to this thread (runBatches): not a crash of the check.
      worker.on('error', () => undefined);
      return new Helper(worker, port1, shared);
    } catch {
      return undefined; // no thread: all batches here
    }
  }

  serve(plan: BatchPlan, job: string): void {
    this.port.postMessage({ plan, job, module: JOBS.get(job)?.module });
  }

  stop(): void {
    void this.worker.terminate();
    this.port.close();
  }
}

/** A helper thread started before the first pass for a file big enough (EARLY_HELPER_BYTES) and
 *  with no workspace lines to hand it (runBatches takes it, or the caller stops it). */
export function earlyHelper(path: string, options: LintOptions): Helper | undefined {
  return !hasWorkspaceLines(options) && fs.statSync(path).size >= EARLY_HELPER_BYTES ? Helper.start() : undefined;
}

/**
 * Run `job` (a name: defineBatchJob) on every batch, handing each batch's result to `done` as
 * soon as it has it (in the order batches finish); `done` answers false to stop there (the
 * batches not done yet are not). `started` (or, when the plan has enough batches, a helper
 * started now) takes batches too: its results are taken after each batch done here, and at the
 * end this thread waits for it synchronously (the CLI is synchronous); whatever the helper did
 * not finish is done here. The helper is stopped before this returns. Answers how many results
 * came from the helper.
 */
export function runBatches<R>(plan: BatchPlan, job: string, done: (batch: number, result: R) => boolean | void, started?: Helper): { byHelper: number } {
  const run = jobNamed(job) as BatchJob<R>;
  const count = plan.batchStart.length - 1;
  const finished = new Uint8Array(count);
  let stopped = false;
  const finish = (batch: number, result: R): void => {
    if (finished[batch] || stopped) return;
    finished[batch] = 1;
    if (done(batch, result) === false) stopped = true;
  };
  // Workspace lines from other files do not go to a thread.
  const worthIt = count >= MIN_BATCHES_FOR_HELPER && !hasWorkspaceLines(plan.options);
  if (started && !worthIt) started.stop();
  const helper = worthIt ? started ?? Helper.start() : undefined;
  helper?.serve(plan, job);
  const shared = helper?.shared ?? new Int32Array(3);
  let byHelper = 0;
  const take = (msg: { batch: number; result: R } | undefined): void => {
    if (!msg) return;
    byHelper++;
    finish(msg.batch, msg.result);
  };
  const fd = fs.openSync(plan.path, 'r');
  try {
    for (let b = Atomics.add(shared, NEXT, 1); b < count && !stopped; b = Atomics.add(shared, NEXT, 1)) {
      finish(b, run(plan, fd, b));
      if (helper) for (let m = receiveMessageOnPort(helper.port); m; m = receiveMessageOnPort(helper.port)) take(m.message);
    }
    if (helper && !stopped) {
      // Wait for the helper's last batches; give up on it when it stops making progress.
      let seen = -1;
      let quietSince = Date.now();
      while (Atomics.load(shared, HELPER_DONE) === 0 && !stopped) {
        Atomics.wait(shared, HELPER_DONE, 0, 200);
        const doneByHelper = Atomics.load(shared, HELPER_BATCHES);
        if (doneByHelper !== seen) {
          seen = doneByHelper;
          quietSince = Date.now();
        } else if (Date.now() - quietSince > HELPER_SILENCE_MS) {
          break;
        }
        for (let m = receiveMessageOnPort(helper.port); m; m = receiveMessageOnPort(helper.port)) take(m.message);
      }
      for (let m = receiveMessageOnPort(helper.port); m; m = receiveMessageOnPort(helper.port)) take(m.message);
    }
    for (let b = 0; b < count && !stopped; b++) if (!finished[b]) finish(b, run(plan, fd, b));
  } finally {
    helper?.stop();
    fs.closeSync(fd);
  }
  return { byHelper };
}

/** The helper thread: take batches from the shared counter until none is left. */
function serveBatches(data: { plan: BatchPlan; job: string; module?: string; shared: Int32Array; port: MessagePort }): void {
  const { plan, shared, port } = data;
  const count = plan.batchStart.length - 1;
  let fd: number | undefined;
  try {
    // Inside the try: a helper that cannot run the job says it is done (its batches are done there).
    const run = jobNamed(data.job, data.module);
    fd = fs.openSync(plan.path, 'r');
    for (let b = Atomics.add(shared, NEXT, 1); b < count; b = Atomics.add(shared, NEXT, 1)) {
      port.postMessage({ batch: b, result: run(plan, fd, b) });
      Atomics.add(shared, HELPER_BATCHES, 1);
    }
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    Atomics.store(shared, HELPER_DONE, 1);
    Atomics.notify(shared, HELPER_DONE);
    port.close();
  }
}

if (!isMainThread && (workerData as { csvParts?: boolean } | null)?.csvParts) {
  const { shared, port } = workerData as { shared: Int32Array; port: MessagePort };
  port.once('message', (m: { plan: BatchPlan; job: string; module?: string }) => serveBatches({ ...m, shared, port }));
}

/**
 * The first pass (the row index) and the batches of whole parts, in the order of their first rows,
 * each batch's rows in file order; undefined when the file must be checked the plain way (an
 * unclosed quote, no header).
 */
export function planParts(path: string, options: LintOptions, form: FindingForm, batchLines: number): { index: RowIndex; plan: BatchPlan } | undefined {
  return runToEnd(planPartsSteps(path, options, form, batchLines));
}

/** planParts, yielding after each chunk of the first pass. */
export function* planPartsSteps(path: string, options: LintOptions, form: FindingForm, batchLines: number): Generator<void, { index: RowIndex; plan: BatchPlan } | undefined> {
  const index = yield* indexRows(path);
  if (!index) return undefined;
  const rows = index.node.length;
  const parent = index.parent.values;
  const part = new Int32Array(rows);
  for (let i = 0; i < rows; i++) part[i] = findRoot(parent, index.node.values[i]);

  // Batches of whole parts, in the order of their first rows; then each batch's rows in file
  // order (a counting sort by batch).
  const { batchOf, sizes } = batchParts(part, parent.length, batchLines);
  const batchStart = new Int32Array(sizes.length + 1);
  for (let b = 0; b < sizes.length; b++) batchStart[b + 1] = batchStart[b] + sizes[b];
  const order = sharedLike(new Int32Array(0), rows);
  const fill = batchStart.slice(0, sizes.length);
  for (let i = 0; i < rows; i++) order[fill[batchOf[i]]++] = i;

  const plan: BatchPlan = {
    path,
    options,
    form,
    ascii: index.ascii,
    header: index.header.endsWith('\n') || index.header.endsWith('\r') ? index.header : `${index.header}\n`,
    charStart: index.charStart.values.subarray(0, rows + 1),
    byteStart: index.byteStart.values.subarray(0, rows + 1),
    line: index.line.values.subarray(0, rows),
    ends: index.ends.values.subarray(0, rows),
    order,
    batchStart,
  };
  return { index, plan };
}


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
): boolean {
  // A big file's helper thread loads the engine while this thread reads the file (runBatches
  // stops it once handed over; until then, the finally below does).
  let helper = earlyHelper(file.path, options);
  try {
    const planned = planParts(file.path, options, form, batchLines);
    if (!planned) return false;
    const { index, plan } = planned;
    const { order, batchStart } = plan;
    const count = batchStart.length - 1;

    const early = handlers.early;
    const started = helper;
    helper = undefined;
    const ok = spooled(file, options, form, index.prefix, handlers.done, (add, spool) => {
      // Batches finish out of order (two threads); at one place, findings keep the order of their
      // batches, as in a lint of the whole file.
      const finished = new Uint8Array(count);
      let next = 0; // the first batch not yet done
      runBatches<FormattedFinding[]>(plan, 'lint', (batch, findings) => {
        for (const f of findings) add(batch, f);
        finished[batch] = 1;
        while (next < count && finished[next]) next++;
        // Every finding of the batches still to come starts at or after their first block.
        if (early) spool.takeBefore(next < count ? plan.charStart[order[batchStart[next]]] : Infinity, early);
      }, started);
    });
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
  fill: (add: (batch: number, f: FormattedFinding) => void, spool: OrderedSpool) => void,
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
    for (const f of lintText(prefix, 'csv', options).findings) {
      add(-1, formatted(form, file.path, locatedFrom(f, f.span.start, f.span.end, prefixLines.at(f.span.start), prefixLines.at(f.span.end), showsFixes(form),
        (span) => prefixLines.range(span))));
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
export function checkCsvInParts(file: ClaimFile, options: LintOptions, batchLines = BATCH_LINES): FileResult | undefined {
  const pieces: string[] = [];
  if (!streamCsvInParts(file, options, 'data', { done: (result) => result.rest((text) => pieces.push(text)) }, batchLines)) return undefined;
  const findings = pieces.join('').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as LocatedFinding);
  return { path: file.path, format: file.format, findings, fixed: 0 };
}
