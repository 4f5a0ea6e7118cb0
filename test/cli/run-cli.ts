// Running the built CLI (bin/infusion-claims.js → server/out/cli.js) as a user would, and temp folders.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const BIN = path.resolve(__dirname, '../../../bin/infusion-claims.js');
export const REPO = path.resolve(__dirname, '../../..');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `timeout`: ms before the run is killed (code null then), for a run that could hang. `uid`:
 *  run as that user (the tests' user is root in some containers, which reads any file). */
export function cli(args: string[], cwd: string, timeout = 60000, uid?: number): CliRun {
  // maxBuffer: a big file's report is more than the default megabyte.
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout, maxBuffer: 256 << 20, ...(uid === undefined ? {} : { uid, gid: uid }) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const created: string[] = [];

/** A fresh temp folder holding the given files (relative path → text or bytes). */
export function tempDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-cli-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

/** Make `name` in `dir` unreadable to the CLI: the arguments cli() then needs (root reads any file,
 *  so the CLI is run as nobody, the folder opened to it). */
export function unreadable(dir: string, name: string): { timeout: number; uid?: number } {
  fs.chmodSync(path.join(dir, name), 0o000);
  if (process.getuid?.() !== 0) return { timeout: 60000 };
  for (let d = dir; d !== path.dirname(d) && d.startsWith(os.tmpdir()); d = path.dirname(d)) {
    if (d !== os.tmpdir()) fs.chmodSync(d, 0o755);
  }
  fs.readdirSync(dir).filter((n) => n !== name).forEach((n) => fs.chmodSync(path.join(dir, n), 0o644));
  return { timeout: 60000, uid: 65534 };
}

export function read(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

/** Remove every folder tempDir made. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
