// What a file-system error is, in words an analyst reads: never its message (a message could
// carry file content), only its code.

const WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EBUSY: 'the file is busy',
  EMFILE: 'too many open files',
  ELOOP: 'too many symbolic links',
  EIO: 'input/output error',
  ENAMETOOLONG: 'the file name or path is too long',
};

/** "permission denied (EACCES)"; the code alone when it has no words here. */
export function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  if (e && e.message === 'read-only file') return 'the file is read-only';
  const code = e?.code;
  if (code) return WORDS[code] ? `${WORDS[code]} (${code})` : code;
  return err instanceof Error ? err.name : 'error';
}
