import { ARCHIVE } from './file-store.js';

const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FILE_NAME = /^[a-z0-9][a-z0-9._-]*$/;
/** A top-level entry of the `jobs/` folder: a job's directory `<id>` or its archive `<id>.zip`. */
const JOB_ENTRY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\.zip)?$/;

/**
 * Where a job's file lives under a store's root, the same for both stores: `jobs/<id>/<name>`, and the
 * archive at `jobs/<id>.zip` (the layout `DATA_DIR` has always had). Throws on an id or name that could
 * leave that folder, which only a bug can produce: ids are UUIDs and names come from the writers.
 */
export function jobFileKey(jobId: string, name: string): string {
  if (!JOB_ID.test(jobId)) throw new Error(`not a job id: ${JSON.stringify(jobId)}`);
  if (name === ARCHIVE) return `jobs/${jobId}.zip`;
  if (!FILE_NAME.test(name)) throw new Error(`not a job file name: ${JSON.stringify(name)}`);
  return `jobs/${jobId}/${name}`;
}

/** The folder of a job's files (without its archive), with a trailing slash. */
export function jobFolderKey(jobId: string): string {
  return jobFileKey(jobId, 'x').slice(0, -1);
}

/** The job id of an entry of the `jobs/` folder (`<id>` or `<id>.zip`), or `undefined` for anything else. */
export function jobIdOfEntry(entry: string): string | undefined {
  return JOB_ENTRY.exec(entry)?.[1];
}
