import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { JOB_STATUSES, type JobService } from '../../jobs/index.js';
import { badRequest, notFound } from '../errors.js';
import { toJobResponse } from '../job-view.js';
import { readerOf } from '../owner.js';
import { ENCRYPTED_JOB_ERROR, refuseEncrypted, storedPatientsOf } from '../stored-patients.js';
import { errorResponses, KEY_SECURITY as security, openObject, PROTECTED_ERRORS } from '../schemas/common.js';
import { JobResponse } from '../schemas/generation.js';
import { MAX_PAGE } from '../schemas/input.js';

const JobParams = Type.Object({ job_id: Type.String() });

/** Job status, listing, results, cancel and delete. Another tenant's job is a 404. */
export function jobRoutes(deps: { jobs: JobService }) {
  return async function jobRoutesPlugin(app: FastifyInstance) {
    app.get<{ Querystring: { limit?: number; status?: string } }>(
      '/api/v1/jobs/',
      {
        schema: {
          tags: ['jobs'],
          summary: 'List your jobs, newest first',
          security,
          querystring: Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
            status: Type.Optional(Type.String({ enum: [...JOB_STATUSES] })),
          }),
          response: { 200: Type.Array(JobResponse), ...errorResponses(422, ...PROTECTED_ERRORS) },
        },
      },
      async (request) => {
        const rows = await deps.jobs.list(readerOf(request), {
          limit: request.query.limit ?? 100,
          status: request.query.status as never,
        });
        return rows.map(toJobResponse);
      },
    );

    app.get<{ Params: { job_id: string } }>(
      '/api/v1/jobs/:job_id',
      {
        schema: {
          tags: ['jobs'],
          summary: 'Job status and progress',
          security,
          params: JobParams,
          response: { 200: JobResponse, ...errorResponses(404, ...PROTECTED_ERRORS) },
        },
      },
      async (request) => {
        const job = await deps.jobs.get(request.params.job_id, readerOf(request));
        if (!job) throw notFound(`Job ${request.params.job_id} not found`);
        return toJobResponse(job);
      },
    );

    app.get<{ Params: { job_id: string }; Querystring: { page: number; per_page: number } }>(
      '/api/v1/jobs/:job_id/results',
      {
        schema: {
          tags: ['jobs'],
          summary: 'A page of a completed job’s patients',
          security,
          params: JobParams,
          querystring: Type.Object({
            page: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 }),
            per_page: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          }),
          response: {
            200: openObject(
              'A page of patients, read from the files the job stored (403 for an encrypted job)',
              {
                job_id: '8f0c1e9a-0000-4000-8000-000000000000',
                total: 5,
                page: 1,
                per_page: 50,
                total_pages: 1,
                patients: [],
              },
            ),
            ...errorResponses(400, 404, 410, 422, ...PROTECTED_ERRORS),
            ...ENCRYPTED_JOB_ERROR,
          },
        },
      },
      async (request) => {
        const { job_id } = request.params;
        const job = await deps.jobs.get(job_id, readerOf(request));
        if (!job) throw notFound(`Job ${job_id} not found`);
        refuseEncrypted(job);
        if (job.status !== 'completed') {
          throw badRequest(`Job ${job_id} is not completed yet. Current status: ${job.status}`);
        }
        const { page, per_page } = request.query;
        const start = Math.min(job.patientsGenerated, (page - 1) * per_page);
        const { total, patients } = await storedPatientsOf(deps.jobs, job, start, start + per_page);
        return { job_id, total, page, per_page, total_pages: Math.ceil(total / per_page), patients };
      },
    );

    app.post<{ Params: { job_id: string } }>(
      '/api/v1/jobs/:job_id/cancel',
      {
        schema: {
          tags: ['jobs'],
          summary: 'Cancel a pending or running job',
          security,
          params: JobParams,
          response: { 200: JobResponse, ...errorResponses(400, 404, ...PROTECTED_ERRORS) },
        },
      },
      async (request) => {
        const { job_id } = request.params;
        const result = await deps.jobs.cancel(job_id, readerOf(request));
        if (!result) throw notFound(`Job ${job_id} not found`);
        if (result === 'finished') {
          const job = await deps.jobs.get(job_id, readerOf(request));
          throw badRequest(`Cannot cancel job ${job_id} with status ${job?.status ?? 'unknown'}`);
        }
        return toJobResponse(result);
      },
    );

    app.delete<{ Params: { job_id: string } }>(
      '/api/v1/jobs/:job_id',
      {
        schema: {
          tags: ['jobs'],
          summary: 'Delete a job and its files',
          security,
          params: JobParams,
          response: {
            200: Type.Object({
              success: Type.Boolean(),
              message: Type.String(),
              deleted_id: Type.String(),
              timestamp: Type.String(),
            }),
            ...errorResponses(404, ...PROTECTED_ERRORS),
          },
        },
      },
      async (request) => {
        const { job_id } = request.params;
        if (!(await deps.jobs.delete(job_id, readerOf(request)))) throw notFound(`Job ${job_id} not found`);
        return {
          success: true,
          message: 'Job deleted successfully',
          deleted_id: job_id,
          timestamp: new Date().toISOString(),
        };
      },
    );
  };
}
