import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { JobService } from '../../jobs/index.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { readerOf } from '../owner.js';
import { asciiFallback, attachmentDisposition } from '../content-disposition.js';
import { errorResponses, KEY_SECURITY, PROTECTED_ERRORS } from '../schemas/common.js';

/** `GET /api/v1/downloads/{job_id}`: the job's ZIP, or `?format=json` for the patients array. */
export function downloadRoutes(deps: { jobs: JobService }) {
  return async function downloadRoutesPlugin(app: FastifyInstance) {
    app.get<{ Params: { job_id: string }; Querystring: { format?: string } }>(
      '/api/v1/downloads/:job_id',
      {
        schema: {
          tags: ['jobs'],
          summary: 'Download a completed job (ZIP, or ?format=json)',
          security: KEY_SECURITY,
          params: Type.Object({ job_id: Type.String() }),
          querystring: Type.Object({ format: Type.Optional(Type.String({ enum: ['zip', 'json'] })) }),
          response: {
            200: {
              description: 'application/zip (default) or application/json',
              type: 'string',
              format: 'binary',
            },
            ...errorResponses(400, 404, 409, 410, 422, ...PROTECTED_ERRORS),
          },
        },
      },
      async (request, reply) => {
        const { job_id } = request.params;
        const job = await deps.jobs.get(job_id, readerOf(request));
        if (!job) throw notFound(`Job ${job_id} not found`);
        if (job.status === 'cancelled' || job.status === 'failed') throw nothingToDownload(job);
        if (job.status !== 'completed') {
          throw badRequest(`Job ${job_id} is not completed yet. Current status: ${job.status}`);
        }
        const { dir, zip } = deps.jobs.paths(job.id);
        if (request.query.format === 'json') {
          if (!job.outputFiles.some((f) => f.name === 'patients.json')) {
            throw badRequest(
              'This job has no plain JSON output (it was not requested, or it is compressed or encrypted)',
            );
          }
          const path = join(dir, 'patients.json');
          await ensureExists(path);
          return reply.type('application/json; charset=utf-8').send(createReadStream(path));
        }
        const size = await ensureExists(zip);
        return reply
          .type('application/zip')
          .header('Content-Length', size)
          .header('Content-Disposition', zipDisposition(job.config, job.id))
          .send(createReadStream(zip));
      },
    );
  };
}

/** 409: a cancelled or failed job never will have files; waiting, as for a running job, would not help. */
function nothingToDownload(job: { id: string; status: string; error: string | null }): AppError {
  const what = job.status === 'cancelled' ? 'was cancelled' : `failed${job.error ? ` (${job.error})` : ''}`;
  return new AppError(409, `Job ${job.id} ${what}; it has no files to download. Start a new job.`);
}

async function ensureExists(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    throw new AppError(410, 'The files of this job are no longer available');
  }
}

/**
 * `attachment; filename="<ascii name>_<job_id>.zip"; filename*=UTF-8''<name>_<job_id>.zip`: the job's
 * name exactly (percent-encoded UTF-8) for browsers, safe ASCII for older clients.
 */
function zipDisposition(config: Record<string, unknown>, jobId: string): string {
  const source = typeof config.name === 'string' ? config.name : String(config.configuration_id ?? jobId);
  // Bounded again here: a job stored before names were bounded must not make a huge header.
  const name = [...source].slice(0, 100).join('').trim();
  const ascii = asciiFallback(name);
  return attachmentDisposition(
    name ? `${name}_${jobId}.zip` : `patient_data_${jobId}.zip`,
    ascii ? `${ascii}_${jobId}.zip` : `patient_data_${jobId}.zip`,
  );
}
