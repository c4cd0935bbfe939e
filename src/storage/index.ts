/**
 * Job files: the store every instance reads a completed job's files from, the local disk by default
 * or S3-compatible object storage. Imports only `config` and node; the AWS SDK is loaded only when
 * S3 is configured, so the CLI and disk-only servers never pay for it.
 */
export { DiskFileStore } from './disk-file-store.js';
export {
  ARCHIVE,
  type ByteRange,
  type FileStore,
  FileStoreUnavailableError,
  type ReadBytes,
} from './file-store.js';
export { openFileStore } from './open-file-store.js';
