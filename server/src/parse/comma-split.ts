// A CSV row with more cells than the header. An unquoted comma in a number (`1,000.00` in a charge,
// `1,5` for 1.5 units) splits it into two cells and moves every value after it one field right:
// the row is misread, and its values must not be checked as read. A comma elsewhere may only split
// the last column (a note), or be a trailing comma (empty cells past the end): the values are right.
import type { FieldName } from '../model';
import type { CsvTable } from './csv-tokenizer';
import { parseDate, parseDecimal } from './values';

/** Numeric columns whose value an unquoted comma splits into two cells. */
const COMMA_NUMBER_FIELDS: readonly FieldName[] = ['units', 'charge', 'ndc_qty', 'wasted_units', 'duration_min'];
/** `1,000.00`, `$12,500`: thousands separators. */
const THOUSANDS = /^-?\$?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** `1,5`: a decimal comma (one or two digits after it, so it is no thousands separator). */
const DECIMAL_COMMA = /^-?\d+,\d{1,2}$/;

/** What a field's value must look like, for telling a realigned row from the row as read. */
const FORMS: ReadonlyArray<readonly [FieldName, (s: string) => boolean]> = [
  ['dos_from', (s) => parseDate(s) !== undefined],
  ['dos_to', (s) => parseDate(s) !== undefined],
  ['hcpcs', (s) => /^[A-Za-z0-9]{5}$/.test(s)],
  ['units', (s) => parseDecimal(s) !== undefined],
  ['charge', (s) => parseDecimal(s.replace(/^\$/, '')) !== undefined],
  ['ndc', (s) => /^\d[\d -]{8,12}\d$/.test(s)],
  ['ndc_unit', (s) => /^(F2|GR|ML|UN|MG)$/i.test(s)],
  ['ndc_qty', (s) => parseDecimal(s) !== undefined],
  ['wasted_units', (s) => parseDecimal(s) !== undefined],
  ['duration_min', (s) => parseDecimal(s) !== undefined],
  ['pos', (s) => /^\d{1,2}$/.test(s)],
];

export interface CommaSplit {
  readonly name: FieldName;
  /** The number as written, comma included. */
  readonly text: string;
  /** The same number as the claim file writes it: no thousands separators, a point for decimals. */
  readonly plain: string;
  /** From the first of its cells to the last. */
  readonly span: { readonly start: number; readonly end: number };
}

/**
 * The number a comma split, when exactly that explains the row's `count - expected` extra cells:
 * joined with the cells after it, a numeric column's value is a number written with a comma, and
 * the row then reads with every typed value in its form, where as read it does not (a comma in the
 * last column, a note, leaves the values right: nothing to blame). Thousands separators before a
 * decimal comma (`30` units beside a `1,000.00` charge make `30,1` too); undefined when no single
 * number explains it.
 */
export function commaSplitNumber(table: CsvTable, columns: Partial<Record<FieldName, number>>, first: number, count: number, expected: number): CommaSplit | undefined {
  const extra = count - expected;
  if (extra <= 0) return undefined;
  const text = table.text;
  const cell = (c: number): string => text.slice(table.cellStart[c], table.cellEnd[c]).trim();
  /** Typed values out of their form when column `at` takes `extra` more cells (none: as read). */
  const misfits = (at: number): number => {
    let n = 0;
    for (const [name, fits] of FORMS) {
      const col = columns[name];
      if (col === undefined || col === at || col >= expected) continue;
      const value = cell(first + (at >= 0 && col > at ? col + extra : col));
      if (value !== '' && !fits(value)) n++;
    }
    return n;
  };
  const asRead = misfits(-1);
  if (asRead === 0) return undefined;
  const found: Array<CommaSplit & { thousands: boolean }> = [];
  for (const name of COMMA_NUMBER_FIELDS) {
    const col = columns[name];
    if (col === undefined || col >= expected) continue;
    const start = table.cellStart[first + col];
    const end = table.cellEnd[first + col + extra];
    const joined = text.slice(start, end).trim();
    const thousands = THOUSANDS.test(joined);
    if (!thousands && !DECIMAL_COMMA.test(joined)) continue;
    if (misfits(col) !== 0) continue;
    const plain = thousands ? joined.replace(/[,$]/g, '') : joined.replace(',', '.');
    found.push({ name, text: joined, plain, span: { start, end }, thousands });
  }
  const best = found.some((f) => f.thousands) ? found.filter((f) => f.thousands) : found;
  if (best.length !== 1) return undefined;
  const { name, text: written, plain, span } = best[0];
  return { name, text: written, plain, span };
}

/** Whether the row's values are read into the wrong fields: text in a cell past the header's
 *  last (unless commaInLastNote explains it), or a number split by a comma (commaSplitNumber).
 *  Blank cells past the end (a trailing comma) move nothing. */
export function isMisread(table: CsvTable, columns: Partial<Record<FieldName, number>>, first: number, count: number, expected: number): boolean {
  if (count <= expected) return false;
  const text = table.text;
  for (let c = first + expected; c < first + count; c++) {
    for (let i = table.cellStart[c]; i < table.cellEnd[c]; i++) {
      if (text.charCodeAt(i) > 0x20) return !commaInLastNote(table, columns, first, count, expected);
    }
  }
  return commaSplitNumber(table, columns, first, count, expected) !== undefined;
}

/** Text past the header's last column that is the rest of a note: notes is the last column and
 *  the typed values before it are in their forms, but for one (`…,1,Ceftriaxone 2 g, see chart`).
 *  The row's values are where they belong, and only the note lost its end: they are checked, not
 *  dropped as misread. (One value out of form is a value to report; a comma earlier in the row
 *  moves every typed value after it, most of them out of their forms.) */
export function commaInLastNote(table: CsvTable, columns: Partial<Record<FieldName, number>>, first: number, count: number, expected: number): boolean {
  if (count <= expected || columns.notes !== expected - 1) return false;
  const text = table.text;
  let misfits = 0;
  for (const [name, fits] of FORMS) {
    const col = columns[name];
    if (col === undefined || col >= expected) continue;
    const value = text.slice(table.cellStart[first + col], table.cellEnd[first + col]).trim();
    if (value !== '' && !fits(value) && ++misfits > 1) return false;
  }
  return commaSplitNumber(table, columns, first, count, expected) === undefined;
}
