// Reading a claim file from disk. Claim files are UTF-8; some exports write UTF-16 with its byte
// order mark, which VS Code decodes by that mark. The CLI and workspace analysis decode it the same
// way, so they read what the editor shows: UTF-8 read of UTF-16 bytes is a NUL between every
// character, and every row a parse-error.
import * as fs from 'fs';
import * as fsp from 'fs/promises';

export type FileEncoding = 'utf8' | 'utf-16le' | 'utf-16be';

/** The encoding a file's first bytes name: a UTF-16 byte order mark (FF FE, FE FF), else UTF-8. */
export function encodingOf(bytes: Uint8Array): FileEncoding {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf8';
}

/** The text of a file's bytes: UTF-16 by its byte order mark (kept as U+FEFF, which the parsers
 *  skip as they skip UTF-8's), else UTF-8. */
export function decodeFileText(bytes: Buffer): string {
  const encoding = encodingOf(bytes);
  return encoding === 'utf8' ? bytes.toString('utf8') : new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** Whether the file starts with a UTF-16 byte order mark (read whole then, never in byte batches);
 *  false when it cannot be opened. */
export function isUtf16File(path: string): boolean {
  const head = Buffer.alloc(2);
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch {
    return false; // gone: its reader says so
  }
  try {
    return encodingOf(head.subarray(0, fs.readSync(fd, head, 0, 2, 0))) !== 'utf8';
  } finally {
    fs.closeSync(fd);
  }
}

export function readFileText(path: string): string {
  return decodeFileText(fs.readFileSync(path));
}

/** Opening a named pipe to read waits for a writer; with this flag it does not (no effect on a
 *  regular file; 0 where there is no such flag). */
const OPEN_NOW = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** A file's text; refuses (throws) what is not a regular file: a claim file replaced by a named
 *  pipe since it was listed would otherwise be waited on forever. */
export async function readFileTextAsync(path: string): Promise<string> {
  const handle = await fsp.open(path, OPEN_NOW);
  try {
    if (!(await handle.stat()).isFile()) throw new Error('not a regular file');
    return decodeFileText(await handle.readFile());
  } finally {
    await handle.close();
  }
}
