// Positions in a file that is not open: the offsets where its lines start, kept instead of its
// text (4 bytes a line), so related information can point at the right line of an indexed file.
// Line ends are those of LSP: \n, \r\n and a lone \r. Characters are UTF-16 code units, as offsets are.
import type { Position } from 'vscode-languageserver/node';
import type { Positions } from './convert';

export class LineStarts implements Positions {
  private constructor(private readonly starts: Uint32Array, private readonly length: number) {}

  static of(text: string): LineStarts {
    const starts: number[] = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    return new LineStarts(Uint32Array.from(starts), text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** Only as exact as the text allows without the text: a character past a line's end is not
   *  clamped to it (nothing asks for an offset in an unopened file but tests). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.length;
    return Math.min(this.starts[position.line] + Math.max(0, position.character), this.length);
  }
}
