// Small text scanners shared by the CSV and JSON edit primitives (offset arithmetic only).

/** Offset of the first character of the line holding `pos`. */
export function lineStartOf(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset of the line end (CR or LF) at or after `pos`, or the text length. */
export function lineEndOf(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Length of the line end starting at `pos` (2 for CRLF, 1 for LF or CR, 0 otherwise). */
export function eolLengthAt(text: string, pos: number): number {
  if (text.startsWith('\r\n', pos)) return 2;
  return text[pos] === '\n' || text[pos] === '\r' ? 1 : 0;
}

/** Length of the line end that ends right before `pos` (0 when none). */
export function eolLengthBefore(text: string, pos: number): number {
  if (pos >= 2 && text.startsWith('\r\n', pos - 2)) return 2;
  return pos >= 1 && (text[pos - 1] === '\n' || text[pos - 1] === '\r') ? 1 : 0;
}

/** Only spaces and tabs. */
export function isBlank(s: string): boolean {
  return /^[ \t]*$/.test(s);
}

/** The spaces and tabs that start the line holding `pos`. */
export function indentOfLine(text: string, pos: number): string {
  const start = lineStartOf(text, pos);
  return /^[ \t]*/.exec(text.slice(start, pos))?.[0] ?? '';
}

/** Skip spaces and tabs from `pos`. */
export function skipSpaces(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Skip spaces and tabs backwards: the start of the horizontal whitespace that ends at `pos`. */
export function skipSpacesBack(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i;
}

/** Skip whitespace (line ends included) from `pos`. */
export function skipWhitespace(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Skip whitespace and JSONC comments from `pos`. */
export function skipTrivia(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    i = skipWhitespace(text, i);
    if (text.startsWith('//', i)) i = lineEndOf(text, i);
    else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else return i;
  }
}
