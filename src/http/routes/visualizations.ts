import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Patient } from '../../generator/index.js';
import type { JobRow, JobService } from '../../jobs/index.js';
import { notFound } from '../errors.js';
import { readerOf } from '../owner.js';
import { ENCRYPTED_JOB_ERROR, storedPatientsOf } from '../stored-patients.js';
import { errorResponses, KEY_SECURITY as security, openObject, PROTECTED_ERRORS } from '../schemas/common.js';

const wrapped = (description: string, data: Record<string, unknown>) =>
  openObject(description, {
    data,
    metadata: { job_id: '8f0c1e9a-0000-4000-8000-000000000000' },
    generated_at: '2026-01-15T12:00:00.000Z',
    cache_expires_at: null,
  });

/** Dashboard data and sample patients from your completed jobs. */
export function visualizationRoutes(deps: { jobs: JobService }) {
  async function findJob(request: FastifyRequest, jobId: string | undefined): Promise<JobRow | undefined> {
    const owner = readerOf(request);
    if (jobId) {
      const job = await deps.jobs.get(jobId, owner);
      if (job?.status !== 'completed') throw notFound(`Completed job ${jobId} not found`);
      return job;
    }
    return (await deps.jobs.list(owner, { limit: 1, status: 'completed' }))[0];
  }

  const wrap = (data: unknown, metadata: Record<string, unknown>) => ({
    data,
    metadata,
    generated_at: new Date().toISOString(),
    cache_expires_at: null,
  });

  /** Read from the job's stored files: never generated again, and refused for an encrypted job. */
  async function patientsOf(job: JobRow, start: number, end: number): Promise<Patient[]> {
    return (await storedPatientsOf(deps.jobs, job, start, end)).patients as unknown as Patient[];
  }

  return async function visualizationRoutesPlugin(app: FastifyInstance) {
    app.get<{ Querystring: { job_id?: string } }>(
      '/api/v1/visualizations/dashboard-data',
      {
        schema: {
          tags: ['jobs'],
          summary: 'Summary counts of a completed job (default: your latest)',
          security,
          querystring: Type.Object({ job_id: Type.Optional(Type.String()) }),
          response: {
            200: wrapped('Counts by outcome, triage, injury type, nationality, front', {
              total_patients: 5,
              total_kia: 0,
            }),
            ...errorResponses(404, ...PROTECTED_ERRORS),
          },
        },
      },
      async (request) => {
        const job = await findJob(request, request.query.job_id);
        return wrap(job?.summary ?? { summary: { total_patients: 0 } }, {
          job_id: job?.id ?? null,
          data_source: job ? 'completed_job' : 'empty',
        });
      },
    );

    app.get<{ Querystring: { job_id?: string; limit: number } }>(
      '/api/v1/visualizations/sample-patients',
      {
        schema: {
          tags: ['jobs'],
          summary: 'The first patients of a completed job',
          security,
          querystring: Type.Object({
            job_id: Type.Optional(Type.String()),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
          }),
          response: {
            200: wrapped('Short patient records', {
              patients: [
                {
                  id: 0,
                  name: 'Jan Kowalski',
                  nationality: 'POL',
                  triage_category: 'T3',
                  final_status: 'RTD',
                },
              ],
            }),
            ...errorResponses(404, 410, 422, ...PROTECTED_ERRORS),
            ...ENCRYPTED_JOB_ERROR,
          },
        },
      },
      async (request) => {
        const job = await findJob(request, request.query.job_id);
        const patients = job ? await patientsOf(job, 0, request.query.limit) : [];
        return wrap(
          {
            patients: patients.map((p) => ({
              id: p.id,
              name: `${p.demographics.given_name} ${p.demographics.family_name}`,
              nationality: p.nationality,
              age: p.age,
              gender: p.gender,
              injury_type: p.injury_type,
              triage_category: p.triage_category,
              final_status: p.final_status,
              front: p.front,
              day_of_injury: p.day,
            })),
          },
          {
            job_id: job?.id ?? null,
            requested_limit: request.query.limit,
            actual_count: patients.length,
            data_source: job ? 'completed_job' : 'empty',
          },
        );
      },
    );

    app.get<{ Params: { patient_id: string }; Querystring: { job_id: string } }>(
      '/api/v1/visualizations/patient-detail/:patient_id',
      {
        schema: {
          tags: ['jobs'],
          summary: 'One patient of a completed job',
          security,
          params: Type.Object({ patient_id: Type.Integer({ minimum: 0, maximum: 100_000_000 }) }),
          // Required: a patient number means nothing without its job (the earlier service answered 404).
          querystring: Type.Object({ job_id: Type.String({ minLength: 1 }) }),
          response: {
            200: openObject('One full patient record, as in patients.json', {
              id: 0,
              nationality: 'POL',
              triage_category: 'T3',
              final_status: 'RTD',
            }),
            ...errorResponses(404, 410, 422, ...PROTECTED_ERRORS),
            ...ENCRYPTED_JOB_ERROR,
          },
        },
      },
      async (request) => {
        const { job_id } = request.query;
        const job = await findJob(request, job_id);
        const id = Number(request.params.patient_id);
        const [patient] = job ? await patientsOf(job, id, id + 1) : [];
        if (!patient) throw notFound(`Patient ${id} not found in job ${job_id}`);
        return patient;
      },
    );
  };
}
