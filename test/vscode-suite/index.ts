// Entry of the in-host mocha suite: the `*.vscode.js` files beside this one run inside a
// real VS Code extension host through the `vscode` API. Two hosts load it:
// - @vscode/test-electron (VS Code desktop) calls `run()` (its extensionTestsPath contract);
// - the code-server test-runner extension (test/e2e/runner-extension) calls `runSuite()` and
//   writes the returned results where the e2e driver waits for them.
// The files are named *.vscode.ts so the plain mocha run (out/test/**/*.test.js), which has
// no `vscode` module, never loads them.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  tests: TestResult[];
}

export function runSuite(): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.vscode.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const tests: TestResult[] = [];
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        resolve({
          passes: tests.filter((t) => t.state === 'passed').length,
          failures: tests.filter((t) => t.state === 'failed').length,
          pending: tests.filter((t) => t.state === 'pending').length,
          tests,
        });
      });
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
      // 'fail' also fires for hooks; they count as failures too.
      runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) }));
    } catch (e) {
      reject(e);
    }
  });
}

/** @vscode/test-electron entry: rejects when any test failed or none ran. */
export async function run(): Promise<void> {
  const result = await runSuite();
  if (result.failures > 0) throw new Error(`${result.failures} of ${result.tests.length} in-host tests failed`);
  if (result.passes === 0) throw new Error('no in-host test ran');
}
