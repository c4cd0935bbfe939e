import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildTestApp, type TestApp, type TestAppOptions } from './app.js';
import { TestClock } from './clock.js';

/** Debian's Chromium (`apt-get install chromium chromium-driver`); no browser is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = resolve('.tmp/screenshots');

/**
 * Whether the browser tests can run. Outside CI a machine without Chromium skips them, saying so
 * loudly; in CI (`CI=true`) they run anyway and fail, so a missing browser is never a silent pass.
 */
export function browserTestsRun(): boolean {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return true;
  console.warn(
    `!!! browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install chromium chromium-driver)`,
  );
  return false;
}

export interface BrowserRig {
  t: TestApp;
  baseUrl: string;
  context: BrowserContext;
  /** Every console error and CSP report the pages produced. */
  pageErrors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** One listening server (on a free port, with the clock at the real time) and one fresh browser profile. */
export async function startBrowserRig(options: TestAppOptions = {}): Promise<BrowserRig> {
  const t = await buildTestApp({ clock: new TestClock(Date.now()), ...options });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const profile = mkdtempSync(join(tmpdir(), 'milmed-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1100, height: 900 },
  });
  // Fail a wait well inside the test's own timeout, so the error names the selector.
  context.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  return {
    t,
    baseUrl: address,
    context,
    pageErrors,
    async newPage() {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) pageErrors.push(m.text());
      });
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await t.close();
    },
  };
}

/** Saves a full-page screenshot under .tmp/screenshots (git ignores it) and prints where. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
  return path;
}
