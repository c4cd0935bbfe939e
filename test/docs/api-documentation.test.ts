import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/http/error-codes.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const DOC = 'docs/API_DOCUMENTATION.md';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Served, but deliberately not operations of the OpenAPI document. */
const OUTSIDE_OPENAPI = new Set(['GET /openapi.json', 'GET /docs']);

/**
 * Public `/api/v1` routes that can only answer 200 (or 503 for readiness): they take no key,
 * no body and no parameters, so there is no 4xx to document.
 */
const PUBLIC_WITHOUT_CLIENT_ERRORS = new Set([
  'GET /api/v1/health',
  'GET /api/v1/health/live',
  'GET /api/v1/health/ready',
  'GET /api/v1/config/frontend',
  'GET /api/v1/configurations/reference/nationalities/',
  'GET /api/v1/configurations/reference/condition-types/',
  'GET /api/v1/configurations/reference/facility-types/',
  'GET /api/v1/configurations/reference/static-fronts/',
]);

interface Operation {
  security?: unknown[];
  responses?: Record<string, unknown>;
}
interface OpenApiDoc {
  info: { description?: string };
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
}

/** `METHOD /path` for every operation, paths as OpenAPI writes them (`{param}`). */
function operations(doc: OpenApiDoc): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) out.set(`${method.toUpperCase()} ${path}`, op);
    }
  }
  return out;
}

/** Every `METHOD /path` the document names, query strings dropped. */
function routesNamedIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(GET|POST|PUT|PATCH|DELETE) (\/[A-Za-z0-9_{}/.-]*)/g)) {
    found.add(`${m[1]} ${m[2]}`);
  }
  return found;
}

describe('docs/API_DOCUMENTATION.md and the OpenAPI document', () => {
  let t: TestApp;
  let ops: Map<string, Operation>;
  let doc: OpenApiDoc;
  const text = readFileSync(DOC, 'utf8');

  beforeAll(async () => {
    t = await buildTestApp();
    doc = t.app.swagger() as unknown as OpenApiDoc;
    ops = operations(doc);
  });
  afterAll(() => t.close());

  it('documents every route of the OpenAPI document', () => {
    const named = routesNamedIn(text);
    const missing = [...ops.keys()].filter((route) => !named.has(route));
    expect(missing, `${DOC} does not document: ${missing.join(', ')}`).toEqual([]);
  });

  it('names no route that does not exist', () => {
    const unknown = [...routesNamedIn(text)].filter(
      (route) => !ops.has(route) && !OUTSIDE_OPENAPI.has(route),
    );
    expect(unknown, `${DOC} names routes the API does not have: ${unknown.join(', ')}`).toEqual([]);
  });

  it('finds the routes it checks (the scanner is not blind)', () => {
    expect(ops.size).toBeGreaterThan(20);
    expect(routesNamedIn(text).has('GET /api/v1/jobs/{job_id}')).toBe(true);
  });

  it('documents at least one 4xx on every /api/v1 operation that takes a key, 401 and 429 included', () => {
    const problems: string[] = [];
    for (const [route, op] of ops) {
      if (!route.split(' ')[1]?.startsWith('/api/v1')) continue;
      const codes = Object.keys(op.responses ?? {});
      if (op.security && op.security.length > 0) {
        if (!codes.some((c) => c.startsWith('4'))) problems.push(`${route}: no 4xx response`);
        for (const needed of ['401', '429'])
          if (!codes.includes(needed)) problems.push(`${route}: no ${needed}`);
      } else if (!PUBLIC_WITHOUT_CLIENT_ERRORS.has(route) && !codes.some((c) => c.startsWith('4'))) {
        problems.push(
          `${route}: public route with no 4xx response (document one, or list it as exempt here)`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows an example on every operation in /docs', () => {
    const withoutExample = [...ops]
      .filter(([, op]) => !/"examples?"/.test(JSON.stringify(op)))
      .map(([route]) => route);
    expect(withoutExample, `operations with no example: ${withoutExample.join(', ')}`).toEqual([]);
  });

  it('names the public demo key and its limits in the OpenAPI description', () => {
    const description = doc.info.description ?? '';
    expect(description).toContain('DEMO_MILMED_2025_500_PATIENTS');
    expect(description).toContain('X-API-Key');
    expect(description).toMatch(/500 patients/);
  });
});

describe('the error catalog in the API reference', () => {
  it('lists exactly the codes of the catalog, each with its status', () => {
    const doc = readFileSync(DOC, 'utf8');
    const section = doc.slice(doc.indexOf('### Error codes'), doc.indexOf('### Status codes'));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    const catalog = Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status]);
    expect(documented).toEqual(catalog);
  });
});
