/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser, so these tests see its globals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRig, browserTestsRun, screenshot, startBrowserRig } from '../helpers/browser.js';

const LEGACY_KEY = 'approval-browser-legacy-key-0123456789';

describe.runIf(browserTestsRun())('self-service keys in approval mode, in Chromium', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    // Open by the environment: the administrator switches approval on from the dashboard.
    rig = await startBrowserRig({ env: { API_KEY: LEGACY_KEY } });
  });
  afterAll(() => rig?.close());

  it('switches approval on from the dashboard, then keeps a new key pending until an admin approves it', async () => {
    const admin = await rig.newPage();
    await admin.goto(`${rig.baseUrl}/admin`);
    await admin.fill('#admin-secret', LEGACY_KEY);
    await admin.click('#sign-in');
    const modeButton = (mode: string) => admin.locator(`#registration-setting [data-mode=${mode}]`);
    await modeButton('open').and(admin.locator('[aria-pressed=true]')).waitFor();
    expect(await admin.locator('#registration-source').textContent()).toContain(
      'no administrator has changed it',
    );
    await modeButton('approval').click();
    await modeButton('approval').and(admin.locator('[aria-pressed=true]')).waitFor();
    expect(await admin.locator('#registration-source').textContent()).toContain('Set by API_KEY');

    const page = await rig.newPage();
    await page.goto(`${rig.baseUrl}/`);
    await page.fill('#reg-name', 'Pending Person');
    await page.fill('#reg-email', 'pending@example.org');
    await page.check('#reg-terms');
    await page.click('#reg-submit');
    expect(await page.locator('#register-result').textContent()).toContain('waits for an administrator');
    const key = (await page.locator('#registered-key').textContent())!.trim();
    await page.click('#register-result button');
    expect(await page.locator('#error').textContent()).toContain(
      'waiting for an administrator to approve it',
    );
    await screenshot(page, 'generator-pending');

    await admin.reload();
    await admin.locator('#pending-count', { hasText: '1 key is waiting for approval' }).waitFor();
    await admin.click('#show-pending');
    const row = admin.locator('#keys tr', { hasText: 'Pending Person' });
    await row.locator('.tag.pending').waitFor();
    await screenshot(admin, 'admin-pending');
    await row.locator('[data-action=approve]').click();
    await row.waitFor({ state: 'detached' }); // no longer pending
    await admin.locator('#pending-count', { hasText: 'No key is waiting' }).waitFor();

    const me = await fetch(`${rig.baseUrl}/api/v1/keys/me`, { headers: { 'X-API-Key': key } });
    expect(me.status).toBe(200);
    expect(rig.pageErrors).toEqual([]);
  });
});
