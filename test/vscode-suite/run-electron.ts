// node out/test/vscode-suite/run-electron.js: the in-host suite in VS Code desktop.
// Exit 0: all passed; 1: a test failed; 2: no VS Code could be had here (not run, not a pass).
import { findVSCode, runSuiteInElectron } from './electron';

async function main(): Promise<number> {
  const vscode = await findVSCode();
  if ('unavailable' in vscode) {
    console.log(`@vscode/test-electron: no VS Code available (${vscode.unavailable}); run the suite in code-server instead (test/e2e/code-server.test.ts)`);
    return 2;
  }
  try {
    await runSuiteInElectron(vscode.executable);
    return 0;
  } catch (e) {
    console.error(`@vscode/test-electron: ${(e as Error).message}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
