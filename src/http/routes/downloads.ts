import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { JobFiles, JobService } from '../../jobs/index.js';
import { ARCHIVE } from '../../storage/index.js';
import { parseRange } from '../byte-range.js';
import { AppError, appError, badRequest, notFound } from '../errors.js';
import { readerOf } from '../owner.js';
import { asciiFallback, attachmentDisposition } from '../content-disposition.js';
import { errorResponses, KEY_SECURITY, PROTECTED_ERRORS } from '../schemas/common.js';

/**
 * `GET /api/v1/downloads/{job_id}`: the job's ZIP, or `?format=json` for the patients array, streamed
 * from the file store (whichever instance ran the job), with `Range` support for resumed downloads.
 */
export function downloadRoutes(deps: { jobs: JobService }) {
  return async function downloadRoutesPlugin(app: FastifyInstance) {
    app.get<{ Params: { job_id: string }; Querystring: { format?: string } }>(
      '/api/v1/downloads/:job_id',
      {
        schema: {
          tags: ['jobs'],
          summary: 'Download a completed job (ZIP, or ?format=json); Range requests resume it',
          description:
            'Send `Range: bytes=first-last` (or `first-`, or `-suffix`) for part of the file: 206 with ' +
            '`Content-Range`. Of several ranges only the first satisfiable one is sent. A range past the ' +
            'end answers 416 with `Content-Range: bytes */size`.',
          security: KEY_SECURITY,
          params: Type.Object({ job_id: Type.String() }),
          querystring: Type.Object({ format: Type.Optional(Type.String({ enum: ['zip', 'json'] })) }),
          response: {
            200: {
              description: 'application/zip (default) or application/json',
              type: 'string',
              format: 'binary',
            },
            206: { description: 'The requested byte range of the file', type: 'string', format: 'binary' },
            ...errorResponses(400, 404, 409, 410, 416, 422, ...PROTECTED_ERRORS),
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
        if (request.query.format === 'json') {
          if (!job.outputFiles.some((f) => f.name === 'patients.json')) {
            throw badRequest(
              'This job has no plain JSON output (it was not requested, or it is compressed or encrypted)',
            );
          }
          const json = { 'Content-Type': 'application/json; charset=utf-8' };
          return sendFile(
            deps.jobs.files,
            { jobId: job.id, name: 'patients.json', headers: json },
            request,
            reply,
          );
        }
        return sendFile(
          deps.jobs.files,
          {
            jobId: job.id,
            name: ARCHIVE,
            headers: {
              'Content-Type': 'application/zip',
              'Content-Disposition': zipDisposition(job.config, job.id),
            },
          },
          request,
          reply,
        );
      },
    );
  };
}

/** 409: a cancelled or failed job never will have files; waiting, as for a running job, would not help. */
function nothingToDownload(job: { id: string; status: string; error: string | null }): AppError {
  const what = job.status === 'cancelled' ? 'was cancelled' : `failed${job.error ? ` (${job.error})` : ''}`;
  return new AppError(409, `Job ${job.id} ${what}; it has no files to download. Start a new job.`);
}

const GONE = 'The files of this job are no longer available';

/**
 * Streams a stored file with `headers`, whole (200) or the range the request asks for (206), never
 * reading it into memory; 410 when it is gone, 416 when the range starts past its end (an error
 * carries none of `headers`: no attachment name on a JSON error body).
 */
async function sendFile(
  files: JobFiles,
  file: { jobId: string; name: string; headers: Record<string, string> },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { jobId, name } = file;
  const size = await files.size(jobId, name);
  if (size === undefined) throw new AppError(410, GONE);
  const range = parseRange(request.headers.range, size, request.headers['if-range'] !== undefined);
  if (range.kind === 'unsatisfiable') {
    throw appError(
      'RANGE_NOT_SATISFIABLE',
      `The requested range is outside the file, which has ${size} bytes`,
      { 'Content-Range': `bytes */${size}`, 'Accept-Ranges': 'bytes' },
    );
  }
  const part = range.kind === 'part' ? { start: range.start, end: range.end } : undefined;
  // HEAD gets the headers only: Fastify would read a real stream to its end and drop it.
  const body = request.method === 'HEAD' ? Readable.from([]) : await files.stream(jobId, name, part);
  if (!body) throw new AppError(410, GONE);
  reply.headers(file.headers).header('Accept-Ranges', 'bytes');
  if (!part) return reply.header('Content-Length', size).send(body);
  return reply
    .status(206)
    .header('Content-Range', `bytes ${part.start}-${part.end}/${size}`)
    .header('Content-Length', part.end - part.start + 1)
    .send(body);
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
