// The first pass over a big CSV file on disk: an index of its data rows (where each row's block
// starts, in chars, bytes and lines, and the part it belongs to), read in chunks without holding
// the file. A part is closed under "same claim" and "same member": no rule looks across parts
// (rules.md, RuleMeta.scope), so the parts can be linted in batches (plan.ts) with the findings of
// a lint of the whole file.
import * as fs from 'fs';
import { StringDecoder } from 'string_decoder';
import { isAscii } from 'buffer';
import { findRoot } from '../engine-parts';
import { fieldOf } from '../parse/fields';
import { trimmed } from '../parse/ascii';
import { CsvScanner, CsvTable } from '../parse/csv-tokenizer';
import { Column, sharedLike } from './columns';

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
  return trimmed(raw);
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
    const id = trimmed(cell);
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
export function* indexRows(path: string): Generator<void, RowIndex | undefined> {
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
    // Once a chunk is not ASCII: the file's bytes from pendingByte on (those of pending, then any
    // the decoder holds of a character split by the chunk's end).
    let raw: Buffer | undefined;
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
      if (n > 0 && ascii && !isAscii(bytes)) {
        ascii = false;
        raw = Buffer.from(pending, 'latin1'); // the text so far is ASCII: its chars are its bytes
      }
      if (!ascii && n > 0) raw = Buffer.concat([raw!, bytes]); // a copy: buf is read into again
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
      // Byte offsets of pending positions, advanced as rows finish. Each is the start of a row (or
      // of pending, or its end at the end of the file): just after a line break. A line break is
      // one byte, and never part of a sequence the decoder read as one character (valid, or bytes
      // not UTF-8 shown as one U+FFFD, whatever their count): the k-th line break of the text is
      // the k-th CR or LF byte of the file. (The byte length of the text is not: U+FFFD is three
      // bytes, the one Windows-1252 byte it shows was one.)
      // Text without U+FFFD is valid UTF-8: its byte length is exact, and native.
      let atChar = 0;
      let atRaw = 0; // offset in raw of pending[atChar]
      let nextBad = -2; // the next U+FFFD at or after atChar (-1: none; -2: not looked for)
      const byteAt = (p: number): number => {
        if (ascii) return pendingByte + p;
        const bytes = raw!;
        if (nextBad !== -1 && nextBad < atChar) nextBad = pending.indexOf('\uFFFD', atChar);
        if (eof && p === pending.length) {
          atRaw = bytes.length;
        } else if (nextBad < 0 || nextBad >= p) {
          atRaw += Buffer.byteLength(pending.slice(atChar, p), 'utf8');
        } else {
          let breaks = 0;
          for (let i = atChar; i < p; i++) {
            const c = pending.charCodeAt(i);
            if (c === 10 || c === 13) breaks++;
          }
          let b = atRaw;
          while (breaks > 0 && b < bytes.length) {
            const c = bytes[b++];
            if (c === 10 || c === 13) breaks--;
          }
          atRaw = b;
        }
        atChar = p;
        return pendingByte + atRaw;
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
        if (raw) raw = raw.subarray(doneByte - pendingByte);
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
