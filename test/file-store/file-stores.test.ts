import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskFileStore } from '../../src/storage/index.js';
import { S3FileStore } from '../../src/storage/s3-file-store.js';
import { type LocalS3, startLocalS3 } from '../helpers/s3.js';
import { describeFileStoreContract } from './contract.js';

let root = '';
describeFileStoreContract('the disk', {
  async open() {
    root = mkdtempSync(join(tmpdir(), 'milmed-files-'));
    return new DiskFileStore(root);
  },
  async close() {
    rmSync(root, { recursive: true, force: true });
  },
});

let s3: LocalS3 | undefined;
describeFileStoreContract('S3 (s3rver)', {
  async open() {
    s3 = await startLocalS3(['contract-bucket']);
    return new S3FileStore({
      bucket: 'contract-bucket',
      prefix: 'milmed/',
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  },
  async close() {
    await s3?.close();
  },
});
