import { copyFile, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { ARCHIVE, type ByteRange, type FileStore, type ReadBytes } from './file-store.js';
import { jobFileKey, jobFolderKey, jobIdOfEntry } from './job-file-keys.js';

/**
 * Job files on a local (or shared, network-mounted) disk under `root/jobs`. Several instances
 * serve the same files when they share the directory. Directories are 0700 and files 0600:
 * patient data, even synthetic, is for its owner only.
 */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk';

  constructor(private readonly root: string) {}

  async put(jobId: string, name: string, localPath: string): Promise<void> {
    const target = this.path(jobId, name);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    try {
      await rename(localPath, target);
    } catch (err) {
      // The spool on another file system than the store: copy, then drop the spool's file.
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      await copyFile(localPath, target);
      await rm(localPath, { force: true });
    }
  }

  async size(jobId: string, name: string): Promise<number | undefined> {
    const file = await openIfExists(this.path(jobId, name));
    if (!file) return undefined;
    try {
      return (await file.stat()).size;
    } finally {
      await file.close();
    }
  }

  async stream(jobId: string, name: string, range?: ByteRange): Promise<Readable | undefined> {
    // Opened first, so a missing file is a value here and not an error event on the stream later.
    const file = await openIfExists(this.path(jobId, name));
    return file?.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async read(jobId: string, name: string, range: ByteRange): Promise<ReadBytes | undefined> {
    const file = await openIfExists(this.path(jobId, name));
    if (!file) return undefined;
    try {
      const { size } = await file.stat();
      const length = Math.max(0, Math.min(range.end, size - 1) - range.start + 1);
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await file.read(bytes, 0, length, range.start);
      return { bytes: bytes.subarray(0, bytesRead), size };
    } finally {
      await file.close();
    }
  }

  async remove(jobId: string): Promise<void> {
    await rm(join(this.root, jobFolderKey(jobId)), { recursive: true, force: true });
    await rm(this.path(jobId, ARCHIVE), { force: true });
  }

  async jobIds(): Promise<string[]> {
    const entries = await readdir(join(this.root, 'jobs')).catch(() => [] as string[]);
    return [...new Set(entries.map(jobIdOfEntry).filter((id) => id !== undefined))];
  }

  /** The disk is this host's own: nothing to reach. */
  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private path(jobId: string, name: string): string {
    return join(this.root, jobFileKey(jobId, name));
  }
}

async function openIfExists(path: string) {
  try {
    return await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
