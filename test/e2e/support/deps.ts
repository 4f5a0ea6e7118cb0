// Installs what the real-editor tests need, only when it is missing: Debian packages through
// scripts/e2e/install-deps.sh (apt-get), code-server through scripts/e2e/install-code-server.sh.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { CODE_SERVER_DIR, SCRIPTS_DIR } from './paths';

const run = promisify(execFile);

async function script(name: string, args: string[]): Promise<void> {
  try {
    await run('bash', [path.join(SCRIPTS_DIR, name), ...args], { maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${name} ${args.join(' ')} failed: ${err.message}\n${err.stderr ?? ''}`);
  }
}

/** Debian packages (all of install-deps.sh's list, or only the named ones). */
export function ensureDebianPackages(...packages: string[]): Promise<void> {
  return script('install-deps.sh', packages);
}

/** The code-server executable, installed into the cache on first use. */
export async function ensureCodeServer(): Promise<string> {
  await script('install-code-server.sh', [CODE_SERVER_DIR]);
  const bin = path.join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) throw new Error(`code-server is not at ${bin} after install`);
  return bin;
}
