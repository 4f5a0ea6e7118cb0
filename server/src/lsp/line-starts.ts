// Positions in a file that is not open: the offsets where its lines start, kept instead of its
// text (4 bytes a line), so related information can point at the right line of an indexed file.
// Line ends are those of LSP: \n, \r\n and a lone \r. Characters are UTF-16 code units, as offsets are.
import type { Position } from 'vscode-languageserver/node';
import type { Positions } from './convert';
import { upperBound } from '../sorted';

export class LineStarts implements Positions {
  private constructor(private readonly starts: Uint32Array, private readonly length: number) {}

  static of(text: string): LineStarts {
    return new LineStarts(text.indexOf('\r') < 0 ? lfStarts(text) : anyStarts(text), text.length);
  }

  /** Positions in a file read from disk, as an editor shows it: a leading byte order mark is no
   *  character of the first line (VS Code drops it from the text), so offsets after it count from it. */
  static ofFile(text: string): LineStarts {
    const starts = LineStarts.of(text);
    if (text.charCodeAt(0) === 0xfeff) starts.starts[0] = 1;
    return starts;
  }

  /** How many lines `of(text)` would find, without making their starts: two native searches, a
   *  few milliseconds on a 100k-line text. */
  static countLines(text: string): number {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
    return n;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    const lo = Math.max(0, upperBound(this.starts, o) - 1);
    return { line: lo, character: Math.max(0, o - this.starts[lo]) };
  }

  /** Only as exact as the text allows without the text: a character past a line's end is not
   *  clamped to it (nothing asks for an offset in an unopened file but tests). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.length;
    return Math.min(this.starts[position.line] + Math.max(0, position.character), this.length);
  }
}

/** Line starts of a text with only \n line ends. indexOf is native: on a 100k-line file this
 *  takes a few milliseconds, where a loop over every character took fifty on a cold start. */
function lfStarts(text: string): Uint32Array {
  let starts = new Uint32Array(1024);
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (n === starts.length) {
      const grown = new Uint32Array(n * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[n++] = i + 1;
  }
  return starts.slice(0, n);
}

/** Line starts when the text has CRs: \n, \r\n and a lone \r each end a line. */
function anyStarts(text: string): Uint32Array {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return Uint32Array.from(starts);
}
