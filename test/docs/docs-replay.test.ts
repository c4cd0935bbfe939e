import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../scripts/docs-examples/curl.js';
import { findExamples, replaceResponses } from '../../scripts/docs-examples/markdown.js';
import { keepTree, keepVolatileValues, mask, projectJson } from '../../scripts/docs-examples/render.js';

const PAGE = [
  'Intro',
  '<!-- docs-example: create client=a -->',
  '```bash',
  `curl -s -X POST "$API/api/v1/generation/" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \\`,
  `  -d '{"seed": "docs-1"}'`,
  '```',
  '',
  '```json',
  '{"old":true}',
  '```',
  '  <!-- docs-example: me path=/api/v1/keys/me auth=none -->',
  '  ```http',
  '  HTTP/1.1 401 Unauthorized',
  '  ```',
].join('\n');

describe('docs replay: reading the marked examples of a page', () => {
  it('finds each marker with its request and response blocks, indented ones included', () => {
    const [create, me] = findExamples(PAGE);
    expect(create).toMatchObject({ name: 'create', options: { client: 'a' }, response: { lang: 'json' } });
    expect(create!.request!.lang).toBe('bash');
    expect(me).toMatchObject({ name: 'me', options: { path: '/api/v1/keys/me', auth: 'none' } });
    expect(me!.request).toBeUndefined();
    expect(me!.response.body).toBe('HTTP/1.1 401 Unauthorized');
  });

  it('rewrites only the response blocks, keeping their indentation', () => {
    const examples = findExamples(PAGE);
    const out = replaceResponses(PAGE, examples, ['{"new":true}', 'HTTP/1.1 200 OK']);
    expect(out).toContain('```json\n{"new":true}\n```');
    expect(out).toContain('  ```http\n  HTTP/1.1 200 OK\n  ```');
    expect(out).toContain(`-d '{"seed": "docs-1"}'`);
  });

  it('reads the method, headers and body of a curl command with shell quoting', () => {
    const request = parseCurl(findExamples(PAGE)[0]!.request!.body, {
      API: 'http://localhost:8000',
      KEY: 'k',
    });
    expect(request).toEqual({
      method: 'POST',
      path: '/api/v1/generation/',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: '{"seed": "docs-1"}',
    });
  });

  it('refuses a curl option it does not understand rather than sending something else', () => {
    expect(() => parseCurl('curl -F a=b http://localhost:8000/x', {})).toThrow(/-F/);
  });
});

describe('docs replay: what a shown response is compared on', () => {
  it('shows only the kept paths and marks the rest with an ellipsis', () => {
    const job = {
      job_id: 'x',
      status: 'completed',
      summary: { by_triage: { T3: 5 }, total: 5 },
      list: [1, 2, 3],
    };
    expect(projectJson(job, keepTree('status,summary.by_triage,list[]'), 2)).toBe(
      '{"status":"completed","summary":{"by_triage":{"T3":5},…},"list":[1,2,…],…}',
    );
  });

  it('masks ids, times and window resets but not the seeded content', () => {
    const a =
      '{"job_id":"f9fe341b-f6a6-4838-ae3a-d15b573496ba","created_at":"2026-11-25T20:44:28.403Z","by_front":{"Poland":3}}';
    const b =
      '{"job_id":"111cd277-32ff-4fe2-8389-bf2c38ff6a92","created_at":"2026-12-01T00:00:00.000Z","by_front":{"Poland":3}}';
    expect(mask(a)).toBe(mask(b));
    expect(mask(a)).not.toBe(mask(b.replace('"Poland":3', '"Poland":4')));
    expect(mask('ratelimit: "minute";r=9;t=61')).toBe(mask('ratelimit: "minute";r=9;t=58'));
  });

  it('keeps the ids a page already shows, so a refresh changes only what really changed', () => {
    const ids = new Map<string, string>();
    const shown = '{"job_id":"f9fe341b-f6a6-4838-ae3a-d15b573496ba","n":1}';
    const fresh = '{"job_id":"111cd277-32ff-4fe2-8389-bf2c38ff6a92","n":2}';
    expect(keepVolatileValues(fresh, shown, ids)).toBe(
      '{"job_id":"f9fe341b-f6a6-4838-ae3a-d15b573496ba","n":2}',
    );
    expect(ids.get('111cd277-32ff-4fe2-8389-bf2c38ff6a92')).toBe('f9fe341b-f6a6-4838-ae3a-d15b573496ba');
  });
});
