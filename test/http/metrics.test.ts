import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/generator/index.js';
import { JobRepository } from '../../src/jobs/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const TOKEN = 'metrics-test-token-5b1e0c';
const scrape = (t: TestApp) =>
  t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });

describe('the metrics endpoint', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { METRICS_TOKEN: TOKEN, INSTANCE_ID: 'api-a' } });
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
      'api_requests_total{method="GET",route="/api/v1/jobs/:job_id",status="401",instance="api-a"} 1',
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
    expect(res.body).toContain('jobs_created_total{instance="api-a"} 1');
    expect(res.body).toContain('jobs_finished_total{status="completed",instance="api-a"} 1');
    expect(res.body).toContain('patients_generated_total{instance="api-a"} 4');
    expect(res.body).toContain('job_duration_seconds_count{instance="api-a",status="completed"} 1');
    expect(res.body).toMatch(/^generation_patients_per_second\{instance="api-a"\} [1-9]/m);
    expect(res.body).toContain('jobs_queued{instance="api-a"} 0');
    expect(res.body).toContain('jobs_running{instance="api-a"} 0');
  });

  it('counts the jobs waiting to run in jobs_queued', async () => {
    // Pinned to an instance that is not running: it waits, as a job does while every worker is busy.
    await new JobRepository(t.services.database.db).create({
      id: randomUUID(),
      ownerKeyId: null,
      ownerSubject: '',
      status: 'pending',
      seed: 'waiting',
      totalPatients: 1,
      config: {},
      scenario: DEFAULT_SCENARIO,
      outputFormats: ['json'],
      workerId: 'an-instance-that-is-down',
      createdAt: t.clock.now(),
    });
    expect((await scrape(t)).body).toContain('jobs_queued{instance="api-a"} 1');
  });

  it('counts authentication failures by reason, with no key in any label', async () => {
    const { key, record } = await t.services.keys.createKey({ name: 'soon inactive' });
    await t.services.keys.update(record.id, { isActive: false });
    await t.app.inject({ url: '/api/v1/keys/me' });
    await t.app.inject({ url: '/api/v1/keys/me', headers: { 'x-api-key': key } });
    const res = await scrape(t);
    expect(res.body).toContain('auth_failures_total{reason="missing",instance="api-a"} 1');
    expect(res.body).toContain('auth_failures_total{reason="inactive",instance="api-a"} 1');
    expect(res.body).not.toContain(key);
    expect(res.body).not.toContain(record.id);
  });

  it('counts rate-limit refusals by window', async () => {
    const { key } = await t.services.keys.createKey({ name: 'two a minute', rateLimitPerMinute: 2 });
    for (let i = 0; i < 3; i++) await t.app.inject({ url: '/api/v1/keys/me', headers: { 'x-api-key': key } });
    const res = await scrape(t);
    expect(res.body).toContain('rate_limit_refusals_total{window="minute",instance="api-a"} 1');
  });
});
