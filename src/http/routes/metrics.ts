import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { JobService } from '../../jobs/index.js';
import { createMetricsAccess } from '../plugins/metrics-access.js';
import { errorResponses, KEY_SECURITY, PROTECTED_ERRORS } from '../schemas/common.js';

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface MetricsDeps {
  jobs: JobService;
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
 * events), so a scrape never touches the database; sum over instances in Prometheus.
 */
export function metricsRoutes(deps: MetricsDeps) {
  return async function metricsRoutesPlugin(app: FastifyInstance) {
    const registry = new Registry();
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
    const unsubscribe = deps.jobs.onEvent((event) => {
      if (event.type === 'created') return jobsCreated.inc();
      jobsFinished.inc({ status: event.status });
      if (event.status === 'completed') patients.inc(event.patients);
    });
    app.addHook('onClose', async () => unsubscribe());

    app.addHook('onResponse', async (request, reply) => {
      // Route templates, never raw URLs, so label sets stay bounded and no id or key lands in a label.
      const route = request.routeOptions.url ?? 'unmatched';
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });

    const schema = {
      tags: ['metrics'],
      summary: 'Prometheus metrics: requests by route and status, latency, jobs and patients',
      description: 'Needs `Authorization: Bearer <METRICS_TOKEN>` or a key with the `admin` scope.',
      security: KEY_SECURITY,
      produces: ['text/plain'],
      response: {
        200: {
          description: 'Prometheus text format',
          type: 'string',
          examples: [
            'api_requests_total{method="GET",route="/health",status="200"} 2\njobs_finished_total{status="completed"} 1',
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
