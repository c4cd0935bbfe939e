import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const TOKEN = 'metrics-test-token-5b1e0c';
const scrape = (t: TestApp) =>
  t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });

describe('the metrics endpoint', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  it('counts answered requests by route template, never by raw URL or key', async () => {
    await t.app.inject({
      url: '/api/v1/jobs/3b5e3c4e-0000-4000-8000-000000000000',
      headers: { 'x-api-key': 'nope' },
    });
    const res = await scrape(t);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain(
      'api_requests_total{method="GET",route="/api/v1/jobs/:job_id",status="401"} 1',
    );
    expect(res.body).not.toContain('3b5e3c4e');
    expect(res.body).not.toContain('nope');
  });

  it("counts this instance's jobs and generated patients from the job service's events", async () => {
    const { key } = await t.services.keys.createKey({ name: 'metrics', rateLimitPerMinute: 1000 });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/generation/',
      headers: { 'x-api-key': key },
      payload: { configuration: { total_patients: 4 } },
    });
    expect(created.statusCode).toBe(201);
    const jobId = created.json().job_id;
    await t.services.jobs.idle();
    const job = (await t.app.inject({ url: `/api/v1/jobs/${jobId}`, headers: { 'x-api-key': key } })).json();
    expect(job.status).toBe('completed');
    const res = await scrape(t);
    expect(res.body).toContain('jobs_created_total 1');
    expect(res.body).toContain('jobs_finished_total{status="completed"} 1');
    expect(res.body).toContain('patients_generated_total 4');
  });
});
