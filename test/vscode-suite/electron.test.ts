// The in-host suite in VS Code desktop through @vscode/test-electron. Where no VS Code can be
// had (no $VSCODE_EXECUTABLE, download blocked), the test is reported pending, never passed;
// the same suite runs in code-server in test/e2e/code-server.test.ts.
import { findVSCode, runSuiteInElectron } from './electron';

describe('in-host suite in VS Code desktop (@vscode/test-electron)', function () {
  this.timeout(15 * 60_000);

  it('runs test/vscode-suite in VS Code desktop: all pass', async function () {
    const vscode = await findVSCode();
    if ('unavailable' in vscode) {
      console.log(`      @vscode/test-electron: no VS Code available (${vscode.unavailable}); suite ran in code-server instead`);
      this.skip();
    }
    await runSuiteInElectron(vscode.executable);
  });
});
