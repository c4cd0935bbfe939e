/**
 * Names for success responses whose route schema gives no description, so `/docs` never shows
 * @fastify/swagger's "Default Response". Keyed by `METHOD path` as in the OpenAPI document; any
 * other undescribed success is a "Successful Response", FastAPI's wording.
 */
const SUCCESS_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'get /health': 'The service is up',
  'get /api/v1/health': 'Status of the service and of each dependency',
  'get /api/v1/health/live': 'The process is alive',
  'get /api/v1/health/ready': 'Ready: every dependency answers',
  'get /ready': 'Ready: every dependency answers',
  'get /api/v1/keys/me': 'Your key: its limits and today’s usage',
  'post /api/v1/generation/': 'Job created; follow it at GET /api/v1/jobs/{job_id}',
  'get /api/v1/jobs/': 'Your jobs, newest first',
  'get /api/v1/jobs/{job_id}': 'The job: status, progress, summary and output files',
  'delete /api/v1/jobs/{job_id}': 'The job and its files are deleted',
  'post /api/v1/jobs/{job_id}/cancel': 'The job is cancelled',
  'post /api/v1/configurations/': 'The configuration is stored',
  'get /api/v1/configurations/': 'Your configurations',
  'get /api/v1/configurations/{config_id}': 'The configuration',
  'put /api/v1/configurations/{config_id}': 'The configuration is replaced; its version goes up',
  'post /api/v1/configurations/validate/': 'Whether the configuration is valid, with its errors and warnings',
  'get /api/v1/admin/keys/': 'The keys (never a full key)',
  'post /api/v1/admin/keys/': 'The key is created; the full key is in this response only',
  'get /api/v1/admin/keys/{id}': 'The key (never the full key)',
  'patch /api/v1/admin/keys/{id}': 'The key is updated',
  'post /api/v1/admin/keys/{id}/rotate': 'The replacement key; the full key is in this response only',
  'get /api/v1/configurations/reference/nationalities/': 'Nationalities with their codes',
  'get /api/v1/configurations/reference/condition-types/': 'Condition types',
  'get /api/v1/configurations/reference/facility-types/': 'Medical facility types (POI, Roles 1 to 4)',
  'get /api/v1/configurations/reference/static-fronts/': 'The default fronts',
  'get /api/v1/config/frontend': 'Settings for the web page',
};

const FASTIFY_SWAGGER_DEFAULT = 'Default Response';

interface Operation {
  requestBody?: unknown;
  responses?: Record<string, { description?: string; content?: unknown }>;
}

/** The 415 of every route with a JSON body (plugins/json-media-type.ts), with the standard error body. */
function unsupportedMediaType(errorResponse: { content?: unknown } | undefined) {
  return {
    description: 'The body was not sent with Content-Type: application/json',
    ...(errorResponse?.content !== undefined && { content: errorResponse.content }),
  };
}

/**
 * Replaces "Default Response" on every 2xx of the document, and documents the 415 of every operation
 * that takes a body (in place); returns the document.
 */
export function nameSuccessResponses<T extends { paths?: unknown }>(document: T): T {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const responses = operation.responses ?? {};
      if (operation.requestBody !== undefined && !responses['415']) {
        responses['415'] = unsupportedMediaType(responses['422'] ?? responses['401']);
      }
      for (const [status, response] of Object.entries(responses)) {
        if (!status.startsWith('2') || response.description !== FASTIFY_SWAGGER_DEFAULT) continue;
        response.description = SUCCESS_DESCRIPTIONS[`${method} ${path}`] ?? 'Successful Response';
      }
    }
  }
  return document;
}
