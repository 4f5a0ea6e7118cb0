// Finding the claim files of a workspace folder on disk, and naming files so that the URI an
// editor sends and the one built from a path found on disk compare equal.
import * as fs from 'fs';
import { promises as fsp, type Dirent } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { ClaimFormat } from '../parse';
import { entersFolder, isUtf8Name, walkStep } from '../workspace/walk-rule';
import { claimFormatOf } from './claim-files';

/** A workspace this large is not a claims workspace; stop rather than eat the machine. */
export const MAX_FILES = 50_000;

export interface DiskClaimFile {
  readonly path: string;
  readonly uri: string;
  readonly format: ClaimFormat;
}

/** The file-system path of a file: URI, or undefined for another scheme (untitled:, vscode-vfs:). */
export function pathOf(uri: string): string | undefined {
  try {
    const u = new URL(uri);
    return u.protocol === 'file:' ? fileURLToPath(u) : undefined;
  } catch {
    return undefined;
  }
}

export function uriOf(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** One name per file whatever the URI's percent-encoding (editors encode more than Node does). */
export function fileKey(uri: string): string {
  const p = pathOf(uri);
  if (p === undefined) return uri;
  return process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p;
}

/** Whether a path lies inside a folder (or is the folder). */
export function isInside(filePath: string, folder: string): boolean {
  const rel = path.relative(folder, filePath);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The claim format of a file on disk (by name, or a `filePatterns` glob), or undefined. */
export function diskClaimFormat(filePath: string, filePatterns: readonly string[]): ClaimFormat | undefined {
  return claimFormatOf('', uriOf(filePath), filePatterns);
}

/** Every claim file under the folder, folders in name order: the entries the CLI's walk takes
 *  (workspace/walk-rule.ts), so Lint Workspace and `check --workspace` count the same files. `stop`
 *  is asked between folders so a superseded walk ends early. Unreadable folders are skipped. */
export async function listClaimFiles(
  folder: string, filePatterns: readonly string[], stop: () => boolean = () => false,
): Promise<DiskClaimFile[]> {
  const out: DiskClaimFile[] = [];
  const pending = [folder];
  while (pending.length > 0 && !stop() && out.length < MAX_FILES) {
    const dir = pending.pop()!;
    let entries: Array<Dirent<Buffer>>;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch {
      continue;
    }
    const named = entries.map((e) => ({ e, name: e.name.toString('utf8') }));
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const { e, name } of named) {
      const step = walkStep({ name, isDirectory: () => e.isDirectory(), isFile: () => e.isFile() });
      // A name that is not UTF-8 cannot be opened by its string (U+FFFD in it): the CLI says so,
      // here it is left out rather than read as "no such file".
      if (step === 'pass' || !isUtf8Name(e.name)) continue;
      const p = path.join(dir, name);
      if (step === 'enter') {
        subdirs.push(p);
      } else {
        const format = diskClaimFormat(p, filePatterns);
        if (format) out.push({ path: p, uri: uriOf(p), format });
      }
    }
    // Depth first, in name order.
    for (let i = subdirs.length - 1; i >= 0; i--) pending.push(subdirs[i]);
  }
  return out.slice(0, MAX_FILES);
}

/** Whether the walk of the workspace folder `root` reaches `p` (a file, or with `folder`, a
 *  folder): no skipped folder on the way, no symbolic link (walk-rule.ts), and there now. Asked of
 *  a change event's path, which may name any path. */
export function isWalked(root: string, p: string, folder = false): boolean {
  if (!entersFolder(root, folder ? p : path.dirname(p)) || behindLink(root, p)) return false;
  try {
    const stat = fs.lstatSync(p);
    return folder ? stat.isDirectory() : stat.isFile();
  } catch {
    return false;
  }
}

/** Whether `p`, or a folder between the root and it, is a symbolic link (so the walk does not
 *  reach it); false for what is not there. The root itself may be a link: a linked workspace
 *  folder is followed, as the user chose it. Synchronous (an open document's lint asks it): one
 *  lstat per step below the root. */
export function behindLink(root: string, p: string): boolean {
  let at = root;
  for (const part of path.relative(root, p).split(path.sep).filter((x) => x !== '')) {
    at = path.join(at, part);
    try {
      if (fs.lstatSync(at).isSymbolicLink()) return true;
    } catch {
      return false;
    }
  }
  return false;
}
