/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser, so these tests see its globals.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRig, browserTestsRun, screenshot, startBrowserRig } from '../helpers/browser.js';

describe.runIf(browserTestsRun())('the generator page in Chromium', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig({ env: { DEMO_RATE_PER_MINUTE: '60' } });
  });
  afterAll(() => rig?.close());

  it('takes the demo key, generates a small job, and downloads the result as a ZIP', async () => {
    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/`);
    await page.click('#demo-key');
    await page.waitForSelector('#limits >> text=Public Demo Key');
    await page.selectOption('#preset', 'training_exercise');
    await page.waitForFunction(
      () => (document.querySelector('#front-name-0') as HTMLInputElement | null)?.value,
    );
    await page.fill('#total-patients', '12');
    await page.fill('#days', '2');
    await page.click('#generate');
    await page.waitForSelector('#job-status >> text=completed', { timeout: 20_000 });
    await page.waitForSelector('#patient-preview tbody tr');
    expect(await page.locator('#patient-preview tbody tr').count()).toBe(5);
    expect(await page.locator('canvas[aria-label="Triage"]').getAttribute('data-points')).not.toBe('0');
    expect(await page.locator('#daily-usage').textContent()).toMatch(/\d+ of 100/);
    await screenshot(page, 'generator-completed', { readme: true });
    await screenshot(page, 'generator-results', { readme: true, readmeFrom: '#results' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toMatch(/^patients_.+\.zip$/);
    const zip = readFileSync((await download.path())!);
    expect(zip.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004');
    expect(rig.pageErrors).toEqual([]);
  });

  it('says in plain words when a job asks for more patients than the key allows', async () => {
    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/`);
    await page.click('#demo-key');
    await page.waitForSelector('#limits >> text=Public Demo Key');
    await page.fill('#total-patients', '501');
    await page.click('#generate');
    const error = (await page.locator('#error').textContent()) ?? '';
    expect(error).toContain('The request was refused');
    expect(error).toContain('500');
  });

  it('fits a phone-sized screen', async () => {
    const page = await rig.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${rig.baseUrl}/`);
    await page.waitForSelector('#demo-key');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'generator-phone');
  });

  it('shows a 429 in plain words, with the wait from Retry-After counting down', async () => {
    const { key } = await rig.t.services.keys.createKey({ name: 'Tight limits', rateLimitPerMinute: 2 });
    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/`);
    await page.fill('#api-key', key);
    await page.click('#use-key');
    // /keys/me and /presets spend the minute's two requests; the generation is refused.
    await page.waitForSelector('#limits >> text=Tight limits');
    await page.waitForFunction(() => document.querySelectorAll('#preset option').length > 1);
    await page.click('#generate');
    const error = page.locator('#error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Too many requests.*try again in \d+ seconds/);
    const first = Number((await page.locator('#retry-countdown').textContent())?.match(/\d+/)?.[0]);
    expect(first).toBeGreaterThan(0);
    await page.waitForFunction(
      (start) => Number(document.querySelector('#retry-countdown')?.textContent?.match(/\d+/)?.[0]) < start,
      first,
    );
    expect(await page.locator('#generate').isDisabled()).toBe(true);
    await screenshot(page, 'generator-429');
  });

  it('says in plain words that a key is not valid', async () => {
    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/`);
    await page.fill('#api-key', 'not-a-real-key');
    await page.click('#use-key');
    expect(await page.locator('#error').textContent()).toContain('This key was not accepted');
  });

  it('registers a personal key, shows it once, and uses it', async () => {
    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/`);
    await page.fill('#reg-name', 'Ada Medic');
    await page.fill('#reg-email', 'ada@example.org');
    await page.check('#reg-terms');
    await page.click('#reg-submit');
    const key = (await page.locator('#registered-key').textContent())!.trim();
    expect(key).toMatch(/^milmed_live_/);
    await screenshot(page, 'generator-registered');
    await page.click('#register-result button');
    await page.waitForSelector('#limits >> text=Ada Medic');
  });

  it('offers no registration form while an administrator has switched registration off', async () => {
    const registration = rig.t.services.registrationMode;
    const page = await rig.newPage();
    await registration.change('off', 'test', rig.t.clock.now());
    try {
      await page.goto(`${rig.baseUrl}/`);
      // The page renders the service's answer into <main>; the form's absence counts only after it.
      await page.locator('main[data-registration=off]').waitFor();
      expect(await page.locator('#register').count()).toBe(0);
      expect(await page.locator('a[href="#register"]').count()).toBe(0);
    } finally {
      await registration.change(null, 'test', rig.t.clock.now());
    }
    await page.reload();
    await page.locator('#register form').waitFor();
    expect(await page.locator('a[href="#register"]').count()).toBe(1);
  });
});
