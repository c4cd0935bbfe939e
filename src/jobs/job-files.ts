import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { PatientPage } from '../output/index.js';
import { ARCHIVE, type ByteRange, type FileStore } from '../storage/index.js';

/** A spool entry: a running job's directory `<id>` or its archive `<id>.zip`. */
const SPOOL_ENTRY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\.zip)?$/;

/**
 * A job's files over their life. A running job's worker writes into a local spool directory
 * (`DATA_DIR/spool/<id>`, its ZIP beside it), fast and private to this instance. When the job
 * completes, `publish` hands every file to the store, the archive last, and drops the spool; only
 * then is the job marked completed, so the partial files of a failed, cancelled or killed job are
 * never visible. Reads and removals go through the store, so any instance serves any job.
 */
export class JobFiles {
  constructor(
    readonly store: FileStore,
    private readonly spoolRoot: string,
  ) {}

  /** Where the worker writes job `jobId`'s files; its ZIP is `<dir>.zip`. */
  spoolDir(jobId: string): string {
    if (!SPOOL_ENTRY.test(jobId)) throw new Error(`not a job id: ${JSON.stringify(jobId)}`);
    return join(this.spoolRoot, jobId);
  }

  /**
   * Moves a finished job's spooled files into the store, then removes the spool.
   * @throws Error('storing the files failed') when the store refuses one (its error is the cause);
   *   the caller fails the job and removes what was stored.
   */
  async publish(jobId: string): Promise<void> {
    const dir = this.spoolDir(jobId);
    try {
      for (const name of await readdir(dir)) await this.store.put(jobId, name, join(dir, name));
      // The archive last: a store holding it holds everything.
      await this.store.put(jobId, ARCHIVE, `${dir}.zip`);
    } catch (err) {
      throw new Error('storing the files failed', { cause: err });
    }
    await this.removeSpool(jobId);
  }

  /** The size of a stored file, `undefined` when it is gone. */
  size(jobId: string, name: string): Promise<number | undefined> {
    return this.store.size(jobId, name);
  }

  /** A stored file's bytes (only `range` when given) as a stream; `undefined` when it is gone. */
  stream(jobId: string, name: string, range?: ByteRange): Promise<Readable | undefined> {
    return this.store.stream(jobId, name, range);
  }

  /**
   * Patients `[start, end)` of a completed job, through its row index (a few ranged reads);
   * `undefined` when the files are gone.
   */
  async storedPatients(jobId: string, start: number, end: number): Promise<PatientPage | undefined> {
    // Loaded on first use: the output writers (yazl, csv-stringify) are not needed to start the CLI.
    const { readIndexedPatients } = await import('../output/index.js');
    return readIndexedPatients((name, range) => this.store.read(jobId, name, range), start, end);
  }

  /** Removes the job's files wherever they are: the spool here and the store. */
  async remove(jobId: string): Promise<void> {
    await this.removeSpool(jobId);
    await this.store.remove(jobId);
  }

  /** Every job id with files in the store or in this instance's spool. */
  async jobIds(): Promise<string[]> {
    const spooled = (await readdir(this.spoolRoot).catch(() => [] as string[]))
      .map((name) => SPOOL_ENTRY.exec(name)?.[1])
      .filter((id) => id !== undefined);
    return [...new Set([...spooled, ...(await this.store.jobIds())])];
  }

  private async removeSpool(jobId: string): Promise<void> {
    const dir = this.spoolDir(jobId);
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.zip`, { force: true });
  }
}
