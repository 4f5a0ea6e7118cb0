// Writing a fixed file atomically: a temporary file beside it, then a rename, so an interrupted
// run never leaves a half-written claim file. The file stays what it was to its owners: a
// read-only file is not written, a symbolic link stays a link (its target is fixed), and the
// mode (and, where allowed, the owner) carry over to the new file.
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The temporary file's name: beside the target (a rename within one folder is atomic), but short,
 *  never built from the target's name, which may already be near the 255-byte limit of a name
 *  (a 250-byte file name gave ENAMETOOLONG). pid and counter keep two writers apart; the random
 *  part, a stale file of an earlier run with the same pid ('wx' would refuse it). */
let written = 0;
function temporaryName(): string {
  return `.infusion-claims.${process.pid}.${++written}.${randomBytes(4).toString('hex')}.tmp`;
}

/** Thrown when the file is read-only: `--fix` leaves it alone and says so. */
export class ReadOnlyError extends Error {
  readonly code = 'EACCES';
}

export function writeFileAtomic(file: string, text: string): void {
  writeFileAtomicWith(file, (fd) => fs.writeSync(fd, text, null, 'utf8'));
}

/** The same, the new content written by `write` to the temporary file's descriptor (a big file
 *  fixed in parts is written piece by piece: csv-parts-fix.ts). */
export function writeFileAtomicWith(file: string, write: (fd: number) => void): void {
  const target = fs.realpathSync(file);
  const stat = fs.statSync(target);
  const mode = stat.mode & 0o7777;
  // No write bit at all is read-only, even for a user (root) the system would let write it.
  if ((mode & 0o222) === 0) throw new ReadOnlyError('read-only file');
  fs.accessSync(target, fs.constants.W_OK);
  const tmp = path.join(path.dirname(target), temporaryName());
  let fd: number | undefined;
  try {
    // 'wx': never through a file (or link) that is already there under that name.
    fd = fs.openSync(tmp, 'wx', 0o600);
    write(fd);
    // The umask would narrow the mode given to open: set it as the original's.
    fs.fchmodSync(fd, mode);
    try {
      fs.fchownSync(fd, stat.uid, stat.gid);
    } catch {
      // Only root may give a file away: the new file is then the user's, as any file they save.
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    try { fs.unlinkSync(tmp); } catch { /* already gone */ }
    throw err;
  }
}
