// A data row that repeats the header: two exports joined (`cat march.csv april.csv`). Its cells
// name fields where values go, and read as a service line it gave a finding per cell ("Code hcpcs
// is not a procedure code", "units units is not a number"). It is one parse-error instead, and its
// line is misread (csv-line.ts): nothing else is reported on it. Row-local, so the incremental
// reader re-reads it like any row.
import type { FieldName } from '../model';
import type { CsvTable } from './csv-tokenizer';
import { fieldOf } from './fields';

const KEYS: readonly FieldName[] = ['units', 'hcpcs', 'claim_id', 'member_id', 'dos_from'];

/** Whether the row's first cell under `col` begins with a letter (a name, not a count or date). */
function startsWithLetter(table: CsvTable, first: number, count: number, col: number | undefined): boolean {
  if (col === undefined || col >= count) return false;
  const text = table.text;
  for (let i = table.cellStart[first + col]; i < table.cellEnd[first + col]; i++) {
    const ch = text.charCodeAt(i) | 0x20;
    if (ch === 0x20 || ch === 0x22) continue; // space or quote
    return ch >= 0x61 && ch <= 0x7a;
  }
  return false;
}

/** Whether the row names fields under three of the header's required columns (all of them,
 *  when it has fewer): a claim id that happens to be "claim" is not a header. Asked of every data
 *  row: a row whose units (or dos_from) cell does not begin with a letter is passed at once. */
export function repeatsHeader(table: CsvTable, columns: Partial<Record<FieldName, number>>, first: number, count: number): boolean {
  if (!startsWithLetter(table, first, count, columns.units ?? columns.dos_from)) return false;
  let present = 0;
  let named = 0;
  for (const f of KEYS) {
    const col = columns[f];
    if (col === undefined) continue;
    present++;
    if (col >= count) continue;
    const t = table.cellText(first + col).trim();
    if (t.length > 0 && t.length <= 40 && fieldOf(t) !== undefined) named++;
  }
  return named > 0 && named >= Math.min(3, present);
}

/** The parse-error message of a repeated header: whether its columns are the header's. */
export function repeatedHeaderMessage(table: CsvTable, columns: Partial<Record<FieldName, number>>, first: number, count: number): string {
  const moved: string[] = [];
  for (let k = 0; k < count; k++) {
    const t = table.cellText(first + k).trim();
    const name = t.length <= 40 ? fieldOf(t) : undefined;
    if (name !== undefined && columns[name] !== undefined && columns[name] !== k && !moved.includes(name)) moved.push(name);
  }
  const base = 'This row repeats the header (two exports joined?): remove it';
  if (moved.length === 0) return base;
  const shown = moved.length > 3 ? `${moved.slice(0, 3).join(', ')} and ${moved.length - 3} more` : moved.join(', ');
  return `${base}. Its columns are in another order than the first header's (${shown}), and the rows after it are read in the first header's order: put them in that order, or in a file of their own`;
}
