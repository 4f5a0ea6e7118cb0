// Which entries a folder walk takes: the one rule of the CLI's walk (cli/files.ts) and of the
// editor's workspace index (lsp/workspace-files.ts, workspace-index.ts), so that
// `check --workspace` and workspace analysis see the same files of a folder. Pure: no file access.
import * as path from 'path';

/** Folders a walk does not enter: dependencies, and every dot-folder (.git, .vscode-test …).
 *  Any other name is entered: an `out/` folder is often where outbound claim submissions are. */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** What readdir's `withFileTypes` gives (the entry itself, a link not followed). */
export interface WalkEntry {
  readonly name: string;
  isDirectory(): boolean;
  isFile(): boolean;
}

/**
 * What a walk does with a folder's entry: enter a folder, consider a file by its name, or pass
 * it over. Symbolic links are passed over (a Dirent of a link is neither a folder nor a file):
 * VS Code's file watcher does not follow links (since 1.61), so the editor's index of a linked
 * folder would never learn of its changes and go stale; a link could also lead an untrusted
 * workspace's walk out of the workspace (a link to `/`), or loop. The CLI takes the same rule, so
 * that both count the same files; a link named as an argument (or a linked workspace folder) is
 * still followed, as the user chose it.
 */
export function walkStep(entry: WalkEntry): 'enter' | 'file' | 'pass' {
  if (entry.isDirectory()) return isSkippedFolder(entry.name) ? 'pass' : 'enter';
  return entry.isFile() ? 'file' : 'pass';
}

/** Whether a walk from `root` enters `folder`: no folder on the way down, nor `folder` itself, is
 *  skipped (the pure half of "would the walk reach it": links are a question for the disk). For a
 *  file, ask of the folder it is in. */
export function entersFolder(root: string, folder: string): boolean {
  const rel = path.relative(root, folder);
  if (rel === '') return true;
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return !rel.split(path.sep).some(isSkippedFolder);
}

/** Whether a name read as bytes is valid UTF-8. Node names files by strings: a name that is not
 *  (a Latin-1 "café" from an old zip) becomes U+FFFD in the string, which names no file. */
export function isUtf8Name(name: Buffer): boolean {
  return Buffer.from(name.toString('utf8'), 'utf8').equals(name);
}
