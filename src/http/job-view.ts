import type { JobRow } from '../jobs/index.js';

/**
 * A job as the v1 API shows it: the earlier service's shape, plus `result`, `seed`, `encrypted` and
 * `total_patients`. An encrypted job shows `seed: null` and no seed in `config`: seed and
 * configuration together would let anyone generate its patients again.
 */
export function toJobResponse(job: JobRow) {
  const files = job.outputFiles ?? [];
  const { seed: _seed, ...configWithoutSeed } = job.config;
  return {
    job_id: job.id,
    status: job.status,
    created_at: job.createdAt.toISOString(),
    progress: job.progress,
    config: job.useEncryption ? configWithoutSeed : job.config,
    completed_at: job.completedAt?.toISOString() ?? null,
    error: job.error ?? null,
    output_files: files.map((f) => f.name),
    progress_details:
      job.status === 'running'
        ? { patients_generated: job.patientsGenerated, total_patients: job.totalPatients }
        : null,
    summary: job.summary ?? { total_patients: job.totalPatients },
    result:
      job.status === 'completed'
        ? { total_patients: job.patientsGenerated, file_size: files.reduce((n, f) => n + f.bytes, 0) }
        : null,
    seed: job.useEncryption ? null : job.seed,
    encrypted: job.useEncryption,
    total_patients: job.totalPatients,
  };
}
