import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { JobService } from '../../jobs/index.js';
import type { RefusalReason } from '../../keys/index.js';
import { createMetricsAccess } from '../plugins/metrics-access.js';
import { errorResponses, KEY_SECURITY, PROTECTED_ERRORS } from '../schemas/common.js';

/** The refusals that mean "who are you?", not "slow down". */
const AUTH_FAILURES = new Set<RefusalReason>([
  'missing',
  'invalid',
  'inactive',
  'pending',
  'expired',
  'ip-blocked',
]);

const giveUpAfter = (ms: number) => delay(ms, undefined, { ref: false });

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface MetricsDeps {
  jobs: JobService;
  /** The `instance` label on every metric (`INSTANCE_ID`, else hostname and pid). */
  instance: string;
  /** `METRICS_TOKEN`: a Bearer token that may scrape without an API key. */
  token: string | undefined;
  /** The protected routes' authentication and usage hooks, for scrapes with an admin key. */
  authenticate: Hook;
  takeDailyQuota: Hook;
  recordUsage: (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;
}

/**
 * `GET /metrics`: Prometheus text, for a `METRICS_TOKEN` bearer or an admin key. Everything is
 * this instance's and kept in memory (requests, latencies, and jobs counted from the job service's
 * events); a scrape's only database access is one grouped count for the queue depth. Sum over
 * instances in Prometheus. No label carries a key, an id or an address, so label sets stay bounded.
 */
export function metricsRoutes(deps: MetricsDeps) {
  return async function metricsRoutesPlugin(app: FastifyInstance) {
    const registry = new Registry();
    registry.setDefaultLabels({ instance: deps.instance });
    collectDefaultMetrics({ register: registry });
    const requests = new Counter({
      name: 'api_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    });
    const latency = new Histogram({
      name: 'api_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    const jobsCreated = new Counter({
      name: 'jobs_created_total',
      help: 'Generation jobs created on this instance',
      registers: [registry],
    });
    const jobsFinished = new Counter({
      name: 'jobs_finished_total',
      help: 'Generation jobs finished on this instance, by outcome',
      labelNames: ['status'],
      registers: [registry],
    });
    const patients = new Counter({
      name: 'patients_generated_total',
      help: 'Patients in the jobs completed on this instance',
      registers: [registry],
    });
    const jobDuration = new Histogram({
      name: 'job_duration_seconds',
      help: 'Wall time of the generation jobs run on this instance, by outcome',
      labelNames: ['status'],
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
      registers: [registry],
    });
    const throughput = new Gauge({
      name: 'generation_patients_per_second',
      help: 'Patients per second of the last job completed on this instance',
      registers: [registry],
    });
    new Gauge({
      name: 'jobs_running',
      help: 'Generation jobs running on this instance',
      registers: [registry],
      collect() {
        this.set(deps.jobs.runningCount());
      },
    });
    new Gauge({
      name: 'jobs_queued',
      help: 'Generation jobs waiting to run, over every instance',
      registers: [registry],
      async collect() {
        // A database that is down or hung must not fail or stall the scrape: the gauge keeps its last value.
        const queued = await Promise.race([deps.jobs.queuedCount().catch(() => undefined), giveUpAfter(250)]);
        if (queued !== undefined) this.set(queued);
      },
    });
    const authFailures = new Counter({
      name: 'auth_failures_total',
      help: 'Requests refused authentication, by reason (missing, invalid, inactive, pending, expired, ip-blocked)',
      labelNames: ['reason'],
      registers: [registry],
    });
    const limitRefusals = new Counter({
      name: 'rate_limit_refusals_total',
      help: 'Requests refused by a rate limit or quota, by window (minute, hour, day)',
      labelNames: ['window'],
      registers: [registry],
    });
    const unsubscribe = deps.jobs.onEvent((event) => {
      if (event.type === 'created') return jobsCreated.inc();
      jobsFinished.inc({ status: event.status });
      if (event.status !== 'cancelled') jobDuration.observe({ status: event.status }, event.seconds);
      if (event.status === 'completed') {
        patients.inc(event.patients);
        if (event.seconds > 0) throughput.set(event.patients / event.seconds);
      }
    });
    app.addHook('onClose', async () => unsubscribe());

    app.addHook('onResponse', async (request, reply) => {
      // Route templates, never raw URLs, so label sets stay bounded and no id or key lands in a label.
      const route = request.routeOptions.url ?? 'unmatched';
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      const refusal = request.refusal;
      if (refusal?.window) limitRefusals.inc({ window: refusal.window });
      else if (refusal && AUTH_FAILURES.has(refusal.reason)) authFailures.inc({ reason: refusal.reason });
    });

    const schema = {
      tags: ['metrics'],
      summary: 'Prometheus metrics: requests, latency, refusals, jobs, queue depth and patients',
      description: 'Needs `Authorization: Bearer <METRICS_TOKEN>` or a key with the `admin` scope.',
      security: KEY_SECURITY,
      produces: ['text/plain'],
      response: {
        200: {
          description: 'Prometheus text format',
          type: 'string',
          examples: [
            'api_requests_total{method="GET",route="/health",status="200",instance="api-1"} 2\nauth_failures_total{reason="invalid",instance="api-1"} 3',
          ],
        },
        ...errorResponses(...PROTECTED_ERRORS),
      },
    };
    app.get(
      '/metrics',
      {
        schema,
        onRequest: createMetricsAccess(deps.token, deps.authenticate),
        preHandler: deps.takeDailyQuota,
        onResponse: deps.recordUsage,
      },
      async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
    );
  };
}
