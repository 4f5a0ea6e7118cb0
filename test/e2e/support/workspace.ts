// A throwaway workspace holding copies of samples/, so an editor session can change and
// save them without touching the repository.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SAMPLES_DIR } from './paths';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `infusion-claims-${prefix}-`));
}

export function sampleWorkspace(parent: string): string {
  const ws = path.join(parent, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  for (const f of fs.readdirSync(SAMPLES_DIR)) fs.copyFileSync(path.join(SAMPLES_DIR, f), path.join(ws, f));
  return ws;
}

/** Polls until `probe` is truthy (for files written by another process). */
export async function waitUntil(what: string, probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
