// RFC 4180 tokenizer that keeps the exact offset range of every cell and row.
//
// Speed matters: it runs on every keystroke over files of 100k rows and must stay well under
// papaparse. So it is hand-written (charCodeAt / cached indexOf, no per-character regex) and
// allocation-light: cell boundaries go into typed arrays (CsvTable); CsvCell objects and cell
// strings are only made when someone asks for them. `scanRow` tokenises one row starting at
// any row boundary, so re-tokenising can later be made incremental (row-level).
import type { CsvCell, CsvRow, LineEnd, Span } from '../model';
import { dominantEol } from './line-end';
import { looksUtf16, replacementRunEnd, UTF16_MESSAGE } from './not-utf8';
import { runToEnd } from '../steps';

const QUOTE = 0x22; // "
const COMMA = 0x2c; // ,
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23; // #
const SPACE = 0x20;
const TAB = 0x09;
const BOM = 0xfeff;

/** What a physical row is: a data row (header included), a `#` comment, or a blank line. */
export type CsvRowKind = 'data' | 'comment' | 'blank';
const KINDS: readonly CsvRowKind[] = ['data', 'comment', 'blank'];
const DATA = 0;
const COMMENT = 1;
const BLANK = 2;

// Cell flags.
const QUOTED = 1;
/** The quoted content holds `""` escapes: its text must be unescaped. */
const ESCAPED = 2;
/** The quote was never closed: the cell runs to the end of its physical line. */
const UNCLOSED = 4;
/** Stray text follows the closing quote (`"abc"def`): kept in the value, see trailingEnd. */
const TRAILING = 8;

/** A problem inside a row, found while tokenising; csv.ts words it with the header's names. */
export interface CsvRowIssue {
  readonly kind: 'unclosed-quote' | 'text-after-quote' | 'not-utf8';
  /** 0-based column index of the cell. */
  readonly column: number;
  /** The opening quote (unclosed), the stray text after the closing quote, or the first run of
   *  U+FFFD (bytes that were not UTF-8, see not-utf8.ts). */
  readonly span: Span;
  /** A not-utf8 issue's message when not NOT_UTF8_MESSAGE (not-utf8.ts: the text looks like UTF-16). */
  readonly message?: string;
}

/** A row as the parsers and fixes see it; `cells` are made on first use. */
export interface TokenizedRow extends CsvRow {
  readonly kind: CsvRowKind;
  /** Index of the row in its CsvTable. */
  readonly index: number;
  /** Offset where the next row starts (after this row's line end). */
  readonly next: number;
  /** Present only when the row has problems. */
  readonly issues?: readonly CsvRowIssue[];
}

function eolText(text: string, end: number, next: number): string {
  if (next === end) return '';
  if (next - end === 2) return '\r\n';
  return text.charCodeAt(end) === CR ? '\r' : '\n';
}

function grow<T extends Int32Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as { new (n: number): T })(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** The rows and cells of a CSV text as offsets in typed arrays (structure of arrays). */
/** Cells longer than this are unescaped through a character buffer (unescapeQuotes). */
const LONG_ESCAPED = 4096;
/** Characters made into a string at a time (String.fromCharCode's arguments). */
const CHARS_AT_A_TIME = 8192;

/**
 * text[s, e) with each `""` read as `"`. A short cell by a regular expression. A long one (a
 * pasted document with thousands of quotes) through a buffer of its characters, made into a
 * string 8K characters at a time: the regular expression's piece per quote made a 5 MB cell take
 * most of a second, mostly in collection. Characters are copied as they are (lone surrogates too).
 */
function unescapeQuotes(text: string, s: number, e: number): string {
  if (e - s < LONG_ESCAPED) return text.slice(s, e).replace(/""/g, '"');
  const chars = new Uint16Array(e - s);
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    chars[n++] = c;
    if (c === 0x22 && i + 1 < e && text.charCodeAt(i + 1) === 0x22) i++;
  }
  const pieces: string[] = [];
  for (let at = 0; at < n; at += CHARS_AT_A_TIME) {
    pieces.push(String.fromCharCode.apply(null, chars.subarray(at, Math.min(n, at + CHARS_AT_A_TIME)) as unknown as number[]));
  }
  return pieces.join('');
}

export class CsvTable {
  /** The text the offsets are of. Re-reading an edit (csv-incremental.ts) updates the table in place. */
  text: string;
  rowCount = 0;
  rowStart: Int32Array;
  rowEnd: Int32Array;
  rowNext: Int32Array;
  rowKind: Uint8Array;
  rowFirstCell: Int32Array;
  rowCells: Int32Array;
  cellCount = 0;
  /** Content range of each cell: inside the quotes when quoted. */
  cellStart: Int32Array;
  cellEnd: Int32Array;
  cellFlags: Uint8Array;
  /** Cell index → end of the stray text after its closing quote (rare). */
  readonly trailingEnd = new Map<number, number>();
  /** Row index → its problems (rare). */
  readonly issues = new Map<number, CsvRowIssue[]>();
  private readonly views: (TokenizedRow | undefined)[] = [];

  /** `rowCapacity` / `cellCapacity`: sizes known in advance (re-tokenising an edited text). */
  constructor(text: string, rowCapacity?: number, cellCapacity?: number) {
    this.text = text;
    const rows = rowCapacity ?? Math.max(16, (text.length >> 6) + 1);
    this.rowStart = new Int32Array(rows);
    this.rowEnd = new Int32Array(rows);
    this.rowNext = new Int32Array(rows);
    this.rowKind = new Uint8Array(rows);
    this.rowFirstCell = new Int32Array(rows);
    this.rowCells = new Int32Array(rows);
    const cells = cellCapacity ?? rows * 8;
    this.cellStart = new Int32Array(cells);
    this.cellEnd = new Int32Array(cells);
    this.cellFlags = new Uint8Array(cells);
  }

  /** Append a row; returns its index. */
  addRow(start: number, end: number, next: number, kind: number, firstCell: number): number {
    const r = this.rowCount++;
    if (r >= this.rowStart.length) {
      const n = r + 1;
      this.rowStart = grow(this.rowStart, n);
      this.rowEnd = grow(this.rowEnd, n);
      this.rowNext = grow(this.rowNext, n);
      this.rowKind = grow(this.rowKind, n);
      this.rowFirstCell = grow(this.rowFirstCell, n);
      this.rowCells = grow(this.rowCells, n);
    }
    this.rowStart[r] = start;
    this.rowEnd[r] = end;
    this.rowNext[r] = next;
    this.rowKind[r] = kind;
    this.rowFirstCell[r] = firstCell;
    this.rowCells[r] = this.cellCount - firstCell;
    return r;
  }

  addCell(start: number, end: number, flags: number): number {
    const c = this.cellCount++;
    if (c >= this.cellStart.length) {
      this.cellStart = grow(this.cellStart, c + 1);
      this.cellEnd = grow(this.cellEnd, c + 1);
      this.cellFlags = grow(this.cellFlags, c + 1);
    }
    this.cellStart[c] = start;
    this.cellEnd[c] = end;
    this.cellFlags[c] = flags;
    return c;
  }

  kindOf(r: number): CsvRowKind {
    return KINDS[this.rowKind[r]];
  }

  /** The cell's unquoted, unescaped text. */
  cellText(c: number): string {
    const s = this.cellStart[c];
    const e = this.cellEnd[c];
    if (s === e && this.cellFlags[c] === 0) return '';
    const flags = this.cellFlags[c];
    let t = flags & ESCAPED ? unescapeQuotes(this.text, s, e) : this.text.slice(s, e);
    if (flags & TRAILING) t += this.text.slice(e + 1, this.trailingEnd.get(c) ?? e + 1);
    return t;
  }

  isQuoted(c: number): boolean {
    return (this.cellFlags[c] & QUOTED) !== 0;
  }

  /** The cell's content range; outer adds the quotes (and stray text after the closing one). */
  cellSpans(c: number): { span: Span; outer: Span } {
    const s = this.cellStart[c];
    const e = this.cellEnd[c];
    const flags = this.cellFlags[c];
    const span = { start: s, end: e };
    if (!(flags & QUOTED)) return { span, outer: span };
    const outerEnd = flags & UNCLOSED ? e : flags & TRAILING ? (this.trailingEnd.get(c) ?? e + 1) : e + 1;
    return { span, outer: { start: s - 1, end: outerEnd } };
  }

  cell(c: number): CsvCell {
    const { span, outer } = this.cellSpans(c);
    return { text: this.cellText(c), span, outer, quoted: this.isQuoted(c) };
  }

  /** The row as an object (made once per row, its cells on first use). */
  row(r: number): TokenizedRow {
    return (this.views[r] ??= new RowView(this, r));
  }

  /** Forget the row objects from row `r` on (their rows moved or changed). */
  forgetRowsFrom(r: number): void {
    if (this.views.length > r) this.views.length = r;
  }
}

class RowView implements TokenizedRow {
  readonly span: Span;
  readonly eol: string;
  readonly kind: CsvRowKind;
  readonly next: number;
  readonly issues?: readonly CsvRowIssue[];
  private made: CsvCell[] | undefined = undefined;

  constructor(private readonly table: CsvTable, readonly index: number) {
    const end = table.rowEnd[index];
    const next = table.rowNext[index];
    this.span = { start: table.rowStart[index], end };
    this.eol = eolText(table.text, end, next);
    this.kind = table.kindOf(index);
    this.next = next;
    this.issues = table.issues.get(index);
  }

  get cells(): readonly CsvCell[] {
    if (!this.made) {
      const first = this.table.rowFirstCell[this.index];
      const n = this.table.rowCells[this.index];
      const cells: CsvCell[] = new Array(n);
      for (let i = 0; i < n; i++) cells[i] = this.table.cell(first + i);
      this.made = cells;
    }
    return this.made;
  }
}

/**
 * Scans rows of one text. It caches the next position of each special character so the scan
 * stays linear even when a character is rare (a file without quotes, or without CRs).
 */
export class CsvScanner {
  readonly text: string;
  readonly table: CsvTable;
  private readonly len: number;
  // Per character (quote, comma, LF, CR, U+FFFD): the next index found (`len` when none) and the
  // position it was searched from. A cached answer is reused for any query between the two,
  // which stays correct when a row is re-read from an earlier offset (recovery after an
  // unclosed quote, incremental use).
  private readonly next = [-1, -1, -1, -1, -1];
  private readonly base = [0, 0, 0, 0, 0];
  /**
   * The header's cell count, once the header is read (0 before). It lets a stray quote be told
   * from a quoted cell: see swallowsRows and unclosedCellEnd. The parsers set it after the header
   * row; every scanner of one text must use the same count to read the same rows.
   */
  expectedCells = 0;

  constructor(text: string, table: CsvTable = new CsvTable(text)) {
    this.text = text;
    this.table = table;
    this.len = text.length;
  }

  /** Offset of the first row: 1 after a UTF-8 BOM (U+FEFF), else 0. */
  static start(text: string): number {
    return text.length > 0 && text.charCodeAt(0) === BOM ? 1 : 0;
  }

  private find(slot: number, ch: string, pos: number): number {
    const cached = this.next[slot];
    if (cached >= pos && this.base[slot] <= pos) return cached;
    const i = this.text.indexOf(ch, pos);
    this.base[slot] = pos;
    return (this.next[slot] = i < 0 ? this.len : i);
  }

  /** End of the physical line containing pos: the next CR or LF (a lone CR ends a line too). */
  private lineEndAt(pos: number): number {
    const lf = this.find(2, '\n', pos);
    const cr = this.find(3, '\r', pos);
    return lf < cr ? lf : cr;
  }

  /** Offset after the line end at pos: +2 for CRLF, +1 for LF or a lone CR, +0 at end of text. */
  private after(pos: number): number {
    if (pos >= this.len) return pos;
    return this.text.charCodeAt(pos) === CR && pos + 1 < this.len && this.text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
  }

  private issue(issues: CsvRowIssue[] | undefined, issue: CsvRowIssue): CsvRowIssue[] {
    (issues ??= []).push(issue);
    return issues;
  }

  /** The row's issues plus its first run of U+FFFD in [start, end), if any (one per row). The
   *  row's cells are [firstCell, table.cellCount). */
  private notUtf8(start: number, end: number, firstCell: number, issues: CsvRowIssue[] | undefined): CsvRowIssue[] | undefined {
    const at = this.find(4, '\uFFFD', start);
    if (at >= end) return issues;
    const table = this.table;
    let column = 0;
    while (firstCell + column + 1 < table.cellCount && table.cellStart[firstCell + column + 1] <= at) column++;
    const span = { start: at, end: replacementRunEnd(this.text, at, end) };
    const issue: CsvRowIssue = looksUtf16(this.text, span.start, span.end) ? { kind: 'not-utf8', column, span, message: UTF16_MESSAGE } : { kind: 'not-utf8', column, span };
    return this.issue(issues, issue);
  }

  /**
   * Does a quoted cell from `from` to its closing quote at `to` (on a later line) hold a line
   * that reads as a whole row (as many commas as the header has separators)? Then the opening
   * quote was a stray one, not a multi-line value: a later stray quote must not turn the rows in
   * between into one cell without a word. A note rarely has 3+ commas per line and a header's
   * worth of them; a header of fewer than 4 cells gives no such clue. Unless the row then ends
   * with the header's cell count (endsWhole): a note of comma-separated readings is a note.
   */
  private swallowsRows(from: number, to: number): boolean {
    const need = this.expectedCells - 1;
    if (need < 3) return false;
    const text = this.text;
    let interior = false; // past the first line break: a whole line of the cell
    let commas = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) {
        interior = true;
        commas = 0;
      } else if (c === COMMA && ++commas >= need && interior) return true;
    }
    return false;
  }

  /**
   * Does the row end with the header's cell count when the quoted cell in `column` closes just
   * before `from`? A multi-line note whose lines read like rows ("BP 120/80, HR 72, …") is then a
   * note after all: the cell closes cleanly and its row has every cell. The rows a stray quote
   * swallows rarely give that count too. Only the rest of the line is read (csv-incremental's
   * quoteSearchEnd relies on it); a quote left open there tells nothing (false).
   */
  private endsWhole(column: number, from: number): boolean {
    if (this.expectedCells === 0) return false;
    const text = this.text;
    let cells = column + 1;
    let quoted = false;
    for (let i = from; i < this.len; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) break;
      if (c === QUOTE) quoted = !quoted;
      else if (c === COMMA && !quoted) cells++;
    }
    return !quoted && cells === this.expectedCells;
  }

  /**
   * Where an unclosed quoted cell (column `column`, content from `from`) ends: at its first comma
   * when the rest of the line then gives the row exactly the header's cell count (the quote was
   * a slip; the cells after it are read and checked), else at the line end.
   */
  private unclosedCellEnd(column: number, from: number, lineEnd: number): number {
    if (this.expectedCells === 0) return lineEnd;
    const text = this.text;
    let first = -1;
    let commas = 0;
    for (let i = from; i < lineEnd; i++) {
      if (text.charCodeAt(i) !== COMMA) continue;
      if (first < 0) first = i;
      if (column + ++commas + 1 > this.expectedCells) return lineEnd;
    }
    return first >= 0 && column + commas + 1 === this.expectedCells ? first : lineEnd;
  }

  /** Tokenise the row starting at `start` (a row boundary, < text.length) into the table;
   *  returns the row's index. The next row starts at table.rowNext[index]. */
  scanRow(start: number): number {
    const text = this.text;
    const len = this.len;
    const table = this.table;
    const firstCell = table.cellCount;
    const lineEnd = this.lineEndAt(start);
    if (text.charCodeAt(start) === HASH) return table.addRow(start, lineEnd, this.after(lineEnd), COMMENT, firstCell);
    if (isBlank(text, start, lineEnd)) return table.addRow(start, lineEnd, this.after(lineEnd), BLANK, firstCell);
    if (this.find(0, '"', start) > lineEnd) {
      // No quote in the row (the usual row): its cells end at its commas. One pass over the
      // characters beats an indexOf call per cell (cells are a few characters long).
      let cellStart = start;
      for (let i = start; i < lineEnd; i++) {
        if (text.charCodeAt(i) === COMMA) {
          table.addCell(cellStart, i, 0);
          cellStart = i + 1;
        }
      }
      table.addCell(cellStart, lineEnd, 0);
      const issues = this.notUtf8(start, lineEnd, firstCell, undefined);
      const r = table.addRow(start, lineEnd, this.after(lineEnd), !issues && allEmpty(table, firstCell) ? BLANK : DATA, firstCell);
      if (issues) table.issues.set(r, issues);
      return r;
    }

    let issues: CsvRowIssue[] | undefined;
    let p = start;
    let end = lineEnd; // the row's end; moves past line ends inside quoted cells
    let column = 0;
    for (;; column++) {
      if (p < len && text.charCodeAt(p) === QUOTE) {
        // Quoted cell: find the closing quote, skipping "" escapes.
        const contentStart = p + 1;
        let q = this.find(0, '"', contentStart);
        let flags = QUOTED;
        while (q + 1 < len && text.charCodeAt(q + 1) === QUOTE) {
          flags |= ESCAPED;
          q = this.find(0, '"', q + 2);
        }
        const lineEndHere = this.lineEndAt(p);
        const afterQuote = q + 1 < len ? text.charCodeAt(q + 1) : -1;
        const wellClosed = q < len && (afterQuote === -1 || afterQuote === COMMA || afterQuote === CR || afterQuote === LF);
        if (q >= len || (q > lineEndHere && (!wellClosed || (this.swallowsRows(contentStart, q) && !this.endsWhole(column, q + 1))))) {
          // Unclosed quote (or its "closing" quote is really another cell's opening quote on a
          // later line, or it would swallow whole rows): the next line is a new row. The cell ends
          // at the line end, or at its first comma when that gives the row the header's cells.
          issues = this.issue(issues, { kind: 'unclosed-quote', column, span: { start: p, end: p + 1 } });
          const cellEnd = this.unclosedCellEnd(column, contentStart, lineEndHere);
          const raw = text.slice(contentStart, cellEnd);
          table.addCell(contentStart, cellEnd, QUOTED | UNCLOSED | (raw.indexOf('""') >= 0 ? ESCAPED : 0));
          end = lineEndHere;
          if (cellEnd < lineEndHere) {
            p = cellEnd + 1; // the rest of the row is read as its own cells, and checked
            continue;
          }
          break;
        }
        let cellEnd = q + 1;
        if (!wellClosed) {
          // `"abc"def`: keep the stray text in the value and report it.
          const comma = this.find(1, ',', cellEnd);
          const eol = this.lineEndAt(cellEnd);
          const stop = comma < eol ? comma : eol;
          issues = this.issue(issues, { kind: 'text-after-quote', column, span: { start: cellEnd, end: stop } });
          flags |= TRAILING;
          table.trailingEnd.set(table.cellCount, stop);
          cellEnd = stop;
        }
        table.addCell(contentStart, q, flags);
        p = cellEnd;
        end = this.lineEndAt(p);
        if (p < len && text.charCodeAt(p) === COMMA) {
          p++;
          continue;
        }
        break; // line end or end of text
      }
      // Unquoted cell: up to the next comma or the line end. A quote inside is kept literally.
      const comma = this.find(1, ',', p);
      if (comma < end) {
        table.addCell(p, comma, 0);
        p = comma + 1;
        continue;
      }
      table.addCell(p, end, 0);
      break;
    }
    issues = this.notUtf8(start, end, firstCell, issues);
    const kind = !issues && allEmpty(table, firstCell) ? BLANK : DATA;
    const r = table.addRow(start, end, this.after(end), kind, firstCell);
    if (issues) table.issues.set(r, issues);
    return r;
  }
}

/** Only spaces/tabs between start and end. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** A row of only separators (`,,,,`, as spreadsheets export trailing rows) counts as blank. */
function allEmpty(table: CsvTable, first: number): boolean {
  for (let c = first; c < table.cellCount; c++) {
    if (table.cellFlags[c] !== 0 || table.cellEnd[c] > table.cellStart[c]) return false;
  }
  return true;
}

export interface TokenizedCsv {
  readonly table: CsvTable;
  readonly bom: boolean;
  /** The dominant line end ('\n' when the file has none). */
  readonly eol: LineEnd;
  /** How many rows end with CRLF, LF and a lone CR (the dominant line end is counted from them). */
  readonly crlf?: number;
  readonly lf?: number;
  readonly cr?: number;
}

/** Tokenise a whole CSV text (data, comment and blank rows), skipping a leading BOM. */
export function tokenizeCsv(text: string): TokenizedCsv {
  return runToEnd(tokenizeCsvSteps(text));
}

/** Rows scanned between two yields of tokenizeCsvSteps (some tens of milliseconds). */
export const STEP_ROWS = 20_000;

/** tokenizeCsv, yielding every STEP_ROWS rows (the server reads a big text between requests). */
export function* tokenizeCsvSteps(text: string): Generator<void, TokenizedCsv> {
  const [rows, cells] = estimateSize(text);
  const scanner = new CsvScanner(text, new CsvTable(text, rows, cells));
  const table = scanner.table;
  const start = CsvScanner.start(text);
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let p = start; p < text.length; ) {
    const r = scanner.scanRow(p);
    if (scanner.expectedCells === 0 && table.rowKind[r] === DATA) scanner.expectedCells = table.rowCells[r]; // the header
    const end = table.rowEnd[r];
    const next = table.rowNext[r];
    if (next - end === 2) crlf++;
    else if (next - end === 1) {
      if (text.charCodeAt(end) === LF) lf++;
      else cr++;
    }
    p = next;
    if (r % STEP_ROWS === STEP_ROWS - 1) yield;
  }
  return { table, bom: start === 1, eol: dominantEol(crlf, lf, cr), crlf, lf, cr };
}

/** Rows and cells of a text, estimated from its first lines (with room to spare): the table's
 *  columns are sized once instead of doubled and copied while a big file is read. */
function estimateSize(text: string): [rows: number, cells: number] {
  let p = 0;
  let lines = 0;
  let commas = 0;
  while (lines < 32 && p < text.length) {
    const lf = text.indexOf('\n', p);
    const end = lf < 0 ? text.length : lf;
    for (let c = text.indexOf(',', p); c >= 0 && c < end; c = text.indexOf(',', c + 1)) commas++;
    lines++;
    p = end + 1;
  }
  const perRow = lines > 0 ? commas / lines + 1 : 1;
  const rows = Math.max(16, Math.ceil(((text.length / Math.max(1, Math.min(p, text.length))) * lines) * 1.1) + 1);
  return [rows, Math.ceil(rows * perRow * 1.1) + 16];
}

/** Every row of a tokenised text as objects (for tests and tools; the parser reads the table). */
export function tokenizedRows(table: CsvTable): TokenizedRow[] {
  const rows: TokenizedRow[] = [];
  for (let r = 0; r < table.rowCount; r++) rows.push(table.row(r));
  return rows;
}
