// Bytes that are not UTF-8 text. The editor and the CLI decode a file as UTF-8, and a byte that is
// not (a Windows-1252 `é` from an old export, binary noise) becomes U+FFFD, the replacement
// character. Its original byte is gone from the text: saving the file, or a fix, writes U+FFFD
// back. So it is shown where it is, before anyone edits or saves.

export const REPLACEMENT = 0xfffd;

export const NOT_UTF8_MESSAGE =
  'Not UTF-8 text here (shown as \uFFFD): the file was saved in another encoding, such as Windows-1252. Reopen it in that encoding and save it as UTF-8; saved as it is shown, the original character is lost';

/** The same, where the text around looks like UTF-16 read as UTF-8 (every other character NUL:
 *  a UTF-16 file saved without a byte order mark, as some Windows tools write it). */
export const UTF16_MESSAGE =
  'Not UTF-8 text here (shown as \uFFFD): the file looks like UTF-16 (every other byte is 0), saved without a byte order mark. Reopen it as UTF-16 LE and save it as UTF-8';

export function isNotUtf8Message(message: string): boolean {
  return message === NOT_UTF8_MESSAGE || message === UTF16_MESSAGE;
}

/** Whether the text around a run of U+FFFD, text[start, end), looks like UTF-16 read as UTF-8:
 *  at least 4 of the (up to) 16 characters on each side NUL, a third or more of them. */
export function looksUtf16(text: string, start: number, end: number): boolean {
  let nul = 0;
  let total = 0;
  for (let i = Math.max(0, start - 16); i < start; i++, total++) if (text.charCodeAt(i) === 0) nul++;
  for (let i = end; i < Math.min(text.length, end + 16); i++, total++) if (text.charCodeAt(i) === 0) nul++;
  return nul >= 4 && nul * 3 >= total;
}

/** The message of the run of U+FFFD text[start, end). */
export function notUtf8Message(text: string, start: number, end: number): string {
  return looksUtf16(text, start, end) ? UTF16_MESSAGE : NOT_UTF8_MESSAGE;
}

/** The end of the run of U+FFFD starting at `start` (at most `end`). */
export function replacementRunEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === REPLACEMENT) i++;
  return i;
}
