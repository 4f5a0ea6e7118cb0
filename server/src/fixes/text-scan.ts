// Small text scanners shared by the CSV and JSON edit primitives (offset arithmetic only).

/** Line starts of the last text scanned: every offset right after a CR or an LF (so a CRLF has
 *  two, as the backwards scan this replaces had). Fix builders ask for the line start of many
 *  places of one text; on a minified one-line JSON export a backwards scan per fix was quadratic. */
let startsOf: { text: string; starts: number[] } | undefined;

function lineStarts(text: string): number[] {
  if (startsOf?.text !== text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) starts.push(i + 1);
    }
    startsOf = { text, starts };
  }
  return startsOf.starts;
}

/** Offset of the first character of the line holding `pos`. */
export function lineStartOf(text: string, pos: number): number {
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo]!;
}

/** Offset of the line end (CR or LF) at or after `pos`, or the text length. */
export function lineEndOf(text: string, pos: number): number {
  // The next line start after `pos` follows the line end; none: the line runs to the end.
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo < starts.length ? starts[lo]! - 1 : text.length;
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

/** Whether `s` holds a line end (LF, CRLF or a lone CR). */
export function hasLineEnd(s: string): boolean {
  return s.includes('\n') || s.includes('\r');
}

/** Only spaces and tabs. */
export function isBlank(s: string): boolean {
  return /^[ \t]*$/.test(s);
}

/** The spaces and tabs that start the line holding `pos`. */
export function indentOfLine(text: string, pos: number): string {
  const start = lineStartOf(text, pos);
  let end = start;
  while (end < pos && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
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

/** Where the JSONC comment at `pos` (`//` or `/*`) ends: its line end, or past its `*\/`. */
function commentEndAt(text: string, pos: number): number {
  if (text.startsWith('//', pos)) return lineEndOf(text, pos);
  const close = text.indexOf('*/', pos + 2);
  return close < 0 ? text.length : close + 2;
}

/**
 * `text` (JSONC) without its comments: a comment after a value goes with the spaces before it, a
 * line holding only a comment goes with its line end. Strings are read past (`"//"` stays).
 */
export function withoutComments(text: string): string {
  let out = '';
  let kept = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      // A string, to its closing quote or (unclosed) its line end.
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n' && text[i] !== '\r') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c !== '/' || (text[i + 1] !== '/' && text[i + 1] !== '*')) {
      i++;
      continue;
    }
    const end = commentEndAt(text, i);
    const lineStart = lineStartOf(text, i);
    const after = skipSpaces(text, end);
    let start: number;
    let stop: number;
    if (isBlank(text.slice(lineStart, i)) && (after === text.length || eolLengthAt(text, after) > 0)) {
      // Alone on its line(s): the lines go.
      const eol = eolLengthAt(text, after);
      start = eol > 0 ? lineStart : lineStart - eolLengthBefore(text, lineStart);
      stop = after + eol;
    } else if (after === text.length || eolLengthAt(text, after) > 0) {
      start = skipSpacesBack(text, i); // after a value: the spaces before it go too
      stop = end;
    } else {
      start = i; // a block comment before more text on its line
      stop = after;
    }
    start = Math.max(start, kept);
    out += text.slice(kept, start);
    kept = stop;
    i = stop;
  }
  return out + text.slice(kept);
}
