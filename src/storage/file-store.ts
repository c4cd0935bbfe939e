import type { Readable } from 'node:stream';

/** An inclusive byte range: `start` to `end`, both counted from 0, as in `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Bytes read into memory, and the size of the whole file they came from. */
export interface ReadBytes {
  bytes: Buffer;
  size: number;
}

/**
 * Where a completed job's files live, so that every instance can serve them: the local disk
 * (`disk-file-store.ts`) or S3-compatible object storage (`s3-file-store.ts`). A file is named by its
 * job id and its name in the job (`patients.json`, `patients.idx`, ... and `ARCHIVE`, the ZIP).
 *
 * Failure modes, the same for both stores (the contract suite checks them): a missing file is a
 * value (`undefined`), never an error; removing what is not there succeeds; a store that cannot be
 * reached rejects with `FileStoreUnavailableError`.
 */
export interface FileStore {
  readonly kind: 'disk' | 's3';
  /**
   * Stores the local file `localPath` as `name` of job `jobId`, replacing any earlier one. The disk
   * store moves the file (the local file is gone afterwards), S3 uploads it (the caller removes it).
   */
  put(jobId: string, name: string, localPath: string): Promise<void>;
  /** The file's size in bytes, or `undefined` when it is not there. */
  size(jobId: string, name: string): Promise<number | undefined>;
  /**
   * The file's bytes as a stream, only `range` when given (the caller keeps it within the size):
   * never read whole into memory. `undefined` when the file is not there.
   */
  stream(jobId: string, name: string, range?: ByteRange): Promise<Readable | undefined>;
  /**
   * Bytes `[start, end]` of a file read into memory, for small reads (the patient index and a page
   * of rows); a range past the end is cut at the end. `undefined` when the file is not there.
   */
  read(jobId: string, name: string, range: ByteRange): Promise<ReadBytes | undefined>;
  /** Removes every file of the job; a job without files is no error. */
  remove(jobId: string): Promise<void>;
  /** The ids of every job that has a file in the store (the stray sweep compares them with the database). */
  jobIds(): Promise<string[]>;
  /** Resolves when the store answers (readiness); rejects with FileStoreUnavailableError when it does not. */
  ping(): Promise<void>;
  /** Releases connections; the store is not used afterwards. */
  close(): Promise<void>;
}

/** The name of a job's ZIP among its files. */
export const ARCHIVE = 'archive.zip';

/** The store could not be reached or refused the request; the caller answers 503 or fails the job. */
export class FileStoreUnavailableError extends Error {
  override name = 'FileStoreUnavailableError';
  constructor(
    message: string,
    /** The store's own error code (S3's `InvalidRange`, `AccessDenied`, ...), for logs. */
    readonly code?: string,
    /** The store client's error, for the log. */
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}
