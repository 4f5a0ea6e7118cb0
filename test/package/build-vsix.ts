// Builds the .vsix once per test process with the project's own `npm run package` script
// (scripts/package.mjs), into a private temp folder so concurrent runs do not collide.
// Shared by the package test and the code-server end-to-end test.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

let built: Promise<string> | undefined;

/** Path of a freshly packaged infusion-claims-<version>.vsix. */
export function buildVsix(): Promise<string> {
  built ??= (async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infusion-claims-vsix-'));
    const out = path.join(dir, `${pkg.name}-${pkg.version}.vsix`);
    try {
      await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', out], {
        cwd: REPO_ROOT,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      throw new Error(`npm run package failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
    }
    return out;
  })();
  return built;
}
