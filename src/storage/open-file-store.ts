import type { Config } from '../config/index.js';
import { DiskFileStore } from './disk-file-store.js';
import type { FileStore } from './file-store.js';

/**
 * The store the configuration asks for: S3 when `S3_BUCKET` is set, else the disk under `DATA_DIR`.
 * Rejects when S3 is configured but the SDK can resolve no region.
 */
export async function openFileStore(config: Pick<Config, 'dataDir' | 's3'>): Promise<FileStore> {
  if (!config.s3) return new DiskFileStore(config.dataDir);
  const { S3FileStore } = await import('./s3-file-store.js');
  const store = new S3FileStore(config.s3);
  await store.checkRegion();
  return store;
}
