import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { DEMO_API_KEY } from '../keys/index.js';

export const API_TITLE = 'Military Medical Exercise Patient Generator';
export const API_VERSION = '2.1.0';

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
          ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          BearerAuth: { type: 'http', scheme: 'bearer' },
        },
      },
      tags: [
        { name: 'generation', description: 'Create generation jobs' },
        { name: 'jobs', description: 'Follow, cancel and download jobs' },
        { name: 'configurations', description: 'Stored scenario configurations' },
        { name: 'reference', description: 'Reference data (no key needed)' },
        { name: 'keys', description: 'Your key, and key administration' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
