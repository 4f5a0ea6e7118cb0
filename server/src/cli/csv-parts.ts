// Checking a big CSV file without holding it: the file is read twice, in chunks. The first pass
// keeps only an index of its rows (where each starts, its claim and member), from which the
// lines are grouped into parts that no rule looks across: a part is closed under "same claim"
// and "same member" (every rule's finding about a line depends only on the line, its claim's
// lines and its member's lines; rules.md, RuleMeta.scope). The second pass reads one batch of
// parts at a time (header + their rows, with the comment rows above each), lints it as a small
// document and maps the findings back to the file's offsets, lines and columns. The findings are
// those of linting the whole file (test/cli/csv-parts.test.ts), at the memory of one batch.
import * as fs from 'fs';
import { StringDecoder } from 'string_decoder';
import { isAscii } from 'buffer';
import { lintText } from '../engine';
import { fieldOf } from '../parse/fields';
import { CsvScanner, CsvTable } from '../parse/csv-tokenizer';
import type { LintOptions } from '../rules/types';
import type { FileResult, LocatedFinding } from './check';
import type { ClaimFile } from './files';
import { LineIndex } from './line-index';

/** Lines linted together: small enough to keep memory flat, big enough to keep overhead low. */
const BATCH_LINES = 5_000;
const CHUNK_BYTES = 4 << 20;
/** A row still open after this much text (an unclosed quote): check the file the plain way. */
const MAX_CARRY = 32 << 20;

/** Growable Int32 / Float64 columns. */
class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public values: T) {}
  push(v: number): void {
    if (this.length === this.values.length) {
      const next = new (this.values.constructor as { new (n: number): T })(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[this.length++] = v;
  }
}

/** What the first pass keeps of each data row. */
interface RowIndex {
  /** The header row's text, with its line end (the header row only, no rows before it). */
  header: string;
  /** File text up to the end of the header row (its offsets are the file's). */
  prefix: string;
  /** Per data row: its block (the comment and blank rows above it, then the row with its line
   *  end) as char and byte offsets in the file, and the 0-based line its block starts on. */
  charStart: Column<Float64Array>;
  charEnd: Column<Float64Array>;
  byteStart: Column<Float64Array>;
  byteEnd: Column<Float64Array>;
  line: Column<Float64Array>;
  /** Whether the row ends with a line end (only the file's last row may not). */
  ends: Column<Int32Array>;
  /** Per data row: its part (a union-find root, resolved after the pass). */
  node: Column<Int32Array>;
  parent: Column<Int32Array>;
}

function find(parent: Int32Array, x: number): number {
  let r = x;
  while (parent[r] !== r) r = parent[r];
  while (parent[x] !== r) {
    const next = parent[x];
    parent[x] = r;
    x = next;
  }
  return r;
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
    const s = table.cellStart[c];
    const e = table.cellEnd[c];
    const text = table.text;
    const raw = this.lastRaw;
    if (raw !== undefined && table.cellFlags[c] === 0 && raw.length === e - s) {
      let same = true;
      for (let i = 0; i < raw.length && same; i++) same = raw.charCodeAt(i) === text.charCodeAt(s + i);
      if (same) return this.lastNode;
    }
    const id = idText(table, c);
    let node = -1;
    if (id !== '') {
      const known = this.nodes.get(id);
      node = known ?? this.newNode();
      if (known === undefined) this.nodes.set(id, node);
    }
    // Only an unquoted cell's raw text can be compared in place next time.
    this.lastRaw = table.cellFlags[c] === 0 ? text.slice(s, e) : undefined;
    this.lastNode = node;
    return node;
  }
}

function hasQuotedCell(table: CsvTable, r: number): boolean {
  const first = table.rowFirstCell[r];
  for (let c = first; c < first + table.rowCells[r]; c++) if (table.isQuoted(c)) return true;
  return false;
}

/** Line breaks (\n, \r\n, lone \r) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && (i + 1 >= text.length || text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** First pass: the row index, or undefined when the file must be checked the plain way. */
function indexRows(path: string): RowIndex | undefined {
  const fd = fs.openSync(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    const f64 = (): Column<Float64Array> => new Column(new Float64Array(1 << 16));
    const i32 = (): Column<Int32Array> => new Column(new Int32Array(1 << 16));
    const index: RowIndex = {
      header: '', prefix: '', charStart: f64(), charEnd: f64(), byteStart: f64(), byteEnd: f64(), line: f64(), ends: i32(),
      node: i32(), parent: i32(),
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
    let blockChar = 0; // where the next data row's block starts (file char offset)
    let blockByte = 0;
    let blockLine = 0;
    let eof = false;
    while (!eof) {
      const n = fs.readSync(fd, buf, 0, CHUNK_BYTES, null);
      eof = n === 0;
      const bytes = buf.subarray(0, n);
      if (n > 0 && ascii && !isAscii(bytes)) ascii = false;
      pending += eof ? decoder.end() : decoder.write(bytes);
      if (pending.length > MAX_CARRY) return undefined;
      const start = first ? CsvScanner.start(pending) : 0;
      const scanner = new CsvScanner(pending);
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
      while (p < pending.length) {
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
          let node = cn >= 0 ? cn : mn >= 0 ? mn : newNode();
          if (cn >= 0 && mn >= 0) {
            const a = find(parent.values, cn);
            const b = find(parent.values, mn);
            if (a !== b) parent.values[a] = b;
            node = b;
          }
          index.node.push(node);
          index.charStart.push(blockChar);
          index.byteStart.push(blockByte);
          index.line.push(blockLine);
          blockChar = pendingChar + next;
          blockByte = byteAt(next);
          blockLine = line + breaks;
          index.charEnd.push(blockChar);
          index.byteEnd.push(blockByte);
          index.ends.push(next > table.rowEnd[r] ? 1 : 0);
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
    }
    if (!headerSeen) return undefined;
    return index;
  } finally {
    fs.closeSync(fd);
  }
}

/** 1-based line:column of `offset`, counting from `from`, a line start that is the file's
 *  0-based line `line` (as LineIndex counts: \n, \r\n and a lone \r end a line). */
function lineColIn(text: string, from: number, line: number, offset: number): { line: number; column: number } {
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

/** Reads byte ranges of the file, joined as text. */
function readRanges(fd: number, ranges: ReadonlyArray<readonly [number, number]>): string[] {
  const out: string[] = [];
  for (const [from, to] of ranges) {
    const b = Buffer.allocUnsafe(to - from);
    let got = 0;
    while (got < b.length) {
      const n = fs.readSync(fd, b, got, b.length - got, from + got);
      if (n === 0) break;
      got += n;
    }
    out.push(b.toString('utf8', 0, got));
  }
  return out;
}

function locatedFrom(
  f: import('../rules/types').Finding, start: number, end: number, s: { line: number; column: number }, e: { line: number; column: number },
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
    fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe })),
  };
}

/**
 * The findings of a CSV claim file, read in parts (see the top of this file); undefined when
 * the file must be checked the plain way (an unclosed quote, no header). Same result as
 * checkFile without --fix.
 */
export function checkCsvInParts(file: ClaimFile, options: LintOptions, batchLines = BATCH_LINES): FileResult | undefined {
  const index = indexRows(file.path);
  if (!index) return undefined;
  const rows = index.node.length;
  const parent = index.parent.values;
  const part = new Int32Array(rows);
  for (let i = 0; i < rows; i++) part[i] = find(parent, index.node.values[i]);

  // The header's own findings (missing columns, quotes in it), from the text before the data.
  const located: LocatedFinding[] = [];
  const prefixLines = new LineIndex(index.prefix);
  for (const f of lintText(index.prefix, 'csv', options).findings) {
    located.push(locatedFrom(f, f.span.start, f.span.end, prefixLines.at(f.span.start), prefixLines.at(f.span.end)));
  }

  // Batches of whole parts, in the order of their first rows; then each batch's rows in file
  // order (a counting sort by batch).
  const nodes = parent.length;
  const partSize = new Int32Array(nodes);
  for (let i = 0; i < rows; i++) partSize[part[i]]++;
  const batchOfPart = new Int32Array(nodes).fill(-1);
  const sizes: number[] = [];
  for (let i = 0; i < rows; i++) {
    const q = part[i];
    if (batchOfPart[q] >= 0) continue;
    const b = sizes.length > 0 && sizes[sizes.length - 1] + partSize[q] <= batchLines ? sizes.length - 1 : sizes.push(0) - 1;
    sizes[b] += partSize[q];
    batchOfPart[q] = b;
  }
  const batchStart = new Int32Array(sizes.length + 1);
  for (let b = 0; b < sizes.length; b++) batchStart[b + 1] = batchStart[b] + sizes[b];
  const order = new Int32Array(rows);
  const fill = batchStart.slice(0, sizes.length);
  for (let i = 0; i < rows; i++) order[fill[batchOfPart[part[i]]]++] = i;

  const header = index.header.endsWith('\n') || index.header.endsWith('\r') ? index.header : `${index.header}\n`;
  const fd = fs.openSync(file.path, 'r');
  try {
    for (let b = 0; b < sizes.length; b++) {
      // This batch's rows, in file order; adjacent blocks read as one range.
      const ranges: Array<{ from: number; to: number; rows: number[] }> = [];
      for (let j = batchStart[b]; j < batchStart[b + 1]; j++) {
        const i = order[j];
        const last = ranges[ranges.length - 1];
        if (last && last.to === index.byteStart.values[i]) {
          last.to = index.byteEnd.values[i];
          last.rows.push(i);
        } else {
          ranges.push({ from: index.byteStart.values[i], to: index.byteEnd.values[i], rows: [i] });
        }
      }
      const texts = readRanges(fd, ranges.map((r) => [r.from, r.to] as const));
      // The batch's text: the header, then the blocks; where each block sits in it and in the file.
      const parts: string[] = [header];
      let length = header.length;
      const synStart: number[] = [];
      const fileStart: number[] = [];
      const fileLine: number[] = [];
      ranges.forEach((range, k) => {
        let at = 0;
        for (const i of range.rows) {
          const len = index.charEnd.values[i] - index.charStart.values[i];
          const block = texts[k].slice(at, at + len);
          at += len;
          synStart.push(length);
          fileStart.push(index.charStart.values[i]);
          fileLine.push(index.line.values[i]);
          const piece = index.ends.values[i] ? block : `${block}\n`;
          parts.push(piece);
          length += piece.length;
        }
      });
      const text = parts.join('');
      const { findings } = lintText(text, 'csv', options);
      for (const f of findings) {
        if (f.lineIndex === undefined) continue; // the header's, reported above
        // The block holding the finding (the finding's line's block).
        let lo = 0;
        let hi = synStart.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (synStart[mid] <= f.span.start) lo = mid;
          else hi = mid - 1;
        }
        const shift = fileStart[lo] - synStart[lo];
        located.push(locatedFrom(f, f.span.start + shift, f.span.end + shift,
          lineColIn(text, synStart[lo], fileLine[lo], f.span.start), lineColIn(text, synStart[lo], fileLine[lo], f.span.end)));
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  // Document order, as one lint of the file gives it (no two parts share a position).
  located.sort((x, y) => x.start - y.start || x.end - y.end);
  return { path: file.path, format: file.format, findings: located, fixed: 0 };
}
