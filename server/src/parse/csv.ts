// CSV → claim model. The header maps columns to fields; each data row becomes a ServiceLine;
// lines group into claims by claim_id. Structural problems become ParseProblems for the
// parse-error / missing-field rules; the rest of the file is still read.
import {
  REQUIRED_FIELDS,
  type Claim, type ClaimDocument, type CsvLayout, type CsvRow, type Field, type FieldName, type Modifier,
  type ParseProblem, type ServiceLine, type Span,
} from '../model';
import { tokenizeCsv, type CsvTable, type TokenizedCsv, type TokenizedRow } from './csv-tokenizer';
import { fieldOf } from './fields';
import { CsvLine, CsvValueReader, fieldsFactory, type CsvSource } from './csv-line';
import { NO_IDS, NO_MODIFIERS, REQUIRED_HINT, type Fields } from './line';
import { splitModifiers } from './values';

const DISABLE_COMMENT = /^#\s*infusion-claims-disable-next-line\b(.*)$/;
const MODIFIER_COLUMNS: readonly FieldName[] = ['modifier1', 'modifier2', 'modifier3', 'modifier4'];

/** Rule ids of a `# infusion-claims-disable-next-line a, b` comment, or undefined. */
export function disabledIdsOf(comment: string): string[] | undefined {
  const m = DISABLE_COMMENT.exec(comment);
  if (!m) return undefined;
  return m[1].split(/[\s,]+/).filter((s) => s.length > 0);
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
      : `Text after the closing quote in ${where(issue.column)}: put the whole value inside the quotes`;
    problems.push({ ruleId: 'parse-error', span: issue.span, message, lineIndex });
  }
}

/** A modifierN cell: one modifier over the cell's trimmed text. */
function columnModifier(field: Field): Modifier | undefined {
  const text = field.text;
  let s = 0;
  let e = text.length;
  while (s < e && text.charCodeAt(s) <= 0x20) s++;
  while (e > s && text.charCodeAt(e - 1) <= 0x20) e--;
  if (e === s) return undefined;
  // Offsets map 1:1 unless the quoted cell had "" escapes; then point at the whole cell.
  const exact = field.span.end - field.span.start === text.length;
  const span = exact ? { start: field.span.start + s, end: field.span.start + e } : field.span;
  return { code: text.slice(s, e).toUpperCase(), span, field: field.name };
}

/** The modifiers of a line: the `modifiers` list cell, then modifier1..modifier4. */
function modifiersOf(text: string, fields: Fields): readonly Modifier[] {
  const out: Modifier[] = [];
  const list = fields.modifiers;
  // Split the source text (not the unescaped value) so every span is exact.
  if (list) out.push(...splitModifiers(text.slice(list.span.start, list.span.end), list.span.start));
  for (const name of MODIFIER_COLUMNS) {
    const f = fields[name];
    const m = f && columnModifier(f);
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

function headerProblem(header: CsvRow, columns: Partial<Record<FieldName, number>>): ParseProblem | undefined {
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length === 0) return undefined;
  const required = REQUIRED_FIELDS.join(', ');
  const message = Object.keys(columns).length === 0
    ? `The first row is not a claims header (no known column names): add a header row naming the columns, at least ${required}`
    : missing.length === 1
      ? `Required column missing from the header: ${missing[0]}. Add it (required: ${required})`
      : `Required columns missing from the header: ${missing.join(', ')}. Add them (required: ${required})`;
  return { ruleId: 'missing-field', span: header.span, message };
}

/**
 * Re-reading an edited text (csv-incremental.ts): the re-tokenised table, and for each of its rows
 * the previous document's line when that row's text is unchanged, so its values are not read again.
 */
export interface CsvReuse {
  readonly tokenized: TokenizedCsv;
  /** The previous document's source: its lines that read from it and did not move are kept as they are. */
  readonly source: CsvSource;
  /** The previous line of table row `row`, when the row's text is unchanged. */
  previousLine(row: number): CsvLine | undefined;
  /** How far the row moved (new offset − old offset). */
  shiftOf(row: number): number;
}

/** What an incremental re-reading of the document needs (kept beside the document, not in the model). */
export interface CsvState {
  readonly table: CsvTable;
  readonly source: CsvSource | undefined;
  /** Table row of the header, -1 when there is none. */
  readonly headerRow: number;
  /** Table row of each line. */
  readonly dataRows: readonly number[];
  /** Per line: the previous document's line it was kept or copied from, -1 for a line read anew
   *  (only for a document re-read with CsvReuse). */
  readonly origin?: readonly number[];
}

const states = new WeakMap<ClaimDocument, CsvState>();

/** The reading state of a document parsed by parseCsv. */
export function csvStateOf(doc: ClaimDocument): CsvState | undefined {
  return states.get(doc);
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

function movedBy(span: Span, shift: number): Span {
  return { start: span.start + shift, end: span.end + shift };
}

function shiftedModifiers(modifiers: readonly Modifier[], shift: number): readonly Modifier[] {
  if (shift === 0 || modifiers.length === 0) return modifiers;
  return modifiers.map((m) => ({ code: m.code, span: movedBy(m.span, shift), field: m.field }));
}

export function parseCsv(text: string, reuse?: CsvReuse): ClaimDocument {
  const { table, bom, eol } = reuse ? reuse.tokenized : tokenizeCsv(text);
  let headerRow = -1;
  const origin: number[] | undefined = reuse ? [] : undefined;
  const problems: ParseProblem[] = [];
  /** Table indexes of the data rows (the layout's rows are made from them on first use). */
  const dataRows: number[] = [];
  let expected = 0;
  const lines: ServiceLine[] = [];
  const claimLines: ServiceLine[][] = [];
  const claimIds: string[] = [];
  const claimByKey = new Map<string, number>();
  const columns: Partial<Record<FieldName, number>> = {};
  let reader: CsvValueReader | undefined;
  let columnList: Array<[FieldName, number]> = [];
  let requiredNames: FieldName[] = [];
  let requiredCols: number[] = [];
  let source: CsvSource | undefined;
  let modifierCols: number[] = [];
  let header: TokenizedRow | undefined;
  let disabled: Set<string> | undefined;
  let disableComment: Span | undefined;
  let lastClaimId = '';
  let lastClaimIndex = 0;

  // Lines group by claim_id in order of first appearance; a line without one is its own claim.
  // (Rows of one claim are usually adjacent: check the previous row's claim first.)
  const claimOf = (claimId: string): number => {
    let claimIndex = claimId === '' ? undefined : claimId === lastClaimId ? lastClaimIndex : claimByKey.get(claimId);
    if (claimIndex === undefined) {
      claimIndex = claimLines.length;
      claimLines.push([]);
      claimIds.push(claimId);
      if (claimId !== '') claimByKey.set(claimId, claimIndex);
    }
    lastClaimId = claimId;
    lastClaimIndex = claimIndex;
    return claimIndex;
  };

  for (let r = 0; r < table.rowCount; r++) {
    const kind = table.rowKind[r];
    if (kind === 2) continue; // blank
    if (kind === 1) {
      // comment
      if (!header) continue;
      const ids = disabledIdsOf(text.slice(table.rowStart[r], table.rowEnd[r]));
      if (ids) {
        disabled ??= new Set();
        for (const id of ids) disabled.add(id);
        disableComment = { start: table.rowStart[r], end: table.rowEnd[r] };
      }
      continue;
    }
    if (!header) {
      headerRow = r;
      header = table.row(r);
      header.cells.forEach((cell, i) => {
        const name = fieldOf(cell.text.trim());
        if (name && columns[name] === undefined) columns[name] = i;
      });
      columnList = Object.entries(columns) as Array<[FieldName, number]>;
      modifierCols = (['modifiers', ...MODIFIER_COLUMNS] as FieldName[]).flatMap((m) => (columns[m] === undefined ? [] : [columns[m]!]));
      source = { table, newFields: fieldsFactory(table, r, columnList), columns };
      reader = new CsvValueReader(table, columns);
      requiredNames = REQUIRED_FIELDS.filter((f) => columns[f] !== undefined);
      requiredCols = requiredNames.map((f) => columns[f]!);
      expected = header.cells.length;
      rowIssues(header, undefined, problems);
      const missing = headerProblem(header, columns);
      if (missing) problems.push(missing);
      continue;
    }

    const index = lines.length;
    dataRows.push(r);
    const first = table.rowFirstCell[r];
    const count = table.rowCells[r];
    const span = { start: table.rowStart[r], end: table.rowEnd[r] };
    const issues = table.issues.get(r);
    if (issues) rowIssues(table.row(r), header, problems, index);
    if (count !== expected && !issues?.some((i) => i.kind === 'unclosed-quote')) {
      const what = count < expected ? 'add the missing cells' : 'remove the extra cells or quote a value that contains a comma';
      problems.push({
        ruleId: 'parse-error',
        span,
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

    const ids = disabled ?? NO_IDS;
    const prev = reuse?.previousLine(r);
    const shift = prev ? reuse!.shiftOf(r) : 0;
    let line: CsvLine;
    if (prev && sameIds(prev.disabled, ids)
      && (prev.disableComment === undefined ? disableComment === undefined
        : disableComment !== undefined && prev.disableComment.start + shift === disableComment.start && prev.disableComment.end + shift === disableComment.end)) {
      // The same row text under the same suppression: keep the line (or copy it, moved).
      const claimIndex = claimOf(prev.claimId);
      line = shift === 0 && prev.index === index && prev.claimIndex === claimIndex && prev.readsFrom(reuse!.source)
        ? prev
        : new CsvLine(source!, r, prev, index, claimIndex, shift === 0 ? prev.span : span, shiftedModifiers(prev.modifiers, shift),
          prev.disabled, shift === 0 ? prev.disableComment : disableComment);
      origin?.push(prev.index);
    } else {
      const modifiers = hasModifierText(table, first, count, modifierCols) ? modifiersOf(text, source!.newFields(r)) : NO_MODIFIERS;
      line = new CsvLine(source!, r, reader!.at(first, count), index, 0, span, modifiers, ids, disableComment);
      line.claimIndex = claimOf(line.claimId);
      origin?.push(-1);
    }
    const claimIndex = line.claimIndex;
    lines.push(line);
    claimLines[claimIndex].push(line);
    disabled = undefined;
    disableComment = undefined;
  }

  const claims: Claim[] = claimLines.map((ls, i) => ({
    index: i,
    id: claimIds[i],
    span: { start: ls[0].span.start, end: ls[ls.length - 1].span.end },
    lines: ls,
  }));
  problems.sort((a, b) => a.span.start - b.span.start);
  let rows: CsvRow[] | undefined;
  const csv: CsvLayout = {
    header,
    columns,
    get rows(): readonly CsvRow[] {
      return (rows ??= dataRows.map((r) => table.row(r)));
    },
    eol,
    bom,
  };
  const doc: ClaimDocument = { format: 'csv', text, lines, claims, problems, csv };
  states.set(doc, { table, source, headerRow, dataRows, origin });
  return doc;
}
