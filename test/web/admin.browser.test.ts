/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser, so these tests see its globals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRig, browserTestsRun, screenshot, startBrowserRig } from '../helpers/browser.js';

const LEGACY_KEY = 'admin-browser-legacy-key-0123456789';

describe.runIf(browserTestsRun())('the admin dashboard in Chromium', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig({ env: { API_KEY: LEGACY_KEY } });
  });
  afterAll(() => rig?.close());

  const callAsKey = (key: string) =>
    fetch(`${rig.baseUrl}/api/v1/keys/me`, { headers: { 'X-API-Key': key } }).then((r) => r.status);

  it('refuses a generate-only key at sign-in, in plain words', async () => {
    const { key } = await rig.t.services.keys.createKey({ name: 'Not an admin' });
    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/admin`);
    await page.fill('#admin-secret', key);
    await page.click('#sign-in');
    expect(await page.locator('[role=alert]').textContent()).toContain('This key may not do that');
  });

  it('signs in, creates a key shown once, deactivates it, and the key then gets 401', async () => {
    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/admin`);
    await page.fill('#admin-secret', LEGACY_KEY);
    await page.click('#sign-in');
    await page.fill('#new-name', 'Exercise Cell <b>North</b>');
    await page.click('#create-key');
    const secret = (await page.locator('#new-key-value').textContent())!.trim();
    expect(secret.length).toBeGreaterThan(20);
    expect(await callAsKey(secret)).toBe(200);
    // The name is shown as text, never as markup.
    const row = page.locator('#keys tr', { hasText: 'Exercise Cell <b>North</b>' });
    await row.waitFor();
    await screenshot(page, 'admin-new-key');

    await page.click('#dismiss-key');
    expect(await page.content()).not.toContain(secret);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(secret);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await row.locator('[data-action=deactivate]').click();
    await row.locator('text=inactive').waitFor();
    expect(await callAsKey(secret)).toBe(401);
    await screenshot(page, 'admin-keys');
    expect(rig.pageErrors).toEqual([]);
  });

  it('deletes a key only after the confirmation', async () => {
    await rig.t.services.keys.createKey({ name: 'To be deleted' });
    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/admin`);
    // Signed in already: the secret is in this tab's session storage only.
    const secretInStorage = await page.evaluate(() => sessionStorage.length);
    if (secretInStorage === 0) {
      await page.fill('#admin-secret', LEGACY_KEY);
      await page.click('#sign-in');
    }
    const row = page.locator('#keys tr', { hasText: 'To be deleted' });
    page.once('dialog', (d) => d.dismiss());
    await row.locator('[data-action=delete]').click();
    await expect(row.count()).resolves.toBe(1);
    page.once('dialog', (d) => d.accept());
    await row.locator('[data-action=delete]').click();
    await row.waitFor({ state: 'detached' });
  });

  it('draws the usage charts from the aggregated usage once there is traffic', async () => {
    const { key } = await rig.t.services.keys.createKey({ name: 'Busy cell', rateLimitPerMinute: 3 });
    for (let i = 0; i < 4; i++) await callAsKey(key); // three answered, the fourth refused with 429
    await callAsKey('milmed_live_not-a-key-at-all'); // a 401
    await rig.t.services.usage.flush();

    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/admin`);
    if ((await page.evaluate(() => sessionStorage.length)) === 0) {
      await page.fill('#admin-secret', LEGACY_KEY);
      await page.click('#sign-in');
    }
    await page.click('#tab-usage');
    await page.waitForSelector('#usage-totals');
    const points = (name: string) => page.locator(`canvas[aria-label="${name}"]`).getAttribute('data-points');
    expect(Number(await points('Requests per day, all keys'))).toBeGreaterThan(0);
    expect(Number(await points('Refusals and errors per day, all keys'))).toBeGreaterThan(0);
    expect(Number(await points('Top keys'))).toBeGreaterThan(0);
    expect(Number(await points('429s by window'))).toBeGreaterThan(0);
    expect(await page.locator('#usage-totals').textContent()).toMatch(
      /[1-9]\d* refused as 401, [1-9]\d* as 429/,
    );
    await screenshot(page, 'admin-usage');

    await page.click('#tab-keys');
    await page.click('#keys a:text("Busy cell")');
    await page.waitForSelector('#refusals tbody tr');
    expect(await page.locator('#refusals').textContent()).toContain('GET /api/v1/keys/me');
    expect(Number(await points('Requests per day, last 30 days'))).toBeGreaterThan(0);
    await screenshot(page, 'admin-key-page');
  });
});
