// CSV edits: change cells in place (keeping their quoting), add a column at the end of every
// row when a field has none, copy a row below itself, remove a row, disable a rule on a row.
import { FIELD_NAMES, type ClaimDocument, type CsvCell, type CsvRow, type FieldName, type ServiceLine } from '../model';
import type { TextEdit } from '../rules/types';
import { applyEdits } from './apply';
import { contiguous, MODIFIER_COLUMNS, modifierColumnName, type LineChange } from './change';
import { modifierSeparatorOf } from './doc-facts';
import { ModifierList } from './modifier-list';
import { eolLengthBefore } from './text-scan';
import { readDisableComment } from '../parse/disable-comment';
import { asciiUpper } from '../parse/ascii';

/** Final cell contents (unquoted) of the fields a change touches. */
type CellValues = Map<FieldName, string>;

function needsQuotes(value: string): boolean {
  return /[",\r\n]/.test(value);
}

function escapeQuotes(value: string): string {
  return value.replace(/"/g, '""');
}

function allQuoted(row: CsvRow): boolean {
  return row.cells.length > 0 && row.cells.every((c) => c.quoted);
}

/** A new cell's text: quoted when the value needs it or when the row quotes every cell. */
function newCellText(value: string, quoteAll: boolean): string {
  return quoteAll || needsQuotes(value) ? `"${escapeQuotes(value)}"` : value;
}

/** Replace an existing cell's content, keeping its quotes (or adding them when needed). */
function cellEdit(cell: CsvCell, value: string): TextEdit {
  if (cell.quoted) return { start: cell.span.start, end: cell.span.end, newText: escapeQuotes(value) };
  if (needsQuotes(value)) return { start: cell.outer.start, end: cell.outer.end, newText: `"${escapeQuotes(value)}"` };
  return { start: cell.span.start, end: cell.span.end, newText: value };
}

/** The cell values a change gives the line, or undefined when it cannot be written (a fifth modifier column). */
function planCells(doc: ClaimDocument, line: ServiceLine, change: LineChange): CellValues | undefined {
  const columns = doc.csv!.columns;
  const row = line.row!;
  const values: CellValues = new Map();
  for (const [name, value] of Object.entries(change.set ?? {}) as [FieldName, string | undefined][]) {
    if (value !== undefined) values.set(name, value);
  }
  for (const name of change.clear ?? []) values.set(name, '');
  const current = (name: FieldName): string => {
    const planned = values.get(name);
    if (planned !== undefined) return planned;
    const col = columns[name];
    return col === undefined ? '' : (row.cells[col]?.text ?? '');
  };
  const adds = change.addModifiers ?? [];
  const removes = change.removeModifiers ?? [];
  if (adds.length === 0 && removes.length === 0) return values;

  let hasList = columns.modifiers !== undefined || values.has('modifiers');
  const list = ModifierList.parse(current('modifiers'));
  let listChanged = false;
  const slots: FieldName[] = MODIFIER_COLUMNS.filter((f) => columns[f] !== undefined);
  const slotHolding = (code: string): FieldName | undefined =>
    slots.find((f) => asciiUpper(current(f).trim()) === asciiUpper(code.trim()));
  const sep = (): string => modifierSeparatorOf(doc, 'csv');

  const pending: string[] = [];
  const pairs = Math.min(adds.length, removes.length);
  for (let i = 0; i < pairs; i++) {
    const slot = slotHolding(removes[i]!);
    if (list.replace(removes[i]!, adds[i]!)) listChanged = true;
    else if (slot) values.set(slot, adds[i]!);
    else pending.push(adds[i]!);
  }
  let emptied = -1; // the first slot a removal empties
  for (const code of removes.slice(pairs)) {
    const slot = slotHolding(code);
    if (list.remove(code)) listChanged = true;
    else if (slot) {
      values.set(slot, '');
      const at = slots.indexOf(slot);
      if (emptied < 0 || at < emptied) emptied = at;
    }
  }
  if (emptied >= 0) {
    // The later modifiers move up into the gap.
    const later = slots.slice(emptied);
    const moved = contiguous(later.map(current));
    later.forEach((f, k) => {
      if (moved[k] !== current(f) && !(moved[k] === '' && current(f).trim() === '')) values.set(f, moved[k]);
    });
  }
  for (const code of [...pending, ...adds.slice(pairs)]) {
    if (list.has(code) || slotHolding(code)) continue;
    const emptySlot = slots.find((f) => current(f).trim() === '');
    if (hasList && (list.size > 0 || slots.length === 0 || !emptySlot)) {
      list.add(code, sep);
      listChanged = true;
    } else if (emptySlot) {
      values.set(emptySlot, code);
    } else if (slots.length > 0) {
      // Every modifierN column is full: the next one becomes a new column.
      const next = MODIFIER_COLUMNS.find((f) => !slots.includes(f));
      if (!next) return undefined;
      slots.push(next);
      values.set(next, code);
    } else {
      hasList = true; // no modifier column at all: a new `modifiers` column
      list.add(code, sep);
      listChanged = true;
    }
  }
  if (listChanged) values.set('modifiers', list.toString());
  return values;
}

/** One row with cell values applied: in-place cell edits (absolute offsets) and the text to append at its end. */
function rowEdits(doc: ClaimDocument, row: CsvRow, values: CellValues, newColumns: readonly FieldName[]): { edits: TextEdit[]; tail: string } {
  const columns = doc.csv!.columns;
  const headerLength = doc.csv!.header?.cells.length ?? row.cells.length;
  const byColumn = new Map<number, string>();
  const edits: TextEdit[] = [];
  for (const [name, value] of values) {
    const col = columns[name];
    if (col === undefined) continue;
    const cell = row.cells[col];
    if (cell) {
      if (cell.text !== value) edits.push(cellEdit(cell, value));
    } else byColumn.set(col, value);
  }
  // A short row: pad it up to the cells it needs (the whole header when columns are added).
  let length = newColumns.length > 0 ? Math.max(headerLength, row.cells.length) : row.cells.length;
  for (const [col, value] of byColumn) if (value !== '') length = Math.max(length, col + 1);
  const quoteAll = allQuoted(row);
  let tail = '';
  for (let col = row.cells.length; col < length; col++) tail += ',' + newCellText(byColumn.get(col) ?? '', quoteAll);
  for (const name of newColumns) tail += ',' + newCellText(values.get(name) ?? '', quoteAll);
  return { edits, tail };
}

/** Edits that change `line` (when `change` is given) and insert copies of it right below. */
export function csvLineEdits(doc: ClaimDocument, line: ServiceLine, change: LineChange | undefined, copies: readonly LineChange[]): TextEdit[] | undefined {
  const csv = doc.csv;
  const row = line.row;
  if (!csv || !row) return undefined;
  const own = change ? planCells(doc, line, change) : new Map<FieldName, string>();
  const copyValues = copies.map((c) => planCells(doc, line, c));
  if (!own || copyValues.some((v) => v === undefined)) return undefined;
  const plans = [own, ...(copyValues as CellValues[])];
  const newColumns = FIELD_NAMES.filter((f) => csv.columns[f] === undefined && plans.some((p) => (p.get(f) ?? '') !== ''));

  const edits: TextEdit[] = [];
  if (newColumns.length > 0) {
    const header = csv.header;
    if (!header) return undefined;
    const quoteAll = allQuoted(header);
    const nameOf = (f: FieldName): string | undefined => {
      const col = csv.columns[f];
      return col === undefined ? undefined : header.cells[col]?.text;
    };
    const title = (f: FieldName): string => modifierColumnName(f, nameOf);
    edits.push({ start: header.span.end, end: header.span.end, newText: newColumns.map((f) => ',' + newCellText(title(f), quoteAll)).join('') });
    for (const other of csv.rows) {
      if (other.span.start === row.span.start) continue;
      const { tail } = rowEdits(doc, other, new Map(), newColumns);
      edits.push({ start: other.span.end, end: other.span.end, newText: tail });
    }
  }

  const mine = rowEdits(doc, row, own, newColumns);
  edits.push(...mine.edits);
  let tail = mine.tail;
  if (copies.length > 0) {
    const rowText = doc.text.slice(row.span.start, row.span.end);
    const copyTexts = (copyValues as CellValues[]).map((values) => {
      const { edits: cellEdits, tail: copyTail } = rowEdits(doc, row, values, newColumns);
      const relative = cellEdits.map((e) => ({ start: e.start - row.span.start, end: e.end - row.span.start, newText: e.newText }));
      return applyEdits(rowText, relative) + copyTail;
    });
    // A copy is still this line: the rules the analyst turned off for it stay off on the copy
    // (the JSON copy keeps the object's lint_disable the same way).
    // The comment's span is its row's text, without the line end.
    const comment = line.disableComment ? doc.text.slice(line.disableComment.start, line.disableComment.end) : '';
    if (comment !== '') for (let k = 0; k < copyTexts.length; k++) copyTexts[k] = comment + csv.eol + copyTexts[k];
    if (row.eol === '') {
      // The last row without a line end: the copies go after a new line end, none after the last.
      tail += copyTexts.map((t) => csv.eol + t).join('');
    } else {
      const at = row.span.end + row.eol.length;
      edits.push({ start: at, end: at, newText: copyTexts.map((t) => t + csv.eol).join('') });
    }
  }
  if (tail !== '') edits.push({ start: row.span.end, end: row.span.end, newText: tail });
  return edits;
}

/** Remove the row, its line end and the disable comment right above it. */
export function csvRemoveLineEdits(doc: ClaimDocument, line: ServiceLine): TextEdit[] | undefined {
  const row = line.row;
  if (!row) return undefined;
  let start = line.disableComment?.start ?? row.span.start;
  let end = row.span.end + row.eol.length;
  if (row.eol === '') {
    // Last row without a line end: take the line end before it, so the file still ends without one.
    start -= eolLengthBefore(doc.text, start);
    end = row.span.end;
  }
  return [{ start, end, newText: '' }];
}

/** `# infusion-claims-disable-next-line <id>` above the row, or `, <id>` appended to the one there. */
export function csvDisableEdits(doc: ClaimDocument, line: ServiceLine, ruleId: string): TextEdit[] | undefined {
  const row = line.row;
  if (!row) return undefined;
  const comment = line.disableComment;
  if (comment) {
    // The ids end before a ` -- reason`: the new one joins them, the reason stays last.
    const text = doc.text.slice(comment.start, comment.end);
    const body = text.slice(0, readDisableComment(text)?.idsEnd ?? text.trimEnd().length);
    const at = comment.start + body.length;
    // After the directive's name or a trailing comma (`drug-units,`) the id needs no comma of its own.
    const open = /disable-next-line$|,$/.test(body);
    return [{ start: at, end: at, newText: (open ? ' ' : ', ') + ruleId }];
  }
  const eol = row.eol || doc.csv?.eol || '\n';
  return [{ start: row.span.start, end: row.span.start, newText: `# infusion-claims-disable-next-line ${ruleId}${eol}` }];
}
