// The CSV side of a ServiceLine: reading a row's values fast, and the line object whose
// `fields` and `row` are made on demand.
//
// Why this shape: a 100k-row file is parsed on every keystroke and must stay under papaparse.
// Values are read eagerly (every rule reads them) but reuse the previous row's strings and
// values when a cell repeats (claim, member, payer, date, code repeat row after row), which
// avoids most string allocation and GC. Field objects (two per cell) are only made when read.
import type { CsvRow, Field, FieldName, Modifier, ServiceLine, Span } from '../model';
import type { CsvTable } from './csv-tokenizer';
import type { Fields } from './line';
import { parseDate, parseDecimal } from './values';
import { asciiUpper, trimmed } from './ascii';
import { repeatsHeader } from './repeated-header';
import { isMisread } from './comma-split';
import { detach } from '../detach';

const enum Kind { Text, Lower, Upper, Decimal, Date }

/** The value fields of LineValues, in the order CsvValueReader reads them. */
const SLOTS: ReadonlyArray<readonly [FieldName, Kind]> = [
  ['claim_id', Kind.Text], ['member_id', Kind.Text], ['payer', Kind.Lower], ['auth_number', Kind.Text],
  ['dos_from', Kind.Date], ['dos_to', Kind.Date], ['pos', Kind.Text], ['hcpcs', Kind.Upper],
  ['units', Kind.Decimal], ['charge', Kind.Decimal], ['ndc', Kind.Text], ['ndc_unit', Kind.Upper],
  ['ndc_qty', Kind.Decimal], ['wasted_units', Kind.Decimal], ['vial', Kind.Lower], ['frequency', Kind.Lower],
  ['duration_min', Kind.Decimal], ['notes', Kind.Text],
];
const KINDS = Uint8Array.from(SLOTS, ([, kind]) => kind);
const S_CLAIM = 0, S_MEMBER = 1, S_PAYER = 2, S_AUTH = 3, S_FROM = 4, S_TO = 5, S_POS = 6, S_HCPCS = 7,
  S_UNITS = 8, S_CHARGE = 9, S_NDC = 10, S_NDC_UNIT = 11, S_NDC_QTY = 12, S_WASTED = 13, S_VIAL = 14,
  S_FREQ = 15, S_DURATION = 16, S_NOTES = 17;

function derive(raw: string, kind: Kind): string | number | undefined {
  switch (kind) {
    case Kind.Text: return trimmed(raw);
    case Kind.Lower: return trimmed(raw).toLowerCase();
    case Kind.Upper: return asciiUpper(trimmed(raw));
    case Kind.Decimal: return raw.length === 0 ? undefined : parseDecimal(raw);
    case Kind.Date: return raw.length === 0 ? undefined : parseDate(raw);
  }
}

/**
 * The column a row's notes are read from, when the header names notes more than once (a
 * re-export adds a description or drug_name column beside notes): the first of them whose cell
 * in the row is not blank, else the first. Free text, so neither hides the other: a drug name in
 * either is the line's notes (noc-drug-name), as in JSON (json.ts readObject).
 */
export function notesColumnOf(table: CsvTable, first: number, count: number, cols: readonly number[]): number {
  for (const col of cols) {
    if (col >= count) continue;
    const c = first + col;
    for (let i = table.cellStart[c]; i < table.cellEnd[c]; i++) if (table.text.charCodeAt(i) > 0x20) return col;
  }
  return cols[0];
}

/** Reads the LineValues of data rows; keeps, per column, the last raw text and its value. */
/** Whether text[s, e) is `a` (compared in place: no slice). */
function sameText(a: string, text: string, s: number, e: number): boolean {
  if (a.length !== e - s) return false;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== text.charCodeAt(s + i)) return false;
  return true;
}

// A line's values outlive the text they were read from when an edited file is re-read
// (csv-incremental.ts keeps the lines of unchanged rows): they are detached copies (../detach.ts).
const detached = detach;

/** Cells longer than this are not cached (notes and other free text rarely repeat). */
const MAX_CACHED = 24;
/** Cache entries per slot (a power of two). */
const WAYS = 256;

/**
 * The cells cache, one for every reader: an entry is a raw text and the value it derives to
 * (derive() depends on nothing else, and the slot fixes the kind), checked in place before use,
 * so a reader may find another document's entries. Made per reader, its 9,000 entries were
 * allocated and filled again for each 1,000-line batch the CLI reads (an eighth of what reading
 * one allocated).
 */
const CACHE_RAW = new Array<string | undefined>(SLOTS.length * WAYS).fill(undefined);
const CACHE_VALUE = new Array<string | number | undefined>(SLOTS.length * WAYS).fill(undefined);

/**
 * Reads the values of data rows. Per column it caches recent cells (raw text → value), found
 * by a hash of the cell's characters and checked in place with startsWith: a code, NDC, date
 * or payer seen before costs no string allocation and no re-parsing.
 */
export class CsvValueReader {
  private readonly cols: Int32Array;
  /** Per slot, the raw text of the current row's cell ('' when absent), once read. */
  readonly raw: string[];
  /** Per slot, the value of `raw` (when it is not ''). */
  private readonly last: Array<string | number | undefined>;
  private first = 0;
  private count = 0;

  /** `notesCols`: the header's notes columns, when it names notes more than once (notesColumnOf). */
  constructor(private readonly table: CsvTable, columns: Partial<Record<FieldName, number>>, private readonly notesCols?: readonly number[]) {
    this.cols = Int32Array.from(SLOTS, ([name]) => columns[name] ?? -1);
    this.raw = SLOTS.map(() => '');
    this.last = SLOTS.map(() => undefined);
  }

  /** Move to the row whose cells are table cells first .. first + count - 1. */
  at(first: number, count: number): this {
    this.first = first;
    this.count = count;
    return this;
  }

  /** The value of one slot for the current row. */
  read(slot: number): string | number | undefined {
    const kind: Kind = KINDS[slot];
    const col = slot === S_NOTES && this.notesCols ? notesColumnOf(this.table, this.first, this.count, this.notesCols) : this.cols[slot];
    if (col < 0 || col >= this.count) {
      this.raw[slot] = '';
      return kind === Kind.Decimal || kind === Kind.Date ? undefined : '';
    }
    const table = this.table;
    const c = this.first + col;
    const s = table.cellStart[c];
    const e = table.cellEnd[c];
    if (table.cellFlags[c] !== 0 || e - s > MAX_CACHED) {
      // Quoted or long: read it without the cache.
      const raw = detached(table.cellText(c));
      this.raw[slot] = raw;
      return (this.last[slot] = derive(raw, kind));
    }
    if (e === s) {
      this.raw[slot] = '';
      return kind === Kind.Decimal || kind === Kind.Date ? undefined : '';
    }
    const text = table.text;
    // Most cells repeat the row above (claim, member, payer, date, code): compare in place first.
    const prev = this.raw[slot];
    if (prev.length === e - s && prev.length > 0 && sameText(prev, text, s, e)) return this.last[slot];
    let h = 0;
    for (let i = s; i < e; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const at = slot * WAYS + ((h ^ (h >>> 8)) & (WAYS - 1));
    const cached = CACHE_RAW[at];
    if (cached !== undefined && sameText(cached, text, s, e)) {
      this.raw[slot] = cached;
      return (this.last[slot] = CACHE_VALUE[at]);
    }
    const raw = detached(text.slice(s, e));
    const value = derive(raw, kind);
    this.raw[slot] = raw;
    CACHE_RAW[at] = raw;
    CACHE_VALUE[at] = value;
    return (this.last[slot] = value);
  }
}

/** The span, `shift` characters further. */
export function movedBy(span: Span, shift: number): Span {
  return { start: span.start + shift, end: span.end + shift };
}

/** The line's modifiers, `shift` characters further. */
function shiftedModifiers(modifiers: readonly Modifier[], shift: number): readonly Modifier[] {
  if (shift === 0 || modifiers.length === 0) return modifiers;
  return modifiers.map((m) => ({ code: m.code, span: movedBy(m.span, shift), field: m.field }));
}

const ROW = Symbol('row');
const MADE = Symbol('made');

/**
 * The `fields` objects of a document's lines. Building a Field (and its span) for every cell of
 * 100k rows up front costs more than the whole tokenising, and most are never read; so each
 * line's `fields` is a small object whose properties (one getter per header column, on a
 * per-document prototype) make the Field on first read and keep it. Reads look like plain
 * properties (`line.fields.units?.span`, `'ndc' in line.fields`); only own-key enumeration
 * (Object.keys, spread, JSON.stringify) does not list them.
 */
export function fieldsFactory(table: CsvTable, headerRow: number, columns: ReadonlyArray<readonly [FieldName, number]>, notesCols?: readonly number[]): (row: number) => Fields {
  const headerFirst = table.rowFirstCell[headerRow];
  class CsvFields {
    declare [ROW]: number;
    declare [MADE]: Array<Field | null> | undefined;
    constructor(row: number) {
      this[ROW] = row;
      this[MADE] = undefined;
    }
  }
  columns.forEach(([name, column], slot) => {
    const keySpans = new Map<number, Span>();
    const alternatives = name === 'notes' ? notesCols : undefined;
    Object.defineProperty(CsvFields.prototype, name, {
      enumerable: true,
      get(this: CsvFields): Field | undefined {
        const made = (this[MADE] ??= new Array<Field | null>(columns.length).fill(null));
        const have = made[slot];
        if (have) return have;
        const r = this[ROW];
        const col = alternatives ? notesColumnOf(table, table.rowFirstCell[r], table.rowCells[r], alternatives) : column;
        if (col >= table.rowCells[r]) return undefined; // a short row
        const c = table.rowFirstCell[r] + col;
        let keySpan = keySpans.get(col);
        if (!keySpan) keySpans.set(col, (keySpan = table.cellSpans(headerFirst + col).span));
        const field: Field = { name, text: table.cellText(c), span: table.cellSpans(c).span, keySpan, quoted: table.isQuoted(c) };
        made[slot] = field;
        return field;
      },
    });
  });
  return (row) => new CsvFields(row) as unknown as Fields;
}

/** What a CSV line needs to make its `fields` and `row` on demand. */
export interface CsvSource {
  readonly table: CsvTable;
  readonly newFields: (row: number) => Fields;
  /** Column index of each recognised field (the header's). */
  readonly columns: Partial<Record<FieldName, number>>;
  /** The header's cell count. */
  readonly expectedCells: number;
  /** The header's notes columns, when it names notes more than once (notesColumnOf). */
  readonly notesColumns?: readonly number[];
}

/**
 * A CSV service line. Values are read eagerly; `fields` and `row` are made on first read, since
 * most lines of a big file never need them.
 */
export class CsvLine implements ServiceLine {
  // Values: set once, by the constructor (read from the row, or copied from the previous line).
  declare claimId: string;
  declare memberId: string;
  declare payer: string;
  declare authNumber: string;
  declare dosFrom?: number;
  declare dosTo?: number;
  declare pos: string;
  declare hcpcs: string;
  declare units?: number;
  declare charge?: number;
  declare ndc: string;
  declare ndcUnit: string;
  declare ndcQty?: number;
  declare wastedUnits?: number;
  declare vial?: 'single' | 'multi';
  declare frequency: string;
  declare durationMin?: number;
  declare notes: string;
  // index and tableRow change only in moveTo.
  declare index: number;
  /** Set by parseCsv right after construction, once the claim is known; moveTo may change it. */
  declare claimIndex: number;
  declare readonly disabled: ReadonlySet<string>;
  declare private readonly source: CsvSource;
  /** The row's index in the CsvTable. */
  declare private tableRow: number;
  // The line's places in the text, true while its row starts at storedSpan.start (see current).
  declare private storedSpan: Span;
  declare private storedModifiers: readonly Modifier[];
  declare private storedComment: Span | undefined;
  declare private madeFields: Fields | undefined;
  declare private madeRow: CsvRow | undefined;

  /** The row's values are read into the wrong fields (an unquoted comma in a number, or text past
   *  the header's last column: parse/comma-split.ts), or it is no service line but the header
   *  again (parse/repeated-header.ts). */
  get misread(): boolean {
    const { table, columns, expectedCells } = this.source;
    const r = this.tableRow;
    const first = table.rowFirstCell[r];
    const count = table.rowCells[r];
    return (count > expectedCells && isMisread(table, columns, first, count, expectedCells)) || repeatsHeader(table, columns, first, count);
  }

  /** `v` is positioned on the row (CsvValueReader.at): the values are read straight into the line.
   *  Or `v` is the previous document's line of the same row text (incremental re-reading): its
   *  values are copied (same property order either way, so all lines share one hidden class). */
  constructor(source: CsvSource, tableRow: number, v: CsvValueReader | CsvLine, index: number, claimIndex: number, span: Span,
    modifiers: readonly Modifier[], disabled: ReadonlySet<string>, disableComment: Span | undefined) {
    if (v instanceof CsvLine) {
      this.claimId = v.claimId;
      this.memberId = v.memberId;
      this.payer = v.payer;
      this.authNumber = v.authNumber;
      this.dosFrom = v.dosFrom;
      this.dosTo = v.dosTo;
      this.pos = v.pos;
      this.hcpcs = v.hcpcs;
      this.units = v.units;
      this.charge = v.charge;
      this.ndc = v.ndc;
      this.ndcUnit = v.ndcUnit;
      this.ndcQty = v.ndcQty;
      this.wastedUnits = v.wastedUnits;
      this.vial = v.vial;
      this.frequency = v.frequency;
      this.durationMin = v.durationMin;
      this.notes = v.notes;
    } else {
      this.read(v);
    }
    this.index = index;
    this.claimIndex = claimIndex;
    this.disabled = disabled;
    this.source = source;
    this.tableRow = tableRow;
    this.storedSpan = span;
    this.storedModifiers = modifiers;
    this.storedComment = disableComment;
    this.madeFields = undefined;
    this.madeRow = undefined;
  }

  /**
   * Bring the stored places up to date with the table. An edit updates the table in place, moving
   * the rows after it (csv-incremental.ts), and leaves the lines of those rows as they are: each
   * line's places move when it is next read, by as far as its row moved (its text is unchanged,
   * or it would have been read again). A keystroke that changes a cell's length so touches none of
   * the lines after it; moving (copying, before that) half the file's lines was most of what such
   * an edit allocated.
   */
  private current(): void {
    const now = this.source.table.rowStart[this.tableRow];
    if (now === this.storedSpan.start) return;
    const { modifiers, disableComment } = this.placesAt(now);
    this.storedSpan = movedBy(this.storedSpan, now - this.storedSpan.start);
    this.storedModifiers = modifiers;
    this.storedComment = disableComment;
    this.madeFields = undefined;
    this.madeRow = undefined;
  }

  /** The row's text, without its line end. */
  get span(): Span {
    this.current();
    return this.storedSpan;
  }

  get modifiers(): readonly Modifier[] {
    this.current();
    return this.storedModifiers;
  }

  get disableComment(): Span | undefined {
    this.current();
    return this.storedComment;
  }

  /** The line's modifiers and disable comment as they would be were its row to start at
   *  `rowStart`: for a copy of the line read at its row's new place (csv.ts), while this line's
   *  table row may be out of date (current cannot be trusted then). */
  placesAt(rowStart: number): { modifiers: readonly Modifier[]; disableComment: Span | undefined } {
    const by = rowStart - this.storedSpan.start;
    return {
      modifiers: shiftedModifiers(this.storedModifiers, by),
      disableComment: this.storedComment && (by === 0 ? this.storedComment : movedBy(this.storedComment, by)),
    };
  }

  /** Move the line to where an edit put its row, in place (csv-incremental.ts): its table row,
   *  index and claim. Its places follow its row when next read (current). */
  moveTo(tableRow: number, index: number, claimIndex: number): void {
    if (tableRow !== this.tableRow) {
      // Its Fields and row read the old table row.
      this.madeFields = undefined;
      this.madeRow = undefined;
    }
    this.tableRow = tableRow;
    this.index = index;
    this.claimIndex = claimIndex;
  }

  private read(v: CsvValueReader): void {
    this.claimId = v.read(S_CLAIM) as string;
    this.memberId = v.read(S_MEMBER) as string;
    this.payer = v.read(S_PAYER) as string;
    this.authNumber = v.read(S_AUTH) as string;
    const dosFrom = v.read(S_FROM) as number | undefined;
    const dosTo = v.read(S_TO) as number | undefined;
    this.dosFrom = dosFrom;
    // An empty dos_to means the same day as dos_from.
    this.dosTo = v.raw[S_TO].length === 0 || v.raw[S_TO].trim() === '' ? dosFrom : dosTo;
    this.pos = v.read(S_POS) as string;
    this.hcpcs = v.read(S_HCPCS) as string;
    this.units = v.read(S_UNITS) as number | undefined;
    this.charge = v.read(S_CHARGE) as number | undefined;
    this.ndc = v.read(S_NDC) as string;
    this.ndcUnit = v.read(S_NDC_UNIT) as string;
    this.ndcQty = v.read(S_NDC_QTY) as number | undefined;
    this.wastedUnits = v.read(S_WASTED) as number | undefined;
    const vial = v.read(S_VIAL) as string;
    this.vial = vial === 'single' || vial === 'multi' ? vial : undefined;
    this.frequency = v.read(S_FREQ) as string;
    this.durationMin = v.read(S_DURATION) as number | undefined;
    this.notes = v.read(S_NOTES) as string;
  }

  get fields(): Fields {
    this.current();
    return (this.madeFields ??= this.source.newFields(this.tableRow));
  }

  /** `fields[name]?.text` without making the Field (rules that only test a cell's text read
   *  every line: a Field per cell of a 100k-row file is most of a lint's allocations). */
  textOf(name: FieldName): string | undefined {
    const c = this.cellIndex(name);
    return c < 0 ? undefined : this.source.table.cellText(c);
  }

  /** `fields[name]?.quoted === true`, without making the Field. */
  quotedOf(name: FieldName): boolean {
    const c = this.cellIndex(name);
    return c >= 0 && this.source.table.isQuoted(c);
  }

  /** `fields[name]?.span`, without making the Field (a finding points at a cell: on a file of
   *  hundreds of thousands of findings, the Fields kept for them were most of the heap). */
  spanOf(name: FieldName): Span | undefined {
    const c = this.cellIndex(name);
    return c < 0 ? undefined : { start: this.source.table.cellStart[c], end: this.source.table.cellEnd[c] };
  }

  /** The table cell of a field, or -1 when the file has no such column or the row is short. */
  private cellIndex(name: FieldName): number {
    const table = this.source.table;
    const notes = name === 'notes' ? this.source.notesColumns : undefined;
    const col = notes ? notesColumnOf(table, table.rowFirstCell[this.tableRow], table.rowCells[this.tableRow], notes) : this.source.columns[name];
    if (col === undefined || col >= table.rowCells[this.tableRow]) return -1;
    return table.rowFirstCell[this.tableRow] + col;
  }

  get row(): CsvRow {
    this.current();
    return (this.madeRow ??= this.source.table.row(this.tableRow));
  }
}
