import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

interface Operation {
  tags?: string[];
  responses: Record<string, { description: string }>;
}

describe('/docs for a newcomer', () => {
  let t: TestApp;
  let doc: {
    info: { version: string };
    tags: { name: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes: Record<string, { description?: string }> };
  };
  beforeAll(async () => {
    t = await buildTestApp();
    doc = (await t.app.inject('/openapi.json')).json();
  });
  afterAll(() => t.close());

  it('says in the Authorize dialog what to paste: the demo key or a milmed_live_ key', () => {
    for (const scheme of ['ApiKeyAuth', 'BearerAuth']) {
      const { description } = doc.components.securitySchemes[scheme] ?? {};
      expect(description, scheme).toContain('DEMO_MILMED_2025_500_PATIENTS');
      expect(description, scheme).toContain('milmed_live_');
    }
  });

  it('names every success response instead of "Default Response"', () => {
    const unnamed: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!response.description || response.description === 'Default Response') {
            unnamed.push(`${method} ${path} ${status}`);
          }
        }
      }
    }
    expect(unnamed).toEqual([]);
    expect(doc.paths['/api/v1/generation/']?.post?.responses['201']?.description).toMatch(/Job created/);
  });

  it('documents the 415 of every operation that takes a JSON body', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if ((operation as { requestBody?: unknown }).requestBody && !operation.responses['415']) {
          missing.push(`${method} ${path}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(doc.paths['/api/v1/generation/']?.post?.responses['415']?.description).toContain(
      'application/json',
    );
  });

  it("shows package.json's version", async () => {
    expect(doc.info.version).toBe(PACKAGE_VERSION);
    const frontend = await t.app.inject('/api/v1/config/frontend');
    expect(frontend.json().version).toBe(PACKAGE_VERSION);
  });

  it('files /metrics under its own tag, not under health', () => {
    expect(doc.paths['/metrics']?.get?.tags).toEqual(['metrics']);
    expect(doc.tags.map((tag) => tag.name)).toContain('metrics');
  });
});
