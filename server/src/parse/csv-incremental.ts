// Re-reading an edited CSV text by rows. Only the rows an edit touched are tokenised and read
// again; the other rows' cells are copied from the previous table (moved by the edit's length
// change) and their lines kept or copied, so a keystroke in a 100k-row file costs a few rows of
// reading instead of the whole file. The result is the document a full parseCsv of the new text
// gives (same lines, values, spans, problems and claims): test/parse/csv-incremental.test.ts.
import type { ClaimDocument } from '../model';
import { CsvRowReader, csvStateOf, shiftedModifiers } from './csv';
import { CsvLine } from './csv-line';
import { CsvScanner, CsvTable, type CsvRowIssue } from './csv-tokenizer';

/** An edit as two texts differ: [start, oldEnd) of the old text became [start, newEnd) of the new. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Chunk compared at once: string equality of slices runs as a memory compare in the engine. */
const CHUNK = 4096;

function commonPrefix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + CHUNK <= limit && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + CHUNK <= limit && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Where two texts differ (the smallest range, by common prefix and suffix); undefined when equal. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  const start = commonPrefix(before, after, shorter);
  const end = commonSuffix(before, after, shorter - start);
  return { start, oldEnd: before.length - end, newEnd: after.length - end };
}

/**
 * The re-read document and what became of the previous document's lines: lines [0, before) are
 * the old lines [0, before); lines [before, windowEnd) were read again; the old lines from
 * oldWindowEnd on follow them in order, moved by the edit.
 */
export interface CsvReread {
  readonly doc: ClaimDocument;
  readonly before: number;
  readonly windowEnd: number;
  readonly oldWindowEnd: number;
  /** Per re-read line (windowEnd − before of them): the old line whose values it kept, or -1 for a
   *  line read anew (its row changed, or its suppression did). */
  readonly windowOrigin: readonly number[];
}

/** A typed array with room for `need` items (contents kept). */
function sized<T extends Int32Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as { new (n: number): T })(need);
  b.set(a);
  return b;
}

/** The first index in [0, n) whose value is >= x (values nondecreasing); n when none. */
function lowerBound(values: Int32Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The document of `text`, an edit of `prev`'s text, read row-incrementally; undefined when only a
 * full read will do: the edit touches the header (or what precedes it), or the old text has an
 * unclosed quote (its cell's extent depends on text far away).
 */
export function rereadCsv(prev: ClaimDocument, text: string, change: TextChange): CsvReread | undefined {
  const state = csvStateOf(prev);
  if (!state || !state.source || state.headerRow < 0 || prev.text.length !== text.length - (change.newEnd - change.oldEnd)) return undefined;
  const old = state.table;
  for (const issues of old.issues.values()) if (issues.some((i) => i.kind === 'unclosed-quote')) return undefined;
  const delta = change.newEnd - change.oldEnd;

  // The first row the edit can change: a row is read up to its next row's first character.
  const r0 = lowerBound(old.rowNext, old.rowCount, change.start);
  if (r0 <= state.headerRow) return undefined;

  // The new table: rows before r0 as they were, then rows read again until one starts where an
  // old row (after the edit) starts, then the old rows from there, moved.
  const c0 = r0 < old.rowCount ? old.rowFirstCell[r0] : old.cellCount;
  const table = new CsvTable(text, old.rowCount + 64, old.cellCount + 1024);
  table.rowStart.set(old.rowStart.subarray(0, r0));
  table.rowEnd.set(old.rowEnd.subarray(0, r0));
  table.rowNext.set(old.rowNext.subarray(0, r0));
  table.rowKind.set(old.rowKind.subarray(0, r0));
  table.rowFirstCell.set(old.rowFirstCell.subarray(0, r0));
  table.rowCells.set(old.rowCells.subarray(0, r0));
  table.cellStart.set(old.cellStart.subarray(0, c0));
  table.cellEnd.set(old.cellEnd.subarray(0, c0));
  table.cellFlags.set(old.cellFlags.subarray(0, c0));
  table.rowCount = r0;
  table.cellCount = c0;
  for (const [c, end] of old.trailingEnd) if (c < c0) table.trailingEnd.set(c, end);
  for (const [r, issues] of old.issues) if (r < r0) table.issues.set(r, issues);

  const scanner = new CsvScanner(text, table);
  let resync = old.rowCount; // the first old row kept after the re-read ones
  if (r0 < old.rowCount) {
    for (let p = old.rowStart[r0]; p < text.length; ) {
      const next = table.rowNext[scanner.scanRow(p)];
      if (next >= change.newEnd && next < text.length) {
        const at = lowerBound(old.rowStart, old.rowCount, next - delta);
        if (at < old.rowCount && old.rowStart[at] === next - delta) {
          resync = at;
          break;
        }
      }
      p = next;
    }
  } else {
    // The edit appends after the last row's line end.
    for (let p = old.rowCount > 0 ? old.rowNext[old.rowCount - 1] : 0; p < text.length; ) p = table.rowNext[scanner.scanRow(p)];
  }
  const firstKept = table.rowCount; // new index of old row `resync`
  const rowShift = firstKept - resync;
  const oldFirstCell = resync < old.rowCount ? old.rowFirstCell[resync] : old.cellCount;
  const cellShift = table.cellCount - oldFirstCell;
  const keptRows = old.rowCount - resync;
  const keptCells = old.cellCount - oldFirstCell;
  if (keptRows > 0) {
    const rows = firstKept + keptRows;
    table.rowStart = sized(table.rowStart, rows);
    table.rowEnd = sized(table.rowEnd, rows);
    table.rowNext = sized(table.rowNext, rows);
    table.rowKind = sized(table.rowKind, rows);
    table.rowFirstCell = sized(table.rowFirstCell, rows);
    table.rowCells = sized(table.rowCells, rows);
    const cells = table.cellCount + keptCells;
    table.cellStart = sized(table.cellStart, cells);
    table.cellEnd = sized(table.cellEnd, cells);
    table.cellFlags = sized(table.cellFlags, cells);
    // Bulk copies, then the moves in place (plain loops over local arrays: this runs per keystroke).
    const rowStart = table.rowStart;
    const rowEnd = table.rowEnd;
    const rowNext = table.rowNext;
    const rowFirstCell = table.rowFirstCell;
    rowStart.set(old.rowStart.subarray(resync, old.rowCount), firstKept);
    rowEnd.set(old.rowEnd.subarray(resync, old.rowCount), firstKept);
    rowNext.set(old.rowNext.subarray(resync, old.rowCount), firstKept);
    rowFirstCell.set(old.rowFirstCell.subarray(resync, old.rowCount), firstKept);
    table.rowKind.set(old.rowKind.subarray(resync, old.rowCount), firstKept);
    table.rowCells.set(old.rowCells.subarray(resync, old.rowCount), firstKept);
    const rowsEnd = firstKept + keptRows;
    if (delta !== 0) {
      for (let r = firstKept; r < rowsEnd; r++) {
        rowStart[r] += delta;
        rowEnd[r] += delta;
        rowNext[r] += delta;
      }
    }
    if (cellShift !== 0) for (let r = firstKept; r < rowsEnd; r++) rowFirstCell[r] += cellShift;
    const cellStart = table.cellStart;
    const cellEnd = table.cellEnd;
    const cellsFrom = table.cellCount;
    const cellsEnd = cellsFrom + keptCells;
    cellStart.set(old.cellStart.subarray(oldFirstCell, old.cellCount), cellsFrom);
    cellEnd.set(old.cellEnd.subarray(oldFirstCell, old.cellCount), cellsFrom);
    table.cellFlags.set(old.cellFlags.subarray(oldFirstCell, old.cellCount), cellsFrom);
    if (delta !== 0) {
      for (let c = cellsFrom; c < cellsEnd; c++) {
        cellStart[c] += delta;
        cellEnd[c] += delta;
      }
    }
    for (const [c, end] of old.trailingEnd) if (c >= oldFirstCell) table.trailingEnd.set(c + cellShift, end + delta);
    for (const [r, issues] of old.issues) {
      if (r < resync) continue;
      table.issues.set(r + rowShift, issues.map((i): CsvRowIssue => ({ kind: i.kind, column: i.column, span: { start: i.span.start + delta, end: i.span.end + delta } })));
    }
    table.rowCount = firstKept + keptRows;
    table.cellCount += keptCells;
  }

  // The dominant line end, as tokenizeCsv counts it.
  let crlf = 0;
  let lf = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const n = table.rowNext[r] - table.rowEnd[r];
    if (n === 2) crlf++;
    else if (n === 1 && text.charCodeAt(table.rowEnd[r]) === 0x0a) lf++;
  }

  const prevLines = prev.lines as readonly CsvLine[];
  const prevSource = state.source;
  const dataRows = state.dataRows;
  const reader = new CsvRowReader(text, table);
  reader.readRow(state.headerRow);
  const source = reader.source!;
  // The header is unchanged: its problems (and every line's before the edit) are the old ones.
  reader.problems.length = 0;
  const windowOrigin: number[] = [];

  // Lines before the edit: kept as they are, or copied onto the new table when they read an
  // older one (so at most two tables stay alive). Re-reading starts after the last of them, so
  // that the comment rows above the first re-read line are read again too.
  const a = lowerBoundOf(dataRows, r0);
  for (let i = 0; i < a; i++) {
    const line = prevLines[i];
    const row = dataRows[i];
    reader.lines.push(line.readsFrom(prevSource) ? line
      : new CsvLine(source, row, line, i, line.claimIndex, line.span, line.modifiers, line.disabled, line.disableComment));
    reader.dataRows.push(row);
  }
  let claimsBefore = 0;
  while (claimsBefore < prev.claims.length && prev.claims[claimsBefore].lines[0].index < a) claimsBefore++;
  reader.resumeClaims(prev.claims.slice(0, claimsBefore).map((c) => c.id), a > 0 ? prevLines[a - 1] : undefined);
  for (const p of prev.problems) if (p.lineIndex === undefined || p.lineIndex < a) reader.problems.push(p);

  // The re-read rows, and the first data row after them (its suppression may have changed).
  let r = a > 0 ? dataRows[a - 1] + 1 : state.headerRow + 1;
  let oldNext = prevLines.length; // the first old line carried over after the re-read ones
  for (; r < table.rowCount; r++) {
    const kept = r >= firstKept;
    const oldLine = kept ? lineOfOldRow(dataRows, r - rowShift, prevLines.length) : -1;
    const line = reader.readRow(r, oldLine >= 0 ? prevLines[oldLine] : undefined, delta);
    if (!line) continue;
    windowOrigin.push(oldLine >= 0 && reader.fromPrevious ? oldLine : -1);
    if (kept) {
      oldNext = oldLine + 1;
      r++;
      break;
    }
  }

  const windowEnd = reader.lines.length;
  // Lines after: moved by the edit (copied), or kept as they are when nothing moved.
  const lineShift = reader.lines.length - oldNext;
  for (let i = oldNext; i < prevLines.length; i++) {
    const line = prevLines[i];
    const row = dataRows[i] + rowShift;
    const index = i + lineShift;
    const claimIndex = reader.claimOf(line.claimId);
    reader.lines.push(delta === 0 && lineShift === 0 && claimIndex === line.claimIndex && line.readsFrom(prevSource) ? line
      : new CsvLine(source, row, line, index, claimIndex,
        delta === 0 ? line.span : { start: line.span.start + delta, end: line.span.end + delta },
        shiftedModifiers(line.modifiers, delta), line.disabled,
        line.disableComment && delta !== 0 ? { start: line.disableComment.start + delta, end: line.disableComment.end + delta } : line.disableComment));
    reader.dataRows.push(row);
  }
  for (const p of prev.problems) {
    if (p.lineIndex === undefined || p.lineIndex < oldNext) continue;
    reader.problems.push(delta === 0 && lineShift === 0 ? p
      : { ruleId: p.ruleId, span: { start: p.span.start + delta, end: p.span.end + delta }, message: p.message, lineIndex: p.lineIndex + lineShift });
  }

  const doc = reader.finish({ table, bom: prev.csv?.bom ?? false, eol: crlf > lf ? '\r\n' : '\n' });
  return { doc, before: a, windowEnd, oldWindowEnd: oldNext, windowOrigin };
}

/** The first index whose value is >= x, in a sorted list. */
function lowerBoundOf(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The line read from old table row `row`, or -1 (a comment or blank row). */
function lineOfOldRow(dataRows: readonly number[], row: number, lines: number): number {
  const i = lowerBoundOf(dataRows, row);
  return i < lines && dataRows[i] === row ? i : -1;
}
