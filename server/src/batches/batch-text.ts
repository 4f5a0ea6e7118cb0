// A batch of a big CSV file as a small document (plan.ts): the header row, then the blocks of
// the batch's rows (each data row with the comment and blank rows above it) read from the file,
// in file order; and the way back from an offset in that text to the file's line and column.
import * as fs from 'fs';
import { upperBound } from '../sorted';
import type { BatchPlan } from './plan';

/** A 1-based line and column. */
export interface LineCol {
  readonly line: number;
  readonly column: number;
}

/** 1-based line:column of `offset`, counting from `from`, a line start that is the file's
 *  0-based line `line` (as the CLI's LineIndex counts: \n, \r\n and a lone \r end a line). */
export function lineColIn(text: string, from: number, line: number, offset: number): LineCol {
  let start = from;
  let n = line;
  for (let i = from; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      n++;
      start = i + 1;
    }
  }
  return { line: n + 1, column: offset - start + 1 };
}

/** Reads byte ranges of the file as text (`ascii`: the file is, so latin1 decodes it). */
function readRanges(fd: number, ranges: ReadonlyArray<readonly [number, number]>, ascii: boolean): string[] {
  const out: string[] = [];
  for (const [from, to] of ranges) {
    const b = Buffer.allocUnsafe(to - from);
    let got = 0;
    while (got < b.length) {
      const n = fs.readSync(fd, b, got, b.length - got, from + got);
      if (n === 0) break;
      got += n;
    }
    out.push(b.toString(ascii ? 'latin1' : 'utf8', 0, got));
  }
  return out;
}

/** One batch as a small document: the header, then its rows' blocks in file order. */
export interface BatchText {
  readonly text: string;
  /** Per block: its row (index into the plan's columns), where it starts in `text` and in the
   *  file (chars), and the file's 0-based line it starts on. */
  readonly rows: readonly number[];
  readonly synStart: readonly number[];
  readonly fileStart: readonly number[];
  readonly fileLine: readonly number[];
}

/**
 * Read batch b's blocks from the file after the header. `eolAfterLast`: give the file's last row
 * a line end when it has none (checking does, as it always has; fixing does not, so that the
 * block is the file's text: that row is always its batch's last block, rows being in file order).
 */
export function readBatch(plan: BatchPlan, fd: number, b: number, eolAfterLast = true): BatchText {
  const { charStart, byteStart, order, batchStart } = plan;
  // This batch's rows, in file order; adjacent blocks read as one range.
  const ranges: Array<{ from: number; to: number; rows: number[] }> = [];
  for (let j = batchStart[b]; j < batchStart[b + 1]; j++) {
    const i = order[j];
    const last = ranges[ranges.length - 1];
    if (last && last.to === byteStart[i]) {
      last.to = byteStart[i + 1];
      last.rows.push(i);
    } else {
      ranges.push({ from: byteStart[i], to: byteStart[i + 1], rows: [i] });
    }
  }
  const texts = readRanges(fd, ranges.map((r) => [r.from, r.to] as const), plan.ascii);
  // The batch's text: the header, then the blocks; where each block sits in it and in the file.
  const parts: string[] = [plan.header];
  let length = plan.header.length;
  const rows: number[] = [];
  const synStart: number[] = [];
  const fileStart: number[] = [];
  const fileLine: number[] = [];
  ranges.forEach((range, k) => {
    let at = 0;
    for (const i of range.rows) {
      const len = charStart[i + 1] - charStart[i];
      const block = texts[k].slice(at, at + len);
      at += len;
      rows.push(i);
      synStart.push(length);
      fileStart.push(charStart[i]);
      fileLine.push(plan.line[i]);
      const piece = plan.ends[i] || !eolAfterLast ? block : `${block}\n`;
      parts.push(piece);
      length += piece.length;
    }
  });
  return { text: parts.join(''), rows, synStart, fileStart, fileLine };
}

/** Each batch of a plan in turn, read from the file (kept open until the last, or until the
 *  caller stops early). */
export function* eachBatch(plan: BatchPlan): Generator<BatchText> {
  const fd = fs.openSync(plan.path, 'r');
  try {
    for (let b = 0; b + 1 < plan.batchStart.length; b++) yield readBatch(plan, fd, b);
  } finally {
    fs.closeSync(fd);
  }
}

/** The block of a batch holding a batch offset (at or after the first block). */
export function blockOf(batch: BatchText, offset: number): number {
  return Math.max(0, upperBound(batch.synStart, offset) - 1);
}

/** 1-based line:column in the file of a batch offset in block `block`. */
export function lineColInFile(batch: BatchText, block: number, offset: number): LineCol {
  return lineColIn(batch.text, batch.synStart[block], batch.fileLine[block], offset);
}
