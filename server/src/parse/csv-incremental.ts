// Re-reading an edited CSV text by rows. Only the rows an edit touched are tokenised and read
// again; the table of cells is updated in place (the other rows' cells moved by the edit's length
// change) and the other lines kept as they are (a line's places follow its row: CsvLine), so a
// keystroke in a 100k-row file costs a few rows of reading instead of the whole file. The result is the document a full
// parseCsv of the new text gives (same lines, values, spans, problems and claims):
// test/engine/incremental.test.ts compares them over random edits.
import type { Claim, ClaimDocument } from '../model';
import { CsvRowReader, csvStateOf, forgetCsvState, memberKeyOf } from './csv';
import { CsvLine, movedBy } from './csv-line';
import { CsvScanner, CsvTable, type CsvRowIssue } from './csv-tokenizer';
import { dominantEol } from './line-end';
import type { Reread, TextChange } from './reread';
import { lowerBound } from '../sorted';

/** A typed array with room for `need` items (contents kept). */
function sized<T extends Int32Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as { new (n: number): T })(Math.max(need, Math.ceil(a.length * 1.25)));
  b.set(a);
  return b;
}

/** Add `by` to values [from, to) of the array (in place). */
function addTo(values: Int32Array, from: number, to: number, by: number): void {
  if (by === 0) return;
  for (let i = from; i < to; i++) values[i] += by;
}

/** The last offset the scanner read to decide whether the quote at `open` closes: the line end
 *  after the first quote that is not a `""` escape (the character after that quote, and the rest
 *  of its line, tell a clean close and a whole row: CsvScanner.endsWhole); -1 when no quote
 *  follows (it read them all). */
function quoteSearchEnd(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  while (q >= 0 && q + 1 < text.length && text.charCodeAt(q + 1) === 0x22) q = text.indexOf('"', q + 2);
  if (q < 0) return -1;
  let end = q + 1;
  while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
  return end;
}

/**
 * The document of `text`, an edit of `prev`'s text, read row-incrementally; undefined when only a
 * full read will do: the edit touches the header (or what precedes it), or the text an earlier
 * row's unclosed quote was judged by (its cell's extent depends on it), or the header names no claim
 * column (no rows are lines then, and their quoting problems belong to no line to carry over).
 *
 * The table of cells is updated in place (copying it per keystroke was most of the cost), so
 * `prev` must not be used after this: its unchanged lines live on in the new document, the
 * others read cells that moved. (A second re-read from `prev` is refused: csvStateOf is gone.)
 */
export function rereadCsv(prev: ClaimDocument, text: string, change: TextChange): Reread | undefined {
  const state = csvStateOf(prev);
  if (!state || !state.source || state.headerRow < 0 || prev.text.length !== text.length - (change.newEnd - change.oldEnd)) return undefined;
  if (Object.keys(state.source.columns).length === 0) return undefined;
  const table = state.table;
  const delta = change.newEnd - change.oldEnd;

  // The first row the edit can change: a row is read up to its next row's first character.
  const r0 = lowerBound(table.rowNext, change.start, table.rowCount);
  if (r0 <= state.headerRow) return undefined;
  // A row before r0 with an unclosed quote was read so because of the text after it, up to the
  // quote that did not close it: an edit there may close it. With no quote after it at all, only
  // an edit that types one can (the usual file has no quotes; typing elsewhere stays incremental).
  const typesQuote = text.slice(change.start, change.newEnd).includes('"');
  for (const [r, issues] of table.issues) {
    if (r >= r0) continue;
    for (const issue of issues) {
      if (issue.kind !== 'unclosed-quote') continue;
      const judgedTo = quoteSearchEnd(prev.text, issue.span.start);
      if (judgedTo < 0 ? typesQuote : change.start <= judgedTo) return undefined;
    }
  }
  const c0 = r0 < table.rowCount ? table.rowFirstCell[r0] : table.cellCount;

  // Read rows of the new text from r0 until one starts where an old row (after the edit) starts:
  // from there on the rows are the old ones, moved. (Into a small table of their own first.)
  const fresh = new CsvTable(text, 64, 1024);
  const scanner = new CsvScanner(text, fresh);
  scanner.expectedCells = table.rowCells[state.headerRow]; // as tokenizeCsv reads quotes
  let resync = table.rowCount; // the first old row kept after the re-read ones
  let p = r0 < table.rowCount ? table.rowStart[r0] : table.rowCount > 0 ? table.rowNext[table.rowCount - 1] : 0;
  while (p < text.length) {
    const next = fresh.rowNext[scanner.scanRow(p)];
    if (next >= change.newEnd && next < text.length) {
      const at = lowerBound(table.rowStart, next - delta, table.rowCount);
      if (at < table.rowCount && table.rowStart[at] === next - delta) {
        resync = at;
        break;
      }
    }
    p = next;
  }

  // The dominant line end, as tokenizeCsv counts it: the old counts, less the replaced rows', plus the new rows'.
  let crlf = state.crlf;
  let lf = state.lf;
  let cr = state.cr;
  const count = (t: CsvTable, from: number, to: number, sign: number): void => {
    for (let r = from; r < to; r++) {
      const n = t.rowNext[r] - t.rowEnd[r];
      if (n === 2) crlf += sign;
      else if (n === 1) {
        if (t.text.charCodeAt(t.rowEnd[r]) === 0x0a) lf += sign;
        else cr += sign;
      }
    }
  };
  count(table, r0, resync, -1);
  count(fresh, 0, fresh.rowCount, +1);

  // Now update the table: move the kept rows and cells to their new places, moved by delta, and
  // put the re-read ones in the gap.
  const oldRows = table.rowCount;
  const oldCells = table.cellCount;
  const oldFirstCell = resync < oldRows ? table.rowFirstCell[resync] : oldCells;
  const firstKept = r0 + fresh.rowCount; // new index of old row `resync`
  const rowShift = firstKept - resync;
  const keptCells = c0 + fresh.cellCount;
  const cellShift = keptCells - oldFirstCell;
  const rows = oldRows + rowShift;
  const cells = oldCells + cellShift;
  table.rowStart = sized(table.rowStart, rows);
  table.rowEnd = sized(table.rowEnd, rows);
  table.rowNext = sized(table.rowNext, rows);
  table.rowKind = sized(table.rowKind, rows);
  table.rowFirstCell = sized(table.rowFirstCell, rows);
  table.rowCells = sized(table.rowCells, rows);
  table.cellStart = sized(table.cellStart, cells);
  table.cellEnd = sized(table.cellEnd, cells);
  table.cellFlags = sized(table.cellFlags, cells);
  const rowArrays = [table.rowStart, table.rowEnd, table.rowNext, table.rowKind, table.rowFirstCell, table.rowCells];
  const freshRows = [fresh.rowStart, fresh.rowEnd, fresh.rowNext, fresh.rowKind, fresh.rowFirstCell, fresh.rowCells];
  rowArrays.forEach((a, k) => {
    if (rowShift !== 0) a.copyWithin(firstKept, resync, oldRows);
    a.set(freshRows[k].subarray(0, fresh.rowCount), r0);
  });
  addTo(table.rowStart, firstKept, rows, delta);
  addTo(table.rowEnd, firstKept, rows, delta);
  addTo(table.rowNext, firstKept, rows, delta);
  addTo(table.rowFirstCell, firstKept, rows, cellShift);
  addTo(table.rowFirstCell, r0, firstKept, c0);
  const cellArrays = [table.cellStart, table.cellEnd, table.cellFlags];
  const freshCells = [fresh.cellStart, fresh.cellEnd, fresh.cellFlags];
  cellArrays.forEach((a, k) => {
    if (cellShift !== 0) a.copyWithin(keptCells, oldFirstCell, oldCells);
    a.set(freshCells[k].subarray(0, fresh.cellCount), c0);
  });
  addTo(table.cellStart, keptCells, cells, delta);
  addTo(table.cellEnd, keptCells, cells, delta);
  const trailing = [...table.trailingEnd].filter(([c]) => c >= c0);
  for (const [c] of trailing) table.trailingEnd.delete(c);
  for (const [c, end] of trailing) if (c >= oldFirstCell) table.trailingEnd.set(c + cellShift, end + delta);
  for (const [c, end] of fresh.trailingEnd) table.trailingEnd.set(c + c0, end);
  const issues = [...table.issues].filter(([r]) => r >= r0);
  for (const [r] of issues) table.issues.delete(r);
  for (const [r, list] of issues) {
    if (r < resync) continue;
    table.issues.set(r + rowShift, delta === 0 ? list : list.map((i): CsvRowIssue => ({ kind: i.kind, column: i.column, span: movedBy(i.span, delta) })));
  }
  for (const [r, list] of fresh.issues) table.issues.set(r + r0, list);
  table.rowCount = rows;
  table.cellCount = cells;
  table.text = text;
  table.forgetRowsFrom(r0);
  forgetCsvState(prev);

  const prevLines = prev.lines as readonly CsvLine[];
  const dataRows = state.dataRows;
  const reader = new CsvRowReader(text, table);
  reader.keptSource = state.source; // the header row is before the edit (r0 > headerRow)
  reader.readRow(state.headerRow);
  // The header is unchanged: its problems (and every line's before the edit) are the old ones.
  reader.problems.length = 0;
  const windowOrigin: number[] = [];

  // Lines before the edit: kept as they are. Re-reading starts after the last of them, so that
  // the comment rows above the first re-read line are read again too.
  const a = lowerBound(dataRows, r0);
  reader.lines = prevLines.slice(0, a);
  reader.dataRows = dataRows.slice(0, a);
  let claimsBefore = 0;
  while (claimsBefore < prev.claims.length && prev.claims[claimsBefore].lines[0].index < a) claimsBefore++;
  reader.resumeClaims(prev.claims.slice(0, claimsBefore).map((c) => c.id), a > 0 ? prevLines[a - 1] : undefined);
  for (const pr of prev.problems) if (pr.lineIndex === undefined || pr.lineIndex < a) reader.problems.push(pr);

  // The re-read rows, and the first data row after them (its suppression may have changed).
  let oldNext = prevLines.length; // the first old line carried over after the re-read ones
  for (let r = a > 0 ? dataRows[a - 1] + 1 : state.headerRow + 1; r < table.rowCount; r++) {
    const kept = r >= firstKept;
    const oldLine = kept ? lineOfOldRow(dataRows, r - rowShift, prevLines.length) : -1;
    const line = reader.readRow(r, oldLine >= 0 ? prevLines[oldLine] : undefined);
    if (!line) continue;
    windowOrigin.push(oldLine >= 0 && reader.fromPrevious ? oldLine : -1);
    if (kept) {
      oldNext = oldLine + 1;
      break;
    }
  }
  const windowEnd = reader.lines.length;
  const lineShift = windowEnd - oldNext;

  // The claims stay numbered as they were when the re-read lines have the claim ids the old ones
  // had (numbering follows the claim ids in file order): then the old claims stand.
  let sameClaims = lineShift === 0;
  for (let i = a; sameClaims && i < windowEnd; i++) sameClaims = reader.lines[i].claimId === prevLines[i].claimId;

  // Lines after: the same objects. Their places follow their rows in the table when next read
  // (CsvLine: current); only rows or lines added or removed, or claims numbered anew, move them.
  const inPlace = rowShift === 0 && sameClaims;
  if (inPlace) {
    reader.lines = reader.lines.concat(prevLines.slice(oldNext));
    reader.dataRows = reader.dataRows.concat(dataRows.slice(oldNext));
  } else {
    for (let i = oldNext; i < prevLines.length; i++) {
      const line = prevLines[i];
      const row = dataRows[i] + rowShift;
      // claimOf in file order: it numbers the claims as it meets them.
      line.moveTo(row, i + lineShift, sameClaims ? line.claimIndex : reader.claimOf(line.claimId));
      reader.lines.push(line);
      reader.dataRows.push(row);
    }
  }
  for (const pr of prev.problems) {
    if (pr.lineIndex === undefined || pr.lineIndex < oldNext) continue;
    reader.problems.push(delta === 0 && lineShift === 0 ? pr
      : { ruleId: pr.ruleId, span: movedBy(pr.span, delta), message: pr.message, lineIndex: pr.lineIndex + lineShift });
  }
  const lines = reader.lines;

  // Member numbers: the old ones before and after, the re-read lines' anew.
  const memberKeys = new Int32Array(lines.length);
  memberKeys.set(state.memberKeys.subarray(0, a));
  for (let i = a; i < windowEnd; i++) memberKeys[i] = memberKeyOf(state.members, lines[i].memberId);
  memberKeys.set(state.memberKeys.subarray(oldNext), windowEnd);

  // Claims: those wholly before the edit stand, and those wholly after it when no line came or
  // went (their span moved); the others list the new lines.
  let claims: Claim[] | undefined;
  if (sameClaims) {
    claims = prev.claims.map((c): Claim => {
      if (c.lines[c.lines.length - 1].index < a) return c;
      if (inPlace && c.lines[0].index >= oldNext) {
        return delta === 0 ? c : { index: c.index, id: c.id, span: movedBy(c.span, delta), lines: c.lines };
      }
      const ls = c.lines.map((l) => lines[l.index]);
      return { index: c.index, id: c.id, span: { start: ls[0].span.start, end: ls[ls.length - 1].span.end }, lines: ls };
    });
  }

  const doc = reader.finish({ table, bom: prev.csv?.bom ?? false, eol: dominantEol(crlf, lf, cr), crlf, lf, cr },
    { claims, claimByKey: sameClaims ? state.claimByKey : undefined, memberKeys, members: state.members });
  return { doc, before: a, windowEnd, oldWindowEnd: oldNext, windowOrigin };
}

/** The line read from old table row `row`, or -1 (a comment or blank row). */
function lineOfOldRow(dataRows: readonly number[], row: number, lines: number): number {
  const i = lowerBound(dataRows, row);
  return i < lines && dataRows[i] === row ? i : -1;
}
