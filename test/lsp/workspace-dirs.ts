// Temporary workspace folders for the workspace-analysis tests, and the file: URIs of their files.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

/** The file: URI of a path, as the server builds it for files it finds on disk. */
export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

const made: string[] = [];

/** A temp workspace folder holding the files (relative path → text). */
export function workspaceDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-ws-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function removeWorkspaceDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
