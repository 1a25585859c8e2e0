/**
 * Debian chromium driven by playwright-core, for the browser tests of apps/web. The machine's
 * network is closed: the flags turn off everything that would reach out and hang. Each launch gets
 * a fresh profile directory, removed on close. CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const INSTALL_HINT =
  `No browser at ${CHROMIUM_PATH}. Browser tests need Debian chromium: run ` +
  '`sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk` (or `node infra/scripts/ensure-chromium.mjs` as root), ' +
  'or set CHROMIUM_PATH to a Chromium/Chrome binary.';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-output/screenshots');

export interface RunningBrowser {
  context: BrowserContext;
  /** A new tab (its own sessionStorage, so its own signed-in user) with errors recorded. */
  newPage: (viewport?: { width: number; height: number }) => Promise<Page>;
  /** Uncaught page errors and console errors seen so far, per tab. */
  problems: string[];
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<RunningBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(INSTALL_HINT);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengdun-chromium-'));
  // launchPersistentContext: Playwright refuses --user-data-dir in args; this is the fresh profile.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    timeout: 60_000,
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`pageerror ${page.url()}: ${error.message}`));
    page.on('console', (message: ConsoleMessage) => {
      // 4xx answers the UI shows on purpose are logged by Chromium as failed resources: not a fault.
      if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
        problems.push(`console ${page.url()}: ${message.text()}`);
      }
    });
  };
  for (const page of context.pages()) watch(page);
  return {
    context,
    problems,
    newPage: async (viewport) => {
      const page = await context.newPage();
      watch(page);
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Picks the option starting with `label` in an antd select and waits until the select shows it.
 * A click while the dropdown still slides in can land on the form beneath, or the dropdown can close
 * under it: each try waits for the dropdown to stand still, clicks with a short timeout, and re-opens
 * the select when needed, so a test never submits a form whose choice silently did not take and never
 * waits half a minute on a dropdown that is gone. A single select's dropdown is then gone; a multiple
 * select's stays open (`multiple`) until the test clicks elsewhere.
 */
export async function pickOption(page: Page, select: Locator, label: string, options: { multiple?: boolean } = {}): Promise<void> {
  const chosen = select.locator(`[title^="${label}"]`);
  // rc-motion marks a dropdown that is still entering or leaving with these classes.
  const settledDropdown = page.locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])');
  const option = settledDropdown.locator('.ant-select-item-option', { hasText: label }).first();
  const attempts = 5;
  for (let attempt = 1; ; attempt += 1) {
    // A click that took but was seen late must not be repeated: on a multiple select it would undo the pick.
    if (await chosen.isVisible()) break;
    try {
      if (!(await option.isVisible())) {
        await select.click({ timeout: 5_000 });
        await option.waitFor({ timeout: 5_000 });
      }
      await option.click({ timeout: 3_000 });
      await chosen.waitFor({ timeout: 2_000 });
      break;
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
  if (!options.multiple) await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** Waits for an Ant Design modal to close after its submit; if it stays open, the failure names the form's errors. */
export async function expectModalClosed(page: Page, timeout = 15_000): Promise<void> {
  try {
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'hidden', timeout });
  } catch (error) {
    const errors = await page.locator('.ant-modal .ant-form-item-explain-error').allTextContents();
    throw new Error(`the modal is still open; its form says: ${errors.join('; ') || '(no field errors)'}`, { cause: error });
  }
}
