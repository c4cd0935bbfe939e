import type { JobRow, JobService } from '../jobs/index.js';
import type { PatientPage } from '../output/index.js';
import { AppError, forbidden } from './errors.js';
import { ErrorBody } from './schemas/common.js';

/** The 403 of the routes that serve patients, documented with its second cause. */
export const ENCRYPTED_JOB_ERROR = {
  403: { ...ErrorBody, description: 'The key lacks the scope this route needs, or the job is encrypted' },
};

/** 403 for an encrypted job: its patients leave the server only inside the ZIP, as ciphertext. */
export function refuseEncrypted(job: JobRow): void {
  if (job.useEncryption) {
    throw forbidden(`Job ${job.id} is encrypted: download it and decrypt it with your password`);
  }
}

/**
 * Patients `[start, end)` of a completed job, as its worker stored them. An encrypted job answers
 * 403 (its patients leave the server only inside the ZIP, as ciphertext); a job whose files are
 * gone answers 410.
 */
export async function storedPatientsOf(
  jobs: JobService,
  job: JobRow,
  start: number,
  end: number,
): Promise<PatientPage> {
  refuseEncrypted(job);
  const page = await jobs.storedPatients(job.id, start, end);
  if (!page) throw new AppError(410, 'The files of this job are no longer available');
  return page;
}
