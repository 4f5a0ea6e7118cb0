// Whether a file on disk is UTF-8, without holding it: --fix in parts writes only such a file, and
// a check in parts reads a U+FFFD in it as a character the file holds (LintOptions.validUtf8).
import * as fs from 'fs';
import { isUtf8 } from 'buffer';

const COPY_BYTES = 4 << 20;

/** Whether the file's bytes are UTF-8, read in chunks (a character split by a chunk's end is
 *  carried into the next). */
export function fileIsUtf8(path: string): boolean {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(COPY_BYTES + 3);
    let carry = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, carry, COPY_BYTES, null);
      const end = carry + n;
      if (n === 0) return carry === 0 || isUtf8(buf.subarray(0, end));
      // Hold back an incomplete character at the end: the start of its sequence in the last 3 bytes.
      let cut = end;
      for (let i = end - 1; i >= Math.max(0, end - 3); i--) {
        const c = buf[i];
        if ((c & 0xc0) === 0x80) continue; // a continuation byte
        const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        if (end - i < need) cut = i;
        break;
      }
      if (!isUtf8(buf.subarray(0, cut))) return false;
      buf.copy(buf, 0, cut, end);
      carry = end - cut;
    }
  } finally {
    fs.closeSync(fd);
  }
}
