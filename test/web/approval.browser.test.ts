/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser, so these tests see its globals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRig, browserTestsRun, screenshot, startBrowserRig } from '../helpers/browser.js';

const LEGACY_KEY = 'approval-browser-legacy-key-0123456789';

describe.runIf(browserTestsRun())('self-service keys in approval mode, in Chromium', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig({ env: { API_KEY: LEGACY_KEY, SELF_SERVICE_REGISTRATION: 'approval' } });
  });
  afterAll(() => rig?.close());

  it('keeps a registered key pending until an admin approves it on the dashboard', async () => {
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

    const admin = await rig.newPage();
    await admin.goto(`${rig.baseUrl}/admin`);
    await admin.fill('#admin-secret', LEGACY_KEY);
    await admin.click('#sign-in');
    await admin.selectOption('#key-filter', 'pending');
    const row = admin.locator('#keys tr', { hasText: 'Pending Person' });
    await row.locator('.tag.pending').waitFor();
    await screenshot(admin, 'admin-pending');
    await row.locator('[data-action=approve]').click();
    await row.waitFor({ state: 'detached' }); // no longer pending

    const me = await fetch(`${rig.baseUrl}/api/v1/keys/me`, { headers: { 'X-API-Key': key } });
    expect(me.status).toBe(200);
    expect(rig.pageErrors).toEqual([]);
  });
});
