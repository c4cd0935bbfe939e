import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/index.js';
import type { RateLimitStore } from '../../ratelimit/index.js';
import type { FileStore } from '../../storage/index.js';
import { errorBody } from '../plugins/error-handler.js';
import { ErrorBody } from '../schemas/common.js';

const Readiness = Type.Object(
  { status: Type.String(), timestamp: Type.String(), checks: Type.Record(Type.String(), Type.String()) },
  {
    additionalProperties: true,
    examples: [
      {
        status: 'healthy',
        timestamp: '2026-01-15T12:00:00.000Z',
        checks: { api: 'ok', database: 'ok', redis: 'ok' },
      },
    ],
  },
);
const Ready = Type.Object({ status: Type.String() }, { examples: [{ status: 'ready' }] });
const NotReady = { ...ErrorBody, description: 'A dependency is down; `checks` says which' };

export interface HealthDeps {
  database: Database;
  rateLimiter: RateLimitStore;
  redisConfigured: boolean;
  onRedisDown: 'fallback' | 'fail-closed';
  /** Object storage of job files, when configured: checked, but only degrades (the rest of the API works). */
  fileStore?: Pick<FileStore, 'ping'>;
}

type CheckState = 'ok' | 'degraded' | 'down';

const PING_TIMEOUT_MS = 2000;

/** `/health` is liveness and touches nothing; `/api/v1/health` is readiness and checks every dependency. */
export function healthRoutes(deps: HealthDeps) {
  return async function healthRoutesPlugin(app: FastifyInstance) {
    const Live = Type.Object(
      { status: Type.String(), services: Type.Record(Type.String(), Type.Unknown()) },
      { examples: [{ status: 'healthy', services: {} }] },
    );
    app.get('/health', { schema: { tags: ['health'], response: { 200: Live } } }, async () => ({
      status: 'healthy',
      services: {},
    }));
    const Alive = Type.Object({ status: Type.String() }, { examples: [{ status: 'alive' }] });
    app.get('/api/v1/health/live', { schema: { tags: ['health'], response: { 200: Alive } } }, async () => ({
      status: 'alive',
    }));

    async function readiness() {
      const [database, fileStore] = await Promise.all([
        pingDatabase(deps.database),
        deps.fileStore && ping(() => deps.fileStore!.ping(), 'file store'),
      ]);
      const checks: Record<string, CheckState> = { api: 'ok', database };
      if (deps.redisConfigured) checks.redis = deps.rateLimiter.status();
      if (fileStore) checks.file_store = fileStore;
      const redisBlocks =
        checks.redis !== undefined && checks.redis !== 'ok' && deps.onRedisDown === 'fail-closed';
      const ready = database === 'ok' && !redisBlocks;
      const status = !ready
        ? 'unhealthy'
        : Object.values(checks).every((c) => c === 'ok')
          ? 'healthy'
          : 'degraded';
      return { ready, status, checks };
    }

    const readinessSchema = { tags: ['health'], response: { 200: Readiness, 503: NotReady } };
    app.get('/api/v1/health', { schema: readinessSchema }, async (request, reply) => {
      const { ready, status, checks } = await readiness();
      const timestamp = new Date().toISOString();
      if (ready) return { status, timestamp, checks };
      const down = Object.entries(checks)
        .filter(([, s]) => s !== 'ok')
        .map(([name]) => name);
      return reply.status(503).send({
        ...errorBody(503, 'SERVICE_UNAVAILABLE', `Unavailable: ${down.join(', ')}`, request.id),
        status,
        checks,
      });
    });

    for (const path of ['/api/v1/health/ready', '/ready']) {
      app.get(
        path,
        { schema: { tags: ['health'], response: { 200: Ready, 503: NotReady } } },
        async (request, reply) => {
          const { ready, checks } = await readiness();
          if (ready) return { status: 'ready' };
          return reply.status(503).send({
            ...errorBody(503, 'SERVICE_UNAVAILABLE', 'Service not ready', request.id),
            status: 'not_ready',
            checks,
          });
        },
      );
    }
  };
}

function pingDatabase(database: Database): Promise<CheckState> {
  return ping(() => database.ping(), 'database');
}

/** `ok` when `request` resolves within PING_TIMEOUT_MS, else `down`. */
async function ping(request: () => Promise<unknown>, what: string): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      request(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} ping timed out`)), PING_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
