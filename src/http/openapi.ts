import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { DEMO_API_KEY } from '../keys/index.js';
import { nameSuccessResponses } from './openapi-responses.js';

export const API_TITLE = 'Military Medical Exercise Patient Generator';

/** package.json's version, read once: `/docs` and `/api/v1/config/frontend` show the package's version. */
export const API_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function description(demo: { patientLimit: number; dailyLimit: number; perMinute: number; perHour: number }) {
  return `Generates synthetic, realistic military casualties for exercise planning: NATO demographics,
SNOMED CT-coded injuries and illnesses, triage, evacuation through POI and Roles 1 to 4, outcomes and timelines,
as JSON, CSV, XML, XLSX and FHIR R4, zipped and optionally encrypted.

## Authentication
Send your key in the \`X-API-Key\` header (or \`Authorization: Bearer <key>\`) on every \`/api/v1\` call
except the health and reference routes.

## Public demo key
Try it at once with \`${DEMO_API_KEY}\`:
${demo.patientLimit} patients per generation, ${demo.dailyLimit} requests per day, ${demo.perMinute} per minute and
${demo.perHour} per hour. The demo allowances are counted per client IP.

## Limits
Every authenticated response carries \`X-RateLimit-Limit/Remaining/Reset\`, \`RateLimit-Policy\` and
\`RateLimit\`. Over a limit you get 429 with \`Retry-After\` (seconds). Errors are JSON:
\`{"error", "detail", "timestamp", "request_id"}\`.`;
}

/** Registers the OpenAPI 3 document (`/openapi.json`) and the interactive docs (`/docs`). */
export async function registerOpenApi(
  app: FastifyInstance,
  demo: { patientLimit: number; dailyLimit: number; perMinute: number; perHour: number },
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: API_TITLE, version: API_VERSION, description: description(demo) },
      components: {
        securitySchemes: {
          ApiKeyAuth: {
            type: 'apiKey',
            in: 'header',
            name: 'X-API-Key',
            description: `Paste your API key, e.g. the public demo key ${DEMO_API_KEY} or your own milmed_live_… key.`,
          },
          BearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: `The same API key as a bearer token: paste only the key (${DEMO_API_KEY} or milmed_live_…); "Bearer " is added for you.`,
          },
        },
      },
      tags: [
        { name: 'generation', description: 'Create generation jobs' },
        { name: 'jobs', description: 'Follow, cancel and download jobs' },
        { name: 'configurations', description: 'Stored scenario configurations' },
        { name: 'reference', description: 'Reference data (no key needed)' },
        { name: 'keys', description: 'Your key, and key administration' },
        { name: 'usage', description: 'Usage analytics for administrators, from per-minute aggregates' },
        {
          name: 'settings',
          description: 'Settings administrators change at run time (self-service registration)',
        },
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'metrics', description: 'Prometheus metrics for operators (METRICS_TOKEN or an admin key)' },
      ],
    },
    transformObject: (document) =>
      nameSuccessResponses('openapiObject' in document ? document.openapiObject : document.swaggerObject),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
