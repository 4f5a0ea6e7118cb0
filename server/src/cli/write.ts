// Writing a fixed file atomically: a temporary file beside it, then a rename, so an interrupted
// run never leaves a half-written claim file.
import * as fs from 'fs';
import * as path from 'path';

export function writeFileAtomic(file: string, text: string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const mode = fs.statSync(file).mode & 0o7777;
  try {
    fs.writeFileSync(tmp, text, { encoding: 'utf8', mode });
    fs.renameSync(tmp, file);
  } catch (err) {
    try { fs.unlinkSync(tmp); } catch { /* already gone */ }
    throw err;
  }
}
