// The line end a file uses, for the lines and rows fixes add: shared by the CSV and JSON parsers.
import type { LineEnd } from '../model';

/** The line end most lines use; ties go to LF, then CRLF. A lone CR counts too: a file saved as
 *  "CSV (Macintosh)" has only those, and lines added with LF would mix line ends. */
export function dominantEol(crlf: number, lf: number, cr: number): LineEnd {
  if (cr > lf && cr > crlf) return '\r';
  return crlf > lf ? '\r\n' : '\n';
}
