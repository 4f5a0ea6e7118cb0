// Runs the in-host suite (index.ts) in VS Code desktop through @vscode/test-electron, where a
// VS Code can be had: $VSCODE_EXECUTABLE, or the download (which needs the internet). On
// machines without either, callers report it as not run (never as passed); the same suite
// then runs in code-server (test/e2e/code-server.test.ts).
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { REPO_ROOT } from '../e2e/support/paths';
import { sampleWorkspace, tempDir } from '../e2e/support/workspace';

export type VSCodeAvailability = { executable: string } | { unavailable: string };

export async function findVSCode(): Promise<VSCodeAvailability> {
  const fromEnv = process.env.VSCODE_EXECUTABLE;
  if (fromEnv) {
    return fs.existsSync(fromEnv) ? { executable: fromEnv } : { unavailable: `VSCODE_EXECUTABLE=${fromEnv} does not exist` };
  }
  try {
    return { executable: await downloadAndUnzipVSCode({ cachePath: path.join(REPO_ROOT, '.vscode-test'), timeout: 60_000 }) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { unavailable: `download failed: ${err.code ?? err.message}` };
  }
}

/** Electron needs a display: on a Linux machine without one, start Xvfb when it is installed. */
function ensureDisplay(): ChildProcess | undefined {
  if (process.platform !== 'linux' || process.env.DISPLAY) return undefined;
  if (spawnSync('sh', ['-c', 'command -v Xvfb']).status !== 0) {
    throw new Error('VS Code desktop needs a display: set DISPLAY or install xvfb (apt-get install xvfb)');
  }
  const display = ':99';
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24'], { stdio: 'ignore' });
  process.env.DISPLAY = display;
  return xvfb;
}

/** Runs the suite in VS Code desktop with the extension under development; rejects when a test fails. */
export async function runSuiteInElectron(executable: string): Promise<void> {
  const root = tempDir('electron');
  const workspace = sampleWorkspace(root);
  const xvfb = ensureDisplay();
  try {
    const code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [
        workspace, '--disable-extensions', '--disable-workspace-trust', '--no-sandbox',
        '--user-data-dir', path.join(root, 'user-data'), '--extensions-dir', path.join(root, 'extensions'),
      ],
    });
    if (code !== 0) throw new Error(`VS Code exited ${code}`);
  } finally {
    xvfb?.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
