// Which files `check` reads: claim files found in folders, and files named explicitly.
import * as fs from 'fs';
import * as path from 'path';
import { formatOf, type ClaimFormat } from '../parse';
import { describeError } from './errors';

/** Names a folder walk picks up (explicit file arguments may be any .csv/.json). */
const CLAIM_FILE = /\.(claims\.csv|claims\.json|claim\.json)$/i;
/** Folders a walk does not enter: dependencies (and, below, every dot-folder: .git, .vscode-test …). */
const SKIPPED_DIRS = new Set(['node_modules']);

export interface ClaimFile {
  readonly path: string;
  readonly format: ClaimFormat;
}

export interface Collected {
  readonly files: ClaimFile[];
  /** Arguments that could not be read (exit 2), already worded for the user. */
  readonly failures: string[];
}

/** A linked entry as what it points at (a file or folder); undefined when the link is broken. */
function followed(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** `seen`: the real paths of the folders walked, so a link back up the tree is not walked again. */
function walk(dir: string, out: ClaimFile[], failures: string[], seen: Set<string>): void {
  let real: string;
  let entries: fs.Dirent[];
  try {
    real = fs.realpathSync(dir);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    failures.push(`${dir}: cannot read folder (${describeError(err)})`);
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    // A symbolic link counts as what it points at (shared claim folders are often linked in).
    const target = e.isSymbolicLink() ? followed(p) : e;
    if (!target) continue;
    if (target.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out, failures, seen);
    } else if (target.isFile() && CLAIM_FILE.test(e.name)) {
      const format = formatOf(e.name);
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
  const failures: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      failures.push(`${arg}: ${code === 'ENOENT' ? 'no such file or folder' : `cannot read (${describeError(err)})`}`);
      continue;
    }
    if (stat.isDirectory()) {
      walk(arg, files, failures, seen);
    } else if (!stat.isFile()) {
      // A named pipe, a device, a socket: reading one may wait forever (a FIFO with no writer).
      failures.push(`${arg}: not a regular file`);
    } else {
      const lower = arg.toLowerCase();
      const format: ClaimFormat | undefined = lower.endsWith('.csv') ? 'csv'
        : lower.endsWith('.json') || lower.endsWith('.jsonc') ? 'json' : undefined;
      if (format) files.push({ path: arg, format });
      else failures.push(`${arg}: not a .csv or .json file`);
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
