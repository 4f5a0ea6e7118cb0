// Which files `check` reads: claim files found in folders, and files named explicitly.
import * as fs from 'fs';
import * as path from 'path';
import { formatOf, type ClaimFormat } from '../parse';
import { isUtf8Name, walkStep } from '../workspace/walk-rule';
import { describeError } from './errors';

/** Names a folder walk picks up (explicit file arguments may be any .csv/.json). */
const CLAIM_FILE = /\.(claims\.csv|claims\.json|claim\.json)$/i;

export interface ClaimFile {
  readonly path: string;
  readonly format: ClaimFormat;
}

/** A path that could not be read (exit 2): which, and why, worded for the user. */
export interface ReadFailure {
  /** The file or folder, as the run names it; absent when the failure is of no one path. */
  readonly path?: string;
  readonly reason: string;
}

/** The line on stderr (after "infusion-claims: ") that says what could not be read. */
export function failureText(f: ReadFailure): string {
  return f.path === undefined ? f.reason : `${f.path}: ${f.reason}`;
}

export interface Collected {
  readonly files: ClaimFile[];
  /** Arguments that could not be read (exit 2). */
  readonly failures: ReadFailure[];
}

/** `seen`: the real paths of the folders walked, so a folder named twice (`check . sub`) is walked
 *  once. Which entries are taken is workspace/walk-rule.ts's rule, the editor's too. */
function walk(dir: string, out: ClaimFile[], failures: ReadFailure[], seen: Set<string>): void {
  let real: string;
  let entries: Array<fs.Dirent<Buffer>>;
  try {
    real = fs.realpathSync(dir);
    // Names as bytes: a name that is not UTF-8 is told apart (below), not misread as U+FFFD.
    entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    failures.push({ path: dir, reason: `cannot read folder (${describeError(err)})` });
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  const named = entries.map((e) => ({ e, name: e.name.toString('utf8') }));
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { e, name } of named) {
    const step = walkStep({ name, isDirectory: () => e.isDirectory(), isFile: () => e.isFile() });
    if (step === 'pass' || (step === 'file' && !CLAIM_FILE.test(name))) continue;
    const p = path.join(dir, name);
    if (!isUtf8Name(e.name)) {
      // The string names no file (ENOENT on reading it): say what is wrong instead.
      failures.push({ path: p, reason: `the ${step === 'enter' ? 'folder' : 'file'} name is not valid UTF-8; rename it to check it` });
      continue;
    }
    if (step === 'enter') {
      walk(p, out, failures, seen);
    } else {
      const format = formatOf(name);
      if (format) out.push({ path: p, format });
    }
  }
}

function realPathOf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Files to check, in argument order, folders walked in name order, each file once. */
export function collectFiles(args: readonly string[]): Collected {
  const files: ClaimFile[] = [];
  const failures: ReadFailure[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      failures.push({ path: arg, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${describeError(err)})` });
      continue;
    }
    if (stat.isDirectory()) {
      walk(arg, files, failures, seen);
    } else if (!stat.isFile()) {
      // A named pipe, a device, a socket: reading one may wait forever (a FIFO with no writer).
      failures.push({ path: arg, reason: 'not a regular file' });
    } else {
      const lower = arg.toLowerCase();
      const format: ClaimFormat | undefined = lower.endsWith('.csv') ? 'csv'
        : lower.endsWith('.json') || lower.endsWith('.jsonc') ? 'json' : undefined;
      if (format) files.push({ path: arg, format });
      else failures.push({ path: arg, reason: 'not a .csv or .json file' });
    }
  }
  const listed = new Set<string>();
  return {
    // Once by the file it is: a link to a file also listed (or walked) is that file, not a second
    // file whose every line duplicates the first's.
    files: files.filter((f) => {
      const key = realPathOf(f.path);
      if (listed.has(key)) return false;
      listed.add(key);
      return true;
    }),
    failures,
  };
}
