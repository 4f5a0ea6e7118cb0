// Offsets to 1-based line:column for the CLI's text and SARIF output (columns in UTF-16 code
// units, as the offsets are; SARIF's default columnKind).
import { upperBound } from '../sorted';
import type { LineCol } from '../batches/batch-text';

export type { LineCol };

export class LineIndex {
  private readonly starts: number[] = [0];
  /** A UTF-8 BOM is not a column an editor shows. */
  private readonly bom: boolean;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
    this.bom = text.charCodeAt(0) === 0xfeff;
  }

  /** Both ends of a span. */
  range(span: { readonly start: number; readonly end: number }): { start: LineCol; end: LineCol } {
    return { start: this.at(span.start), end: this.at(span.end) };
  }

  at(offset: number): LineCol {
    const lo = Math.max(0, upperBound(this.starts, offset) - 1);
    let column = offset - this.starts[lo] + 1;
    if (lo === 0 && this.bom && column > 1) column--;
    return { line: lo + 1, column };
  }
}
