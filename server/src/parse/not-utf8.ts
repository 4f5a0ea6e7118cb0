// Bytes that are not UTF-8 text. The editor and the CLI decode a file as UTF-8, and a byte that is
// not (a Windows-1252 `é` from an old export, binary noise) becomes U+FFFD, the replacement
// character. Its original byte is gone from the text: saving the file, or a fix, writes U+FFFD
// back. So it is shown where it is, before anyone edits or saves.

export const REPLACEMENT = 0xfffd;

export const NOT_UTF8_MESSAGE =
  'Not UTF-8 text here (shown as \uFFFD): the file was saved in another encoding, such as Windows-1252. Reopen it in that encoding and save it as UTF-8; saved as it is shown, the original character is lost';

/** The end of the run of U+FFFD starting at `start` (at most `end`). */
export function replacementRunEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === REPLACEMENT) i++;
  return i;
}
