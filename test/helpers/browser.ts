/// <reference lib="dom" />
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

/**
 * Saves a full-page screenshot under .tmp/screenshots (git ignores it) and prints where.
 * With `readme` and UPDATE_README_SCREENSHOTS=1, also writes the README's copy: 800 px wide and
 * 1,100 px high, to docs/images (`UPDATE_README_SCREENSHOTS=1 npx vitest run test/web`).
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { readme?: boolean; readmeFrom?: string } = {},
): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
  if (options.readme && process.env.UPDATE_README_SCREENSHOTS === '1') {
    const before = page.viewportSize();
    await page.setViewportSize({ width: 800, height: 1100 });
    // Charts redraw on resize, in the next animation frames.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const readmeCopy = resolve('docs/images', `${name}.png`);
    mkdirSync(resolve('docs/images'), { recursive: true });
    // The README copy starts at `readmeFrom` (a selector) when given, else at the top of the page.
    const top = options.readmeFrom
      ? await page
          .locator(options.readmeFrom)
          .evaluate((el) => el.getBoundingClientRect().top + window.scrollY)
      : 0;
    const clip = { x: 0, y: Math.max(0, top - 8), width: 800, height: 1100 };
    await page.screenshot({ path: readmeCopy, fullPage: true, clip });
    console.log(`README screenshot: ${readmeCopy}`);
    if (before) await page.setViewportSize(before);
  }
  return path;
}
