// End-to-end: the packaged .vsix installed into code-server (a real VS Code 1.100 workbench
// and extension host), driven by Debian chromium through playwright-core. Installs what it
// needs itself (apt-get, code-server into .cache/), so `npm test` on a fresh machine runs it.
// INFUSION_E2E=skip marks it pending (for a quick local loop); CI never sets it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildVsix } from '../package/build-vsix';
import { launchBrowser, type Browser } from './support/browser';
import { CodeServer, installExtension, sessionDirs } from './support/code-server';
import { packRunnerExtension } from './support/runner-extension';
import { ensureCodeServer, ensureDebianPackages } from './support/deps';
import { OUTPUT_DIR, REPO_ROOT } from './support/paths';
import { Timings } from './support/timing';
import {
  applyQuickFix, editorText, filterProblems, hoverToken, openFromExplorer, openWorkbench, runCommand, save, screenshotPath,
  pickFromCommand, showProblems, waitForEditorText, waitForLanguageStatus, waitForNotification, waitForProblems, webviewText,
} from './support/workbench';
import { cli } from '../cli/run-cli';
import { sampleWorkspace, tempDir, waitUntil } from './support/workspace';

const EXPECTED_RULES = ['ndc-format', 'ndc-missing', 'auth-missing', 'concurrent-therapy-modifier'];
const shot = (name: string): string => screenshotPath(OUTPUT_DIR, name);

/** A code-server of its own (fresh user data and extensions folder) on a copy of the samples, and
 *  a browser for it: install extensions into `dirs`, then start. */
class Session {
  readonly root: string;
  readonly dirs: ReturnType<typeof sessionDirs>;
  browser: Browser | undefined;
  private server: CodeServer | undefined;

  constructor(private readonly bin: string, name: string) {
    this.root = tempDir(name);
    this.dirs = sessionDirs(this.root);
  }

  /** Starts code-server and the browser; returns the workbench URL. */
  async start(): Promise<string> {
    const workspace = sampleWorkspace(this.root);
    this.server = new CodeServer(this.bin, this.dirs);
    await this.server.start(workspace);
    this.browser = await launchBrowser();
    return this.server.url(workspace);
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.server?.stop();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

describe('e2e: the .vsix in code-server, driven through chromium', function () {
  this.timeout(20 * 60_000);
  const timings = new Timings();
  let bin = '';
  let vsix = '';

  before(async function () {
    if (process.env.INFUSION_E2E === 'skip') {
      console.log('      INFUSION_E2E=skip: the code-server end-to-end tests are pending (not run)');
      this.skip();
    }
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    await timings.time('Debian packages (apt-get only when missing)', () => ensureDebianPackages());
    bin = await timings.time('code-server 4.100.3 (cached in .cache/)', ensureCodeServer);
    vsix = await timings.time('npm run package (.vsix)', buildVsix);
  });

  after(() => {
    if (bin) console.log(timings.report('code-server e2e'));
  });

  describe('workbench UI', () => {
    let root = '';
    let workspace = '';
    let server: CodeServer | undefined;
    let browser: Browser | undefined;

    before(async () => {
      root = tempDir('code-server-ui');
      const dirs = sessionDirs(root);
      await timings.time('install the .vsix into a fresh extensions dir', () => installExtension(bin, dirs, vsix));
      workspace = sampleWorkspace(root);
      server = new CodeServer(bin, dirs);
      await timings.time('start code-server (until /healthz)', () => server!.start(workspace));
      browser = await timings.time('launch chromium', launchBrowser);
      await timings.time('load the workbench', () => openWorkbench(browser!.page, server!.url(workspace)));
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && browser) {
        await browser.page.screenshot({ path: shot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`) }).catch(() => undefined);
        console.log(server?.logTail(20));
      }
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
      if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    it('lists the rule ids of problems.claims.csv in the Problems panel', async () => {
      const page = browser!.page;
      await timings.time('open problems.claims.csv, Problems panel filled', async () => {
        await openFromExplorer(page, 'problems.claims.csv');
        await showProblems(page);
        await waitForProblems(page, EXPECTED_RULES);
      });
      await page.screenshot({ path: shot('01-problems') });
      const rows = (await waitForProblems(page, EXPECTED_RULES)).join('\n');
      assert.match(rows, /infusion-claims/);
      assert.match(rows, /0143-9431-10/, 'the NDC problem names the NDC');
    });

    it('shows the descriptor of a code on hover', async () => {
      const page = browser!.page;
      const text = await timings.time('hover J2185', () => hoverToken(page, 'J2185', /meropenem/i));
      await page.screenshot({ path: shot('02-hover') });
      assert.match(text, /J2185/);
      assert.match(text, /meropenem/i);
    });

    it('writes each code\'s descriptor after it in the editor (inlay hints)', async () => {
      const page = browser!.page;
      await timings.time('inlay hint after S9502', () => waitForEditorText(page, 'diem'));
      await page.screenshot({ path: shot('02b-inlay-hints') });
      // S9502's CMS short descriptor, between the code and the comma that ends its cell.
      assert.match(await editorText(page), /S9502\W{0,2}Hit antibiotic q8h diem\W{0,2},/);
    });

    it('applies "Pad NDC to 11 digits" from the quick-fix menu: the problem goes, the file changes', async () => {
      const page = browser!.page;
      await timings.time('quick fix Pad NDC, problem gone', async () => {
        await applyQuickFix(page, '0143-9431-10', 'Pad NDC to 11 digits', shot('03-quick-fix-menu'));
        await waitForEditorText(page, ',00143-9431-10,');
        await waitForProblems(page, ['ndc-missing', 'auth-missing'], ['ndc-format']);
      });
      await page.screenshot({ path: shot('04-after-fix') });
      assert.match(await editorText(page), /,00143-9431-10,UN,3,/);
      const file = path.join(workspace, 'problems.claims.csv');
      await timings.time('save, file on disk changed', async () => {
        await save(page);
        await waitUntil('the saved file', () => fs.readFileSync(file, 'utf8').includes(',00143-9431-10,'), 30_000);
      });
      const original = fs.readFileSync(path.join(REPO_ROOT, 'samples', 'problems.claims.csv'), 'utf8');
      assert.strictEqual(fs.readFileSync(file, 'utf8'), original.replace(',0143-9431-10,', ',00143-9431-10,'), 'only the NDC changed');
    });

    it('shows the language status item for the claim file', async () => {
      const page = browser!.page;
      const item = page.locator('[id="status.languageStatus"]');
      await item.waitFor({ state: 'visible' });
      // After the fix the file still has its other problems: the item counts them.
      const label = await waitForLanguageStatus(page, /\d+ claim problems?/);
      await item.hover();
      await page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /claim problem/i }).first().waitFor({ state: 'visible' });
      await page.screenshot({ path: shot('05-language-status') });
      assert.match(label, /\d+ claim problems?/);
    });

    it('"Lint Workspace Claim Files" from the command palette: a summary the CLI agrees with, and closed files in the Problems panel', async () => {
      const page = browser!.page;
      const toast = await timings.time('Lint Workspace Claim Files, summary shown', async () => {
        await runCommand(page, 'Infusion Claims: Lint Workspace Claim Files');
        return waitForNotification(page, /Infusion Claims: \d+ problems? \(\d+ errors?\) in \d+ claim files?\./);
      });
      await page.screenshot({ path: shot('06-lint-workspace') });
      const summary = await toast.locator('.notification-list-item-message').innerText();
      // The CLI over the same folder (same engine, same defaults) counts the same problems and files.
      const run = cli(['check', workspace], workspace);
      const counted = /^(\d+) problems? \((\d+) errors?,.* in \d+ of (\d+) files? checked\.$/m.exec(run.stdout);
      assert.ok(counted, `the CLI's summary: ${run.stdout.slice(-300)}`);
      assert.match(summary, new RegExp(`: ${counted[1]} problems? \\(${counted[2]} errors?\\) in ${counted[3]} claim files?\\.`));
      // "Show Problems" opens the panel; hand-edited.claims.csv was never opened in this session.
      await toast.locator('.monaco-button', { hasText: 'Show Problems' }).click();
      await page.locator('.markers-panel').waitFor({ state: 'visible' });
      await filterProblems(page, 'hand-edited');
      const rows = (await waitForProblems(page, ['hand-edited.claims.csv', 'code-format', 'S9502SH'])).join('\n');
      await page.screenshot({ path: shot('07-workspace-problems') });
      assert.match(rows, /invalid-value/);
      await filterProblems(page, '');
    });
  });

  describe('workbench UI: Look Up Code…', () => {
    let session: Session | undefined;
    after(() => session?.close());

    it('"Look Up Code…" from the command palette: J2185 picked by its code, its description in the Markdown preview', async () => {
      session = new Session(bin, 'code-server-lookup');
      await installExtension(bin, session.dirs, vsix);
      const url = await session.start();
      const page = session.browser!.page;
      await openWorkbench(page, url);
      const text = await timings.time('Look Up Code… J2185, preview shown', async () => {
        // No claim file is open: the command itself starts the language server.
        await pickFromCommand(page, 'Infusion Claims: Look Up Code…', 'J2185', /J2185/);
        return webviewText(page, /J2185/);
      });
      await page.screenshot({ path: shot('08-look-up-code') });
      assert.match(text, /meropenem/i);
      // The page is read-only: no unsaved "Untitled" document is left for the user to close.
      const tabs = (await page.locator('.part.editor .tabs-container .tab').allInnerTexts()).join(' | ');
      assert.match(tabs, /Preview J2185\.md/, tabs);
      assert.doesNotMatch(tabs, /Untitled/, tabs);
    });
  });

  describe('in-host mocha suite (test/vscode-suite) run by a test-runner extension', () => {
    let session: Session | undefined;
    after(() => session?.close());

    it('runs the suite through the vscode API inside the extension host: all pass', async () => {
      const own = (session = new Session(bin, 'code-server-suite'));
      const resultsFile = path.join(own.root, 'results.json');
      await timings.time('pack and install the test-runner extension', async () => {
        const runner = await packRunnerExtension(own.root, {
          suiteIndex: path.join(REPO_ROOT, 'out', 'test', 'vscode-suite', 'index.js'),
          resultsFile,
        });
        await installExtension(bin, own.dirs, vsix);
        await installExtension(bin, own.dirs, runner);
      });
      const url = await own.start();
      const page = own.browser!.page;
      // The extension host starts only when a workbench page is open.
      await timings.time('in-host suite (page load + run)', async () => {
        await openWorkbench(page, url);
        await waitUntil('the in-host results', () => fs.existsSync(resultsFile), 3 * 60_000);
      });
      await page.screenshot({ path: shot('06-in-host-suite') });
      const result = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as {
        passes: number; failures: number; pending: number;
        tests: Array<{ title: string; state: string; error?: string }>;
      };
      fs.writeFileSync(path.join(OUTPUT_DIR, 'in-host-results.json'), JSON.stringify(result, null, 2));
      for (const t of result.tests) console.log(`        [in-host ${t.state}] ${t.title}`);
      const failed = result.tests.filter((t) => t.state === 'failed').map((t) => `${t.title}\n${t.error}`);
      assert.deepStrictEqual(failed, []);
      assert.strictEqual(result.failures, 0);
      assert.ok(result.passes > 0, 'some in-host tests ran');
    });
  });
});
