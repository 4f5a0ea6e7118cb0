// CSV → claim model. The header maps columns to fields; each data row becomes a ServiceLine;
// lines group into claims by claim_id. Structural problems become ParseProblems for the
// parse-error / missing-field rules; the rest of the file is still read.
import {
  REQUIRED_FIELDS,
  type Claim, type ClaimDocument, type CsvLayout, type CsvRow, type FieldName, type Modifier,
  type ParseProblem, type ServiceLine, type Span,
} from '../model';
import { STEP_ROWS, tokenizeCsvSteps, type CsvTable, type TokenizedCsv, type TokenizedRow } from './csv-tokenizer';
import { runToEnd } from '../steps';
import { fieldOf } from './fields';
import { CsvLine, CsvValueReader, fieldsFactory, type CsvSource } from './csv-line';
import { NO_IDS, NO_MODIFIERS, REQUIRED_HINT } from './line';
import { splitModifiersIn } from './values';
import { asciiUpper, isBlank } from './ascii';
import { looksUtf16, NOT_UTF8_MESSAGE } from './not-utf8';
import { commaInLastNote, commaSplitNumber } from './comma-split';
import { disabledIdsOf } from './disable-comment';
import { repeatedHeaderMessage, repeatsHeader } from './repeated-header';

const MODIFIER_COLUMNS: readonly FieldName[] = ['modifier1', 'modifier2', 'modifier3', 'modifier4'];

/** The first cell of the row (0-based, in the row) that is spaces and then a quote: `a, "b, c"`.
 *  A quote opens a quoted value only right after the comma (RFC 4180), so such a value's comma
 *  splits it; the usual advice, to quote the value, is what the writer already did. */
function spacedQuote(table: CsvTable, first: number, count: number): number | undefined {
  const text = table.text;
  for (let k = 0; k < count; k++) {
    let i = table.cellStart[first + k];
    const end = table.cellEnd[first + k];
    if (i >= end || (text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0x09)) continue;
    while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    if (i < end && text.charCodeAt(i) === 0x22) return k;
  }
  return undefined;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A column as a message names it: its header text, or its 1-based number. */
function columnName(header: CsvRow | undefined, column: number): string {
  const name = header?.cells[column]?.text.trim() ?? '';
  return name.length > 0 && name.length <= 40 ? name : String(column + 1);
}

function rowIssues(row: TokenizedRow, header: CsvRow | undefined, problems: ParseProblem[], lineIndex?: number): void {
  if (!row.issues) return;
  const where = (c: number): string => (header ? `column ${columnName(header, c)}` : `column ${c + 1} of the header`);
  for (const issue of row.issues) {
    const message = issue.kind === 'unclosed-quote'
      ? `Unclosed quote in ${where(issue.column)}: close it with " or remove it`
      : issue.kind === 'not-utf8'
        ? issue.message ?? NOT_UTF8_MESSAGE
        : `Text after the closing quote in ${where(issue.column)}: put the whole value inside the quotes`;
    problems.push({ ruleId: 'parse-error', span: issue.span, message, lineIndex });
  }
}

/** A modifierN cell (table cell c): one modifier over the cell's trimmed text. */
function columnModifier(table: CsvTable, c: number, name: FieldName): Modifier | undefined {
  const text = table.cellText(c);
  let s = 0;
  let e = text.length;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (e === s) return undefined;
  const start = table.cellStart[c];
  const end = table.cellEnd[c];
  // Offsets map 1:1 unless the quoted cell had "" escapes; then point at the whole cell.
  const span = end - start === text.length ? { start: start + s, end: start + e } : { start, end };
  return { code: asciiUpper(text.slice(s, e)), span, field: name };
}

/** The modifiers of the row whose cells are table cells first .. first + count - 1: the
 *  `modifiers` list cell, then modifier1..modifier4. Read from the table, not through the
 *  line's Fields: made for every row with a modifier, Field objects were most of this. */
function modifiersOf(text: string, table: CsvTable, first: number, count: number, columns: Partial<Record<FieldName, number>>): readonly Modifier[] {
  const out: Modifier[] = [];
  const list = columns.modifiers;
  // Split the source text (not the unescaped value) so every span is exact.
  if (list !== undefined && list < count) splitModifiersIn(text, table.cellStart[first + list], table.cellEnd[first + list], 0, 'modifiers', out);
  for (const name of MODIFIER_COLUMNS) {
    const col = columns[name];
    const m = col !== undefined && col < count ? columnModifier(table, first + col, name) : undefined;
    if (m) out.push(m);
  }
  return out.length === 0 ? NO_MODIFIERS : out;
}

/** Whether any modifier cell of the row has text (most rows have none: skip the work). */
function hasModifierText(table: CsvTable, first: number, count: number, cols: readonly number[]): boolean {
  for (const col of cols) {
    if (col < count && table.cellEnd[first + col] > table.cellStart[first + col]) return true;
  }
  return false;
}

function isBlankCell(table: CsvTable, c: number): boolean {
  for (let i = table.cellStart[c]; i < table.cellEnd[c]; i++) if (table.text.charCodeAt(i) > 0x20) return false;
  return true;
}

/** Separators other exports use, named as a message names them. */
const OTHER_SEPARATORS: ReadonlyArray<readonly [string, string]> = [[';', 'semicolons (;)'], ['\t', 'tabs'], ['|', 'vertical bars (|)']];

/** The separator a header row uses instead of commas, when split by it the row names known columns. */
function otherSeparatorOf(header: CsvRow): string | undefined {
  const text = header.cells.map((c) => c.text).join(',');
  for (const [sep, name] of OTHER_SEPARATORS) {
    if (text.split(sep).filter((cell) => fieldOf(cell.trim()) !== undefined).length >= 2) return name;
  }
  return undefined;
}

/** A second header cell naming a field another column already gives: its cells are never read
 *  (the first column is), so the codes or dates in it would go unchecked without a word. */
function repeatedColumn(header: CsvRow, name: FieldName, first: number, again: number, more: number): ParseProblem {
  const also = columnName(header, first) === columnName(header, again) ? '' : ` (${columnName(header, first)})`;
  const others = more === 0 ? '' : ` (and ${plural(more, 'later column does', 'later columns do')})`;
  return {
    ruleId: 'parse-error',
    span: header.cells[again].span,
    message: `Column ${again + 1} gives ${name} again, after column ${first + 1}${also}${others}: only column ${first + 1} is read; remove or rename the others`,
  };
}

function headerProblem(header: CsvRow, columns: Partial<Record<FieldName, number>>): ParseProblem | undefined {
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length === 0) return undefined;
  const required = REQUIRED_FIELDS.join(', ');
  const none = Object.keys(columns).length === 0;
  const separator = none ? otherSeparatorOf(header) : undefined;
  // "c\0l\0a\0i\0m\0": a UTF-16 file without a byte order mark, read as UTF-8.
  const message = none && looksUtf16(header.cells.map((c) => c.text).join(','), 0, 0)
    ? 'The first row is not a claims header: the file looks like UTF-16 (every other byte is 0), saved without a byte order mark. Reopen it as UTF-16 LE and save it as UTF-8'
    : separator
    ? `The columns of this file are separated by ${separator}, not commas: save it as comma-separated CSV (claim files are RFC 4180 CSV)`
    : Object.keys(columns).length === 0
    ? `The first row is not a claims header (no known column names): add a header row naming the columns, at least ${required}`
    : missing.length === 1
      ? `Required column missing from the header: ${missing[0]}. Add it (required: ${required})`
      : `Required columns missing from the header: ${missing.join(', ')}. Add them (required: ${required})`;
  return { ruleId: 'missing-field', span: header.span, message };
}

/** What an incremental re-reading of the document needs (kept beside the document, not in the model). */
export interface CsvState {
  readonly table: CsvTable;
  readonly source: CsvSource | undefined;
  /** Table row of the header, -1 when there is none. */
  readonly headerRow: number;
  /** Table row of each line. */
  readonly dataRows: readonly number[];
  /** Rows ending with CRLF, LF and a lone CR. */
  readonly crlf: number;
  readonly lf: number;
  readonly cr: number;
  /** Per line: its member as a number (-1 for no member id), from `members`. Lets an edit find
   *  a member's lines without visiting every line object. */
  readonly memberKeys: Int32Array;
  /** Member id → number, shared by the documents re-read from this one. */
  readonly members: Map<string, number>;
  /** Claim id → claim index (ids that are not ''). */
  readonly claimByKey: ReadonlyMap<string, number>;
}

/** What csv-incremental.ts already has of a re-read document's state (the rest is made by finish). */
export interface CsvStateParts {
  readonly claims?: readonly Claim[];
  readonly claimByKey?: ReadonlyMap<string, number>;
  readonly memberKeys: Int32Array;
  readonly members: Map<string, number>;
}

const states = new WeakMap<ClaimDocument, CsvState>();

/** The reading state of a document read by parseCsv (or re-read by csv-incremental.ts). */
export function csvStateOf(doc: ClaimDocument): CsvState | undefined {
  return states.get(doc);
}

/** The document's table was updated for an edit (csv-incremental.ts): it can be re-read no more. */
export function forgetCsvState(doc: ClaimDocument): void {
  states.delete(doc);
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** `source` was made from a header of these columns (and notes columns). */
function sameColumns(source: CsvSource, columnList: ReadonlyArray<readonly [FieldName, number]>, notes: readonly number[] | undefined): boolean {
  if (Object.keys(source.columns).length !== columnList.length) return false;
  if (!columnList.every(([name, column]) => source.columns[name] === column)) return false;
  const was = source.notesColumns;
  return was === undefined ? notes === undefined : notes !== undefined && was.length === notes.length && was.every((c, i) => c === notes[i]);
}

/**
 * Reads the rows of a tokenised CSV text into lines, one row at a time, in order: parseCsv reads
 * every row; csv-incremental.ts reads only the rows an edit touched and carries the others over.
 */
export class CsvRowReader {
  readonly problems: ParseProblem[] = [];
  /** Table indexes of the data rows (the layout's rows are made from them on first use). */
  dataRows: number[] = [];
  lines: ServiceLine[] = [];
  readonly columns: Partial<Record<FieldName, number>> = {};
  header: TokenizedRow | undefined;
  headerRow = -1;
  /** The header names at least one known column: its rows are service lines. */
  private claimsHeader = false;
  source: CsvSource | undefined;
  /** Claim ids by claim index, and the claim of each id (ids that are not '' only). */
  readonly claimIds: string[] = [];
  readonly claimByKey = new Map<string, number>();
  private lastClaimId = '';
  private lastClaimIndex = 0;
  private expected = 0;
  private reader: CsvValueReader | undefined;
  private requiredNames: FieldName[] = [];
  private requiredCols: number[] = [];
  private modifierCols: number[] = [];
  private disabled: Set<string> | undefined;
  private disableComment: Span | undefined;
  /** Whether the last data row read copied the previous line it was given. */
  fromPrevious = false;
  /** The source of the previous read of this table, its header unchanged (csv-incremental.ts):
   *  the header's fields class is kept, not made again per edit (each re-read line would keep
   *  its own copy: a class, a getter and a key-span map per column). */
  keptSource: CsvSource | undefined;

  constructor(private readonly text: string, readonly table: CsvTable) {}

  /** Lines group by claim_id in order of first appearance; a line without one is its own claim.
   *  (Rows of one claim are usually adjacent: check the previous row's claim first.) */
  claimOf(claimId: string): number {
    let claimIndex = claimId === '' ? undefined : claimId === this.lastClaimId ? this.lastClaimIndex : this.claimByKey.get(claimId);
    if (claimIndex === undefined) {
      claimIndex = this.claimIds.length;
      this.claimIds.push(claimId);
      if (claimId !== '') this.claimByKey.set(claimId, claimIndex);
    }
    this.lastClaimId = claimId;
    this.lastClaimIndex = claimIndex;
    return claimIndex;
  }

  /** Continue after lines read elsewhere (csv-incremental.ts): the claims so far, and the last line's. */
  resumeClaims(claimIds: readonly string[], last: ServiceLine | undefined): void {
    claimIds.forEach((id, i) => {
      this.claimIds.push(id);
      if (id !== '' && !this.claimByKey.has(id)) this.claimByKey.set(id, i);
    });
    if (last) {
      this.lastClaimId = last.claimId;
      this.lastClaimIndex = last.claimIndex;
    }
  }

  /** Read table row `r`. A data row whose text is unchanged since `prev` was read from it keeps
   *  prev's values (a copy of prev, at the row's place now). */
  readRow(r: number, prev?: CsvLine): ServiceLine | undefined {
    const { table, text } = this;
    const kind = table.rowKind[r];
    if (kind === 2) return undefined; // blank
    if (kind === 1) {
      // comment
      if (!this.header) return undefined;
      const ids = disabledIdsOf(text.slice(table.rowStart[r], table.rowEnd[r]));
      if (ids) {
        this.disabled ??= new Set();
        for (const id of ids) this.disabled.add(id);
        this.disableComment = { start: table.rowStart[r], end: table.rowEnd[r] };
      }
      return undefined;
    }
    if (!this.header) {
      this.readHeader(r);
      return undefined;
    }
    if (!this.claimsHeader) {
      // Under a header that names no claim column nothing can be read as a service line, and
      // every rule would report every row (a 200k-row file of something else gave 200k findings):
      // the header's one problem says it all. Broken quoting is still shown where it is.
      const issues = table.issues.get(r);
      if (issues) rowIssues(table.row(r), this.header, this.problems);
      return undefined;
    }
    return this.readData(r, prev);
  }

  private readHeader(r: number): void {
    const { table, columns, problems } = this;
    this.headerRow = r;
    const header = (this.header = table.row(r));
    // Per field given again: its first repeat, and how many columns repeat it (one problem a
    // field, however many: a header of 100k copies of one name is one problem, not 100k).
    const repeats = new Map<FieldName, { column: number; count: number }>();
    // Notes may be named more than once (a re-export's description or drug_name column beside
    // notes): free text, each row reads the first that is not blank (csv-line.ts notesColumnOf).
    const notesCols: number[] = [];
    header.cells.forEach((cell, i) => {
      const name = fieldOf(cell.text.trim());
      if (!name) return;
      if (name === 'notes') notesCols.push(i);
      if (columns[name] === undefined) columns[name] = i;
      else if (name !== 'notes') {
        const seen = repeats.get(name);
        if (seen) seen.count++;
        else repeats.set(name, { column: i, count: 1 });
      }
    });
    for (const [name, { column, count }] of repeats) problems.push(repeatedColumn(header, name, columns[name]!, column, count - 1));
    const columnList = Object.entries(columns) as Array<[FieldName, number]>;
    this.claimsHeader = columnList.length > 0;
    this.modifierCols = (['modifiers', ...MODIFIER_COLUMNS] as FieldName[]).flatMap((m) => (columns[m] === undefined ? [] : [columns[m]!]));
    const notes = notesCols.length > 1 ? notesCols : undefined;
    const kept = this.keptSource;
    this.source = kept && kept.table === table && kept.expectedCells === header.cells.length && sameColumns(kept, columnList, notes)
      ? kept
      : { table, newFields: fieldsFactory(table, r, columnList, notes), columns, expectedCells: header.cells.length, notesColumns: notes };
    this.reader = new CsvValueReader(table, columns, notes);
    this.requiredNames = REQUIRED_FIELDS.filter((f) => columns[f] !== undefined);
    this.requiredCols = this.requiredNames.map((f) => columns[f]!);
    this.expected = header.cells.length;
    rowIssues(header, undefined, problems);
    const missing = headerProblem(header, columns);
    if (missing) problems.push(missing);
  }

  private readData(r: number, prev: CsvLine | undefined): ServiceLine {
    const { table, text, problems, lines, header, expected, requiredCols, requiredNames } = this;
    const index = lines.length;
    this.dataRows.push(r);
    const first = table.rowFirstCell[r];
    const count = table.rowCells[r];
    const span = { start: table.rowStart[r], end: table.rowEnd[r] };
    const issues = table.issues.get(r);
    if (issues) rowIssues(table.row(r), header, problems, index);
    const repeated = repeatsHeader(table, this.columns, first, count);
    if (repeated) {
      problems.push({ ruleId: 'parse-error', span, message: repeatedHeaderMessage(table, this.columns, first, count), lineIndex: index });
    } else if (text.charCodeAt(span.start) === 0xfeff) {
      // Joined exports each with a byte order mark: the second one's is inside the text, an
      // invisible first character of the claim id (which then names another claim).
      problems.push({
        ruleId: 'parse-error',
        span: { start: span.start, end: span.start + 1 },
        message: 'An invisible byte order mark (U+FEFF, left where two exports were joined) starts this row: delete it; it is read as part of the claim_id',
        lineIndex: index,
      });
    }
    if (count !== expected && !repeated && !issues?.some((i) => i.kind === 'unclosed-quote')) {
      const comma = commaSplitNumber(table, this.columns, first, count, expected);
      const spaced = count > expected && !comma ? spacedQuote(table, first, count) : undefined;
      const what = count < expected ? 'add the missing cells'
        : comma ? `${comma.name} ${comma.text} has a comma, which starts a new cell: write ${comma.plain} (no thousands separators, a point for decimals)`
          : spaced !== undefined ? `cell ${spaced + 1} has a space before its opening quote, so its quotes are read as text and its comma starts a new cell: remove the space after the comma before it`
            : commaInLastNote(table, this.columns, first, count, expected) ? 'the notes have a comma, which starts a new cell: put the notes in quotes (the rest of the row is checked)'
              : 'remove the extra cells or quote a value that contains a comma';
      problems.push({
        ruleId: 'parse-error',
        span: comma?.span ?? span,
        message: `Expected ${plural(expected, 'cell', 'cells')} (one per header column), found ${count}: ${what}`,
        lineIndex: index,
      });
    }
    for (let i = 0; i < requiredCols.length; i++) {
      const col = requiredCols[i];
      if (col >= count) continue; // a short row: its parse-error says so
      const name = requiredNames[i];
      const c = first + col;
      // Empty, or only spaces: the value the parser read is ''.
      if (table.cellEnd[c] === table.cellStart[c] || isBlankCell(table, c)) {
        problems.push({
          ruleId: 'missing-field',
          span: { start: table.cellStart[c], end: table.cellEnd[c] },
          message: `${name} is empty: enter ${REQUIRED_HINT[name]}`,
          lineIndex: index,
        });
      }
    }

    const ids = this.disabled ?? NO_IDS;
    const disableComment = this.disableComment;
    this.disabled = undefined;
    this.disableComment = undefined;
    let line: CsvLine;
    // prev's places as they would be at this row's start (its own table row is out of date here).
    const was = prev && sameIds(prev.disabled, ids) ? prev.placesAt(span.start) : undefined;
    if (prev && was && (was.disableComment === undefined ? disableComment === undefined
      : disableComment !== undefined && was.disableComment.start === disableComment.start && was.disableComment.end === disableComment.end)) {
      // The same row text under the same suppression: copy its values.
      line = new CsvLine(this.source!, r, prev, index, this.claimOf(prev.claimId), span, was.modifiers, prev.disabled, was.disableComment);
      this.fromPrevious = true;
    } else {
      this.fromPrevious = false;
      const modifiers = hasModifierText(table, first, count, this.modifierCols) ? modifiersOf(text, table, first, count, this.columns) : NO_MODIFIERS;
      line = new CsvLine(this.source!, r, this.reader!.at(first, count), index, 0, span, modifiers, ids, disableComment);
      line.claimIndex = this.claimOf(line.claimId);
    }
    lines.push(line);
    return line;
  }

  /** The document of the lines read (problems sorted by position, as the rules expect them). */
  finish(tokenized: TokenizedCsv, parts?: CsvStateParts): ClaimDocument {
    const { table, lines, problems, dataRows, header, columns } = this;
    let claims = parts?.claims;
    if (!claims) {
      const claimLines: ServiceLine[][] = this.claimIds.map(() => []);
      for (const line of lines) claimLines[line.claimIndex].push(line);
      claims = claimLines.map((ls, i) => ({
        index: i,
        id: this.claimIds[i],
        span: { start: ls[0].span.start, end: ls[ls.length - 1].span.end },
        lines: ls,
      }));
    }
    let members = parts?.members;
    let memberKeys = parts?.memberKeys;
    if (!members || !memberKeys) {
      members = new Map();
      memberKeys = new Int32Array(lines.length);
      for (let i = 0; i < lines.length; i++) memberKeys[i] = memberKeyOf(members, lines[i].memberId);
    }
    problems.sort((a, b) => a.span.start - b.span.start);
    let rows: CsvRow[] | undefined;
    const csv: CsvLayout = {
      header,
      columns,
      get rows(): readonly CsvRow[] {
        return (rows ??= dataRows.map((r) => table.row(r)));
      },
      eol: tokenized.eol,
      bom: tokenized.bom,
    };
    const doc: ClaimDocument = { format: 'csv', text: this.text, lines, claims, problems, csv };
    states.set(doc, {
      table,
      source: this.source,
      headerRow: this.headerRow,
      dataRows,
      crlf: tokenized.crlf ?? 0,
      lf: tokenized.lf ?? 0,
      cr: tokenized.cr ?? 0,
      memberKeys,
      members,
      claimByKey: parts?.claimByKey ?? this.claimByKey,
    });
    return doc;
  }
}

/** The number of a member id ('' → -1), numbering new ids as they come. */
export function memberKeyOf(members: Map<string, number>, memberId: string): number {
  if (memberId === '') return -1;
  let key = members.get(memberId);
  if (key === undefined) members.set(memberId, (key = members.size));
  return key;
}

export function parseCsv(text: string): ClaimDocument {
  return runToEnd(parseCsvSteps(text));
}

/** parseCsv, yielding every STEP_ROWS rows scanned and read: reading a 100k-line text in one
 *  step kept the server from answering for 250–400 ms. */
export function* parseCsvSteps(text: string): Generator<void, ClaimDocument> {
  const tokenized = yield* tokenizeCsvSteps(text);
  const reader = new CsvRowReader(text, tokenized.table);
  for (let r = 0; r < tokenized.table.rowCount; r++) {
    reader.readRow(r);
    if (r % STEP_ROWS === STEP_ROWS - 1) yield;
  }
  return reader.finish(tokenized);
}
