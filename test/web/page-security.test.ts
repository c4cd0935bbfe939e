import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const LEGACY_KEY = 'page-security-legacy-key-0123456789';

describe('the web pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { API_KEY: LEGACY_KEY } });
  });
  afterAll(() => t.close());

  for (const path of ['/', '/admin']) {
    it(`${path} is served with a strict CSP that forbids framing`, async () => {
      const res = await t.app.inject({ url: path });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it(`${path} has no inline script or style, and no secret in its HTML`, async () => {
      const html = (await t.app.inject({ url: path })).body;
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toMatch(/\bsrc="\/assets\//);
      expect(html).not.toMatch(/<style\b/);
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).not.toMatch(/\son[a-z]+=/);
      expect(html).not.toContain(LEGACY_KEY);
      expect(html).not.toContain(DEMO_API_KEY);
    });
  }

  it('serves the hashed assets as immutable, with the same headers', async () => {
    const html = (await t.app.inject({ url: '/' })).body;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const res = await t.app.inject({ url: script! });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sets no cookie on a page or an API answer: keys travel in a header, so there is nothing to forge', async () => {
    for (const url of ['/', '/admin', '/api/v1/config/frontend']) {
      expect((await t.app.inject({ url })).headers['set-cookie']).toBeUndefined();
    }
    const me = await t.app.inject({ url: '/api/v1/keys/me', headers: { 'x-api-key': LEGACY_KEY } });
    expect(me.statusCode).toBe(200);
    expect(me.headers['set-cookie']).toBeUndefined();
  });

  it('sends the earlier web page address, /static/index.html, to the new page', async () => {
    const res = await t.app.inject({ url: '/static/index.html' });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/');
  });

  it('answers an unknown asset with the JSON 404 body', async () => {
    const res = await t.app.inject({ url: '/assets/nothing-here.js' });
    expect(res.statusCode).toBe(404);
  });
});

describe('without a built web folder', () => {
  let t: TestApp;
  let empty: string;
  beforeAll(async () => {
    empty = mkdtempSync(join(tmpdir(), 'milmed-no-web-'));
    t = await buildTestApp({ webRoot: `${empty}/` });
  });
  afterAll(async () => {
    await t.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('redirects / to the docs, as before the pages existed', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe('/docs');
  });

  it('answers /admin with 404 and how to build the pages', async () => {
    const res = await t.app.inject({ url: '/admin' });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('npm run build');
  });
});
