import cors from '@fastify/cors';
import fp from 'fastify-plugin';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Config } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { ConfigurationRepository } from '../configurations/index.js';
import type { GenerationService, JobService, PatientStreams } from '../jobs/index.js';
import type { Admission, ApiKeyRepository, ApiKeyService } from '../keys/index.js';
import type { RateLimitStore } from '../ratelimit/index.js';
import type { RegistrationModeSetting } from '../settings/index.js';
import type { UsageRecorder, UsageRepository } from '../usage/index.js';
import { loggerOptions } from './logger.js';
import { registerOpenApi } from './openapi.js';
import {
  createAuthenticate,
  createDailyQuotaHook,
  createRecordUsage,
  createTakeDailyQuota,
} from './plugins/auth.js';
import { clientErrorHandler, errorHandler, frameworkErrors } from './plugins/error-handler.js';
import { inputGuard } from './plugins/input-guard.js';
import { jsonMediaType } from './plugins/json-media-type.js';
import { requestContext, requestIdFor } from './plugins/request-context.js';
import { serializerCompiler } from './serializers.js';
import { validatorCompiler } from './validators.js';
import { adminKeyRoutes } from './routes/admin-keys.js';
import { adminSettingsRoutes } from './routes/admin-settings.js';
import { adminUsageRoutes } from './routes/admin-usage.js';
import { configurationRoutes } from './routes/configurations.js';
import { downloadRoutes } from './routes/downloads.js';
import { generationRoutes } from './routes/generation.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { meRoutes } from './routes/me.js';
import { metricsRoutes } from './routes/metrics.js';
import { presetRoutes } from './routes/presets.js';
import { referenceRoutes } from './routes/reference.js';
import { registerRoutes } from './routes/register.js';
import { streamingRoutes } from './routes/streaming.js';
import { visualizationRoutes } from './routes/visualizations.js';
import { webPageRoutes } from './routes/web-pages.js';
import './types.js';

/** Everything the HTTP layer needs, built once by the composition root. */
export interface AppDeps {
  config: Config;
  database: Database;
  keys: ApiKeyService;
  keyRepository: ApiKeyRepository;
  /** The self-service registration mode in force (an administrator's, else the environment's). */
  registrationMode: RegistrationModeSetting;
  admission: Admission;
  usage: UsageRecorder;
  usageRepository: UsageRepository;
  rateLimiter: RateLimitStore;
  jobs: JobService;
  generation: GenerationService;
  configurations: ConfigurationRepository;
  streams: PatientStreams;
  clock: () => Date;
}

export interface BuildAppOptions {
  /** A ready pino logger (the server shares one with its services). */
  logger?: FastifyBaseLogger;
  /** Where JSON log lines go (tests capture them); defaults to stdout. */
  logStream?: Writable;
  /** Benchmarks only: protected routes skip authentication. */
  disableAuth?: boolean;
  /** Where the built pages are (tests point it at a folder of their own); defaults to dist/web. */
  webRoot?: string;
}

const EXPOSED_HEADERS = [
  'X-Request-ID',
  'Retry-After',
  'RateLimit',
  'RateLimit-Policy',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-API-Key-Type',
  'X-Patient-Limit',
  'X-Daily-Limit',
  'X-Daily-Usage',
  'X-Key-Status',
  'X-Limit-Type',
  'X-Limit-Value',
  'X-Current-Usage',
  'X-Requested',
  'X-Response-Time',
  'WWW-Authenticate',
  'X-Patient-Count',
  'X-Batch-Size',
  'X-Seed',
  'Content-Disposition',
  'Content-Length',
  'Accept-Ranges',
  'Content-Range',
];

/** Every method a route uses, so a browser app can update, patch and delete, not only read and create. */
const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Fastify (proxy-addr) walks X-Forwarded-For from the socket address leftwards while the hop is
 * trusted, so the client is the right-most untrusted entry; a hop count trusts the first `trust` hops.
 */
function trustProxyOption(trust: Config['trustProxy']) {
  if (trust === false) return false;
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : [...trust];
}

/** Builds the Fastify app without listening: `main.ts` listens, tests use `inject()`. */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const loggerInstance =
    options.logger ?? pino(loggerOptions(deps.config.logLevel), options.logStream ?? pino.destination(1));
  const app = Fastify({
    loggerInstance,
    // One line per request comes from the request-context plugin instead.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: deps.config.bodyLimitBytes,
    // The input guard refuses `__proto__`, `constructor` and `prototype` anywhere in a body with a
    // 422 naming the field (stricter than secure-json-parse, whose refusal reads "Malformed JSON").
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    genReqId: (req) => requestIdFor(req.headers['x-request-id']),
    frameworkErrors,
    clientErrorHandler,
    // request-context answers requests that arrive while closing, with the standard error body.
    return503OnClosing: false,
    // `/jobs` and `/jobs/` are the same route, as the earlier service's clients expect.
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorHandler);
  await app.register(requestContext);
  await app.register(inputGuard);
  await app.register(jsonMediaType);
  const allowedOrigins = new Set(deps.config.corsOrigins);
  await app.register(cors, {
    // CORS headers only for browsers' cross-origin requests from an allowed origin; a plain API
    // client gets none, which saves about 400 bytes on every response.
    origin: (origin, callback) =>
      callback(null, origin !== undefined && allowedOrigins.has(origin) ? origin : false),
    credentials: true,
    exposedHeaders: EXPOSED_HEADERS,
    methods: ALLOWED_METHODS,
  });
  await registerOpenApi(app, deps.config.demo);
  const authDeps = { ...deps, disabled: options.disableAuth };
  const authenticate = createAuthenticate(authDeps);
  const takeDailyQuota = createTakeDailyQuota(authDeps);
  const recordUsage = createRecordUsage(deps);
  // After the OpenAPI plugin (so /metrics is documented) and before the routes (so its hook sees them all).
  await app.register(
    fp(
      metricsRoutes({
        jobs: deps.jobs,
        instance: deps.config.instanceId,
        token: deps.config.metricsToken,
        authenticate,
        takeDailyQuota,
        recordUsage,
      }),
      {
        name: 'metrics',
      },
    ),
  );

  await app.register(
    healthRoutes({
      database: deps.database,
      rateLimiter: deps.rateLimiter,
      redisConfigured: Boolean(deps.config.redisUrl),
      onRedisDown: deps.config.rateLimitOnRedisDown,
      ...(deps.config.s3 && { fileStore: deps.jobs.files.store }),
    }),
  );

  await app.register(async function protectedRoutes(scope) {
    scope.addHook('onRequest', authenticate);
    scope.addHook('preHandler', createDailyQuotaHook(takeDailyQuota));
    scope.addHook('onResponse', recordUsage);
    await scope.register(meRoutes);
    await scope.register(generationRoutes({ ...deps, takeDailyQuota }));
    await scope.register(streamingRoutes({ ...deps, takeDailyQuota }));
    await scope.register(jobRoutes(deps));
    await scope.register(downloadRoutes(deps));
    await scope.register(configurationRoutes({ ...deps, takeDailyQuota }));
    await scope.register(presetRoutes);
    await scope.register(visualizationRoutes(deps));
    await scope.register(adminKeyRoutes(deps));
    await scope.register(adminUsageRoutes(deps));
    await scope.register(adminSettingsRoutes(deps));
  });
  await app.register(referenceRoutes(deps));
  await app.register(registerRoutes(deps));
  await app.register(webPageRoutes(options.webRoot));

  return app;
}
