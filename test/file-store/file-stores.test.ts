import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('the disk store', () => {
  it('moves a file in with its mode, under directories only the service can read', async () => {
    const previousUmask = process.umask(0o022);
    const dir = mkdtempSync(join(tmpdir(), 'milmed-files-'));
    try {
      const local = join(dir, 'spooled');
      writeFileSync(local, '[]', { mode: 0o600 });
      const jobId = randomUUID();
      await new DiskFileStore(dir).put(jobId, 'patients.json', local);
      expect(existsSync(local)).toBe(false);
      const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
      expect(modeOf(join(dir, 'jobs'))).toBe('700');
      expect(modeOf(join(dir, 'jobs', jobId))).toBe('700');
      expect(modeOf(join(dir, 'jobs', jobId, 'patients.json'))).toBe('600');
    } finally {
      process.umask(previousUmask);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
