// What a user does in the VS Code workbench, as playwright steps. Selectors are the
// workbench's own classes; every step waits for a condition (never a fixed sleep) and
// retries a keystroke that the workbench can miss right after start.
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';

const EDITOR = '.part.editor';

// The DOM is not in this project's TypeScript lib; the few calls that run inside the page
// (waitForFunction bodies, serialized to the browser) are typed with these.
interface PageElement { textContent: string | null; getAttribute(name: string): string | null }
interface PageDocument {
  querySelectorAll(selector: string): Iterable<PageElement>;
  querySelector(selector: string): PageElement | null;
  getElementById(id: string): PageElement | null;
}
type InPage = { document: PageDocument };

/** Retries `act` until `done` resolves, each try waiting up to `tryMs`. */
async function until(act: () => Promise<void>, done: (timeout: number) => Promise<unknown>, tries = 5, tryMs = 6000): Promise<void> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    await act();
    try {
      await done(tryMs);
      return;
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
}

/** Opens a file by double-clicking it in the Explorer (Ctrl+P is unreliable headless). */
export async function openFromExplorer(page: Page, name: string): Promise<void> {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
  await until(
    () => row.dblclick(),
    (timeout) => page.locator(`${EDITOR} .tab.active[aria-label^="${name}"]`).waitFor({ timeout }),
  );
  await page.locator(`${EDITOR} .monaco-editor .view-lines`).first().waitFor();
}

/** Text of the lines the editor has rendered (enough for the short samples). */
export async function editorText(page: Page): Promise<string> {
  const text = await page.locator(`${EDITOR} .monaco-editor .view-lines`).first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Waits until the active editor shows `text`. */
export async function waitForEditorText(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => ((globalThis as unknown as InPage).document.querySelector(sel)?.textContent ?? '').replace(/\u00a0/g, ' ').includes(want),
    [`${EDITOR} .monaco-editor .view-lines`, text] as const,
    { timeout },
  );
}

/** Waits until the language status item (the {} next to the language name) reads `pattern`; returns its label. */
export async function waitForLanguageStatus(page: Page, pattern: RegExp, timeout = 30_000): Promise<string> {
  await page.waitForFunction(
    ([source, flags]) => new RegExp(source, flags).test(
      (globalThis as unknown as InPage).document.getElementById('status.languageStatus')?.getAttribute('aria-label') ?? ''),
    [pattern.source, pattern.flags] as const,
    { timeout },
  );
  return (await page.locator('[id="status.languageStatus"]').getAttribute('aria-label')) ?? '';
}

/** The token span showing exactly `text` in the active editor. */
export function editorToken(page: Page, text: string): Locator {
  return page.locator(`${EDITOR} .view-line span span`).filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
}

export async function showProblems(page: Page): Promise<void> {
  await until(
    () => page.keyboard.press('Control+Shift+M'),
    (timeout) => page.locator('.markers-panel').waitFor({ state: 'visible', timeout }),
  );
}

/** Text of every row of the Problems panel (file rows and problem rows). */
export function problemRows(page: Page): Promise<string[]> {
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

/** Waits until the Problems panel shows every id of `present` and none of `absent`. */
export async function waitForProblems(page: Page, present: string[], absent: string[] = [], timeout = 60_000): Promise<string[]> {
  await page.waitForFunction(
    ([want, gone]) => {
      const doc = (globalThis as unknown as InPage).document;
      const text = [...doc.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent ?? '').join('\n');
      return want.every((id) => text.includes(id)) && gone.every((id) => !text.includes(id));
    },
    [present, absent] as const,
    { timeout },
  );
  return problemRows(page);
}

/** Hovers the token `text` until a hover widget shows; returns the hover's text. */
export async function hoverToken(page: Page, text: string, expect: RegExp): Promise<string> {
  const token = editorToken(page, text);
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expect });
  await until(
    async () => {
      await page.mouse.move(0, 0);
      await token.hover();
    },
    (timeout) => hover.first().waitFor({ state: 'visible', timeout }),
  );
  // The hover fades in: wait for its animations to finish so a screenshot shows it whole.
  await hover.first().evaluate((el: unknown) =>
    Promise.all((el as { getAnimations(o: object): Array<{ finished: Promise<unknown> }> }).getAnimations({ subtree: true }).map((a) => a.finished)));
  return hover.first().innerText();
}

/** Puts the cursor in `text`, opens the quick-fix menu (Ctrl+.) and picks `title` with the keyboard. */
export async function applyQuickFix(page: Page, text: string, title: string, screenshot?: string): Promise<void> {
  await page.keyboard.press('Escape'); // a hover covers the quick-fix menu
  await editorToken(page, text).click();
  const menu = page.locator('.action-widget');
  await until(
    () => page.keyboard.press('Control+.'),
    (timeout) => menu.locator('.monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout }),
  );
  if (screenshot) await page.screenshot({ path: screenshot });
  const rows = await menu.locator('.monaco-list-row').count();
  for (let i = 0; i <= rows; i++) {
    const focused = (await menu.locator('.monaco-list-row.focused').allInnerTexts()).join(' ');
    if (focused.includes(title)) {
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden' });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`"${title}" could not be focused in the quick-fix menu`);
}

/** Chooses a command by its title in the command palette (F1). Right after the workbench loads,
 *  the extensions' commands may not be listed yet, and an open palette does not list them later:
 *  the palette is reopened until the command shows. */
async function chooseCommand(page: Page, title: string): Promise<void> {
  const palette = page.locator('.quick-input-widget');
  await until(
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await palette.locator('input').waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
      await palette.locator('input').fill(`>${title}`).catch(() => undefined);
    },
    (timeout) => palette.locator('.monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout }),
    10,
  );
  await page.keyboard.press('Enter');
}

/** Runs a command by its title from the command palette. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await chooseCommand(page, title);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Runs a command that asks with its own quick pick, types `filter` into it and accepts the row
 *  that shows `row`. */
export async function pickFromCommand(page: Page, title: string, filter: string, row: string | RegExp): Promise<void> {
  const input = page.locator('.quick-input-widget');
  await chooseCommand(page, title);
  // The command's own pick replaces the palette in the same widget, with an empty input.
  const deadline = Date.now() + 30_000;
  while ((await input.locator('input').inputValue()).startsWith('>')) {
    if (Date.now() > deadline) throw new Error(`"${title}" showed no pick of its own`);
    await page.waitForTimeout(100);
  }
  await input.locator('input').fill(filter);
  await input.locator('.monaco-list-row', { hasText: row }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The text of the first webview (a Markdown preview) that shows `expect`, once one does. */
export async function webviewText(page: Page, expect: RegExp, timeout = 30_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue; // the workbench itself: only webviews count
      const text = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
      if (expect.test(text)) return text;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows ${expect}`);
    await page.waitForTimeout(200);
  }
}

/** The text of the notification toast whose message matches `pattern`, once it shows. */
export async function waitForNotification(page: Page, pattern: RegExp, timeout = 60_000): Promise<Locator> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: pattern }).first();
  await toast.waitFor({ state: 'visible', timeout });
  return toast;
}

/** Types `text` into the Problems panel's filter box: only matching problems (or files) stay listed. */
export async function filterProblems(page: Page, text: string): Promise<void> {
  const input = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await input.fill(text);
}

export async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+S');
}

export function screenshotPath(dir: string, name: string): string {
  return path.join(dir, `${name}.png`);
}
