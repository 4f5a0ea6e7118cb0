// Packs test/e2e/runner-extension into a .vsix, with the config that tells it which suite to
// run and where to write results. Installed with --install-extension like the real one:
// code-server drops extension folders that were copied in by hand ("Marked extension as removed").
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { REPO_ROOT } from './paths';

export async function packRunnerExtension(workDir: string, config: { suiteIndex: string; resultsFile: string }): Promise<string> {
  const src = path.join(workDir, 'runner-extension');
  fs.cpSync(path.join(REPO_ROOT, 'test', 'e2e', 'runner-extension'), src, { recursive: true });
  fs.writeFileSync(path.join(src, 'config.json'), JSON.stringify(config, null, 2));
  const out = path.join(workDir, 'test-runner.vsix');
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [REPO_ROOT] });
  try {
    await promisify(execFile)(process.execPath, [
      vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out,
    ], { cwd: src, maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`packing the test-runner extension failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
  return out;
}
